"""Vendor extensions that shape operations: retries, pagination, groups, flattened arguments."""

from __future__ import annotations

import re
from typing import Any, get_args

from .. import ir
from ..pointers import join as pointer_join
from ..text import pascal, snake
from .context import BuildContext

_ROLES: dict[object, ir.PageRole] = {s: s for s in get_args(ir.PageRole)}
_PLACES: dict[object, ir.PageInputPlace] = {s: s for s in get_args(ir.PageInputPlace)}
_PATH_STEP = re.compile(r"\.([A-Za-z_$][\w$-]*)|\[(-?\d+)\]|\[['\"]([^'\"]*)['\"]\]|\.\[(-?\d+)\]")


def retries(ctx: BuildContext, value: Any, pointer: str, inherited: ir.RetryPolicy | None) -> ir.RetryPolicy | None:
    """`x-speakeasy-retries` at document or operation level."""
    if value is None:
        return None
    if not isinstance(value, dict):
        ctx.diags.warn("x-speakeasy-retries must be a mapping; ignored", pointer)
        return None
    backoff: dict[str, Any] = value["backoff"] if isinstance(value.get("backoff"), dict) else {}
    codes = value.get("statusCodes")
    if isinstance(codes, list) and codes:
        status_codes = tuple(str(c).upper() for c in codes)
    else:
        status_codes = inherited.status_codes if inherited else ir.DEFAULT_RETRY_CODES
    base = inherited or ir.RetryPolicy(status_codes)

    def number(key: str, default: Any) -> Any:
        raw = backoff.get(key, default)
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            ctx.diags.warn(f"x-speakeasy-retries backoff.{key} must be a number; using {default}", pointer)
            return default
        return raw

    return ir.RetryPolicy(
        status_codes=status_codes,
        initial_interval=int(number("initialInterval", base.initial_interval)),
        max_interval=int(number("maxInterval", base.max_interval)),
        exponent=float(number("exponent", base.exponent)),
        max_elapsed_time=int(number("maxElapsedTime", base.max_elapsed_time)),
        retry_connection_errors=bool(value.get("retryConnectionErrors", base.retry_connection_errors)),
        enabled=value.get("strategy", "backoff") == "backoff",
    )


_GLOBAL_LOCATIONS: dict[object, ir.Location] = {"query": "query", "header": "header", "path": "path"}
_SCALARS = {
    "string": ir.Prim("str"),
    "integer": ir.Prim("int"),
    "number": ir.Prim("float"),
    "boolean": ir.Prim("bool"),
}


def globals_(ctx: BuildContext, value: Any) -> dict[tuple[str, str], ir.GlobalParam]:
    """`x-speakeasy-globals`: the parameters the client takes once, by (name, location)."""
    pointer = "/x-speakeasy-globals"
    configured = {
        (name, location): ir.GlobalParam(name, _GLOBAL_LOCATIONS[location], _SCALARS[kind])
        for name, location, kind in ctx.options.global_params
    }
    if value is None:
        return configured
    if not isinstance(value, dict) or not isinstance(value.get("parameters", []), list):
        ctx.diags.warn("x-speakeasy-globals must be an object with a list of parameters; ignored", pointer)
        return {}
    found: dict[tuple[str, str], ir.GlobalParam] = {}
    for index, raw in enumerate(value.get("parameters", [])):
        param, where = ctx.deref(raw, pointer_join(pointer, "parameters", index))
        location = _GLOBAL_LOCATIONS.get(param.get("in")) if isinstance(param, dict) else None
        if location is None or not isinstance(param.get("name"), str):
            ctx.diags.warn("a global parameter needs a 'name' and 'in' (query, header or path); ignored", where)
            continue
        name = param["name"]
        schema_at = pointer_join(where, "schema")
        tp = ctx.schemas.type_of(param.get("schema") or {}, schema_at, pascal(name), "components", snake(name))
        description = " ".join(str(param.get("description", "")).split())
        found[(name, location)] = ir.GlobalParam(name, location, tp, description)
    return {**found, **configured}


def group(ctx: BuildContext, op: dict[str, Any]) -> tuple[str, ...]:
    """Where an operation goes: its `x-speakeasy-group` (dots nest groups), else its first tag."""
    group = op.get("x-speakeasy-group")
    if isinstance(group, str) and group.strip(". "):
        return tuple(part for part in group.split(".") if part.strip())
    tags = op.get("tags") or []
    if tags and isinstance(tags[0], str):
        return (tags[0],)
    return ()


def flatten(ctx: BuildContext, op: dict[str, Any], pointer: str, request_type: ir.TypeExpr | None) -> bool:
    """Whether the method takes the request's fields as arguments: `x-speakeasy-max-method-params`
    (operation, else document) is at least their number.  Only an object request can be flattened."""
    limit = op.get(
        "x-speakeasy-max-method-params", ctx.data.get("x-speakeasy-max-method-params", ctx.options.max_method_params)
    )
    if isinstance(limit, bool) or not isinstance(limit, int):
        ctx.diags.warn("x-speakeasy-max-method-params must be an integer; ignored", pointer)
        return False
    named = ctx.types.get(request_type.id) if isinstance(request_type, ir.Ref) else None
    return isinstance(named, ir.ModelDef) and 0 < len(named.fields) <= limit


def pagination(
    ctx: BuildContext, value: Any, pointer: str, params: tuple[ir.Parameter, ...], body: ir.Body | None
) -> ir.Pagination | None:
    """`x-speakeasy-pagination`; anything not understood leaves the method returning one page, with a warning."""
    if value is None:
        return None
    if not isinstance(value, dict):
        ctx.diags.warn("x-speakeasy-pagination must be a mapping; the method returns one page", pointer)
        return None
    kind = value.get("type")
    raw_inputs: list[Any] = value["inputs"] if isinstance(value.get("inputs"), list) else []
    outputs: dict[str, Any] = value["outputs"] if isinstance(value.get("outputs"), dict) else {}
    inputs: list[tuple[ir.PageRole, ir.PageInputPlace, str]] = []
    for index, entry in enumerate(raw_inputs):
        role = _ROLES.get(entry.get("type")) if isinstance(entry, dict) else None
        where = _PLACES.get(entry.get("in", "parameters")) if isinstance(entry, dict) else None
        name = entry.get("name") if isinstance(entry, dict) else None
        known = (where == "parameters" and any(p.wire_name == name for p in params)) or (
            where == "requestBody" and body is not None
        )
        if role is None or where is None or not isinstance(name, str) or not known:
            ctx.diags.warn(
                "pagination input does not name a parameter or body field of the operation; ignored",
                pointer_join(pointer, "inputs", index),
            )
            continue
        inputs.append((role, where, name))
    roles = {role for role, _, _ in inputs}
    paths = {}
    for key in ("results", "nextCursor", "numPages", "nextUrl"):
        if key in outputs:
            parsed = json_path(outputs[key])
            if parsed is None:
                ctx.diags.warn(
                    f"unsupported JSONPath {outputs[key]!r}; the method returns one page",
                    pointer_join(pointer, "outputs", key),
                )
                return None
            paths[key] = parsed
    page_kind: ir.PageKind
    if kind == "offsetLimit" and roles & {"page", "offset"}:
        page_kind = "page" if "page" in roles else "offset"
    elif kind == "cursor" and "cursor" in roles and "nextCursor" in paths:
        page_kind = "cursor"
    elif kind == "url" and "nextUrl" in paths:
        page_kind = "url"
    elif kind == "link":
        page_kind = "link"
    else:
        ctx.diags.warn(
            f"pagination of type {kind!r} with these inputs and outputs is not supported; "
            "the method returns one page",
            pointer,
        )
        return None
    return ir.Pagination(
        page_kind,
        tuple(inputs),
        paths.get("results"),
        paths.get("nextCursor"),
        paths.get("numPages"),
        next_url=paths.get("nextUrl"),
    )


def json_path(text: Any) -> tuple[str | int, ...] | None:
    """A JSONPath of names and indexes (`$`, `$.data.items`, `$.items[-1].id`, `$['a-b']`) as steps."""
    if not isinstance(text, str) or not text.startswith("$"):
        return None
    steps: list[str | int] = []
    position = 1
    while position < len(text):
        match = _PATH_STEP.match(text, position)
        if match is None:
            return None
        name, index, quoted, dotted_index = match.groups()
        if name is not None:
            steps.append(name)
        elif quoted is not None:
            steps.append(quoted)
        else:
            steps.append(int(index if index is not None else dotted_index))
        position = match.end()
    return tuple(steps)
