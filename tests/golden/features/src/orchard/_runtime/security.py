"""Credentials and where they go on a request."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional, Sequence, Tuple, Union

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


class OAuth2Token:
    """Base of the OAuth2 credentials: an access token the SDK obtains from the token URL, reuses
    until shortly before it expires, and renews when it expires or a request answers 401.
    """

    def __init__(
        self,
        *,
        client_id: Optional[str] = None,
        client_secret: Optional[str] = None,
        token_url: Optional[str] = None,
        scopes: Sequence[str] = (),
        on_token: Optional[Callable[[str, Optional[str], float], None]] = None,
    ) -> None:
        self.client_id = client_id
        self._client_secret = client_secret
        self.token_url = token_url
        self.scopes = tuple(scopes)
        self._on_token = on_token
        self._token: Optional[str] = None
        self._refresh: Optional[str] = None
        self._expires = 0.0
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(client_id={self.client_id!r}, secrets hidden)"

    def _grant(self) -> Dict[str, str]:
        raise NotImplementedError

    def access_token(self, client: httpx.Client, token_url: str) -> str:
        with self._lock:
            if self._token is not None and time.monotonic() < self._expires:
                return self._token
            form = (
                {"grant_type": "refresh_token", "refresh_token": self._refresh}
                if self._refresh is not None
                else self._grant()
            )
            if self.scopes:
                form["scope"] = " ".join(self.scopes)
            self._fetch(client, self.token_url or token_url, form)
            assert self._token is not None
            return self._token

    def invalidate(self) -> bool:
        """Forget the access token (the server refused it): the next request gets a new one."""
        with self._lock:
            self._expires = 0.0
            return True

    def _fetch(self, client: httpx.Client, url: str, form: Dict[str, str]) -> None:
        headers = {"Accept": "application/json"}
        try:
            if self.client_id is not None:
                auth = (self.client_id, self._client_secret or "")
                response = client.post(url, data=form, auth=auth, headers=headers)
            else:
                response = client.post(url, data=form, headers=headers)
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
        self._refresh = payload.get("refresh_token") or self._refresh
        self._expires = time.monotonic() + max(0.0, lifetime - 60.0)
        if self._on_token is not None:
            self._on_token(token, self._refresh, time.time() + lifetime)


class ClientCredentials(OAuth2Token):
    """OAuth2 client credentials: the SDK fetches an access token and reuses it until shortly
    before it expires. `token_url` overrides the one the API documents."""

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        token_url: Optional[str] = None,
        scopes: Sequence[str] = (),
        on_token: Optional[Callable[[str, Optional[str], float], None]] = None,
    ) -> None:
        super().__init__(
            client_id=client_id,
            client_secret=client_secret,
            token_url=token_url,
            scopes=scopes,
            on_token=on_token,
        )

    def _grant(self) -> Dict[str, str]:
        self._refresh = None  # client credentials get a new token, not a refreshed one
        return {"grant_type": "client_credentials"}


class PasswordCredentials(OAuth2Token):
    """OAuth2 password flow: the SDK exchanges a user's name and password for an access token
    (and renews it with the refresh token the server gives, if any)."""

    def __init__(
        self,
        username: str,
        password: str,
        *,
        client_id: Optional[str] = None,
        client_secret: Optional[str] = None,
        token_url: Optional[str] = None,
        scopes: Sequence[str] = (),
        on_token: Optional[Callable[[str, Optional[str], float], None]] = None,
    ) -> None:
        super().__init__(
            client_id=client_id,
            client_secret=client_secret,
            token_url=token_url,
            scopes=scopes,
            on_token=on_token,
        )
        self.username = username
        self._password = password

    def _grant(self) -> Dict[str, str]:
        return {
            "grant_type": "password",
            "username": self.username,
            "password": self._password,
        }


class RefreshToken(OAuth2Token):
    """Tokens you already have (from an authorization-code flow, say): the access token is used
    until it expires (`expires_at`, a Unix time) or a request answers 401, then renewed with the
    refresh token. `on_token(access_token, refresh_token, expires_at)` is called with each new
    pair, so that you can store it."""

    def __init__(
        self,
        access_token: str,
        refresh_token: str,
        *,
        expires_at: Optional[float] = None,
        client_id: Optional[str] = None,
        client_secret: Optional[str] = None,
        token_url: Optional[str] = None,
        scopes: Sequence[str] = (),
        on_token: Optional[Callable[[str, Optional[str], float], None]] = None,
    ) -> None:
        super().__init__(
            client_id=client_id,
            client_secret=client_secret,
            token_url=token_url,
            scopes=scopes,
            on_token=on_token,
        )
        self._token = access_token
        self._refresh = refresh_token
        left = (expires_at - time.time()) if expires_at is not None else 3600.0
        self._expires = time.monotonic() + max(0.0, left - 60.0)


Credential = Union[str, Tuple[str, str], Callable[[], str], OAuth2Token]
"""A secret string (for HTTP basic, `"user:password"` or a `(user, password)` tuple), a callable
returning one (called for every request), or OAuth2 `ClientCredentials`, `PasswordCredentials`
or `RefreshToken`."""


def _resolve(credential: Credential, scheme: SecurityScheme, config: Any) -> str:
    if isinstance(credential, OAuth2Token):
        return credential.access_token(config.client, scheme.token_url)
    if isinstance(credential, tuple):
        return f"{credential[0]}:{credential[1]}"
    return credential() if callable(credential) else credential
