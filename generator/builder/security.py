"""Security schemes and requirements."""

from __future__ import annotations

from typing import Any, get_args

from .. import ir
from ..pointers import join as pointer_join
from ..text import snake
from .context import BuildContext, text

_API_KEY_PLACES: dict[object, ir.SchemeLocation] = {s: s for s in get_args(ir.SchemeLocation)}
_TOKEN_FLOWS = ("clientCredentials", "password", "authorizationCode")


def security_schemes(ctx: BuildContext) -> tuple[ir.SecurityScheme, ...]:
    out = []
    raw = (ctx.data.get("components") or {}).get("securitySchemes") or {}
    for name, scheme in raw.items():
        where = pointer_join("/components/securitySchemes", name)
        scheme, _ = ctx.deref(scheme, where)
        if not isinstance(scheme, dict):
            continue
        kind = scheme.get("type")
        example = scheme.get("x-speakeasy-example")
        common = dict(
            name=name,
            param_name=snake(name) or "credential",
            description=text(scheme.get("description")),
            example=example if isinstance(example, str) else "",
        )
        flows: dict[str, Any] = scheme["flows"] if isinstance(scheme.get("flows"), dict) else {}
        # The flows whose tokens the SDK can get itself (implicit ones are passed as bearer tokens).
        usable = [
            flow
            for flow in _TOKEN_FLOWS
            if isinstance(flows.get(flow), dict) and isinstance(flows[flow].get("tokenUrl"), str)
        ]
        if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
            out.append(ir.SecurityScheme(kind="basic", **common))
        elif kind == "oauth2" and usable:
            token_url = str(flows[usable[0]]["tokenUrl"])
            out.append(ir.SecurityScheme(kind="oauth2", token_url=token_url, flows=tuple(usable), **common))
        elif kind == "http" or kind in ("oauth2", "openIdConnect"):
            out.append(ir.SecurityScheme(kind="bearer", **common))
        elif kind == "apiKey":
            place = scheme.get("in", "header")
            if place not in _API_KEY_PLACES:
                ctx.diags.warn(f"apiKey location {place!r} is not header, query or cookie; sent as a header", where)
            location: ir.SchemeLocation = _API_KEY_PLACES.get(place, "header")
            out.append(
                ir.SecurityScheme(kind="apikey", location=location, param=str(scheme.get("name", name)), **common)
            )
        else:
            ctx.diags.warn(f"security scheme type {kind!r} is not supported; requests will not carry it", where)
    return tuple(out)


def security(ctx: BuildContext, value: Any, pointer: str) -> tuple[tuple[str, ...], ...] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        ctx.diags.warn("'security' is not a list; ignored", pointer)
        return None
    return tuple(tuple(req.keys()) for req in value if isinstance(req, dict))
