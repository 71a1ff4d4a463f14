"""What the build stage's modules share while they turn a document into the IR."""

from __future__ import annotations

from typing import Any, Protocol, get_args

from .. import ir, pointers
from ..diagnostics import Diagnostics
from ..load import Document
from ..options import Options
from ..refs import RefError, Resolver

COMPONENTS = "components"
OPERATIONS = "operations"
ERRORS = "errors"
HTTP_METHODS = tuple(m.lower() for m in get_args(ir.HttpMethod))


class TypeBuilder(Protocol):
    """What the other modules ask of the schemas module (see `schemas.Schemas`)."""

    def type_of(
        self, schema: Any, pointer: str, hint: str, package: str, module: str, top: bool = False
    ) -> ir.TypeExpr: ...

    def coerce_default(self, default: Any, tp: ir.TypeExpr) -> Any: ...

    def annotations(self, schema: Any, pointer: str) -> dict[str, Any]: ...

    def fixed_value(self, tp: ir.TypeExpr) -> Any: ...


class BuildContext:
    """The document, the diagnostics, and the named types and errors registered so far (by the
    JSON pointer that defines them)."""

    def __init__(self, doc: Document, resolver: Resolver, diags: Diagnostics, options: Options):
        self.options = options
        self.doc = doc
        self.data: dict[str, Any] = doc.data
        self.resolver = resolver
        self.diags = diags
        self.types: dict[str, ir.NamedType] = {}
        self.errors: dict[str, ir.ErrorDef] = {}
        self.building: dict[str, bool] = {}  # named types being built (a reference back is recursion)
        self.input_roots: list[ir.TypeExpr] = []  # what requests take: their models get TypedDict twins
        self.doc_retries: ir.RetryPolicy | None = None
        # x-speakeasy-globals: parameters set once on the client, by (name, location).
        self.globals: dict[tuple[str, str], ir.GlobalParam] = {}
        self.schemas: TypeBuilder  # set by `builder.build`, which makes the schemas module's builder

    def deref(self, node: Any, pointer: str) -> tuple[Any, str]:
        """`node` with its `$ref`s followed, and where it is; an unresolvable `$ref` is an error
        diagnostic (and an empty schema)."""
        try:
            value, where, _ = self.resolver.deref(node, pointer)
        except RefError as exc:
            self.diags.error(exc.message, exc.pointer)
            return {}, pointer
        return value, where


def component_name(pointer: str) -> str | None:
    """The name of the schema a pointer defines in `components/schemas` (None elsewhere)."""
    parts = pointer.split("/")
    if len(parts) == 4 and parts[1] == "components" and parts[2] == "schemas":
        return pointers.unescape(parts[3])
    return None


def text(value: Any) -> str:
    """A description or summary: stripped text, "" when absent or not text."""
    return value.strip() if isinstance(value, str) else ""
