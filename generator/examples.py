"""Example values for the generated docs, built from the document's examples (or from the types)."""

from __future__ import annotations

import datetime
from typing import Any

from . import ir

_PLACEHOLDERS = {
    "str": "<value>",
    "int": 0,
    "float": 0.0,
    "bool": False,
    "bytes": b"",
    "file": b"",
    "date": "2025-01-01",
    "datetime": "2025-01-01T00:00:00Z",
}


def _value(t: ir.TypeExpr, example: Any, types: dict[str, ir.NamedType], depth: int = 0) -> Any:
    """A Python value (keys in Python field names) for type `t`, taken from a wire-shaped example."""
    if depth > 8:
        return None
    if isinstance(t, ir.Nullable):
        return None if example is None else _value(t.inner, example, types, depth)
    if isinstance(t, ir.Ref):
        return _named_value(types[t.id], example, types, depth)
    if isinstance(t, ir.ListT):
        if isinstance(example, list):
            return [_value(t.item, v, types, depth + 1) for v in example]
        return [_value(t.item, ir.MISSING, types, depth + 1)]
    if isinstance(t, ir.TupleT):
        given = example if isinstance(example, list) else []
        return tuple(
            _value(item, given[i] if i < len(given) else ir.MISSING, types, depth + 1) for i, item in enumerate(t.items)
        )
    if isinstance(t, ir.UnionT):
        return _union_value(t, example, types, depth)
    if isinstance(t, ir.MapT):
        return example if isinstance(example, dict) else {}
    if isinstance(t, ir.LiteralT):
        return t.value
    if isinstance(t, ir.Prim):
        return _scalar_value(t, example)
    return example if example is not ir.MISSING else None


def _named_value(named: ir.NamedType, example: Any, types: dict[str, ir.NamedType], depth: int) -> Any:
    if isinstance(named, ir.ModelDef):
        given = example if isinstance(example, dict) else {}
        out: dict[str, Any] = {}
        for f in named.fields:
            key = f.wire_name or f.name
            if key in given:
                out[f.name] = _value(f.type, given[key], types, depth + 1)
            elif example is ir.MISSING and f.required and f.default is ir.MISSING:
                out[f.name] = _value(f.type, ir.MISSING, types, depth + 1)
        return out
    if isinstance(named, ir.EnumDef):
        values = [m.value for m in named.members]
        return example if example in values else values[0]
    return _value(named.type, example, types, depth + 1)


def _union_value(t: ir.UnionT, example: Any, types: dict[str, ir.NamedType], depth: int) -> Any:
    for variant in t.variants:
        if isinstance(example, list) and isinstance(variant, ir.ListT):
            return _value(variant, example, types, depth + 1)
    if example is not ir.MISSING and not isinstance(example, (list, dict)):
        return example
    return _value(t.variants[0], example, types, depth + 1)


def _scalar_value(t: ir.Prim, example: Any) -> Any:
    if example is not ir.MISSING and example is not None and not isinstance(example, (dict, list)):
        if isinstance(example, (datetime.date, datetime.datetime)):
            return example.isoformat()
        return example
    return _PLACEHOLDERS.get(t.kind, "<value>")


def request_example(op: ir.Operation, types: dict[str, ir.NamedType]) -> Any:
    if op.request_type is None:
        return None
    if op.parameters:
        out: dict[str, Any] = {}
        for p in op.parameters:
            if p.example is not ir.MISSING:
                out[p.name] = _value(p.type, p.example, types)
            elif p.required:
                out[p.name] = _value(p.type, ir.MISSING, types)
        if op.body is not None and op.body_attr:
            out[op.body_attr] = _value(op.body.type, op.body.example, types)
        return out
    example = op.body.example if op.body is not None else ir.MISSING
    return _value(op.request_type, example, types)


def format_literal(value: Any, indent: int) -> str:
    """A Python literal laid out like hand-written example code: one item per line, trailing commas."""
    pad = " " * indent
    inner = " " * (indent + 4)
    if isinstance(value, dict):
        if not value:
            return "{}"
        lines = [f"{inner}{format_literal(k, 0)}: {format_literal(v, indent + 4)}," for k, v in value.items()]
        return "{\n" + "\n".join(lines) + f"\n{pad}}}"
    if isinstance(value, list):
        if not value:
            return "[]"
        lines = [f"{inner}{format_literal(v, indent + 4)}," for v in value]
        return "[\n" + "\n".join(lines) + f"\n{pad}]"
    if isinstance(value, str):
        return '"' + repr(value)[1:-1].replace('"', '\\"').replace("\\'", "'") + '"'
    return repr(value)


def example_literal(op: ir.Operation, types: dict[str, ir.NamedType]) -> str | None:
    value = request_example(op, types)
    return None if value is None else format_literal(value, 4)


_WIRE_PLACEHOLDERS = {**_PLACEHOLDERS, "str": "string", "bytes": "", "file": ""}


def wire_example(t: ir.TypeExpr, types: dict[str, ir.NamedType], depth: int = 0) -> Any:
    """A JSON value of type `t` in wire names, made from the types alone: the required fields of
    models, the first member of enums and unions, one item in lists (what a fake answers with when
    the document gives no example)."""
    if depth > 12:
        return None
    if isinstance(t, ir.Nullable):
        return wire_example(t.inner, types, depth)
    if isinstance(t, ir.Ref):
        named = types[t.id]
        if isinstance(named, ir.ModelDef):
            return {
                f.wire_name or f.name: wire_example(f.type, types, depth + 1)
                for f in named.fields
                if f.required and f.default is ir.MISSING
            }
        if isinstance(named, ir.EnumDef):
            return named.members[0].value if named.members else None
        return wire_example(named.type, types, depth + 1)
    if isinstance(t, ir.ListT):
        return [wire_example(t.item, types, depth + 1)] if depth < 6 else []
    if isinstance(t, ir.TupleT):
        return [wire_example(item, types, depth + 1) for item in t.items]
    if isinstance(t, ir.UnionT):
        return wire_example(t.variants[0], types, depth + 1)
    if isinstance(t, ir.MapT):
        return {}
    if isinstance(t, ir.LiteralT):
        return t.value
    if isinstance(t, ir.Prim):
        return _WIRE_PLACEHOLDERS.get(t.kind, "string")
    return None
