"""The description of one API call, which a generated module builds on the call's first use."""

from __future__ import annotations

from dataclasses import dataclass
from typing import (
    Any,
    Dict,
    Generic,
    Mapping,
    NamedTuple,
    Optional,
    Sequence,
    Tuple,
    Type,
    TypeVar,
    Union,
)

import pydantic

from .errors import APIError
from .retries import DEFAULT_RETRY_STATUS_CODES, RetryConfig
from .values import UNSET, Unset

T = TypeVar("T")

ErrorMap = Mapping[str, Type[APIError[Any]]]
"""An operation's error classes by status (`"404"`, `"4XX"`, `"default"`)."""

# --------------------------------------------------------------------------- operations


class Param:
    """A parameter of an operation: its attribute on the request, its wire name, where it goes,
    and its style. As in OpenAPI, `style` defaults to "form" in the query and cookies and to
    "simple" in the path and headers, and `explode` is true for "form" only."""

    __slots__ = ("attr", "wire", "location", "style", "explode")

    def __init__(
        self,
        attr: str,
        wire: str,
        location: str,
        style: Optional[str] = None,
        explode: Optional[bool] = None,
    ) -> None:
        self.attr = attr
        self.wire = wire
        self.location = location
        if style is None:
            style = "form" if location in ("query", "cookie") else "simple"
        self.style = style
        self.explode = style == "form" if explode is None else explode

    def __repr__(self) -> str:
        return (
            f"Param({self.attr!r}, {self.wire!r}, {self.location!r}, "
            f"style={self.style!r}, explode={self.explode!r})"
        )


class Operation(Generic[T]):
    """What the SDK needs to know to make one API call; built once, on the first call."""

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
        "query",
        "body_encoding",
        "alternatives",
        "accept",
        "idempotency_header",
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
        errors: Optional[ErrorMap] = None,
        security: Optional[Sequence[Sequence[str]]] = None,
        retry_codes: Sequence[str] = DEFAULT_RETRY_STATUS_CODES,
        retry_config: Optional[RetryConfig] = None,
        server_url: Optional[str] = None,
        stream: bool = False,
        events: str = "",
        sentinel: Optional[str] = None,
        pagination: Optional[Pagination] = None,
        query: Sequence[Tuple[str, str]] = (),
        body_encoding: Optional[Mapping[str, Tuple[str, bool]]] = None,
        alternatives: Sequence[str] = (),
        idempotency_header: Optional[str] = None,
    ) -> None:
        self.method = method
        self.path = path
        self.request_type = request_type
        self.body_attr = body_attr
        self.body_media = body_media
        self.params = tuple(params)
        self.responses = dict(responses)
        self.errors = dict(errors or {})
        self.security = None if security is None else tuple(tuple(a) for a in security)
        self.retry_codes = tuple(retry_codes)
        self.retry_config = retry_config
        self.server_url = server_url
        self.stream = stream  # the success body is read as it arrives
        self.events = events  # how server-sent events map to the event type
        self.sentinel = sentinel  # an event `data` that ends the stream
        self.pagination = pagination
        self.query = list(query)  # constant query parameters, sent with every call
        # How a form body's properties are written: (style, explode), where not form, exploded.
        self.body_encoding = body_encoding
        self.alternatives = tuple(
            alternatives
        )  # media types returned as they are, on request
        self.accept = _accept(self.responses, self.alternatives)
        # A header that makes a request safe to repeat: the SDK sends a fresh key per call.
        self.idempotency_header = idempotency_header
        self._adapters: Dict[int, pydantic.TypeAdapter[Any]] = {}
        self._request_adapter: Optional[pydantic.TypeAdapter[Any]] = None

    def adapter(self, tp: Any) -> pydantic.TypeAdapter[Any]:
        key = id(tp)
        found = self._adapters.get(key)
        if found is None:
            found = self._adapters[key] = pydantic.TypeAdapter(tp)
        return found


class _CallOptions(NamedTuple):
    retries: Union[RetryConfig, None, Unset] = UNSET
    server_url: Optional[str] = None
    timeout_ms: Optional[int] = None
    http_headers: Optional[Mapping[str, str]] = None
    accept: Optional[str] = None
    stream: bool = False  # leave the success body unread (`with_streaming_response`)


def _accept(
    responses: Mapping[str, Union[Tuple[Optional[str], Any], Mapping[str, Any]]],
    alternatives: Sequence[str],
) -> str:
    """The Accept header of an operation: the media types of its documented responses, but for
    the alternatives (asked for only when the caller wants them)."""
    media: Dict[str, None] = {}
    for entry in responses.values():
        for kind in (entry[0],) if isinstance(entry, tuple) else entry:
            if kind and kind not in alternatives:
                media[kind] = None
    return ", ".join(sorted(media)) if media else "*/*"


Path = Tuple[Union[str, int], ...]


@dataclass(frozen=True)
class Pagination:
    """How an operation pages, in Python attribute names.

    `kind` is "offset", "page", "cursor", "link" (the next page's URL in the `Link` header, with
    rel="next") or "url" (the next page's URL at `next_url` in the result); `inputs` maps a role
    ("offset", "page", "limit", "cursor") to where it is on the request; the other paths lead
    into the parsed result (`has_more`: a flag saying more pages follow; `total`: the number of
    items on all pages).
    """

    kind: str
    inputs: Mapping[str, Path]
    results: Optional[Path] = None
    next_cursor: Optional[Path] = None
    num_pages: Optional[Path] = None
    next_url: Optional[Path] = None
    has_more: Optional[Path] = None
    total: Optional[Path] = None


@dataclass(frozen=True)
class NextUrl:
    """The request for a page whose URL the previous page gave: the first page's request (for its
    headers and credentials) sent to `url` instead, with the query `url` has."""

    request: Any
    url: str
