"""The runtime of an SDK written by sdkforge.

This module is the same in every generated SDK: it is copied verbatim by the generator, and the
spec-specific modules next to it (the SDK class, its resources, models and errors) only describe
operations and call into it.  Everything here uses relative imports only, so the package can be
vendored under any parent package.
"""

from __future__ import annotations

import base64
import datetime as _dt
import enum
import json
import logging
import os
import random
import threading
import time
from dataclasses import dataclass
from typing import (
    TYPE_CHECKING,
    Any,
    AsyncIterator,
    BinaryIO,
    Callable,
    ClassVar,
    Dict,
    FrozenSet,
    Generic,
    Iterable,
    Iterator,
    List,
    Mapping,
    NamedTuple,
    Optional,
    Sequence,
    Tuple,
    Type,
    TypeVar,
    Union,
)
from urllib.parse import quote, urlencode, urljoin

import httpx
import pydantic

__all__ = [
    "UNSET",
    "Unset",
    "BackoffStrategy",
    "RetryConfig",
    "SDKBaseError",
    "SDKError",
    "NoResponseError",
    "ResponseValidationError",
]

T = TypeVar("T")

DEFAULT_TIMEOUT_MS = 60_000
DEFAULT_RETRY_STATUS_CODES: Tuple[str, ...] = ("429", "500", "502", "503", "504")
_JSON_MEDIA = ("application/json", "application/problem+json")


# --------------------------------------------------------------------------- UNSET


class Unset(enum.Enum):
    """The type of `UNSET`: "not given", as opposed to `None`, which means "no value"."""

    UNSET = "UNSET"

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET = Unset.UNSET


# --------------------------------------------------------------------------- models


if TYPE_CHECKING:

    class BaseModel(pydantic.BaseModel):
        """Base of every generated model (defined on first use: see `_define_base_model`)."""

        _send_defaults: ClassVar[FrozenSet[str]]


def _define_base_model() -> Any:
    """The base of every generated model, created when the first model module is imported.

    Creating a pydantic model class loads most of pydantic, so the client itself (`from
    <package> import <Client>`) does not pay for it until models are needed.
    """

    class BaseModel(pydantic.BaseModel):
        """Base of every generated model.

        Fields are populated by their Python name or their wire name; unknown fields sent by a
        newer server are kept (in `model_extra`) instead of breaking parsing.  Fields whose schema
        has a default count as set, so the default is sent on the wire, while optional fields the
        caller did not give are left out of the request.
        """

        model_config = pydantic.ConfigDict(
            populate_by_name=True, extra="allow", protected_namespaces=()
        )

        _send_defaults: ClassVar[FrozenSet[str]] = frozenset()

        def model_post_init(self, context: Any, /) -> None:
            if self._send_defaults:
                self.__pydantic_fields_set__.update(self._send_defaults)

    BaseModel.__module__ = __name__
    return BaseModel


def __getattr__(name: str) -> Any:
    if name == "BaseModel":
        value = globals()["BaseModel"] = _define_base_model()
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def Discriminated(wire: str, attr: str) -> Any:  # noqa: N802 (used like a class)
    """The discriminator of a tagged union: the variant is chosen by the value of the property
    (`wire` in a mapping, `attr` on a model), matched against each variant's `pydantic.Tag`.
    """

    def tag(value: Any) -> Optional[str]:
        found = (
            value.get(wire)
            if isinstance(value, Mapping)
            else getattr(value, attr, None)
        )
        if isinstance(found, enum.Enum):
            found = found.value
        return found if isinstance(found, str) else None

    return pydantic.Discriminator(tag)


class OpenEnum(str, enum.Enum):
    """A string enum that accepts values the API adds after the SDK was generated."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member


class OpenIntEnum(int, enum.Enum):
    """An integer enum that accepts values the API adds after the SDK was generated."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = f"VALUE_{value}"
        member._value_ = value
        return member


# --------------------------------------------------------------------------- errors


class SDKBaseError(Exception):
    """Base class of every exception raised by this SDK."""


class NoResponseError(SDKBaseError):
    """The request was not answered: connection refused or reset, DNS failure, or timeout."""

    def __init__(self, message: str, request: Optional[httpx.Request] = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class SDKError(SDKBaseError):
    """The API answered with an error status, or with a response the SDK could not use."""

    status_code: int
    headers: httpx.Headers
    body: str
    raw_response: httpx.Response

    def __init__(
        self, message: str, raw_response: httpx.Response, body: Optional[str] = None
    ) -> None:
        self.message = message
        self.raw_response = raw_response
        self.status_code = raw_response.status_code
        self.headers = raw_response.headers
        self.body = _body_text(raw_response) if body is None else body
        super().__init__(message)

    def __str__(self) -> str:
        return f"{self.message} (HTTP {self.status_code})"


class ResponseValidationError(SDKError):
    """The response body was not valid JSON or did not match the schema the API documents."""


class APIError(SDKError, Generic[T]):
    """Base of the generated error classes: an error response with a documented body."""

    data: T
    _data_type: ClassVar[Any] = None
    _message_path: ClassVar[Tuple[str, ...]] = ()

    def __init__(
        self, data: T, raw_response: httpx.Response, body: Optional[str] = None
    ) -> None:
        self.data = data
        message: Any = data
        for attr in self._message_path:
            message = getattr(message, attr, None)
        if not isinstance(message, str) or not message:
            message = (
                f"{type(self).__name__}: {raw_response.reason_phrase or 'API error'}"
            )
        super().__init__(message, raw_response, body)


def _body_text(response: httpx.Response) -> str:
    try:
        return response.text
    except (httpx.ResponseNotRead, httpx.StreamError, UnicodeDecodeError):
        return ""


# --------------------------------------------------------------------------- retries


@dataclass
class BackoffStrategy:
    """Exponential backoff; every interval is in milliseconds."""

    initial_interval: int = 500
    max_interval: int = 60_000
    exponent: float = 1.5
    max_elapsed_time: int = 3_600_000


@dataclass
class RetryConfig:
    """How to retry a request: `RetryConfig("backoff", BackoffStrategy(...), retry_connection_errors)`."""

    strategy: str = "backoff"
    backoff: Optional[BackoffStrategy] = None
    retry_connection_errors: bool = False

    def __post_init__(self) -> None:
        if self.backoff is None:
            self.backoff = BackoffStrategy()


def _status_matches(status: int, patterns: Iterable[str]) -> bool:
    text = str(status)
    for pattern in patterns:
        if pattern == text or (
            len(pattern) == 3 and pattern[1:].upper() == "XX" and pattern[0] == text[0]
        ):
            return True
    return False


def _retry_after_ms(response: httpx.Response) -> Optional[float]:
    value = response.headers.get("retry-after")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value) * 1000.0
    try:
        import email.utils

        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.timezone.utc)
    return max(
        0.0, (when - _dt.datetime.now(_dt.timezone.utc)).total_seconds() * 1000.0
    )


class _RetryState:
    """Decides, attempt after attempt, whether and how long to wait before the next try."""

    __slots__ = ("config", "codes", "started", "attempt")

    def __init__(self, config: Optional[RetryConfig], codes: Sequence[str]) -> None:
        self.config = (
            config if config is not None and config.strategy == "backoff" else None
        )
        self.codes = codes
        self.started = time.monotonic()
        self.attempt = 0

    def _delay(self, hint_ms: Optional[float]) -> Optional[float]:
        """Seconds to sleep before the next attempt, or None when no attempt is left."""
        if self.config is None or self.config.backoff is None:
            return None
        backoff = self.config.backoff
        if hint_ms is None:
            hint_ms = backoff.initial_interval * (backoff.exponent**self.attempt)
            hint_ms += random.uniform(0, 0.25 * hint_ms)
        delay_ms = min(hint_ms, float(backoff.max_interval))
        elapsed_ms = (time.monotonic() - self.started) * 1000.0
        if elapsed_ms + delay_ms > backoff.max_elapsed_time:
            return None
        self.attempt += 1
        return delay_ms / 1000.0

    def after_response(self, response: httpx.Response) -> Optional[float]:
        if self.config is None or not _status_matches(response.status_code, self.codes):
            return None
        return self._delay(_retry_after_ms(response))

    def after_exception(self) -> Optional[float]:
        if self.config is None or not self.config.retry_connection_errors:
            return None
        return self._delay(None)


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


Credential = Union[str, Callable[[], str], ClientCredentials]


def _resolve(credential: Credential, scheme: SecurityScheme, config: Any) -> str:
    if isinstance(credential, ClientCredentials):
        return credential.access_token(config.client, scheme.token_url)
    return credential() if callable(credential) else credential


# --------------------------------------------------------------------------- hooks

BeforeRequestHook = Callable[[httpx.Request], Optional[httpx.Request]]
AfterSuccessHook = Callable[[httpx.Response], Optional[httpx.Response]]
AfterErrorHook = Callable[[Optional[httpx.Response], Optional[BaseException]], None]


class Hooks:
    """Callables run around every request, registered with the methods below (also as decorators).

    - `before_request(hook)`: `hook(request)` may return a replacement `httpx.Request`; it runs
      before every attempt.
    - `after_success(hook)`: `hook(response)` may return a replacement `httpx.Response`; it runs
      for a final response with a status below 400.
    - `after_error(hook)`: `hook(response, exception)` runs for a final error status (with the
      response) or when no response came (with the exception); it cannot suppress the error.
    """

    def __init__(self) -> None:
        self._before: List[BeforeRequestHook] = []
        self._success: List[AfterSuccessHook] = []
        self._error: List[AfterErrorHook] = []

    def before_request(self, hook: BeforeRequestHook) -> BeforeRequestHook:
        self._before.append(hook)
        return hook

    def after_success(self, hook: AfterSuccessHook) -> AfterSuccessHook:
        self._success.append(hook)
        return hook

    def after_error(self, hook: AfterErrorHook) -> AfterErrorHook:
        self._error.append(hook)
        return hook

    def _run_before(self, request: httpx.Request) -> httpx.Request:
        for hook in self._before:
            request = hook(request) or request
        return request

    def _run_after(self, response: httpx.Response) -> httpx.Response:
        if response.status_code >= 400:
            for error_hook in self._error:
                error_hook(response, None)
            return response
        for hook in self._success:
            response = hook(response) or response
        return response

    def _run_error(self, exc: BaseException) -> None:
        for hook in self._error:
            hook(None, exc)


# --------------------------------------------------------------------------- configuration


class SDKConfiguration:
    """Everything a client shares with its resources.  Credentials never appear in `repr`."""

    def __init__(
        self,
        *,
        server_url: str,
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
        self.server_url = server_url.rstrip("/")
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


# --------------------------------------------------------------------------- operations


@dataclass(frozen=True)
class Param:
    """A parameter of an operation: attribute name on the request, wire name, location, style."""

    attr: str
    wire: str
    location: str
    style: str = "form"
    explode: bool = True


class Operation(Generic[T]):
    """What the SDK needs to know to make one API call; built once, when its module is imported."""

    __slots__ = (
        "method",
        "path",
        "request_type",
        "body_attr",
        "body_media",
        "params",
        "responses",
        "errors",
        "security",
        "retry_codes",
        "retry_config",
        "server_url",
        "stream",
        "events",
        "sentinel",
        "pagination",
        "_adapters",
        "_request_adapter",
    )

    def __init__(
        self,
        method: str,
        path: str,
        *,
        request_type: Any = None,
        body_attr: Optional[str] = None,
        body_media: Optional[str] = None,
        params: Sequence[Param] = (),
        responses: Mapping[str, Union[Tuple[Optional[str], Any], Mapping[str, Any]]],
        errors: Mapping[str, Type[APIError[Any]]] = {},
        security: Optional[Sequence[Sequence[str]]] = None,
        retry_codes: Sequence[str] = DEFAULT_RETRY_STATUS_CODES,
        retry_config: Optional[RetryConfig] = None,
        server_url: Optional[str] = None,
        stream: bool = False,
        events: str = "",
        sentinel: Optional[str] = None,
        pagination: Optional[Pagination] = None,
    ) -> None:
        self.method = method
        self.path = path
        self.request_type = request_type
        self.body_attr = body_attr
        self.body_media = body_media
        self.params = tuple(params)
        self.responses = dict(responses)
        self.errors = dict(errors)
        self.security = None if security is None else tuple(tuple(a) for a in security)
        self.retry_codes = tuple(retry_codes)
        self.retry_config = retry_config
        self.server_url = server_url
        self.stream = stream  # the success body is read as it arrives
        self.events = events  # how server-sent events map to the event type
        self.sentinel = sentinel  # an event `data` that ends the stream
        self.pagination = pagination
        self._adapters: Dict[int, pydantic.TypeAdapter[Any]] = {}
        self._request_adapter: Optional[pydantic.TypeAdapter[Any]] = None

    def adapter(self, tp: Any) -> pydantic.TypeAdapter[Any]:
        key = id(tp)
        found = self._adapters.get(key)
        if found is None:
            found = self._adapters[key] = pydantic.TypeAdapter(tp)
        return found


def _wire_value(value: Any) -> str:
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))  # a `number` the caller gave as 2 goes out as 2, not 2.0
    return str(value)


def _as_wire_object(value: Any) -> Any:
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(by_alias=True, exclude_unset=True, mode="json")
    return value


def _serialize_query(param: Param, value: Any) -> List[Tuple[str, str]]:
    value = _as_wire_object(value)
    if isinstance(value, Mapping):
        items = [(str(k), v) for k, v in value.items() if v is not None]
        if param.style == "deepObject":
            return [(f"{param.wire}[{k}]", _wire_value(v)) for k, v in items]
        if param.explode:
            return [(k, _wire_value(v)) for k, v in items]
        return [(param.wire, ",".join(f"{k},{_wire_value(v)}" for k, v in items))]
    if isinstance(value, (list, tuple)):
        if param.explode and param.style == "form":
            return [(param.wire, _wire_value(v)) for v in value]
        sep = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(param.style, ",")
        return [(param.wire, sep.join(_wire_value(v) for v in value))]
    return [(param.wire, _wire_value(value))]


def _serialize_simple(value: Any, explode: bool) -> str:
    value = _as_wire_object(value)
    if isinstance(value, Mapping):
        joiner = "=" if explode else ","
        return ",".join(
            f"{k}{joiner}{_wire_value(v)}" for k, v in value.items() if v is not None
        )
    if isinstance(value, (list, tuple)):
        return ",".join(_wire_value(v) for v in value)
    return _wire_value(value)


def _serialize_path(param: Param, value: Any) -> str:
    """A path parameter in its style (simple, label or matrix), every value percent-encoded, so
    that no value can add a path segment, a query or a fragment."""
    value = _as_wire_object(value)

    def enc(item: Any) -> str:
        return quote(_wire_value(item), safe="")

    name = param.wire
    if param.style == "label":
        prefix, separator = ".", "." if param.explode else ","
    elif param.style == "matrix":
        prefix, separator = ";", ";" if param.explode else ","
    else:
        prefix, separator = "", ","
    if isinstance(value, Mapping):
        members = [(k, v) for k, v in value.items() if v is not None]
        if param.explode:
            text = separator.join(f"{enc(k)}={enc(v)}" for k, v in members)
            return prefix + text
        text = ",".join(f"{enc(k)},{enc(v)}" for k, v in members)
    elif isinstance(value, (list, tuple)):
        if param.style == "matrix" and param.explode:
            return "".join(f";{name}={enc(v)}" for v in value)
        text = separator.join(enc(v) for v in value)
    else:
        text = enc(value)
    if param.style == "matrix":
        return f";{name}={text}"
    return prefix + text


def _own_server(own: Optional[str], client_url: str) -> str:
    """The operation's own server when it has one (relative ones resolved against the client's)."""
    if not own:
        return client_url
    if "://" in own:
        return own
    return urljoin(client_url.rstrip("/") + "/", own.lstrip("/"))


def _check_header_value(name: str, value: str) -> str:
    if "\r" in value or "\n" in value:
        raise ValueError(f"header {name!r} must not contain CR or LF characters")
    return value


class _Prepared:
    __slots__ = ("method", "url", "params", "headers", "content", "data", "files")

    def __init__(self) -> None:
        self.method = ""
        self.url = ""
        self.params: List[Tuple[str, Any]] = []
        self.headers: Dict[str, str] = {}
        self.content: Optional[bytes] = None
        self.data: Optional[Dict[str, Any]] = None
        self.files: Optional[List[Tuple[str, Tuple[str, bytes, str]]]] = None


def _form_pairs(value: Any, key: str = "") -> List[Tuple[str, str]]:
    """`application/x-www-form-urlencoded` pairs: nested objects as `key[member]`, lists repeated."""
    if isinstance(value, Mapping):
        pairs: List[Tuple[str, str]] = []
        for member, item in value.items():
            if item is not None:
                pairs.extend(
                    _form_pairs(item, f"{key}[{member}]" if key else str(member))
                )
        return pairs
    if isinstance(value, (list, tuple)):
        out: List[Tuple[str, str]] = []
        for index, item in enumerate(value):
            nested = isinstance(item, (Mapping, list, tuple))
            out.extend(_form_pairs(item, f"{key}[{index}]" if nested else key))
        return out
    return [(key, _wire_value(value))]


class BaseSDK:
    """Base of the generated client and resource classes: turns an `Operation` into HTTP."""

    def __init__(self, config: SDKConfiguration) -> None:
        self._config = config

    def __repr__(self) -> str:
        return f"{type(self).__name__}(server_url={self._config.server_url!r})"

    # ---- request building

    @staticmethod
    def _args(**values: Any) -> Dict[str, Any]:
        """The request of a method taking its fields as arguments: those given (None leaves a
        field out, so its documented default applies)."""
        return {name: value for name, value in values.items() if value is not None}

    def _coerce(self, op: Operation[Any], request: Any) -> Any:
        if op.request_type is None:
            return request
        if request is None:
            if (
                op.params
                and isinstance(op.request_type, type)
                and issubclass(op.request_type, pydantic.BaseModel)
            ):
                return op.request_type()
            return None
        if isinstance(op.request_type, type) and isinstance(request, op.request_type):
            return request
        if isinstance(op.request_type, type) and issubclass(
            op.request_type, pydantic.BaseModel
        ):
            return op.request_type.model_validate(request)
        if op._request_adapter is None:
            op._request_adapter = pydantic.TypeAdapter(op.request_type)
        return op._request_adapter.validate_python(request)

    def _prepare(
        self,
        op: Operation[Any],
        request: Any,
        server_url: Optional[str],
        http_headers: Optional[Mapping[str, str]],
    ) -> _Prepared:
        config = self._config
        prepared = _Prepared()
        request = self._coerce(op, request)
        path = op.path
        body: Any = request if op.body_attr is None else None
        if op.params or op.body_attr is not None:
            fields_set = (
                request.model_fields_set if request is not None else frozenset()
            )
            for param in op.params:
                if param.attr not in fields_set:
                    continue
                value = getattr(request, param.attr)
                if value is None:
                    continue
                if param.location == "path":
                    path = path.replace(
                        "{" + param.wire + "}", _serialize_path(param, value)
                    )
                elif param.location == "query":
                    prepared.params.extend(_serialize_query(param, value))
                elif param.location == "header":
                    text = _serialize_simple(value, param.explode)
                    prepared.headers[param.wire] = _check_header_value(param.wire, text)
                elif param.location == "cookie":
                    cookie = f"{param.wire}={quote(_serialize_simple(value, param.explode), safe='')}"
                    existing = prepared.headers.get("Cookie")
                    prepared.headers["Cookie"] = (
                        f"{existing}; {cookie}" if existing else cookie
                    )
            if op.body_attr is not None and request is not None:
                body = getattr(request, op.body_attr)
        base = (server_url or _own_server(op.server_url, config.server_url)).rstrip("/")
        prepared.method = op.method
        prepared.url = base + path
        prepared.headers["User-Agent"] = config.user_agent
        prepared.headers["Accept"] = self._accept(op)
        if body is not None and op.body_media is not None:
            media = op.body_media.split(";")[0].strip().lower()
            if media == "multipart/form-data":
                self._encode_multipart(body, prepared)  # httpx sets the boundary header
            elif media == "application/x-www-form-urlencoded":
                pairs = _form_pairs(_as_wire_object(body))
                prepared.content = urlencode(pairs).encode()
                prepared.headers["Content-Type"] = op.body_media
            else:
                prepared.content = self._encode_body(op, body)
                prepared.headers["Content-Type"] = op.body_media
        self._apply_security(op, prepared)
        if http_headers:
            for name, value in http_headers.items():
                prepared.headers[name] = _check_header_value(name, value)
        return prepared

    @staticmethod
    def _accept(op: Operation[Any]) -> str:
        media: set[str] = set()
        for entry in op.responses.values():
            if isinstance(entry, tuple):
                if entry[0]:
                    media.add(entry[0])
            else:
                media.update(entry)
        return ", ".join(sorted(media)) if media else "*/*"

    @staticmethod
    def _encode_multipart(body: Any, prepared: _Prepared) -> None:
        """Fields holding bytes are sent as files; the others as form fields (JSON when structured)."""
        if isinstance(body, pydantic.BaseModel):
            values = body.model_dump(by_alias=True, exclude_unset=True)
        else:
            values = dict(body)
        prepared.data, prepared.files = {}, []
        for name, value in values.items():
            if value is None:
                continue
            if isinstance(value, (bytes, bytearray)):
                prepared.files.append(
                    (name, (name, bytes(value), "application/octet-stream"))
                )
            elif isinstance(value, (Mapping, list, tuple)):
                prepared.data[name] = json.dumps(value, default=_wire_value)
            else:
                prepared.data[name] = _wire_value(value)

    @staticmethod
    def _encode_body(op: Operation[Any], body: Any) -> bytes:
        if isinstance(body, bytes):
            return body
        if op.body_media and "json" in op.body_media:
            if isinstance(body, pydantic.BaseModel):
                return body.model_dump_json(by_alias=True, exclude_unset=True).encode()
            return op.adapter(type(body)).dump_json(
                body, by_alias=True, exclude_unset=True
            )
        if isinstance(body, str):
            return body.encode("utf-8")
        return json.dumps(_as_wire_object(body)).encode()

    def _apply_security(self, op: Operation[Any], prepared: _Prepared) -> None:
        config = self._config
        alternatives = (
            op.security if op.security is not None else config.default_security
        )
        for alternative in alternatives:
            if all(config.credential(name) is not None for name in alternative):
                for name in alternative:
                    self._apply_scheme(
                        config.schemes[name], config.credential(name), prepared
                    )
                return

    def _apply_scheme(
        self,
        scheme: SecurityScheme,
        credential: Optional[Credential],
        prepared: _Prepared,
    ) -> None:
        if credential is None:
            return
        secret = _resolve(credential, scheme, self._config)
        if scheme.kind in ("bearer", "oauth2"):
            prepared.headers["Authorization"] = (
                secret if secret.lower().startswith("bearer ") else f"Bearer {secret}"
            )
        elif scheme.kind == "basic":
            prepared.headers["Authorization"] = (
                "Basic " + base64.b64encode(secret.encode()).decode()
            )
        elif scheme.location == "query":
            prepared.params.append((scheme.param, secret))
        elif scheme.location == "cookie":
            prepared.headers["Cookie"] = f"{scheme.param}={quote(secret, safe='')}"
        else:
            prepared.headers[scheme.param] = _check_header_value(scheme.param, secret)

    def _timeout(self, timeout_ms: Optional[int]) -> float:
        chosen = timeout_ms if timeout_ms is not None else self._config.timeout_ms
        return (chosen if chosen is not None else DEFAULT_TIMEOUT_MS) / 1000.0

    def _retry(
        self, op: Operation[Any], retries: Union[RetryConfig, None, Unset]
    ) -> _RetryState:
        """Per call `retries` wins (None disables), then the client's `retry_config`,
        then the operation's documented default, then the document's."""
        if retries is UNSET:
            config = self._config.retry_config or op.retry_config
            config = config or self._config.default_retry_config
        else:
            config = retries
        return _RetryState(config, op.retry_codes)

    # ---- response handling

    @staticmethod
    def _expected(
        op: Operation[Any], response: httpx.Response
    ) -> Optional[Tuple[Optional[str], Any]]:
        """The documented (media type, type) of a response, or None when it is not a success."""
        status = str(response.status_code)
        entry = op.responses.get(status) or op.responses.get(status[0] + "XX")
        if entry is None and not op.errors.get(status) and response.status_code < 400:
            entry = op.responses.get("default")
        if entry is None or isinstance(entry, tuple):
            return entry
        sent = response.headers.get("content-type", "").split(";")[0].strip().lower()
        for media, tp in entry.items():
            if media.lower() == sent:
                return media, tp
        for media, tp in entry.items():
            kind = media.lower()
            if kind.endswith("/*") and sent.startswith(kind[:-1]) or kind == "*/*":
                return media, tp
        return next(iter(entry.items()))

    def _handle(self, op: Operation[T], response: httpx.Response) -> T:
        expected = self._expected(op, response)
        if expected is not None:
            media, tp = expected
            if tp is None:
                return None  # type: ignore[return-value]
            return self._parse(op, tp, response, media)  # type: ignore[no-any-return]
        status = str(response.status_code)
        error_type = (
            op.errors.get(status)
            or op.errors.get(status[0] + "XX")
            or op.errors.get("default")
        )
        if error_type is not None and response.status_code >= 400:
            data = self._parse(op, error_type._data_type, response)
            raise error_type(data, response)
        if response.status_code >= 400:
            raise SDKError(_describe_error_body(response), response)
        raise SDKError(f"Unexpected response status {response.status_code}", response)

    def _parse(
        self,
        op: Operation[Any],
        tp: Any,
        response: httpx.Response,
        media: Optional[str] = "application/json",
    ) -> Any:
        if media and "json" not in media and "*" not in media:
            return response.text if tp is str else response.content
        content_type = (
            response.headers.get("content-type", "").split(";")[0].strip().lower()
        )
        if content_type and "json" not in content_type:
            raise ResponseValidationError(
                f"Expected a JSON response but the server sent {content_type!r}",
                response,
            )
        try:
            if isinstance(tp, type) and issubclass(tp, pydantic.BaseModel):
                return tp.model_validate_json(response.content)
            return op.adapter(tp).validate_json(response.content)
        except pydantic.ValidationError as exc:
            first: Mapping[str, Any] = (
                exc.errors(include_url=False)[0] if exc.error_count() else {}
            )
            where = ".".join(str(p) for p in first.get("loc", ())) or "body"
            raise ResponseValidationError(
                f"Response body does not match the documented schema at {where}: {first.get('msg', exc)}",
                response,
            ) from exc

    def _log(
        self,
        request: httpx.Request,
        response: Optional[httpx.Response],
        started: float,
    ) -> None:
        logger = self._config.debug_logger
        if logger is None:
            return
        elapsed = (time.monotonic() - started) * 1000.0
        url = request.url
        secret_params = {
            s.param for s in self._config.schemes.values() if s.location == "query"
        }
        if secret_params & set(url.params.keys()):
            url = url.copy_with(
                params=[
                    (k, "[redacted]" if k in secret_params else v)
                    for k, v in url.params.multi_items()
                ]
            )
        status: object = response.status_code if response is not None else "no response"
        logger.debug(
            "%s %s -> %s in %.1f ms; request headers: %s; response headers: %s",
            request.method,
            url,
            status,
            elapsed,
            self._redact(request.headers),
            self._redact(response.headers) if response is not None else {},
        )

    def _redact(self, headers: httpx.Headers) -> Dict[str, str]:
        return {
            k: ("[redacted]" if _is_secret_header(k, self._config) else v)
            for k, v in headers.items()
        }

    # ---- sync and async entry points

    def _build(self, client: Any, prepared: _Prepared, timeout: float) -> httpx.Request:
        request: httpx.Request = client.build_request(
            prepared.method,
            prepared.url,
            params=prepared.params or None,
            headers=prepared.headers,
            content=prepared.content,
            data=prepared.data,
            files=prepared.files,
            timeout=timeout,
        )
        return self._config.hooks._run_before(request)

    def _send(
        self,
        op: Operation[Any],
        request: Any,
        retries: Union[RetryConfig, None, Unset],
        server_url: Optional[str],
        timeout_ms: Optional[int],
        http_headers: Optional[Mapping[str, str]],
    ) -> httpx.Response:
        """Send the request, retrying as configured; the final response, after hooks.

        A streamed operation's success body is left unread; any other body is read."""
        prepared = self._prepare(op, request, server_url, http_headers)
        retry = self._retry(op, retries)
        timeout = self._timeout(timeout_ms)
        client = self._config.client
        while True:
            started = time.monotonic()
            sent = self._build(client, prepared, timeout)
            try:
                response = client.send(sent, stream=op.stream)
            except httpx.TransportError as exc:
                self._log(sent, None, started)
                delay = retry.after_exception()
                if delay is None:
                    error = _no_response(exc)
                    self._config.hooks._run_error(error)
                    raise error from exc
                time.sleep(delay)
                continue
            self._log(sent, response, started)
            delay = retry.after_response(response)
            if delay is None:
                if op.stream and not self._streams(op, response):
                    try:
                        response.read()
                    except httpx.TransportError as exc:
                        raise _no_response(exc) from exc
                return self._config.hooks._run_after(response)
            response.close()
            time.sleep(delay)

    async def _send_async(
        self,
        op: Operation[Any],
        request: Any,
        retries: Union[RetryConfig, None, Unset],
        server_url: Optional[str],
        timeout_ms: Optional[int],
        http_headers: Optional[Mapping[str, str]],
    ) -> httpx.Response:
        import asyncio

        prepared = self._prepare(op, request, server_url, http_headers)
        retry = self._retry(op, retries)
        timeout = self._timeout(timeout_ms)
        client = self._config.async_client
        while True:
            started = time.monotonic()
            sent = self._build(client, prepared, timeout)
            try:
                response = await client.send(sent, stream=op.stream)
            except httpx.TransportError as exc:
                self._log(sent, None, started)
                delay = retry.after_exception()
                if delay is None:
                    error = _no_response(exc)
                    self._config.hooks._run_error(error)
                    raise error from exc
                await asyncio.sleep(delay)
                continue
            self._log(sent, response, started)
            delay = retry.after_response(response)
            if delay is None:
                if op.stream and not self._streams(op, response):
                    try:
                        await response.aread()
                    except httpx.TransportError as exc:
                        raise _no_response(exc) from exc
                return self._config.hooks._run_after(response)
            await response.aclose()
            await asyncio.sleep(delay)

    def _streams(self, op: Operation[Any], response: httpx.Response) -> bool:
        """Whether this response is a success whose body is streamed to the caller."""
        expected = self._expected(op, response)
        return expected is not None and expected[1] is not None

    # Every entry point takes the per-call options (`retries`, `server_url`, `timeout_ms`,
    # `http_headers`) as keywords: the generated methods pass them on unchanged.

    def _request(self, op: Operation[T], request: Any = None, **options: Any) -> T:
        response = self._send(op, request, *_CallOptions(**options))
        return self._handle(op, response)

    async def _request_async(
        self, op: Operation[T], request: Any = None, **options: Any
    ) -> T:
        response = await self._send_async(op, request, *_CallOptions(**options))
        return self._handle(op, response)

    def _stream(
        self, op: Operation[Any], request: Any = None, **options: Any
    ) -> BinaryStream:
        """A binary download: the body is left on the wire for the caller to read."""
        response = self._send(op, request, *_CallOptions(**options))
        if not self._streams(op, response):
            self._handle(op, response)  # raises for an error status; else no body
        return BinaryStream(response)

    async def _stream_async(
        self, op: Operation[Any], request: Any = None, **options: Any
    ) -> AsyncBinaryStream:
        response = await self._send_async(op, request, *_CallOptions(**options))
        if not self._streams(op, response):
            self._handle(op, response)
        return AsyncBinaryStream(response)

    def _events(
        self, op: Operation[T], request: Any = None, **options: Any
    ) -> EventStream[T]:
        """Server-sent events, decoded into the operation's event type as they arrive."""
        response = self._send(op, request, *_CallOptions(**options))
        return EventStream(*self._event_source(op, response))

    async def _events_async(
        self, op: Operation[T], request: Any = None, **options: Any
    ) -> AsyncEventStream[T]:
        response = await self._send_async(op, request, *_CallOptions(**options))
        return AsyncEventStream(*self._event_source(op, response))

    def _event_source(
        self, op: Operation[Any], response: httpx.Response
    ) -> Tuple[httpx.Response, _EventDecoder]:
        expected = self._expected(op, response)
        if expected is None or expected[1] is None:
            self._handle(op, response)  # raises for an error status
            return _empty(response), _EventDecoder(op, response, None)
        return response, _EventDecoder(op, response, expected[1])

    def _page(
        self, op: Operation[T], request: Any = None, **options: Any
    ) -> Page[T, Any]:
        """The first page of a paginated operation; the page fetches the ones after it."""
        call = _CallOptions(**options)
        request = self._coerce(op, request)
        response = self._send(op, request, *call)
        return Page(self, op, request, call, self._handle(op, response), response)

    async def _page_async(
        self, op: Operation[T], request: Any = None, **options: Any
    ) -> AsyncPage[T, Any]:
        call = _CallOptions(**options)
        request = self._coerce(op, request)
        response = await self._send_async(op, request, *call)
        return AsyncPage(self, op, request, call, self._handle(op, response), response)


class ClientBase(BaseSDK):
    """Base of the generated client class: owns the HTTP clients it created and closes them."""

    @property
    def hooks(self) -> Hooks:
        """Register `before_request`, `after_success` and `after_error` hooks here."""
        return self._config.hooks

    def close(self) -> None:
        """Close the HTTP client the SDK created (an injected one is left open)."""
        self._config.close()

    async def aclose(self) -> None:
        """Close the async HTTP client the SDK created (an injected one is left open)."""
        await self._config.aclose()

    def __enter__(self: _C) -> _C:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    async def __aenter__(self: _C) -> _C:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


_C = TypeVar("_C", bound=ClientBase)


def _describe_error_body(response: httpx.Response) -> str:
    """A short message for an undocumented error response: its text when it is short."""
    content_type = response.headers.get("content-type", "").split(";")[0].strip()
    text = " ".join(_body_text(response).split())
    if not text:
        return "API error occurred (empty body)"
    if len(text) <= 200 and "html" not in content_type:
        return f"API error occurred: {text}"
    return f"API error occurred ({content_type or 'no content type'} body)"


def fill_server(url: str, variables: Mapping[str, str]) -> str:
    """A server URL with its `{variables}` filled in."""
    for name, value in variables.items():
        url = url.replace("{" + name + "}", value)
    return url


def _is_secret_header(name: str, config: SDKConfiguration) -> bool:
    lowered = name.lower()
    if lowered in ("authorization", "cookie", "set-cookie", "proxy-authorization"):
        return True
    return any(
        s.kind == "apikey" and s.param.lower() == lowered
        for s in config.schemes.values()
    )


def _no_response(exc: httpx.TransportError) -> NoResponseError:
    try:
        request: Optional[httpx.Request] = exc.request
    except RuntimeError:
        request = None
    if isinstance(exc, httpx.TimeoutException):
        kind = "timed out"
    elif isinstance(exc, httpx.ConnectError):
        kind = "could not connect"
    elif isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError)):
        kind = "lost its connection before the response was complete"
    else:
        kind = "failed"
    where = (
        f" ({request.method} {request.url.copy_with(query=None)})"
        if request is not None
        else ""
    )
    return NoResponseError(f"Request {kind}{where}: {type(exc).__name__}", request)


# --------------------------------------------------------------------------- streamed responses


class _ResponseView:
    """What a streamed result tells about its response."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    @property
    def status_code(self) -> int:
        return self.response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.response.headers

    @property
    def content_type(self) -> str:
        return str(self.response.headers.get("content-type", ""))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.status_code} {self.content_type!r}>"


class BinaryStream(_ResponseView):
    """A binary response whose body is read as it arrives, not loaded into memory.

    Use it as a context manager (or call `close()`) so the connection is released::

        with client.files.download(...) as download:
            download.write_to("out.bin")
    """

    def iter_bytes(self, chunk_size: Optional[int] = None) -> Iterator[bytes]:
        return self.response.iter_bytes(chunk_size)

    def read(self) -> bytes:
        return self.response.read()

    def write_to(self, file: Union[str, os.PathLike[str], BinaryIO]) -> int:
        """Copy the body to a path or binary file, chunk by chunk; returns the byte count."""
        written = 0
        if isinstance(file, (str, os.PathLike)):
            with open(file, "wb") as out:
                return self.write_to(out)
        for chunk in self.response.iter_bytes():
            file.write(chunk)
            written += len(chunk)
        return written

    def close(self) -> None:
        self.response.close()

    def __enter__(self) -> BinaryStream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncBinaryStream(_ResponseView):
    """The `*_async` twin of `BinaryStream` (`async with`, `aiter_bytes()`, `aread()`)."""

    def aiter_bytes(self, chunk_size: Optional[int] = None) -> AsyncIterator[bytes]:
        return self.response.aiter_bytes(chunk_size)

    async def aread(self) -> bytes:
        return await self.response.aread()

    async def aclose(self) -> None:
        await self.response.aclose()

    async def __aenter__(self) -> AsyncBinaryStream:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


def _empty(response: httpx.Response) -> httpx.Response:
    """A response without events, for a success that documents no body (such as 204)."""
    return httpx.Response(response.status_code, request=response.request)


class _EventDecoder:
    """Turns `text/event-stream` lines into events of an operation's event type.

    Lines follow the HTML standard's rules: `field: value` lines build an event, a blank line
    ends it, lines starting with `:` are comments.  With `op.events == "envelope"` the event type
    has `id`/`event`/`data`/`retry` fields; otherwise it describes `data` alone.  `data` is
    decoded as JSON unless the documented type is text.
    """

    def __init__(self, op: Operation[Any], response: httpx.Response, tp: Any) -> None:
        self.op = op
        self.response = response
        self.type = tp
        self.fields: Dict[str, Any] = {}
        self.data: List[str] = []
        self.done = False

    def feed(self, line: str) -> Optional[Any]:
        """Take one line; returns a decoded event when the line completes one."""
        if not line:
            return self.flush()
        if line.startswith(":"):
            return None
        name, _, value = line.partition(":")
        if value.startswith(" "):
            value = value[1:]
        if name == "data":
            self.data.append(value)
        elif name in ("event", "id"):
            self.fields[name] = value
        elif name == "retry" and value.isdigit():
            self.fields["retry"] = int(value)
        return None

    def flush(self) -> Optional[Any]:
        if not self.data:
            self.fields = {}
            return None
        data = "\n".join(self.data)
        fields, self.fields, self.data = self.fields, {}, []
        if self.op.sentinel is not None and data == self.op.sentinel:
            self.done = True
            return None
        mode, _, encoding = self.op.events.partition(":")
        value: Any = data
        if encoding == "json":
            try:
                value = json.loads(data)
            except ValueError as exc:
                raise ResponseValidationError(
                    f"An event's data is not JSON: {data[:200]!r}", self.response
                ) from exc
        if mode == "envelope":
            value = {**fields, "data": value}
        try:
            return self.op.adapter(self.type).validate_python(value)
        except pydantic.ValidationError as exc:
            raise ResponseValidationError(
                f"An event does not match the documented schema: {exc.errors(include_url=False)[0]['msg']}",
                self.response,
            ) from exc


class EventStream(_ResponseView, Generic[T]):
    """Server-sent events, decoded as they arrive.  Iterate over it; close it (or use it as a
    context manager) to stop early::

        with client.chat.stream(...) as events:
            for event in events:
                ...
    """

    def __init__(self, response: httpx.Response, decoder: _EventDecoder) -> None:
        super().__init__(response)
        self._decoder = decoder

    def __iter__(self) -> Iterator[T]:
        decoder = self._decoder
        try:
            for line in self.response.iter_lines():
                event = decoder.feed(line)
                if event is not None:
                    yield event
                if decoder.done:
                    return
            event = decoder.flush()
            if event is not None:
                yield event
        finally:
            self.response.close()

    def close(self) -> None:
        self.response.close()

    def __enter__(self) -> EventStream[T]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncEventStream(_ResponseView, Generic[T]):
    """The `*_async` twin of `EventStream`: `async for event in stream`."""

    def __init__(self, response: httpx.Response, decoder: _EventDecoder) -> None:
        super().__init__(response)
        self._decoder = decoder

    async def __aiter__(self) -> AsyncIterator[T]:
        decoder = self._decoder
        try:
            async for line in self.response.aiter_lines():
                event = decoder.feed(line)
                if event is not None:
                    yield event
                if decoder.done:
                    return
            event = decoder.flush()
            if event is not None:
                yield event
        finally:
            await self.response.aclose()

    async def aclose(self) -> None:
        await self.response.aclose()

    async def __aenter__(self) -> AsyncEventStream[T]:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


# --------------------------------------------------------------------------- pagination

Path = Tuple[Union[str, int], ...]
I = TypeVar("I")


@dataclass(frozen=True)
class Pagination:
    """How an operation pages (`x-speakeasy-pagination`), in Python attribute names.

    `kind` is "offset", "page" or "cursor"; `inputs` maps a role ("offset", "page", "limit",
    "cursor") to where it is on the request; the other paths lead into the parsed result.
    """

    kind: str
    inputs: Mapping[str, Path]
    results: Optional[Path] = None
    next_cursor: Optional[Path] = None
    num_pages: Optional[Path] = None


class _CallOptions(NamedTuple):
    retries: Union[RetryConfig, None, Unset] = UNSET
    server_url: Optional[str] = None
    timeout_ms: Optional[int] = None
    http_headers: Optional[Mapping[str, str]] = None


def _get(value: Any, path: Path) -> Any:
    for step in path:
        if value is None:
            return None
        if isinstance(step, int):
            if not isinstance(value, (list, tuple)) or not -len(value) <= step < len(
                value
            ):
                return None
            value = value[step]
        elif isinstance(value, Mapping):
            value = value.get(step)
        else:
            value = getattr(value, step, None)
    return value


def _with(target: Any, path: Path, value: Any) -> Any:
    """A copy of `target` (a model, a mapping or None) with `value` at `path`."""
    head = path[0]
    if len(path) > 1:
        value = _with(_get(target, (head,)), path[1:], value)
    if isinstance(target, pydantic.BaseModel):
        return target.model_copy(update={str(head): value})
    return {**(target or {}), head: value}


def _next_request(pagination: Pagination, request: Any, result: Any) -> Any:
    """The request for the page after `result`, or None when `result` is the last page."""
    items = _items(pagination, result)
    if pagination.results is not None and not items:
        return None
    inputs = pagination.inputs
    limit = _get(request, inputs["limit"]) if "limit" in inputs else None
    if pagination.kind == "cursor":
        cursor = _get(result, pagination.next_cursor or ())
        if cursor is None or cursor == "" or "cursor" not in inputs:
            return None
        return _with(request, inputs["cursor"], cursor)
    if isinstance(limit, (int, float)) and len(items) < limit:
        return None
    if pagination.kind == "page" and "page" in inputs:
        current = _get(request, inputs["page"])
        following = (current if isinstance(current, (int, float)) else 1) + 1
        total = _get(result, pagination.num_pages) if pagination.num_pages else None
        if isinstance(total, (int, float)) and following > total:
            return None
        return _with(request, inputs["page"], following)
    if pagination.kind == "offset" and "offset" in inputs:
        current = _get(request, inputs["offset"])
        start = current if isinstance(current, (int, float)) else 0
        return _with(request, inputs["offset"], start + len(items))
    return None


def _items(pagination: Pagination, result: Any) -> List[Any]:
    found = _get(result, pagination.results) if pagination.results is not None else None
    return list(found) if isinstance(found, (list, tuple)) else []


class _PageBase(Generic[T, I]):
    def __init__(
        self,
        sdk: BaseSDK,
        op: Operation[T],
        request: Any,
        options: _CallOptions,
        result: T,
        response: httpx.Response,
    ) -> None:
        self._sdk = sdk
        self._op = op
        self._request = request
        self._options = options
        self.result = result
        """The parsed body of this page."""
        self.response = response

    @property
    def items(self) -> List[I]:
        """The results on this page."""
        assert self._op.pagination is not None
        return _items(self._op.pagination, self.result)

    def has_next_page(self) -> bool:
        assert self._op.pagination is not None
        return (
            _next_request(self._op.pagination, self._request, self.result) is not None
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {len(self.items)} items>"


class Page(_PageBase[T, I]):
    """One page of a paginated operation.

    Iterating over it yields the items of this page and of every page after it, fetching each
    page when it is reached; `next()` returns the following page (None after the last one).
    """

    def next(self) -> Optional[Page[T, I]]:
        assert self._op.pagination is not None
        request = _next_request(self._op.pagination, self._request, self.result)
        if request is None:
            return None
        sdk, op, options = self._sdk, self._op, self._options
        response = sdk._send(op, request, *options)
        return Page(sdk, op, request, options, sdk._handle(op, response), response)

    def pages(self) -> Iterator[Page[T, I]]:
        """This page and the ones after it."""
        page: Optional[Page[T, I]] = self
        while page is not None:
            yield page
            page = page.next()

    def __iter__(self) -> Iterator[I]:
        for page in self.pages():
            yield from page.items


class AsyncPage(_PageBase[T, I]):
    """The `*_async` twin of `Page`: `async for item in page`, `await page.next()`."""

    async def next(self) -> Optional[AsyncPage[T, I]]:
        assert self._op.pagination is not None
        request = _next_request(self._op.pagination, self._request, self.result)
        if request is None:
            return None
        sdk, op, options = self._sdk, self._op, self._options
        response = await sdk._send_async(op, request, *options)
        return AsyncPage(sdk, op, request, options, sdk._handle(op, response), response)

    async def pages(self) -> AsyncIterator[AsyncPage[T, I]]:
        page: Optional[AsyncPage[T, I]] = self
        while page is not None:
            yield page
            page = await page.next()

    async def __aiter__(self) -> AsyncIterator[I]:
        async for page in self.pages():
            for item in page.items:
                yield item
