"""What a client shares with its resources."""

from __future__ import annotations

import logging
import os
import threading
from typing import Mapping, Optional, Sequence

import httpx

from .errors import ConfigurationError
from .hooks import Hooks
from .retries import RetryConfig
from .security import Credential, SecurityScheme

# --------------------------------------------------------------------------- configuration


class SDKConfiguration:
    """Everything a client shares with its resources.  Credentials never appear in `repr`."""

    def __init__(
        self,
        *,
        server_url: Optional[str],
        default_server_url: str = "",
        user_agent: str,
        schemes: Mapping[str, SecurityScheme],
        credentials: Mapping[str, Optional[Credential]],
        default_security: Sequence[Sequence[str]],
        timeout_ms: Optional[int],
        retry_config: Optional[RetryConfig],
        client: Optional[httpx.Client],
        default_retry_config: Optional[RetryConfig] = None,
        async_client: Optional[httpx.AsyncClient],
        debug_logger: Optional[logging.Logger],
    ) -> None:
        chosen = server_url or default_server_url
        if "://" not in chosen:
            raise ConfigurationError(
                f"the API's documented server {chosen!r} is relative to where the API is deployed: "
                f"pass server_url, for example server_url='https://api.example.com{chosen.rstrip('/')}'"
            )
        self.server_url = chosen.rstrip("/")
        # Chosen by the user: it wins over the servers operations declare for themselves.
        self.custom_server = server_url is not None
        self.user_agent = user_agent
        self.schemes = dict(schemes)
        self._credentials = {k: v for k, v in credentials.items() if v is not None}
        self.default_security = tuple(tuple(alt) for alt in default_security)
        self.timeout_ms = timeout_ms
        self.retry_config = retry_config
        self.default_retry_config = default_retry_config
        self.hooks = Hooks()
        self._client = client
        self._async_client = async_client
        self._owns_client = client is None
        self._owns_async_client = async_client is None
        self._lock = threading.Lock()
        self.debug_logger = debug_logger

    def __repr__(self) -> str:
        names = ", ".join(sorted(self._credentials))
        return f"SDKConfiguration(server_url={self.server_url!r}, credentials=[{names}] (hidden))"

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            with self._lock:
                if self._client is None:
                    self._client = httpx.Client(follow_redirects=True)
        return self._client

    @property
    def async_client(self) -> httpx.AsyncClient:
        if self._async_client is None:
            with self._lock:
                if self._async_client is None:
                    self._async_client = httpx.AsyncClient(follow_redirects=True)
        return self._async_client

    def credential(self, scheme: str) -> Optional[Credential]:
        return self._credentials.get(scheme)

    def close(self) -> None:
        if self._owns_client and self._client is not None:
            self._client.close()
            self._client = None

    async def aclose(self) -> None:
        if self._owns_async_client and self._async_client is not None:
            await self._async_client.aclose()
            self._async_client = None


def env_credential(
    value: Optional[Credential], variable: Optional[str]
) -> Optional[Credential]:
    """The credential given, or else the one in the environment variable the SDK names."""
    if value is None and variable:
        return os.environ.get(variable) or None
    return value


def fill_server(url: str, variables: Mapping[str, str]) -> str:
    """A server URL with its `{variables}` filled in."""
    for name, value in variables.items():
        url = url.replace("{" + name + "}", value)
    return url
