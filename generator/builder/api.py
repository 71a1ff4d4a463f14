"""The whole document as an `ir.Api`: types, operations grouped into resources, servers, security."""

from __future__ import annotations

from .. import ir
from ..pointers import join as pointer_join
from ..text import pascal, snake
from . import extensions, operations, security
from .context import COMPONENTS, HTTP_METHODS, BuildContext, text
from .grouping import PathGroups
from .schemas import is_named_kind
from .webhooks import webhooks


def mark_inputs(ctx: BuildContext, types: tuple[ir.NamedType, ...]) -> tuple[ir.NamedType, ...]:
    """Models reachable from a request get a TypedDict twin, so callers can pass plain dicts."""
    reachable: set[str] = set()
    stack: list[ir.TypeExpr] = list(ctx.input_roots)
    while stack:
        t = stack.pop()
        if isinstance(t, ir.Ref):
            if t.id in reachable:
                continue
            reachable.add(t.id)
            named = ctx.types.get(t.id)
            if isinstance(named, ir.ModelDef):
                stack.extend(f.type for f in named.fields)
                if named.extra_type is not None:
                    stack.append(named.extra_type)
            elif isinstance(named, ir.AliasDef):
                stack.append(named.type)
        elif isinstance(t, ir.Nullable):
            stack.append(t.inner)
        elif isinstance(t, ir.ListT):
            stack.append(t.item)
        elif isinstance(t, ir.MapT):
            stack.append(t.value)
        elif isinstance(t, ir.UnionT):
            stack.extend(t.variants)
        elif isinstance(t, ir.TupleT):
            stack.extend(t.items)
    out = []
    for named in types:
        if isinstance(named, (ir.ModelDef, ir.AliasDef)) and named.id in reachable:
            named = ir.evolve(named, is_input=True)
        out.append(named)
    return tuple(out)


# The dialect OpenAPI 3.1 reads schemas in by default (JSON Schema 2020-12 with OpenAPI's vocabulary).
OAS_BASE_DIALECT = "https://spec.openapis.org/oas/3.1/dialect/base"


def _note_inferred_pagination(ctx: BuildContext, operations: list[ir.Operation]) -> None:
    """Say how many operations page by inference, and how to turn it off."""
    inferred: dict[str, int] = {}
    for op in operations:
        if op.pagination is not None and op.pagination.inferred:
            inferred[op.pagination.kind] = inferred.get(op.pagination.kind, 0) + 1
    if inferred:
        kinds = ", ".join(f"{count} by {kind}" for kind, count in sorted(inferred.items()))
        ctx.diags.note(
            f"pagination inferred for {sum(inferred.values())} list operation(s) ({kinds}); "
            "`x-sdkforge-pagination: false` on an operation, or `pagination: {exclude: [operationId]}` "
            "in the settings, turns it off"
        )


def build_api(ctx: BuildContext) -> ir.Api:
    info = ctx.data.get("info") or {}
    dialect = ctx.data.get("jsonSchemaDialect")
    if dialect is not None and str(dialect).rstrip("/") not in (OAS_BASE_DIALECT, OAS_BASE_DIALECT + "/2024-10-25"):
        ctx.diags.warn(
            f"jsonSchemaDialect {dialect!r}: schemas are read as OpenAPI 3.1's base dialect (JSON Schema 2020-12)",
            "/jsonSchemaDialect",
        )
    ctx.doc_retries = extensions.retries(ctx, ctx.data.get("x-speakeasy-retries"), "/x-speakeasy-retries", None)
    ctx.globals = extensions.globals_(ctx, ctx.data.get("x-speakeasy-globals"))
    for name, schema in sorted(((ctx.data.get("components") or {}).get("schemas") or {}).items()):
        pointer = pointer_join("/components/schemas", name)
        if is_named_kind(schema) or (isinstance(schema, dict) and "$ref" in schema):
            ctx.schemas.type_of({"$ref": "#" + pointer}, pointer, pascal(name), COMPONENTS, snake(name))
        elif isinstance(schema, dict) and schema.get("x-speakeasy-include") is True and pointer not in ctx.types:
            # A scalar or array schema is written inline where it is used; this one is asked to
            # exist by name too.
            tp = ctx.schemas.type_of(schema, pointer, pascal(name), COMPONENTS, snake(name))
            ctx.types[pointer] = ir.AliasDef(
                pointer,
                pascal(name) or "Schema",
                COMPONENTS,
                snake(name) or "schema",
                tp,
                text(schema.get("description")),
            )
    schemes = security.security_schemes(ctx)
    default_security = security.security(ctx, ctx.data.get("security"), "/security") or ()
    tag_info = {t.get("name"): t for t in ctx.data.get("tags") or [] if isinstance(t, dict)}
    grouped: dict[tuple[str, ...], list[ir.Operation]] = {}
    root: list[ir.Operation] = []
    places = PathGroups(
        {
            str(path): {m for m in HTTP_METHODS if isinstance(item, dict) and isinstance(item.get(m), dict)}
            for path, item in (ctx.data.get("paths") or {}).items()
        }
    )
    for path, item in (ctx.data.get("paths") or {}).items():
        item_pointer = pointer_join("/paths", path)
        item, _ = ctx.deref(item, item_pointer) if isinstance(item, dict) and "$ref" in item else (item, item_pointer)
        if not isinstance(item, dict):
            ctx.diags.warn("path item is not a mapping; skipped", item_pointer)
            continue
        for method in HTTP_METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            op_pointer = pointer_join(item_pointer, method)
            if op.get("x-speakeasy-ignore") is True:
                ctx.diags.warn("operation ignored (x-speakeasy-ignore)", op_pointer)
                continue
            operation = operations.operation(ctx, path, method, item, op, op_pointer)
            key = extensions.group(ctx, op)
            place = places.place(path, method) if not key and ctx.options.untagged == "paths" else None
            if place is not None:  # untagged: the resource its path names, and the name it suggests there
                if not isinstance(op.get("x-speakeasy-name-override"), str):
                    operation = ir.evolve(operation, place_name=place[1])
                _add(grouped, place[0], operation)
            elif not key:
                root.append(operation)
            else:
                _add(grouped, key, operation)
    _note_inferred_pagination(ctx, [*root, *(op for ops in grouped.values() for op in ops)])
    hooks, signature, event_header = webhooks(ctx)
    resources = tuple(
        ir.Resource(
            snake(key[-1]) or "default",
            pascal(" ".join(key)) or "Default",
            snake("_".join(key)) or "default",
            ".".join(key),
            text((tag_info.get(".".join(key)) or {}).get("description")),
            tuple(ops),
            key,
        )
        for key, ops in sorted(grouped.items(), key=lambda entry: len(entry[0]))
    )
    servers = tuple(
        ir.Server(
            str(s.get("url", "")).rstrip("/") or "/",
            text(s.get("description")),
            tuple(
                (str(name), str(var.get("default", "")))
                for name, var in (s.get("variables") or {}).items()
                if isinstance(var, dict)
            ),
        )
        for s in ctx.data.get("servers") or []
        if isinstance(s, dict)
    ) or (ir.Server("/", ""),)
    types = mark_inputs(ctx, tuple(ctx.types.values()))
    return ir.Api(
        title=text(info.get("title")) or "API",
        description=text(info.get("description")),
        version=str(info.get("version", "")),
        servers=servers,
        security_schemes=schemes,
        default_security=default_security,
        resources=resources,
        root_operations=tuple(root),
        types=types,
        errors=tuple(ctx.errors.values()),
        retries=ctx.doc_retries,
        globals=tuple(ctx.globals.values()),
        webhooks=hooks,
        webhook_signature=signature,
        webhook_event_header=event_header,
    )


def _add(grouped: dict[tuple[str, ...], list[ir.Operation]], key: tuple[str, ...], operation: ir.Operation) -> None:
    for depth in range(1, len(key)):  # the groups it is nested in exist too
        grouped.setdefault(key[:depth], [])
    grouped.setdefault(key, []).append(operation)
