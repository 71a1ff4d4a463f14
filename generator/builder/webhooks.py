"""Webhooks: the requests an API sends to its users' servers (OpenAPI 3.1 `webhooks`, or the
`x-webhooks` extension GitHub's document uses), as payload types and what tells them apart."""

from __future__ import annotations

from typing import Any

from .. import ir
from ..pointers import join as pointer_join
from ..text import pascal, snake
from .context import COMPONENTS, BuildContext, text
from .media import is_json

# Body fields whose single allowed value names a payload's kind.
_TAG_FIELDS = ("type", "event", "event_type", "eventType", "action", "kind")
_SIGNATURES = ("standard", "github")


def webhooks(ctx: BuildContext) -> tuple[tuple[ir.Webhook, ...], ir.WebhookSignature, str]:
    """The document's webhooks, how their requests are signed, and their event-type header."""
    found: list[ir.Webhook] = []
    event_headers: set[str] = set()
    github = False
    for key in ("webhooks", "x-webhooks"):
        section = ctx.data.get(key)
        if not isinstance(section, dict):
            continue
        for name, item in section.items():
            pointer = pointer_join(f"/{key}", name)
            item, _ = ctx.deref(item, pointer)
            if not isinstance(item, dict):
                continue
            for method, op in item.items():
                if not isinstance(op, dict) or method not in ("post", "put"):
                    continue
                op_pointer = pointer_join(pointer, method)
                hook, header, signed_like_github = _webhook(ctx, str(name), op, op_pointer)
                github = github or signed_like_github
                if hook is not None:
                    found.append(hook)
                    if header:
                        event_headers.add(header)
    signature = _signature(ctx, github)
    header = sorted(event_headers)[0] if len(event_headers) == 1 else ""
    if len(event_headers) > 1:
        ctx.diags.warn(
            f"webhooks name their event in different headers ({', '.join(sorted(event_headers))}); "
            "payloads are told apart by their bodies only",
            "/x-webhooks" if "x-webhooks" in ctx.data else "/webhooks",
        )
    return tuple(found), signature, header


def _signature(ctx: BuildContext, github: bool) -> ir.WebhookSignature:
    chosen = ctx.options.webhook_signature or ctx.data.get("x-sdkforge-webhook-signature")
    if chosen in _SIGNATURES:
        return "github" if chosen == "github" else "standard"
    if chosen is not None:
        ctx.diags.warn(
            f"x-sdkforge-webhook-signature must be one of {', '.join(_SIGNATURES)}, not {chosen!r}; ignored",
            "/x-sdkforge-webhook-signature",
        )
    return "github" if github else "standard"


def _webhook(ctx: BuildContext, name: str, op: dict[str, Any], pointer: str) -> tuple[ir.Webhook | None, str, bool]:
    """One webhook (None when it has no JSON body), its event-type header, and whether it declares
    GitHub's signature header."""
    header, event, github = "", "", False
    for index, param in enumerate(op.get("parameters") or []):
        param, _ = ctx.deref(param, pointer_join(pointer, "parameters", index))
        if not isinstance(param, dict) or param.get("in") != "header":
            continue
        wire = str(param.get("name", ""))
        if wire.lower() == "x-hub-signature-256":
            github = True
        if wire.lower().endswith("-event") or wire.lower() in ("webhook-type", "x-event-type"):
            value = _single_value(ctx, param, pointer)
            if value:
                header, event = wire, value
    body, body_pointer = ctx.deref(op.get("requestBody") or {}, pointer_join(pointer, "requestBody"))
    content = body.get("content") if isinstance(body, dict) else None
    media = next((m for m in content or {} if is_json(m)), None) if isinstance(content, dict) else None
    if media is None or content is None:
        ctx.diags.warn("webhook without a JSON body; not generated", pointer)
        return None, header, github
    schema_pointer = pointer_join(body_pointer, "content", media, "schema")
    schema = content[media].get("schema") if isinstance(content[media], dict) else None
    payload = ctx.schemas.type_of(schema or {}, schema_pointer, pascal(name) + "Webhook", COMPONENTS, snake(name))
    if not isinstance(payload, ir.Ref):  # a union or a scalar written inline: named, to be imported
        alias = ir.AliasDef(schema_pointer, pascal(name) + "Webhook", COMPONENTS, snake(name), payload)
        ctx.types[schema_pointer] = alias
        payload = ir.Ref(schema_pointer)
    resolved, _ = ctx.deref(schema or {}, schema_pointer)
    match = _match_fields(ctx, resolved, schema_pointer)
    summary = text(op.get("description")) or text(op.get("summary"))
    return ir.Webhook(name, pointer, summary, payload, event, match), header, github


def _only_value(schema: Any) -> str | None:
    """The one value a schema allows (`const`, or an `enum` of one), if it allows one only."""
    if isinstance(schema, dict):
        if "const" in schema:
            return str(schema["const"])
        enum = schema.get("enum")
        if isinstance(enum, list) and len(enum) == 1:
            return str(enum[0])
    return None


def _single_value(ctx: BuildContext, param: dict[str, Any], pointer: str) -> str:
    """The one value a header parameter allows, else its example."""
    schema, _ = ctx.deref(param.get("schema") or {}, pointer)
    only = _only_value(schema)
    if only is not None:
        return only
    example = param.get("example")
    return str(example) if isinstance(example, (str, int)) and str(example) else ""


def _match_fields(ctx: BuildContext, schema: Any, pointer: str) -> tuple[tuple[str, str], ...]:
    """The payload's fields with one allowed value (what tells it from the other payloads); for a
    union, those its members share."""
    members = (schema.get("oneOf") or schema.get("anyOf")) if isinstance(schema, dict) else None
    if isinstance(members, list) and members:
        each = [set(_match_fields(ctx, ctx.deref(m, pointer)[0], pointer)) for m in members]
        return tuple(sorted(set.intersection(*each)))
    properties = schema.get("properties") if isinstance(schema, dict) else None
    if not isinstance(properties, dict):
        return ()
    out = []
    for field in _TAG_FIELDS:
        if field in properties:
            prop, _ = ctx.deref(properties[field], pointer_join(pointer, "properties", field))
            only = _only_value(prop)
            if only is not None:
                out.append((field, only))
    return tuple(out)
