"""The base of generated clients and resources: turns an `Operation` into HTTP and back."""

from __future__ import annotations

import base64
import json
import os
import time
import uuid
from typing import Any, Dict, List, Mapping, Optional, Tuple, TypeVar, Union
from urllib.parse import quote, urlencode

import httpx
import pydantic

from .config import SDKConfiguration
from .errors import (
    RequestValidationError,
    ResponseValidationError,
    SDKError,
    _describe_error_body,
    _no_response,
)
from .files import _async_chunks, _chunks, _is_file
from .hooks import Hooks
from .operation import NextUrl, Operation, _CallOptions
from .pagination import AsyncPage, Page
from .retries import RetryConfig, _RetryState
from .security import Credential, OAuth2Token, SecurityScheme, _resolve
from .streams import (
    AsyncBinaryStream,
    AsyncEventStream,
    BinaryStream,
    EventStream,
    RawResponse,
    _empty,
    _EventDecoder,
)
from .values import UNSET, Unset, _parse_logger
from .wire import (
    _as_wire_object,
    _check_header_value,
    _form_pairs,
    _own_server,
    _Prepared,
    _serialize_path,
    _serialize_query,
    _serialize_simple,
    _uploads,
    _wire_value,
)

T = TypeVar("T")

DEFAULT_TIMEOUT_MS = 60_000


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
        """The request as the operation's request type (a model from a dict, checked); bad input
        raises `RequestValidationError` before anything is sent."""
        tp = op.request_type
        if tp is None:
            return request
        is_model = isinstance(tp, type) and issubclass(tp, pydantic.BaseModel)
        if request is None:
            return tp() if op.params and is_model else None
        if is_model and isinstance(request, tp):
            return request
        try:
            if is_model:
                return tp.model_validate(request)
            if op._request_adapter is None:
                op._request_adapter = pydantic.TypeAdapter(tp)
            return op._request_adapter.validate_python(request)
        except pydantic.ValidationError as exc:
            raise RequestValidationError(
                f"The request does not match what the API documents: {_first_error(exc, 'request')}"
            ) from exc

    def _prepare(
        self,
        op: Operation[Any],
        request: Any,
        server_url: Optional[str],
        http_headers: Optional[Mapping[str, str]],
        accept: Optional[str] = None,
    ) -> _Prepared:
        config = self._config
        prepared = _Prepared()
        prepared.headers.update(config.headers)
        follow = request if isinstance(request, NextUrl) else None
        request = self._coerce(op, request if follow is None else follow.request)
        path = op.path
        prepared.params.extend(op.query)
        body: Any = request if op.body_attr is None else None
        if op.params or op.body_attr is not None:
            fields_set = (
                request.model_fields_set if request is not None else frozenset()
            )
            for param in op.params:
                if param.attr in fields_set:
                    value = getattr(request, param.attr)
                else:  # the client's global value, if it has one
                    value = config.global_params.get((param.wire, param.location))
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
        base = server_url or _own_server(
            op.server_url, config.server_url, config.custom_server
        )
        base = base.rstrip("/")
        prepared.method = op.method
        prepared.url = base + path
        if follow is not None:
            # A page at the URL the previous one gave, with the query that URL has.
            prepared.url, prepared.params = follow.url, []
        prepared.headers["Accept"] = accept or op.accept
        if body is not None and op.body_media is not None:
            self._add_body(op, op.body_media, body, prepared)
        self._apply_security(op, prepared)
        if http_headers:
            for name, value in http_headers.items():
                prepared.headers[name] = _check_header_value(name, value)
        if op.idempotency_header:
            _add_idempotency_key(op.idempotency_header, prepared.headers)
        return prepared

    def _add_body(
        self, op: Operation[Any], media_type: str, body: Any, prepared: _Prepared
    ) -> None:
        media = media_type.split(";")[0].strip().lower()
        if media == "multipart/form-data":
            self._encode_multipart(body, prepared)  # httpx sets the boundary header
        elif media == "application/x-www-form-urlencoded":
            pairs = _form_pairs(_as_wire_object(body), op.body_encoding)
            prepared.content = urlencode(pairs).encode()
            prepared.headers["Content-Type"] = media_type
        elif _is_upload(body):
            uploaded = _uploads(prepared).body(body)
            if isinstance(uploaded, bytes):
                prepared.content = uploaded
            else:
                prepared.stream_body = uploaded
            prepared.headers["Content-Type"] = media_type
        else:
            prepared.content = self._encode_body(op, body)
            prepared.headers["Content-Type"] = media_type

    @staticmethod
    def _encode_multipart(body: Any, prepared: _Prepared) -> None:
        """A multipart body, one part per field as OpenAPI encodes them by default: a file
        (bytes, a binary file, a path, or a (filename, content, type) tuple) as a file part, an
        array of scalars as one part per item, an object (or an array of objects) as JSON,
        anything else as text."""
        values = _multipart_values(body)
        parts: List[Tuple[str, Tuple[Optional[str], Any, Optional[str]]]] = []
        for name, value in values.items():
            items = (
                value if isinstance(value, list) and not _structured(value) else [value]
            )
            for item in items:
                if item is None:
                    continue
                if _is_upload(item):
                    parts.append((name, _uploads(prepared).part(name, item)))
                elif isinstance(item, (Mapping, list, tuple)):
                    text = json.dumps(item, default=_wire_value)
                    parts.append((name, (None, text, "application/json")))
                else:
                    parts.append((name, (None, _wire_value(item), None)))
        if parts:
            prepared.files = parts  # httpx writes the parts and the boundary header
            return
        # No field at all: the closing delimiter alone, as browsers send an empty form.
        boundary = os.urandom(16).hex()
        prepared.content = f"--{boundary}--\r\n".encode()
        prepared.headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"

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

    def _renew(self, op: Operation[Any], prepared: _Prepared) -> bool:
        """After a 401: renew the OAuth2 tokens the operation's credentials hold, and put the
        new ones on the request (False when none of them is an OAuth2 token)."""
        config = self._config
        alternatives = (
            op.security if op.security is not None else config.default_security
        )
        names = {name for alternative in alternatives for name in alternative}
        tokens = [config.credential(name) for name in sorted(names)]
        renewed = [t.invalidate() for t in tokens if isinstance(t, OAuth2Token)]
        if any(renewed):
            self._apply_security(op, prepared)
        return any(renewed)

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
        """The documented (media type, type) of a success response; None for an error status.

        Any 2xx is a success: one the document does not list is parsed as its only success
        body, if it lists one (servers answer 201 where a document says 200); a 2xx without a
        body, or with no success body documented, has none."""
        code = response.status_code
        status = str(code)
        entry = op.responses.get(status) or op.responses.get(status[0] + "XX")
        if entry is None and not op.errors.get(status) and code < 400:
            entry = op.responses.get("default")
        if entry is None and 200 <= code < 300:
            entry = _only_success(op) if _may_have_body(response) else (None, None)
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
            if tp is None or response.status_code in (204, 205):
                return None  # type: ignore[return-value]  # (no content, whatever the document says)
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
        if tp is Any and not response.content:
            return None  # a JSON response the document gives no schema, and the server no body
        content_type = (
            response.headers.get("content-type", "").split(";")[0].strip().lower()
        )
        if content_type and "json" not in content_type:
            if (
                tp is str or tp is bytes
            ):  # documented as JSON text, sent as plain text or bytes
                return response.text if tp is str else response.content
            raise ResponseValidationError(
                f"Expected a JSON response but the server sent {content_type!r}",
                response,
            )
        logger = (
            self._config.debug_logger
        )  # told of union members the SDK does not know
        told = _parse_logger() if logger is not None else None
        token = told.set(logger) if told is not None else None
        try:
            if isinstance(tp, type) and issubclass(tp, pydantic.BaseModel):
                return tp.model_validate_json(response.content)
            return op.adapter(tp).validate_json(response.content)
        except pydantic.ValidationError as exc:
            raise ResponseValidationError(
                f"Response body does not match the documented schema: {_first_error(exc, 'body')}",
                response,
            ) from exc
        finally:
            if told is not None and token is not None:
                told.reset(token)

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
        if (
            prepared.uploads is not None
        ):  # each attempt sends the files from where they started
            prepared.uploads.rewind()
        content: Any = prepared.content
        if prepared.stream_body is not None:
            stream = prepared.stream_body
            is_async = isinstance(client, httpx.AsyncClient)
            content = _async_chunks(stream) if is_async else _chunks(stream)
        request: httpx.Request = client.build_request(
            prepared.method,
            prepared.url,
            params=prepared.params or None,
            headers=prepared.headers,
            content=content,
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
        accept: Optional[str] = None,
        stream: bool = False,
    ) -> httpx.Response:
        """Send the request, retrying as configured; the final response, after hooks.

        A streamed operation's success body is left unread; any other body is read."""
        prepared = self._prepare(op, request, server_url, http_headers, accept)
        retry = self._retry(op, retries)
        timeout = self._timeout(timeout_ms)
        client = self._config.client
        renewed = False  # the OAuth2 tokens, once, after a 401
        try:
            while True:
                started = time.monotonic()
                sent = self._build(client, prepared, timeout)
                try:
                    response = client.send(sent, stream=op.stream or stream)
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
                if response.status_code == 401 and not renewed:
                    renewed = self._renew(op, prepared)
                    if renewed:
                        response.close()
                        continue
                delay = retry.after_response(response)
                if delay is None:
                    if (op.stream or stream) and not self._streams(op, response):
                        try:
                            response.read()
                        except httpx.TransportError as exc:
                            raise _no_response(exc) from exc
                    return self._config.hooks._run_after(response)
                response.close()
                time.sleep(delay)
        finally:
            if prepared.uploads is not None:  # close the files opened from paths
                prepared.uploads.close()

    async def _send_async(
        self,
        op: Operation[Any],
        request: Any,
        retries: Union[RetryConfig, None, Unset],
        server_url: Optional[str],
        timeout_ms: Optional[int],
        http_headers: Optional[Mapping[str, str]],
        accept: Optional[str] = None,
        stream: bool = False,
    ) -> httpx.Response:
        import asyncio

        prepared = self._prepare(op, request, server_url, http_headers, accept)
        retry = self._retry(op, retries)
        timeout = self._timeout(timeout_ms)
        client = self._config.async_client
        renewed = False  # the OAuth2 tokens, once, after a 401
        try:
            while True:
                started = time.monotonic()
                sent = self._build(client, prepared, timeout)
                try:
                    response = await client.send(sent, stream=op.stream or stream)
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
                if response.status_code == 401 and not renewed:
                    renewed = self._renew(op, prepared)
                    if renewed:
                        await response.aclose()
                        continue
                delay = retry.after_response(response)
                if delay is None:
                    if (op.stream or stream) and not self._streams(op, response):
                        try:
                            await response.aread()
                        except httpx.TransportError as exc:
                            raise _no_response(exc) from exc
                    return self._config.hooks._run_after(response)
                await response.aclose()
                await asyncio.sleep(delay)
        finally:
            if prepared.uploads is not None:  # close the files opened from paths
                prepared.uploads.close()

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

    def _request_raw(
        self, op: Operation[T], request: Any = None, **options: Any
    ) -> RawResponse[T]:
        """The response with its parsed result; an error status raises as `_request` does."""
        response = self._send(op, request, *_CallOptions(**options))
        return self._raw(op, response)

    async def _request_raw_async(
        self, op: Operation[T], request: Any = None, **options: Any
    ) -> RawResponse[T]:
        response = await self._send_async(op, request, *_CallOptions(**options))
        return self._raw(op, response)

    def _raw(self, op: Operation[T], response: httpx.Response) -> RawResponse[T]:
        if self._expected(op, response) is None:
            self._handle(op, response)  # raises for an error status
        return RawResponse(response, lambda: self._handle(op, response))

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

    def with_options(
        self: _C,
        *,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        retry_config: Union[RetryConfig, None, Unset] = UNSET,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> _C:
        """A copy of this client with other settings (those not given stay as they are).

        The copy shares this client's connections, credentials and hooks; closing it leaves them
        open (closing this client closes them). `retry_config=None` turns retries off;
        `http_headers` are added to (or replace) the client's default headers."""
        copied = type(self).__new__(type(self))
        BaseSDK.__init__(
            copied,
            self._config.derive(
                server_url=server_url,
                timeout_ms=timeout_ms,
                retry_config=retry_config,
                http_headers=http_headers,
            ),
        )
        return copied

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


def _is_secret_header(name: str, config: SDKConfiguration) -> bool:
    lowered = name.lower()
    if lowered in ("authorization", "cookie", "set-cookie", "proxy-authorization"):
        return True
    return any(
        s.kind == "apikey" and s.param.lower() == lowered
        for s in config.schemes.values()
    )


def _first_error(exc: pydantic.ValidationError, whole: str) -> str:
    """Where a validation failed and why, for a message (pydantic's error says it all, chained)."""
    first: Mapping[str, Any] = (
        exc.errors(include_url=False)[0] if exc.error_count() else {}
    )
    where = ".".join(str(p) for p in first.get("loc", ())) or whole
    more = exc.error_count() - 1
    return f"at {where}: {first.get('msg', exc)}" + (
        f" (and {more} more)" if more > 0 else ""
    )


def _may_have_body(response: httpx.Response) -> bool:
    return response.status_code not in (204, 205) and response.headers.get(
        "content-length"
    ) not in ("0",)


def _only_success(op: Operation[Any]) -> Tuple[Optional[str], Any]:
    """The success body an operation documents, when it documents exactly one (else no body)."""
    bodies = []
    for status, entry in op.responses.items():
        if (status[:1] == "2" or status == "default") and entry not in bodies:
            bodies.append(entry)
    found = [b for b in bodies if not (isinstance(b, tuple) and b[1] is None)]
    if len(found) == 1 and isinstance(found[0], tuple):
        return found[0]
    return None, None


def _add_idempotency_key(header: str, headers: Dict[str, str]) -> None:
    """A fresh key for this call unless the caller gave one; each retry of the call sends the
    request prepared once, so the same key."""
    wanted = header.lower()
    if not any(name.lower() == wanted for name in headers):
        headers[header] = str(uuid.uuid4())


def _multipart_values(body: Any) -> Dict[str, Any]:
    """The fields of a multipart body by wire name: files as they were given (a model dump would
    turn a file object into text), models as dicts."""
    if not isinstance(body, pydantic.BaseModel):
        return dict(body)
    values = {}
    for name, field in type(body).model_fields.items():
        if name in body.model_fields_set:
            value = getattr(body, name)
            if isinstance(value, pydantic.BaseModel):
                value = value.model_dump(by_alias=True, exclude_unset=True)
            elif isinstance(value, list):
                value = [
                    (
                        v.model_dump(by_alias=True, exclude_unset=True)
                        if isinstance(v, pydantic.BaseModel)
                        else v
                    )
                    for v in value
                ]
            values[field.alias or name] = value
    return values


def _is_upload(value: Any) -> bool:
    """A file to upload: bytes, a binary file, a path, or (filename, content, content type)."""
    if isinstance(value, (bytes, bytearray, os.PathLike)) or _is_file(value):
        return True
    return (
        isinstance(value, tuple)
        and len(value) == 3
        and (isinstance(value[1], (bytes, bytearray)) or _is_file(value[1]))
    )


def _structured(values: List[Any]) -> bool:
    """Whether an array holds objects or arrays (sent as one JSON part) rather than scalars."""
    return any(isinstance(v, (Mapping, list, tuple)) for v in values)
