"""One operation of the document as an IR operation."""

from __future__ import annotations

from typing import Any, get_args
from urllib.parse import parse_qsl

from .. import ir
from ..pointers import join as pointer_join
from ..text import pascal, snake
from . import extensions, paging, parameters, security
from . import responses as response_parts
from .context import OPERATIONS, BuildContext, text
from .media import is_json

_METHODS: dict[str, ir.HttpMethod] = {m.lower(): m for m in get_args(ir.HttpMethod)}


def operation(
    ctx: BuildContext, path: str, method: str, item: dict[str, Any], op: dict[str, Any], pointer: str
) -> ir.Operation:
    op_id = op["operationId"] if isinstance(op.get("operationId"), str) else ""
    override = op.get("x-speakeasy-name-override")
    base_name = pascal(op_id) or pascal(f"{method} {path}") or "Operation"
    path, query = _split_query(ctx, path, pointer)
    method_name = (
        snake(override) if isinstance(override, str) and override else snake(op_id) or snake(f"{method} {path}")
    )
    params = parameters.parameters(ctx, item, op, pointer, base_name)
    body = parameters.body(ctx, op, pointer, base_name)
    responses, errors = response_parts.responses(ctx, op, pointer, base_name)
    stream, events, sentinel, responses = response_parts.streaming(ctx, op, pointer, responses)
    alternatives = _alternatives(responses) if not stream else ()
    unique: list[ir.TypeExpr] = []
    for r in responses:
        if r.type is not None and r.type not in unique and r.media_type not in alternatives:
            unique.append(r.type)
    result: ir.TypeExpr | None = None
    if len(unique) == 1:
        result = unique[0]
    elif unique:
        result = ir.UnionT(tuple(unique))
    request_type: ir.TypeExpr | None = None
    body_attr = ""
    if params:
        fields = [
            ir.Field(
                p.wire_name,
                p.wire_name,
                p.type,
                p.required,
                isinstance(p.type, ir.Nullable),
                p.default,
                p.description,
                p.deprecated,
            )
            for p in params
        ]
        if body is not None:
            body_attr = "request_body"
            fields.append(ir.Field("", body_attr, body.type, body.required, False, ir.MISSING, body.description))
        request_pointer = pointer + "#request"
        ctx.types[request_pointer] = ir.ModelDef(
            request_pointer, base_name + "Request", OPERATIONS, snake(base_name), tuple(fields)
        )
        request_type = ir.Ref(request_pointer)
    elif body is not None:
        request_type = body.type
    if request_type is not None:
        ctx.input_roots.append(request_type)
    return ir.Operation(
        pointer=pointer,
        operation_id=op_id,
        name=method_name or "call",
        http_method=_METHODS[method],
        path=path,
        summary=text(op.get("summary")),
        description=text(op.get("description")),
        deprecated=bool(op.get("deprecated")),
        parameters=params,
        body=body,
        request_type=request_type,
        body_attr=body_attr,
        responses=responses,
        result_type=result,
        errors=errors,
        security=security.security(ctx, op.get("security"), pointer_join(pointer, "security")),
        retries=extensions.retries(
            ctx, op.get("x-speakeasy-retries"), pointer_join(pointer, "x-speakeasy-retries"), ctx.doc_retries
        ),
        server_url=own_server(ctx, op.get("servers") or item.get("servers")),
        stream=stream,
        events=events,
        sentinel=sentinel,
        pagination=(
            extensions.pagination(
                ctx, op.get("x-speakeasy-pagination"), pointer_join(pointer, "x-speakeasy-pagination"), params, body
            )
            if "x-speakeasy-pagination" in op
            else paging.infer(ctx, op, pointer, method, params, result)
        ),
        usage_example=bool(op.get("x-speakeasy-usage-example")),
        flatten=extensions.flatten(ctx, op, pointer, request_type),
        query=query,
        alternatives=alternatives,
        idempotency_header=next(
            (p.wire_name for p in params if parameters.is_idempotency_header(ctx, p.wire_name, p.location)), ""
        ),
    )


def own_server(ctx: BuildContext, servers: Any) -> str:
    """The first server an operation or its path declares for itself ("" when none)."""
    if not isinstance(servers, list) or not servers or not isinstance(servers[0], dict):
        return ""
    url = str(servers[0].get("url", ""))
    for name, variable in (servers[0].get("variables") or {}).items():
        if isinstance(variable, dict) and "default" in variable:
            url = url.replace("{" + str(name) + "}", str(variable["default"]))
    return url.rstrip("/")


def _split_query(ctx: BuildContext, path: str, pointer: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A path with a query string written into it (`/services?funcs=Latest&mobile=1`): the path, and
    the pairs, sent as constant query parameters (with a warning: OpenAPI paths have no query)."""
    if "#" in path:
        # A fragment is never sent (AWS documents write their target into one, and send it as a
        # header parameter too).
        path, _, fragment = path.partition("#")
        ctx.diags.warn(f"the path has a fragment (#{fragment}), which is never sent", pointer.rsplit("/", 1)[0])
    if "?" not in path:
        return path, ()
    path, _, query = path.partition("?")
    pairs = tuple(parse_qsl(query, keep_blank_values=True))
    ctx.diags.warn(
        f"the path has a query string; {', '.join(k + '=' + v for k, v in pairs) or 'it'} is sent with every call",
        pointer.rsplit("/", 1)[0],
    )
    return path, pairs


def _alternatives(responses: tuple[ir.Response, ...]) -> tuple[str, ...]:
    """Media types of a success body that the method does not return by default: the non-JSON ones,
    when JSON is offered too (YAML or protobuf beside JSON)."""
    bodies = [r for r in responses if r.type is not None]
    if not any(is_json(r.media_type) for r in bodies):
        return ()
    return tuple(dict.fromkeys(r.media_type for r in bodies if not is_json(r.media_type)))
