"""An in-process fake of the API, for the tests of code that uses the SDK.

The fake is an httpx transport (no sockets): every operation answers from the API document's
examples (or values made from its schemas) unless a test says otherwise, each request is checked
against the operation's schema as a mock server would (a request that breaks it is answered 422),
and every call is recorded with its request rebuilt as the SDK's typed request.
"""

from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Pattern, Sequence

import httpx
import pydantic

FAKE_SERVER = "https://fake.sdkforge.invalid"


@dataclass(frozen=True)
class FakeRoute:
    """One operation as the fake serves it."""

    name: str  # `resource.method`, as called on the client
    method: str
    path: str  # the path template (`/pets/{id}`)
    module: str  # where the operation is described (relative to the package)
    builder: str  # the module's function that builds its `Operation`
    status: int  # of the default answer
    body: Optional[str]  # the default answer's JSON (None: no body)


@dataclass
class Answer:
    """What a test asked an operation to answer."""

    returns: Any = None
    status: Optional[int] = None
    raises: Optional[BaseException] = None


@dataclass(frozen=True)
class Call:
    """A request the fake received."""

    operation: str  # `resource.method`
    request: Any  # the typed request (a model), or None when the operation takes none
    http: httpx.Request


@dataclass
class _Compiled:
    route: FakeRoute
    pattern: Pattern[
        str
    ]  # its groups: the values of the path's parameters, named in `names`
    names: List[str]


class FakeAPI:
    """The fake: `calls` lists what it received; `answer` sets what an operation returns."""

    def __init__(self, routes: Sequence[FakeRoute], package: str) -> None:
        self.calls: List[Call] = []
        self._package = package
        self._answers: Dict[str, Answer] = {}
        self._routes = [
            _Compiled(r, _pattern(r.path), re.findall(r"{([^/]+?)}", r.path))
            for r in routes
        ]

    def answer(self, name: str, answer: Answer) -> None:
        self._answers[name] = answer

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self._handle)

    def calls_of(self, name: str) -> List[Call]:
        """The calls of one operation (`resource.method`)."""
        return [c for c in self.calls if c.operation == name]

    def _route(self, request: httpx.Request) -> Optional[_Compiled]:
        path = request.url.path
        for compiled in self._routes:
            if compiled.route.method == request.method and compiled.pattern.match(path):
                return compiled
        return None

    def _handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        compiled = self._route(request)
        if compiled is None:
            return _json(
                404,
                {
                    "error": f"the API has no operation {request.method} {request.url.path}"
                },
            )
        route = compiled.route
        op = getattr(
            importlib.import_module(route.module, self._package), route.builder
        )()
        try:
            typed = _typed_request(op, compiled, request)
        except (pydantic.ValidationError, ValueError) as exc:
            self.calls.append(Call(route.name, None, request))
            return _json(
                422, {"error": f"the request does not match the API's schema: {exc}"}
            )
        self.calls.append(Call(route.name, typed, request))
        answer = self._answers.get(route.name)
        if answer is not None and answer.raises is not None:
            raise answer.raises
        if answer is not None and answer.returns is not None:
            return _respond(answer.status or route.status, _dump(answer.returns))
        status = answer.status if answer is not None and answer.status else route.status
        if route.body is None or status == 204:
            return httpx.Response(status)
        return _respond(status, route.body.encode())


def _pattern(path: str) -> Pattern[str]:
    """A path template (`/pets/{id}`) as a pattern whose groups are its parameters' values."""
    parts = re.split(r"({[^/]+?})", path)
    return re.compile(
        "^"
        + "".join(
            "([^/]+)" if part.startswith("{") else re.escape(part) for part in parts
        )
        + "/?$"
    )


def _json(status: int, body: Any) -> httpx.Response:
    return _respond(status, json.dumps(body).encode())


def _respond(status: int, content: bytes) -> httpx.Response:
    """A response with a JSON body."""
    return httpx.Response(
        status, content=content, headers={"content-type": "application/json"}
    )


def _dump(value: Any) -> bytes:
    if isinstance(value, (bytes, str)):
        return value.encode() if isinstance(value, str) else value
    return pydantic.TypeAdapter(Any).dump_json(
        value, by_alias=True, exclude_unset=False
    )


def _typed_request(op: Any, compiled: _Compiled, request: httpx.Request) -> Any:
    """The request as the SDK's typed request, rebuilt from what was sent (its JSON body checked
    against the operation's schema)."""
    tp = op.request_type
    if tp is None:
        return None
    body: Any = None
    json_body = bool(request.content) and (op.body_media or "").endswith("json")
    if json_body:
        body = json.loads(request.content)
    if not op.params:
        # (A form or a file upload is not rebuilt: only JSON bodies are checked and typed.)
        return pydantic.TypeAdapter(tp).validate_python(body) if json_body else None
    values: Dict[str, Any] = {}
    matched = compiled.pattern.match(request.url.path)
    path_values = dict(zip(compiled.names, matched.groups())) if matched else {}
    for param in op.params:
        if param.location == "path" and param.wire in path_values:
            values[param.attr] = path_values[param.wire]
        elif param.location == "query" and param.wire in request.url.params:
            found = request.url.params.get_list(param.wire)
            values[param.attr] = found if len(found) > 1 else found[0]
        elif param.location == "header" and param.wire in request.headers:
            values[param.attr] = request.headers[param.wire]
    if op.body_attr is not None and body is not None:
        values[op.body_attr] = body
    try:
        return tp.model_validate(values)
    except pydantic.ValidationError:
        pass
    # A body the fake does not rebuild (a form, a file), or parameters in a style it does not
    # decode: each value is checked on its own, the JSON body first.
    if body is not None and op.body_attr is not None:
        field = tp.model_fields[op.body_attr]
        pydantic.TypeAdapter(field.annotation).validate_python(body)
    for attr, value in list(values.items()):
        try:
            annotation = tp.model_fields[attr].annotation
            values[attr] = pydantic.TypeAdapter(annotation).validate_python(value)
        except (KeyError, pydantic.ValidationError):
            pass
    return tp.model_construct(**values)
