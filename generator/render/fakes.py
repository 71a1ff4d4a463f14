"""The views of the `testing` module: an in-process fake of the API for users' own tests."""

from __future__ import annotations

import json
from typing import Any

from .. import ir
from ..examples import wire_example
from .imports import module_imports, type_imports
from .pytypes import TypeNames
from .views import FakeMethodView, FakeResourceView, FakeRouteView

MAX_EXAMPLE_CHARS = 2000


def _default_answer(op: ir.Operation, types: dict[str, ir.NamedType]) -> tuple[int, str | None]:
    """The status and JSON body an operation answers with unless a test says otherwise."""
    successes = [r for r in op.responses if r.status[:1] == "2"] or list(op.responses)
    first = next((r for r in successes if r.type is not None and "json" in r.media_type), None)
    chosen = first or (successes[0] if successes else None)
    status = int(chosen.status) if chosen is not None and chosen.status.isdigit() else 200
    if first is None or first.type is None:
        return status, None
    if first.example is not ir.MISSING:
        example = json.dumps(first.example, default=str, sort_keys=True)
        if len(example) <= MAX_EXAMPLE_CHARS:
            return status, example
    # (An example longer than that would weigh on the SDK more than it tells a test.)
    return status, json.dumps(wire_example(first.type, types), default=str, sort_keys=True)


def fake_views(api: ir.Api, names: TypeNames) -> dict[str, Any]:
    """The routes, the classes of `fake.on` (the client's first), and their type imports."""
    types = names.types
    routes: list[FakeRouteView] = []
    refs: list[tuple[str, str]] = []
    uses: set[str] = set()
    classes: list[FakeResourceView] = []

    def methods(ops: tuple[ir.Operation, ...], owner: str, module: str) -> tuple[FakeMethodView, ...]:
        out = []
        members = {op.name for op in ops}  # (a method `list` hides the builtin in its class)
        for op in ops:
            name = f"{owner}.{op.name}" if owner else op.name
            status, body = _default_answer(op, types)
            routes.append(FakeRouteView(name, op.http_method, op.path, module, op.constant, status, body))
            returns = "Any"
            if op.result_type is not None:
                refs.extend(names.refs(op.result_type))
                returns = names.ann(op.result_type, shadow=members, uses=uses)
            out.append(FakeMethodView(op.name, name, returns))
        return tuple(out)

    by_parent: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for r in api.resources:
        if r.path:
            by_parent.setdefault(r.path[:-1], []).append((r.path[-1], "_On" + r.class_name))

    def children(path: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
        return tuple(by_parent.get(path, ()))

    classes.append(FakeResourceView("_OnClient", methods(api.root_operations, "", ".sdk"), children(())))
    for res in api.resources:
        owner = ".".join(res.path)
        ops = methods(res.operations, owner, "." + res.module)
        classes.append(FakeResourceView("_On" + res.class_name, ops, children(res.path)))
    credential = next(
        ((s.param_name, "test-credential") for s in api.security_schemes if s.kind in ("bearer", "apikey")), None
    )
    return {
        "fake_routes": routes,
        "fake_classes": classes,
        "fake_imports": type_imports("testing", refs, set(), types),
        "fake_import_block": module_imports(
            uses | {"Any", "Optional", "TYPE_CHECKING", "cached_property", "httpx"}, "._runtime"
        ),
        "fake_example": routes[0].name if routes else "",
        "fake_credential": credential,
    }
