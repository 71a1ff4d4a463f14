"""Responses handed over before their body is read: binary downloads and server-sent events."""

from __future__ import annotations

import json
import os
from typing import (
    Any,
    AsyncIterator,
    BinaryIO,
    Callable,
    Dict,
    Generic,
    Iterator,
    List,
    Optional,
    Tuple,
    TypeVar,
    Union,
)

import httpx
import pydantic

from .errors import ResponseValidationError
from .operation import Operation

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

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


class RawResponse(_ResponseView, Generic[T_co]):
    """A successful response as it came (`status_code`, `headers`, `http_response`), with
    `parse()` giving what the method returns otherwise (parsed on first call, then kept).
    """

    def __init__(self, response: httpx.Response, parse: Callable[[], T_co]) -> None:
        super().__init__(response)
        self._parse = parse
        self._parsed: Tuple[T_co, ...] = ()

    @property
    def http_response(self) -> httpx.Response:
        return self.response

    def parse(self) -> T_co:
        """The method's usual result (the body is read first if it was left unread)."""
        if not self._parsed:
            self.read()
            self._parsed = (self._parse(),)
        return self._parsed[0]

    async def aparse(self) -> T_co:
        """`parse()` for a response streamed by an `_async` method."""
        await self.aread()
        return self.parse()

    # With `with_streaming_response`, the body is left on the wire until one of these reads it.

    def read(self) -> bytes:
        return self.response.read()

    def iter_bytes(self, chunk_size: Optional[int] = None) -> Iterator[bytes]:
        return self.response.iter_bytes(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        return self.response.iter_lines()

    def close(self) -> None:
        self.response.close()

    def __enter__(self) -> RawResponse[T_co]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    async def aread(self) -> bytes:
        return await self.response.aread()

    def aiter_bytes(self, chunk_size: Optional[int] = None) -> AsyncIterator[bytes]:
        return self.response.aiter_bytes(chunk_size)

    def aiter_lines(self) -> AsyncIterator[str]:
        return self.response.aiter_lines()

    async def aclose(self) -> None:
        await self.response.aclose()

    async def __aenter__(self) -> RawResponse[T_co]:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


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
