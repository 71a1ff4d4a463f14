"""Parameters and request bodies."""

from __future__ import annotations

from typing import Any, get_args

from .. import ir
from ..pointers import join as pointer_join
from ..text import pascal, snake
from .context import OPERATIONS, BuildContext, text
from .media import FORM_MEDIA, MULTIPART_MEDIA, is_json, pick_media, wire_media
from .schemas import PRIM

_LOCATIONS: dict[object, ir.Location] = {s: s for s in get_args(ir.Location)}
_STYLES: dict[object, ir.ParamStyle] = {s: s for s in get_args(ir.ParamStyle)}


def parameters(
    ctx: BuildContext, item: dict[str, Any], op: dict[str, Any], pointer: str, base: str
) -> tuple[ir.Parameter, ...]:
    merged: dict[tuple[str, str], tuple[Any, str]] = {}
    for owner, owner_pointer in ((item, pointer.rsplit("/", 1)[0]), (op, pointer)):
        for index, raw in enumerate(owner.get("parameters") or []):
            where = pointer_join(owner_pointer, "parameters", index)
            param, where = ctx.deref(raw, where)
            if not isinstance(param, dict) or "name" not in param or "in" not in param:
                ctx.diags.warn("parameter without 'name' or 'in'; ignored", where)
                continue
            merged[(str(param["name"]), str(param["in"]))] = (param, where)
    out = []
    for (name, location), (param, where) in merged.items():
        place = _LOCATIONS.get(location)
        if place is None:
            ctx.diags.warn(f"parameter location {location!r} is not supported; ignored", pointer_join(where, "in"))
            continue
        if location == "header" and name.lower() in ("accept", "content-type", "authorization"):
            continue
        default_style: ir.ParamStyle = "form" if place in ("query", "cookie") else "simple"
        style = _STYLES.get(param.get("style") or default_style)
        if style is None:
            ctx.diags.warn(
                f"parameter style {param.get('style')!r} is not an OpenAPI style; {default_style!r} is used",
                pointer_join(where, "style"),
            )
            style = default_style
        explode = param.get("explode")
        explode = bool(explode) if explode is not None else style == "form"
        schema = param.get("schema")
        if schema is None and isinstance(param.get("content"), dict):
            _, media = pick_media(param["content"])
            schema = (media or {}).get("schema")
        raw_schema = ctx.schemas.annotations(schema, pointer_join(where, "schema"))
        tp = ctx.schemas.type_of(
            schema if schema is not None else {},
            pointer_join(where, "schema"),
            base + pascal(name),
            OPERATIONS,
            snake(base),
        )
        required = bool(param.get("required")) or location == "path"
        if is_idempotency_header(ctx, name, place):
            required = False  # the SDK sends a fresh key when the caller gives none
        if (name, place) in ctx.globals:
            required = False  # the client's global value is sent when the call gives none
        default = ctx.schemas.coerce_default(raw_schema.get("default", ir.MISSING), tp)
        if default is ir.MISSING and ("const" in raw_schema or required):
            # A constant, or a required parameter with one possible value: always that value.
            default = ctx.schemas.fixed_value(tp)
        example = param.get("example", raw_schema.get("example", ir.MISSING))
        out.append(
            ir.Parameter(
                name,
                name,
                place,
                style,
                explode,
                required,
                tp,
                text(param.get("description")),
                default,
                bool(param.get("deprecated")),
                example,
            )
        )
    return tuple(out)


def is_idempotency_header(ctx: BuildContext, name: str, location: str) -> bool:
    return location == "header" and name.lower() == ctx.options.idempotency_header.lower()


def _structured(schema: Any) -> bool:
    """Whether a schema describes an object or an array (not text or bytes)."""
    return isinstance(schema, dict) and (
        schema.get("type") in ("object", "array") or "properties" in schema or "items" in schema
    )


def body(ctx: BuildContext, op: dict[str, Any], pointer: str, base: str) -> ir.Body | None:
    raw = op.get("requestBody")
    if raw is None:
        return None
    where = pointer_join(pointer, "requestBody")
    body, where = ctx.deref(raw, where)
    if not isinstance(body, dict):
        return None
    media, content = pick_media(body.get("content"))
    if not media:
        ctx.diags.warn("request body has no content; the operation sends no body", where)
        return None
    content = content if isinstance(content, dict) else {}
    schema = content.get("schema", {})
    media_pointer = pointer_join(where, "content", media)
    schema_at = pointer_join(media_pointer, "schema")
    resolved_schema, _ = ctx.deref(schema, schema_at)
    kind = media.split(";")[0].strip().lower()
    if is_json(media) or kind in (FORM_MEDIA, MULTIPART_MEDIA):
        tp = ctx.schemas.type_of(schema, schema_at, base + "RequestBody", OPERATIONS, snake(base), top=True)
    elif kind.startswith("text/") or _base64(resolved_schema):
        tp = PRIM["str"]  # text, or binary data the document asks for as base64 text
    else:
        tp = PRIM["file"]  # a binary body: bytes, or a file streamed as it is read
    if tp in (PRIM["str"], PRIM["file"]) and _structured(resolved_schema):
        ctx.diags.warn(
            f"the {kind} body is sent as the caller gives it ({'text' if tp == PRIM['str'] else 'bytes'}): "
            "its schema describes a structure the SDK does not build in this media type",
            schema_at,
        )
    if kind == MULTIPART_MEDIA:
        _files_as_uploads(ctx, tp)
    example = content.get("example", ir.MISSING)
    if example is ir.MISSING and isinstance(content.get("examples"), dict) and content["examples"]:
        first = next(iter(content["examples"].values()))
        first, _ = ctx.deref(first, media_pointer)
        if isinstance(first, dict) and "value" in first:
            example = first["value"]
    sent = wire_media(media, resolved_schema)
    encoding = _encoding(ctx, content, media_pointer) if kind == FORM_MEDIA else ()
    return ir.Body(sent, tp, bool(body.get("required")), text(body.get("description")), example, encoding)


def _upload(t: ir.TypeExpr) -> ir.TypeExpr:
    """A binary type as a file to upload (inside lists and nullables too)."""
    if isinstance(t, ir.Prim) and t.kind == "bytes":
        return PRIM["file"]
    if isinstance(t, ir.ListT):
        return ir.evolve(t, item=_upload(t.item))
    if isinstance(t, ir.Nullable):
        return ir.evolve(t, inner=_upload(t.inner))
    return t


def _files_as_uploads(ctx: BuildContext, body: ir.TypeExpr) -> None:
    """The binary fields of a multipart body take files: bytes, binary files, paths, tuples."""
    model = ctx.types.get(body.id) if isinstance(body, ir.Ref) else None
    if isinstance(model, ir.ModelDef):
        fields = tuple(ir.evolve(f, type=_upload(f.type)) for f in model.fields)
        if fields != model.fields:
            ctx.types[model.id] = ir.evolve(model, fields=fields)


def _encoding(ctx: BuildContext, content: dict[str, Any], pointer: str) -> tuple[tuple[str, ir.ParamStyle, bool], ...]:
    """The `encoding` of a form body: the properties not written in the form style, exploded."""
    raw = content.get("encoding")
    if not isinstance(raw, dict):
        return ()
    out = []
    for name, entry in raw.items():
        if not isinstance(entry, dict) or "style" not in entry and "explode" not in entry:
            continue
        style = _STYLES.get(entry.get("style", "form"))
        if style is None or style in ("simple", "label", "matrix"):
            ctx.diags.warn(
                f"encoding style {entry.get('style')!r} does not apply to a form body; form is used",
                pointer_join(pointer, "encoding", name, "style"),
            )
            style = "form"
        explode = entry.get("explode")
        explode = bool(explode) if explode is not None else style == "form"
        if (style, explode) != ("form", True):
            out.append((str(name), style, explode))
    return tuple(out)


def _base64(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("type") == "string" and schema.get("format") == "byte"
