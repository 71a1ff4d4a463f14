"""The exceptions an SDK raises."""

from __future__ import annotations

from typing import Any, ClassVar, Generic, Optional, Tuple, TypeVar

import httpx

T = TypeVar("T")

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


class RequestValidationError(SDKBaseError, ValueError):
    """The arguments of a call do not match what the API documents; nothing was sent. The
    pydantic error that says where is chained (`__cause__`) and summarised in the message.
    """


class ConfigurationError(SDKBaseError, ValueError):
    """The client cannot work as it was set up (for example, no usable server URL)."""


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


def _describe_error_body(response: httpx.Response) -> str:
    """A short message for an undocumented error response: its text when it is short."""
    content_type = response.headers.get("content-type", "").split(";")[0].strip()
    text = " ".join(_body_text(response).split())
    if not text:
        return "API error occurred (empty body)"
    if len(text) <= 200 and "html" not in content_type:
        return f"API error occurred: {text}"
    return f"API error occurred ({content_type or 'no content type'} body)"


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
