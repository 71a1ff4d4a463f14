"""Responses: success bodies (with their media types), streams, and error responses."""

from __future__ import annotations

from typing import Any

from .. import ir
from ..pointers import join as pointer_join
from ..text import snake
from . import errors as error_classes
from .context import OPERATIONS, BuildContext, text
from .media import EVENTS_MEDIA, body_kind, is_json, pick_media
from .schemas import PRIM, is_text


def responses(
    ctx: BuildContext, op: dict[str, Any], pointer: str, base: str
) -> tuple[tuple[ir.Response, ...], tuple[ir.ErrorResponse, ...]]:
    raw = op.get("responses") or {}
    successes: list[ir.Response] = []
    errors: list[ir.ErrorResponse] = []
    if not isinstance(raw, dict):
        ctx.diags.warn("'responses' is not a mapping", pointer_join(pointer, "responses"))
        raw = {}
    documents_success = any(str(status)[:1] in "123" for status in raw)
    for status, value in raw.items():
        status = str(status).upper()
        where = pointer_join(pointer, "responses", status)
        response, resolved_at = ctx.deref(value, where)
        if not isinstance(response, dict):
            continue
        media, content = pick_media(response.get("content"))
        content = content if isinstance(content, dict) else {}
        is_error = status[0] in "45" or status == "DEFAULT"
        if not is_error:
            successes.extend(success(ctx, response, resolved_at, status, base))
            continue
        if status == "DEFAULT" and not documents_success:
            # With no success documented, `default` describes the success too (a 2xx is parsed
            # with it; an error status raises its error class).
            successes.extend(success(ctx, response, resolved_at, "default", base))
        if not media or not is_json(media):
            continue
        schema = content.get("schema", {})
        schema_resolved, schema_at = ctx.deref(schema, pointer_join(resolved_at, "content", media, "schema"))
        error = error_classes.error_def(
            ctx, schema_resolved, schema_at, resolved_at, status, base, text(response.get("description"))
        )
        errors.append(ir.ErrorResponse("default" if status == "DEFAULT" else status, error.id, media))
    return tuple(successes), tuple(errors)


def success(ctx: BuildContext, response: dict[str, Any], at: str, status: str, base: str) -> list[ir.Response]:
    """One entry per media type a success response documents (one without a type when it has no body)."""
    description = text(response.get("description"))
    content = response.get("content")
    if not isinstance(content, dict) or not content:
        return [ir.Response(status, "", None, description)]
    out = []
    for media, value in content.items():
        schema = value.get("schema", {}) if isinstance(value, dict) else {}
        kind = str(media).split(";")[0].strip().lower()
        where = pointer_join(at, "content", media, "schema")
        tp: ir.TypeExpr
        if is_json(media):
            tp = ctx.schemas.type_of(schema, where, base + "ResponseBody", OPERATIONS, snake(base), top=True)
        elif kind == EVENTS_MEDIA:
            tp = ctx.schemas.type_of(schema, where, base + "Event", OPERATIONS, snake(base), top=True)
        elif kind.startswith("text/"):
            tp = PRIM["str"]
        else:
            tp = PRIM["bytes"]
        out.append(ir.Response(status, str(media), tp, description, _example(ctx, value, where)))
    return out


def streaming(
    ctx: BuildContext, op: dict[str, Any], pointer: str, responses: tuple[ir.Response, ...]
) -> tuple[ir.StreamKind, str, str | None, tuple[ir.Response, ...]]:
    """(stream kind, event decoding, sentinel, responses) of an operation.

    Binary downloads and server-sent events are streamed when every success body is of that
    kind; otherwise bodies are read whole (events then arrive as text)."""
    bodies = [r for r in responses if r.type is not None]
    kinds = {body_kind(r.media_type) for r in bodies}
    if kinds == {"binary"}:
        return "binary", "", None, responses
    if kinds != {"events"}:
        if "events" in kinds:
            responses = tuple(
                (
                    ir.Response(r.status, r.media_type, PRIM["str"], r.description)
                    if body_kind(r.media_type) == "events"
                    else r
                )
                for r in responses
            )
        return "", "", None, responses
    sentinel = op.get("x-speakeasy-sse-sentinel")
    return "events", event_decoding(ctx, bodies[0].type), sentinel if isinstance(sentinel, str) else None, responses


def event_decoding(ctx: BuildContext, tp: ir.TypeExpr | None) -> str:
    """How an event's lines map to its type: a model of `id`/`event`/`data`/`retry` fields
    (an envelope) or the `data` alone; `data` is JSON unless its type is a string."""
    named = ctx.types.get(tp.id) if isinstance(tp, ir.Ref) else None
    wires = {f.wire_name for f in named.fields} if isinstance(named, ir.ModelDef) else set()
    if "data" in wires and wires <= {"id", "event", "data", "retry"}:
        data = next(f.type for f in named.fields if f.wire_name == "data")  # type: ignore[union-attr]
        return "envelope:" + ("text" if is_text(data) else "json")
    return "data:" + ("text" if is_text(tp) else "json")


def _example(ctx: BuildContext, media: Any, at: str) -> Any:
    """The document's example of a body: the media type's `example`, else its first `examples`
    entry's value, else the schema's `example` (ir.MISSING when there is none)."""
    if not isinstance(media, dict):
        return ir.MISSING
    if "example" in media:
        return media["example"]
    examples = media.get("examples")
    if isinstance(examples, dict):
        for entry in examples.values():
            entry, _ = ctx.deref(entry, at)
            if isinstance(entry, dict) and "value" in entry:
                return entry["value"]
    schema, _ = ctx.deref(media.get("schema") or {}, at)
    return schema["example"] if isinstance(schema, dict) and "example" in schema else ir.MISSING
