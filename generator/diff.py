"""What regenerating from a new document changes for SDK users, in SDK terms.

Both documents go through the pipeline up to the named IR; the two APIs are compared method by
method: methods added, removed or renamed; request fields added, removed, made required or
optional, retyped; enum values; response fields; error types. Each change says whether it breaks
existing user code, and the whole suggests a semantic-version bump.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from . import ir
from .render import TypeNames


@dataclass(frozen=True)
class Change:
    where: str  # e.g. "partners.create()"
    what: str  # e.g. "request.link_props.key_length removed"
    breaking: bool


def _methods(api: ir.Api) -> dict[str, ir.Operation]:
    """Every method by its full path from the client (`admin.settings.get()`): two resources of the
    same name under different parents are two places."""
    out = {f"{op.name}()": op for op in api.root_operations}
    for resource in api.resources:
        owner = ".".join(resource.path or (resource.name,))
        for op in resource.operations:
            out[f"{owner}.{op.name}()"] = op
    return out


class _Side:
    def __init__(self, api: ir.Api):
        self.api = api
        self.types = {t.id: t for t in api.types}
        self.names = TypeNames(self.types)
        self.errors = {e.id: e for e in api.errors}

    def describe(self, t: ir.TypeExpr | None) -> str:
        return "None" if t is None else self.names.ann(t)

    def variants(self, t: ir.TypeExpr | None) -> tuple[ir.TypeExpr, ...]:
        """The members of a union (through nullability and aliases); () when `t` is not one."""
        t = ir.unalias(self.types, t) if t is not None else None
        return t.variants if isinstance(t, ir.UnionT) else ()

    def model(self, t: ir.TypeExpr | None) -> ir.NamedType | None:
        while isinstance(t, ir.Nullable):
            t = t.inner
        if isinstance(t, ir.ListT):
            return self.model(t.item)
        return self.types.get(t.id) if isinstance(t, ir.Ref) else None


def _shape(side: _Side, t: ir.TypeExpr | None) -> str:
    """A type's shape for comparison: named types compare by kind, not by (generated) name."""
    if t is None:
        return "None"

    def kind(named: ir.NamedType) -> str:
        if isinstance(named, ir.ModelDef):
            return "object"
        if isinstance(named, ir.EnumDef):
            return f"enum[{named.value_kind}]"
        return side.names.ann(named.type, ref=kind)

    return side.names.ann(t, ref=kind)


class Differ:
    def __init__(self, old: ir.Api, new: ir.Api):
        self.old = _Side(old)
        self.new = _Side(new)
        self.changes: list[Change] = []

    def add(self, where: str, what: str, breaking: bool) -> None:
        self.changes.append(Change(where, what, breaking))

    def run(self) -> list[Change]:
        old_methods, new_methods = _methods(self.old.api), _methods(self.new.api)
        by_route_new = {(op.http_method, op.path): name for name, op in new_methods.items()}
        renamed: set[str] = set()
        for name, op in old_methods.items():
            if name in new_methods:
                self._operation(name, op, new_methods[name])
                continue
            moved = by_route_new.get((op.http_method, op.path))
            if moved is not None and moved not in old_methods:
                renamed.add(moved)
                self.add(name, f"renamed to {moved}", True)
                self._operation(moved, op, new_methods[moved])
            else:
                self.add(name, "method removed", True)
        for name in new_methods:
            if name not in old_methods and name not in renamed:
                self.add(name, "method added", False)
        return self.changes

    def _operation(self, where: str, old: ir.Operation, new: ir.Operation) -> None:
        if (old.request_type is None) != (new.request_type is None):
            self.add(where, "request " + ("added" if new.request_type else "removed"), new.request_type is not None)
        elif old.request_type is not None and new.request_type is not None:
            self._compare(where, "request", old.request_type, new.request_type, request=True, seen=set())
        if old.result_type is not None or new.result_type is not None:
            if old.result_type is None or new.result_type is None:
                self.add(
                    where,
                    f"response type {self.old.describe(old.result_type)} -> {self.new.describe(new.result_type)}",
                    True,
                )
            else:
                self._compare(where, "response", old.result_type, new.result_type, request=False, seen=set())
        old_errors = {e.status: self.old.errors[e.error_id].name for e in old.errors}
        new_errors = {e.status: self.new.errors[e.error_id].name for e in new.errors}
        for status, name in sorted(old_errors.items()):
            if status not in new_errors:
                self.add(where, f"error {name} ({status}) no longer documented (raised as SDKError)", True)
            elif new_errors[status] != name:
                self.add(where, f"error for {status} is now {new_errors[status]} instead of {name}", True)
        for status, name in sorted(new_errors.items()):
            if status not in old_errors:
                self.add(where, f"error {name} ({status}) added", False)

    def _compare(
        self, where: str, path: str, old: ir.TypeExpr, new: ir.TypeExpr, request: bool, seen: set[tuple[str, str]]
    ) -> None:
        old_shape, new_shape = _shape(self.old, old), _shape(self.new, new)
        if old_shape != new_shape:
            loosened = new_shape == f"Optional[{old_shape}]"
            self.add(
                where, f"{path}: type {self.old.describe(old)} -> {self.new.describe(new)}", not (loosened and request)
            )
            return
        old_variants, new_variants = self.old.variants(old), self.new.variants(new)
        if old_variants and len(old_variants) == len(new_variants):
            # Member by member: a change inside one member is a change of the union.
            for index, (old_member, new_member) in enumerate(zip(old_variants, new_variants)):  # noqa: B905
                self._compare(where, f"{path}<member {index + 1}>", old_member, new_member, request, seen)
            return
        old_named, new_named = self.old.model(old), self.new.model(new)
        if old_named is None or new_named is None:
            return
        key = (old_named.id, new_named.id)
        if key not in seen:
            self._compare_named(where, path, old_named, new_named, request, seen | {key})

    def _compare_named(
        self,
        where: str,
        path: str,
        old_named: ir.NamedType,
        new_named: ir.NamedType,
        request: bool,
        seen: set[tuple[str, str]],
    ) -> None:
        if isinstance(old_named, ir.EnumDef) and isinstance(new_named, ir.EnumDef):
            before = {m.value for m in old_named.members}
            after = {m.value for m in new_named.members}
            for value in sorted(before - after, key=str):
                self.add(where, f"{path}: enum value {value!r} removed", request)
            for value in sorted(after - before, key=str):
                self.add(where, f"{path}: enum value {value!r} added", False)
            return
        if isinstance(old_named, ir.ModelDef) and isinstance(new_named, ir.ModelDef):
            old_fields = {f.name: f for f in old_named.fields}
            new_fields = {f.name: f for f in new_named.fields}
            for name, field in old_fields.items():
                if name not in new_fields:
                    self.add(where, f"{path}.{name} removed", True)
                    continue
                other = new_fields[name]
                if request and not field.required and other.required:
                    self.add(where, f"{path}.{name} is now required", True)
                elif request and field.required and not other.required:
                    self.add(where, f"{path}.{name} is now optional", False)
                elif not request and field.required and not other.required:
                    self.add(where, f"{path}.{name} may now be absent", True)
                self._compare(where, f"{path}.{name}", field.type, other.type, request, seen)
            for name, field in new_fields.items():
                if name not in old_fields:
                    breaking = request and field.required and field.default is ir.MISSING
                    self.add(where, f"{path}.{name} added" + (" (required)" if breaking else ""), breaking)


def suggested_bump(changes: list[Change]) -> str:
    if any(c.breaking for c in changes):
        return "major"
    if changes:
        return "minor"
    return "patch"


def diff_apis(old: ir.Api, new: ir.Api) -> list[Change]:
    return Differ(old, new).run()


def render_markdown(changes: list[Change]) -> str:
    lines = [f"## SDK changes (suggested version bump: {suggested_bump(changes)})", ""]
    if not changes:
        lines.append("No change visible to SDK users.")
    for change in changes:
        mark = "**breaking**" if change.breaking else "compatible"
        lines.append(f"- `{change.where}`: {change.what} — {mark}")
    return "\n".join(lines) + "\n"


def render_json(changes: list[Change]) -> str:
    payload = {
        "breaking": any(c.breaking for c in changes),
        "suggested_bump": suggested_bump(changes),
        "changes": [asdict(c) for c in changes],
    }
    return json.dumps(payload, indent=2) + "\n"
