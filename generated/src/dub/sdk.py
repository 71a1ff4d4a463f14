"""The Dub client."""

import logging
from functools import cached_property
from typing import TYPE_CHECKING, Optional

import httpx

from ._runtime import (
    ClientBase,
    Credential,
    RetryConfig,
    SDKConfiguration,
    SecurityScheme,
    env_credential,
)

if TYPE_CHECKING:
    from .partners import Partners

__version__ = "0.1.0"
USER_AGENT = "sdkforge/0.1.0 dub/0.1.0 python"
SERVERS: list[str] = [
    "https://api.dub.co",
]
"""The servers the API is served from; `server_idx` picks one, `server_url` overrides them."""

_SCHEMES = {
    "token": SecurityScheme("bearer", "header", "Authorization"),
}


class Dub(ClientBase):
    """Dub is link management infrastructure for companies to create marketing campaigns, link sharing features, and referral programs.

    Use it as a context manager (`with Dub(...) as client:` or
    `async with Dub(...) as client:`) to close the connections it opened."""

    def __init__(
        self,
        token: Optional[Credential] = None,
        *,
        server_url: Optional[str] = None,
        server_idx: int = 0,
        timeout_ms: Optional[int] = None,
        retry_config: Optional[RetryConfig] = None,
        client: Optional[httpx.Client] = None,
        async_client: Optional[httpx.AsyncClient] = None,
        debug_logger: Optional[logging.Logger] = None,
    ) -> None:
        """Create a client.

        :param token: Default authentication mechanism: a string, or a callable returning one
            (called for every request).
            Defaults to the `DUB_API_KEY` environment variable.
        :param server_url: Base URL to send requests to, instead of the documented server.
        :param server_idx: Which of `SERVERS` to use when `server_url` is not given.
        :param timeout_ms: Timeout of each request, in milliseconds.
        :param retry_config: How to retry failed requests (no retries when not given).
        :param client: An `httpx.Client` to send requests with; the SDK will not close it.
        :param async_client: An `httpx.AsyncClient` for the `*_async` methods; not closed either.
        :param debug_logger: A logger that receives one debug line per request (secrets redacted).
        """
        super().__init__(
            SDKConfiguration(
                server_url=server_url or SERVERS[server_idx],
                user_agent=USER_AGENT,
                schemes=_SCHEMES,
                credentials={
                    "token": env_credential(token, "DUB_API_KEY"),
                },
                default_security=(("token",),),
                timeout_ms=timeout_ms,
                retry_config=retry_config,
                client=client,
                async_client=async_client,
                debug_logger=debug_logger,
            )
        )

    @cached_property
    def partners(self) -> "Partners":
        """Manage the partners of your programs and their links."""

        from .partners import Partners

        return Partners(self._config)
