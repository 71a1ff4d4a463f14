"""Error classes: one per error body schema, named after it or its response."""

from __future__ import annotations

import http
from typing import Any

from .. import ir
from ..pointers import join as pointer_join
from ..text import pascal, snake
from .context import COMPONENTS, ERRORS, BuildContext, component_name

_RANGES = {"DEFAULT": "Error", "4XX": "ClientError", "5XX": "ServerError"}


def reason(status: str) -> str:
    """A class name for an error status: its reason phrase (`NotFound`), or what a range or
    `default` stands for (`ClientError`, `ServerError`, `Error`)."""
    if status.upper() in _RANGES:
        return _RANGES[status.upper()]
    try:
        return pascal(http.HTTPStatus(int(status)).phrase)
    except ValueError:
        return pascal(f"status {status}")


def error_def(
    ctx: BuildContext, schema: Any, schema_at: str, response_at: str, status: str, base: str, description: str
) -> ir.ErrorDef:
    if schema_at in ctx.errors:
        return ctx.errors[schema_at]
    override = schema.get("x-speakeasy-name-override") if isinstance(schema, dict) else None
    component = component_name(schema_at)
    response_key = response_at.split("/")[-1] if response_at.startswith("/components/responses/") else ""
    if isinstance(override, str) and override:
        name = pascal(override)
    elif component:
        name = pascal(component) + ("" if pascal(component).endswith("Error") else "Error")
    elif response_key and not response_key.isdigit():
        name = pascal(response_key)
    elif response_key:
        name = reason(response_key)
    else:
        name = base + reason(status)
    module = snake(name) or "error"
    if component:
        data_type = ctx.schemas.type_of(
            {"$ref": "#" + schema_at}, schema_at, pascal(component), COMPONENTS, snake(component)
        )
    else:
        data_type = ctx.schemas.type_of(schema, schema_at, name + "Data", ERRORS, module)
    error = ir.ErrorDef(schema_at, name, module, data_type, tuple(message_path(ctx, schema, schema_at)), description)
    ctx.errors[schema_at] = error
    return error


def message_path(ctx: BuildContext, schema: Any, pointer: str, depth: int = 0) -> list[str]:
    """Wire names leading to the property marked `x-speakeasy-error-message` (or `message`)."""
    schema, pointer = ctx.deref(schema, pointer)
    if not isinstance(schema, dict) or depth > 5:
        return []
    properties = schema.get("properties") or {}
    for name, prop in properties.items():
        prop, _ = ctx.deref(prop, pointer)
        if isinstance(prop, dict) and prop.get("x-speakeasy-error-message") is True:
            return [name]
    for name, prop in properties.items():
        found = message_path(ctx, prop, pointer_join(pointer, "properties", name), depth + 1)
        if found:
            return [name] + found
    if depth == 0:
        for candidate in ("message", "detail", "error_description", "title"):
            prop = properties.get(candidate)
            if isinstance(prop, dict) and prop.get("type") == "string":
                return [candidate]
    return []
