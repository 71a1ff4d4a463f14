"""Stage 3, build: turn the OpenAPI document into the IR.

Names given here are preferred names (derived from the document); `naming` makes them final.
What cannot be typed precisely degrades to a looser type with a warning naming the JSON pointer;
an operation is never dropped.

Modules: `context` (what they share), `schemas`, `parameters` (and bodies), `responses`,
`errors`, `security`, `extensions` (x-speakeasy-*), `operations`, `api` (the whole document).
"""

from __future__ import annotations

from .. import ir
from ..diagnostics import Diagnostics
from ..load import Document
from ..options import Options
from ..refs import RefError, Resolver
from .api import build_api
from .context import HTTP_METHODS, BuildContext
from .schemas import Schemas

__all__ = ["build", "count_operations"]


def build(doc: Document, resolver: Resolver, diags: Diagnostics, options: Options) -> ir.Api:
    ctx = BuildContext(doc, resolver, diags, options)
    ctx.schemas = Schemas(ctx)
    return build_api(ctx)


def count_operations(doc: Document, resolver: Resolver) -> int:
    """How many operations the document declares (those marked x-speakeasy-ignore left out),
    counted straight from its paths: what a complete SDK has a method for."""
    count = 0
    for item in (doc.data.get("paths") or {}).values():
        if isinstance(item, dict) and "$ref" in item:
            try:
                item, _, _ = resolver.deref(item, "")
            except RefError:
                continue
        if isinstance(item, dict):
            count += sum(
                1
                for m in HTTP_METHODS
                if isinstance(item.get(m), dict) and item[m].get("x-speakeasy-ignore") is not True
            )
    return count
