"""What a client shares with its resources."""

from __future__ import annotations

import copy
import functools
import logging
import os
import sys
import threading
from typing import Any, Dict, Mapping, Optional, Sequence, Tuple, Union

import httpx

from .errors import ConfigurationError
from .hooks import Hooks
from .retries import RetryConfig
from .security import Credential, SecurityScheme
from .values import UNSET, Unset

# --------------------------------------------------------------------------- configuration


class _Pool:
    """The HTTP clients (and their connection pools) that a client and its copies share."""

    def __init__(
        self, client: Optional[httpx.Client], async_client: Optional[httpx.AsyncClient]
    ) -> None:
        self.client = client
        self.async_client = async_client
        self.owns_client = client is None
        self.owns_async_client = async_client is None
        self.lock = threading.Lock()


@functools.cache
def _telemetry() -> Dict[str, str]:
    """What the SDK tells the server about where it runs (the `X-SDK-*` headers)."""
    import platform

    return {
        "X-SDK-Lang": "python",
        "X-SDK-Runtime": platform.python_implementation(),
        "X-SDK-Runtime-Version": platform.python_version(),
        "X-SDK-OS": platform.system() or sys.platform,
        "X-SDK-Arch": platform.machine() or "unknown",
    }


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
        http_headers: Optional[Mapping[str, str]] = None,
        telemetry: bool = True,
        sdk_version: str = "",
        global_params: Optional[Mapping[Tuple[str, str], Any]] = None,
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
        self._pool = _Pool(client, async_client)
        self._owns_pool = True
        self.debug_logger = debug_logger
        # Sent with every request, before what the operation and the call add.
        self.headers: Dict[str, str] = {"User-Agent": user_agent}
        if telemetry:
            self.headers.update(_telemetry())
            if sdk_version:
                self.headers["X-SDK-Package-Version"] = sdk_version
        self.headers.update(http_headers or {})
        # Values of the document's global parameters, by (wire name, location): sent by the
        # operations that take such a parameter when the call does not give it.
        self.global_params = {
            key: value
            for key, value in (global_params or {}).items()
            if value is not None
        }

    def derive(
        self,
        *,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        retry_config: Union[RetryConfig, None, Unset] = UNSET,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> SDKConfiguration:
        """A copy with other settings, sharing the HTTP clients (which only the original closes),
        the credentials and the hooks."""
        derived = copy.copy(self)
        derived._owns_pool = False
        if server_url is not None:
            if "://" not in server_url:
                raise ConfigurationError(
                    f"server_url must be an absolute URL, not {server_url!r}"
                )
            derived.server_url = server_url.rstrip("/")
            derived.custom_server = True
        if timeout_ms is not None:
            derived.timeout_ms = timeout_ms
        if not isinstance(retry_config, Unset):
            derived.retry_config = retry_config
        derived.headers = {**self.headers, **(http_headers or {})}
        return derived

    def __repr__(self) -> str:
        names = ", ".join(sorted(self._credentials))
        return f"SDKConfiguration(server_url={self.server_url!r}, credentials=[{names}] (hidden))"

    @property
    def client(self) -> httpx.Client:
        pool = self._pool
        if pool.client is None:
            with pool.lock:
                if pool.client is None:
                    pool.client = httpx.Client(follow_redirects=True)
        return pool.client

    @property
    def async_client(self) -> httpx.AsyncClient:
        pool = self._pool
        if pool.async_client is None:
            with pool.lock:
                if pool.async_client is None:
                    pool.async_client = httpx.AsyncClient(follow_redirects=True)
        return pool.async_client

    def credential(self, scheme: str) -> Optional[Credential]:
        return self._credentials.get(scheme)

    def close(self) -> None:
        pool = self._pool
        if self._owns_pool and pool.owns_client and pool.client is not None:
            pool.client.close()
            pool.client = None

    async def aclose(self) -> None:
        pool = self._pool
        if self._owns_pool and pool.owns_async_client and pool.async_client is not None:
            await pool.async_client.aclose()
            pool.async_client = None


def env_credential(
    value: Optional[Credential], variable: Optional[str]
) -> Optional[Credential]:
    """The credential given, or else the one in the environment variable the SDK names."""
    if value is None and variable:
        return os.environ.get(variable) or None
    return value


def env_server(value: Optional[str], variable: str) -> Optional[str]:
    """The server URL given, or else the one in the environment variable the SDK names."""
    if value is None:
        return os.environ.get(variable) or None
    return value


def fill_server(url: str, variables: Mapping[str, str]) -> str:
    """A server URL with its `{variables}` filled in."""
    for name, value in variables.items():
        url = url.replace("{" + name + "}", value)
    return url
