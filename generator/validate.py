"""Stage 2, validate: check the document with openapi-spec-validator and our own rules.

Findings become diagnostics with a JSON pointer.  Only what makes generation impossible is an
error; everything else (real specs have flaws, such as a string default on a boolean) is a warning
and generation goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .diagnostics import Diagnostics
from .pointers import join as pointer_join

_PY_TYPES = {
    "boolean": (bool,),
    "integer": (int,),
    "number": (int, float),
    "string": (str,),
    "array": (list,),
    "object": (dict,),
}


def check_structure(data: Any, diags: Diagnostics) -> None:
    """The checks whose failure stops generation."""
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else type(data).__name__
        diags.error(f"an OpenAPI document must be a mapping, but this one is {kind}")
        return
    if "swagger" in data:
        diags.error(
            f"Swagger {data.get('swagger')} documents are not supported: convert the document to "
            "OpenAPI 3 first (for example with swagger2openapi)",
            "/swagger",
        )
        return
    version = data.get("openapi")
    if version is None:
        diags.error("the document has no 'openapi' version field")
    elif not str(version).startswith(("3.0", "3.1")):
        diags.error(f"unsupported OpenAPI version {version!r} (3.0.x and 3.1.x are supported)", "/openapi")
    if not isinstance(data.get("info"), dict):
        diags.error("the document has no 'info' object", "/info" if "info" in data else "")
    paths = data.get("paths")
    if paths is None and not data.get("webhooks"):
        diags.error("the document has no 'paths' object")
    elif paths is not None and not isinstance(paths, dict):
        diags.error("'paths' must be a mapping", "/paths")


def _walk_schemas(node: Any, pointer: str) -> Iterator[tuple[dict[str, Any], str]]:
    stack = [(node, pointer)]
    while stack:
        value, where = stack.pop()
        if isinstance(value, dict):
            if "type" in value and "default" in value:
                yield value, where
            for key, child in value.items():
                if isinstance(child, (dict, list)):
                    stack.append((child, pointer_join(where, key)))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                if isinstance(child, (dict, list)):
                    stack.append((child, pointer_join(where, index)))


def _default_matches(schema: dict[str, Any]) -> bool:
    types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    default = schema["default"]
    if default is None:
        return schema.get("nullable") is True or "null" in types
    for name in types:
        accepted = _PY_TYPES.get(name)
        if accepted is None:
            return True
        if isinstance(default, bool) and name in ("integer", "number"):
            continue
        if isinstance(default, accepted):
            return True
    return False


def check_defaults(data: dict[str, Any], diags: Diagnostics) -> None:
    for schema, pointer in _walk_schemas(data, ""):
        if isinstance(schema.get("type"), (str, list)) and not _default_matches(schema):
            diags.warn(
                f"default {schema['default']!r} does not match type {schema['type']!r}; "
                "it is converted where possible, otherwise ignored",
                pointer_join(pointer, "default"),
            )


def run_spec_validator(data: dict[str, Any], diags: Diagnostics, base_uri: str = "") -> None:
    try:
        from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
    except ImportError:  # pragma: no cover - a declared dependency
        return
    validator_cls = OpenAPIV31SpecValidator if str(data.get("openapi")).startswith("3.1") else OpenAPIV30SpecValidator
    seen = set()
    try:
        errors = list(validator_cls(data, base_uri=base_uri).iter_errors())
    except Exception as exc:  # the validator itself can fail on very broken input
        diags.warn(f"openapi-spec-validator could not check the document: {type(exc).__name__}: {exc}")
        return
    for error in errors:
        path = list(getattr(error, "path", []) or [])
        if not path:
            # Findings without a location (such as defaults of the wrong type) are reported,
            # with their pointer, by our own checks.
            continue
        pointer = pointer_join("", *path)
        message = str(getattr(error, "message", error)).splitlines()[0]
        if len(message) > 200:
            message = message[:197] + "..."
        key = (message, pointer)
        if key not in seen:
            seen.add(key)
            diags.warn(f"spec validation: {message}", pointer)


def validate(data: Any, diags: Diagnostics, *, full: bool = True, base_uri: str = "") -> None:
    check_structure(data, diags)
    if diags.errors or not full:
        return
    check_defaults(data, diags)
    run_spec_validator(data, diags, base_uri)
