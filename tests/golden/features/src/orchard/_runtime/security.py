"""Credentials and where they go on a request."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Optional, Sequence, Tuple, Union

import httpx

from .errors import ResponseValidationError, SDKError, _no_response

# --------------------------------------------------------------------------- security


@dataclass(frozen=True)
class SecurityScheme:
    """Where a credential goes: `kind` is "bearer", "basic", "apikey" or "oauth2" (client
    credentials, fetched from `token_url`)."""

    kind: str
    location: str = "header"
    param: str = "Authorization"
    token_url: str = ""


class ClientCredentials:
    """OAuth2 client credentials: the SDK fetches an access token and reuses it until shortly
    before it expires. `token_url` overrides the one the API documents."""

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        token_url: Optional[str] = None,
        scopes: Sequence[str] = (),
    ) -> None:
        self.client_id = client_id
        self._client_secret = client_secret
        self.token_url = token_url
        self.scopes = tuple(scopes)
        self._token: Optional[str] = None
        self._expires = 0.0
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return (
            f"ClientCredentials(client_id={self.client_id!r}, client_secret=[hidden])"
        )

    def access_token(self, client: httpx.Client, token_url: str) -> str:
        with self._lock:
            if self._token is not None and time.monotonic() < self._expires:
                return self._token
            form = {"grant_type": "client_credentials"}
            if self.scopes:
                form["scope"] = " ".join(self.scopes)
            try:
                response = client.post(
                    self.token_url or token_url,
                    data=form,
                    auth=(self.client_id, self._client_secret),
                    headers={"Accept": "application/json"},
                )
            except httpx.TransportError as exc:
                raise _no_response(exc) from exc
            if response.status_code >= 400:
                raise SDKError("OAuth2 token request failed", response)
            try:
                payload = response.json()
                token = str(payload["access_token"])
                lifetime = float(payload.get("expires_in") or 3600)
            except (ValueError, KeyError, TypeError) as exc:
                raise ResponseValidationError(
                    "OAuth2 token response has no access_token", response
                ) from exc
            self._token = token
            self._expires = time.monotonic() + max(0.0, lifetime - 60.0)
            return token


Credential = Union[str, Tuple[str, str], Callable[[], str], ClientCredentials]
"""A secret string (for HTTP basic, `"user:password"` or a `(user, password)` tuple), a callable
returning one (called for every request), or OAuth2 `ClientCredentials`."""


def _resolve(credential: Credential, scheme: SecurityScheme, config: Any) -> str:
    if isinstance(credential, ClientCredentials):
        return credential.access_token(config.client, scheme.token_url)
    if isinstance(credential, tuple):
        return f"{credential[0]}:{credential[1]}"
    return credential() if callable(credential) else credential
