"""Paginated operations: a page, the ones after it, and their items."""

from __future__ import annotations

from typing import (
    Any,
    AsyncIterator,
    Generic,
    Iterator,
    List,
    Mapping,
    Optional,
    Protocol,
    TypeVar,
)

import httpx
import pydantic

from .errors import SDKError
from .operation import NextUrl, Operation, Pagination, Path, _CallOptions

T = TypeVar("T")

# --------------------------------------------------------------------------- pagination

Item = TypeVar("Item")


class _Sender(Protocol):
    """What a page needs of the client or resource that made it: to send the next request."""

    def _send(
        self, op: Operation[Any], request: Any, *options: Any
    ) -> httpx.Response: ...

    async def _send_async(
        self, op: Operation[Any], request: Any, *options: Any
    ) -> httpx.Response: ...

    def _handle(self, op: Operation[T], response: httpx.Response) -> T: ...


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


def _next_link(response: httpx.Response) -> Optional[str]:
    """The URL of the `Link` header's rel="next" target (RFC 8288), if there is one."""
    for value in response.headers.get_list("link"):
        for link in _split_links(value):
            target, _, params = link.partition(">")
            for param in params.split(";"):
                name, _, rel = param.strip().partition("=")
                if (
                    name.strip().lower() == "rel"
                    and "next" in rel.strip().strip('"').lower().split()
                ):
                    return target.strip().lstrip("<").strip()
    return None


def _split_links(value: str) -> List[str]:
    """The links of a `Link` header value (commas inside <...> or quotes do not split)."""
    links, start, depth, quoted = [], 0, 0, False
    for index, char in enumerate(value):
        if char == '"':
            quoted = not quoted
        elif char == "<" and not quoted:
            depth += 1
        elif char == ">" and not quoted:
            depth = max(depth - 1, 0)
        elif char == "," and not quoted and depth == 0:
            links.append(value[start:index])
            start = index + 1
    links.append(value[start:])
    return [link.strip() for link in links if link.strip()]


def _next_url(
    pagination: Pagination, request: Any, result: Any, response: httpx.Response
) -> Any:
    """The request for the page at the URL this page gives (None when it gives none). A URL on
    another host than this page's is refused: the request's credentials would go there.
    """
    if pagination.kind == "link":
        target = _next_link(response)
    else:
        found = _get(result, pagination.next_url or ())
        target = found if isinstance(found, str) else None
    if not target:
        return None
    here = response.request.url
    url = here.join(target)
    if (url.scheme, url.host, url.port) != (here.scheme, here.host, here.port):
        raise SDKError(
            f"The next page is at {url}, on another host than {here.host}; "
            "the SDK does not send the request's credentials there",
            response,
        )
    first = request.request if isinstance(request, NextUrl) else request
    return NextUrl(first, str(url))


def _next_request(
    pagination: Pagination, request: Any, result: Any, response: httpx.Response
) -> Any:
    """The request for the page after `result`, or None when `result` is the last page."""
    items = _items(pagination, result)
    if pagination.results is not None and not items:
        return None
    if pagination.has_more is not None and _get(result, pagination.has_more) is False:
        return None
    if pagination.kind in ("link", "url"):
        return _next_url(pagination, request, result, response)
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
        total = _get(result, pagination.total) if pagination.total else None
        if isinstance(total, (int, float)) and start + len(items) >= total:
            return None
        return _with(request, inputs["offset"], start + len(items))
    return None


def _items(pagination: Pagination, result: Any) -> List[Any]:
    found = _get(result, pagination.results) if pagination.results is not None else None
    return list(found) if isinstance(found, (list, tuple)) else []


class _PageBase(Generic[T, Item]):
    def __init__(
        self,
        sdk: _Sender,
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
    def items(self) -> List[Item]:
        """The results on this page."""
        assert self._op.pagination is not None
        return _items(self._op.pagination, self.result)

    def has_next_page(self) -> bool:
        assert self._op.pagination is not None
        return (
            _next_request(
                self._op.pagination, self._request, self.result, self.response
            )
            is not None
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {len(self.items)} items>"


class Page(_PageBase[T, Item]):
    """One page of a paginated operation.

    Iterating over it yields the items of this page and of every page after it, fetching each
    page when it is reached; `next()` returns the following page (None after the last one).
    """

    def next(self) -> Optional[Page[T, Item]]:
        assert self._op.pagination is not None
        request = _next_request(
            self._op.pagination, self._request, self.result, self.response
        )
        if request is None:
            return None
        sdk, op, options = self._sdk, self._op, self._options
        response = sdk._send(op, request, *options)
        return Page(sdk, op, request, options, sdk._handle(op, response), response)

    def pages(self) -> Iterator[Page[T, Item]]:
        """This page and the ones after it."""
        page: Optional[Page[T, Item]] = self
        while page is not None:
            yield page
            page = page.next()

    def __iter__(self) -> Iterator[Item]:
        for page in self.pages():
            yield from page.items


class AsyncPage(_PageBase[T, Item]):
    """The `*_async` twin of `Page`: `async for item in page`, `await page.next()`."""

    async def next(self) -> Optional[AsyncPage[T, Item]]:
        assert self._op.pagination is not None
        request = _next_request(
            self._op.pagination, self._request, self.result, self.response
        )
        if request is None:
            return None
        sdk, op, options = self._sdk, self._op, self._options
        response = await sdk._send_async(op, request, *options)
        return AsyncPage(sdk, op, request, options, sdk._handle(op, response), response)

    async def pages(self) -> AsyncIterator[AsyncPage[T, Item]]:
        page: Optional[AsyncPage[T, Item]] = self
        while page is not None:
            yield page
            page = await page.next()

    async def __aiter__(self) -> AsyncIterator[Item]:
        async for page in self.pages():
            for item in page.items:
                yield item
