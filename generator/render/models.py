"""Views of model modules: models, enums, aliases and error classes, in definition order."""

from __future__ import annotations

from .. import ir
from ..pystyle import literal
from .imports import model_module_path, type_imports
from .pytypes import SHADOWED_SPELLING, TypeNames
from .views import FieldView, ItemView, ModuleView

ModuleKey = tuple[str, str]  # (package, module)


def default_expr(f: ir.Field, types: dict[str, ir.NamedType]) -> str | None:
    if f.default is ir.MISSING:
        return None
    inner = f.type.inner if isinstance(f.type, ir.Nullable) else f.type
    if isinstance(inner, ir.ListT) and isinstance(f.default, list):  # a list of enum members
        item = inner.item.inner if isinstance(inner.item, ir.Nullable) else inner.item
        named = types.get(item.id) if isinstance(item, ir.Ref) else None
        if isinstance(named, ir.EnumDef):
            return "[" + ", ".join(_member_expr(named, v) for v in f.default) + "]"
    named = types.get(inner.id) if isinstance(inner, ir.Ref) else None
    if isinstance(named, ir.EnumDef) and f.default is not None:
        return _member_expr(named, f.default)
    return literal(f.default)


def _member_expr(enum: ir.EnumDef, value: object) -> str:
    if value is None:
        return "None"
    member = next(m for m in enum.members if m.value == value)
    return f"{enum.name}.{member.name}"


def doc(description: str, deprecated: bool = False) -> str:
    parts = [description] if description else []
    if deprecated:
        parts.append("Deprecated: this is kept for compatibility and may be removed by the API.")
    return "\n\n".join(parts)


class ModelViews:
    """Makes the view of each model module from the named IR."""

    def __init__(self, api: ir.Api):
        self.api = api
        self.types: dict[str, ir.NamedType] = {t.id: t for t in api.types}
        self._groups: dict[ModuleKey, tuple[list[ir.NamedType], list[ir.ErrorDef]]] | None = None

    @property
    def groups(self) -> dict[ModuleKey, tuple[list[ir.NamedType], list[ir.ErrorDef]]]:
        """The types and error classes of each model module, keyed by (package, module)."""
        if self._groups is None:
            self._groups = self._group()
        return self._groups

    def order(self, items: list[ir.NamedType], names: TypeNames) -> list[ir.NamedType]:
        """Definition order inside a module: what a type uses comes before it (when acyclic)."""
        ids = {t.id for t in items}
        by_id = {t.id: t for t in items}
        done: set[str] = set()
        visiting: set[str] = set()
        out: list[ir.NamedType] = []

        def deps(t: ir.NamedType) -> list[str]:
            exprs: list[ir.TypeExpr] = []
            if isinstance(t, ir.ModelDef):
                exprs = [f.type for f in t.fields] + ([t.extra_type] if t.extra_type is not None else [])
            elif isinstance(t, ir.AliasDef):
                exprs = [t.type]
            return [i for e in exprs for i, _ in names.refs(e) if i in ids]

        def visit(t: ir.NamedType) -> None:
            if t.id in done or t.id in visiting:
                return
            visiting.add(t.id)
            for dep in deps(t):
                visit(by_id[dep])
            visiting.discard(t.id)
            done.add(t.id)
            out.append(t)

        for t in items:
            visit(t)
        return out

    def model_item(self, t: ir.ModelDef, quote: set[str], names: TypeNames, uses: set[str]) -> ItemView:
        """A model (and its TypedDict twin when it is input); the names it needs go to `uses`."""
        uses.add("BaseModel")
        td_uses = uses if t.typed_dict_name else set()
        if t.typed_dict_name:
            uses.add("TypedDict")
        fields = []
        send_defaults = []
        shadow = set(t.shadowed)
        for f in t.fields:
            annotation = names.ann(f.type, quote=quote, shadow=shadow, uses=uses)
            default = default_expr(f, names.types)
            optional = not f.required and default is None
            if optional and not isinstance(f.type, ir.Nullable):
                annotation = f"Optional[{annotation}]"
                uses.add("Optional")
            if optional:
                default = "None"
            if f.default is not ir.MISSING:
                send_defaults.append(f.name)
            if f.wire_name and f.wire_name != f.name:
                annotation = f"Annotated[{annotation}, pydantic.Field(alias={literal(f.wire_name)})]"
                uses.update(("Annotated", "pydantic"))
            td = names.ann(f.type, typed_dict=True, quote=quote, shadow=shadow, uses=td_uses)
            td_required = f.required and f.default is ir.MISSING
            if not td_required:
                td_uses.add("NotRequired")
            fields.append(
                FieldView(
                    f.name,
                    annotation,
                    default,
                    doc(f.description, f.deprecated),
                    td,
                    td_required,
                )
            )
        send = ", ".join(literal(n) for n in send_defaults) if t.is_input else ""
        str_name = SHADOWED_SPELLING["str"] if "str" in shadow else "str"
        if send:
            uses.update(("ClassVar", "FrozenSet", str_name.split(".")[0]))
        extra = ""
        if t.extra_type is not None and t.extra_type != ir.AnyT():
            extra = names.ann(ir.MapT(t.extra_type), quote=quote, shadow=shadow, uses=uses)
            uses.add("pydantic")
        return ItemView(
            "model",
            t.name,
            doc(t.description, t.deprecated),
            fields,
            t.typed_dict_name,
            send,
            str_name=str_name,
            extra=extra,
        )

    def _group(self) -> dict[tuple[str, str], tuple[list[ir.NamedType], list[ir.ErrorDef]]]:
        """The types and error classes of each model module, keyed by (package, module)."""
        grouped: dict[tuple[str, str], tuple[list[ir.NamedType], list[ir.ErrorDef]]] = {}
        for t in self.api.types:
            grouped.setdefault((t.package, t.module), ([], []))[0].append(t)
        for e in self.api.errors:
            grouped.setdefault(("errors", e.module), ([], []))[1].append(e)
        return dict(sorted(grouped.items()))

    def module_types(self, members: list[ir.NamedType], errors: list[ir.ErrorDef]) -> dict[str, ir.NamedType]:
        """The named types a model module's view is made from: its own, and those they refer to
        directly. The view reads no others, so these (with the templates) determine the file."""
        ids = {t.id for t in members}
        for t in members:
            ids.update(ir.dependencies(t))
        for e in errors:
            ids.update(ir.refs_of(e.data_type))
        return {i: self.types[i] for i in sorted(ids)}

    def module(self, package: str, module: str) -> ModuleView:
        members, errors = self.groups[(package, module)]
        names = TypeNames(self.module_types(members, errors))  # all this view may read of other types
        here = model_module_path(package, module)
        local = {t.id for t in members}
        defined: set[str] = set()
        items: list[ItemView] = []
        refs: list[tuple[str, str]] = []
        uses: set[str] = set()
        for t in self.order(members, names):
            quote = local - defined  # same-module types not defined yet are forward references
            if isinstance(t, ir.ModelDef):
                items.append(self.model_item(t, quote, names, uses))
                for f in t.fields:
                    refs.extend(names.refs(f.type, typed_dict=t.is_input))
                refs.extend(names.refs(t.extra_type))
            elif isinstance(t, ir.EnumDef):
                members_view = [(m.name, literal(m.value)) for m in t.members]
                if t.open:
                    base = "OpenEnum" if t.value_kind == "str" else "OpenIntEnum"
                    uses.add(base)
                else:
                    base = f"{t.value_kind}, Enum"
                    uses.add("Enum")
                items.append(ItemView("enum", t.name, doc(t.description), base=base, members=members_view))
            else:
                quote = local - defined  # includes itself: a recursive alias names itself as a string
                recursive = t.id in ir.refs_of(t.type)
                uses.update(("TYPE_CHECKING", "TypeAlias", "TypeAliasType") if recursive else ("TypeAlias",))
                items.append(
                    ItemView(
                        "alias",
                        t.name,
                        doc(t.description),
                        typed_dict_name=t.typed_dict_name,
                        annotation=names.ann(t.type, quote=quote, uses=uses),
                        td_annotation=(
                            names.ann(t.type, typed_dict=True, quote=quote, uses=uses) if t.typed_dict_name else ""
                        ),
                        recursive=recursive,
                    )
                )
                refs.extend(names.refs(t.type, typed_dict=bool(t.typed_dict_name)))
            defined.add(t.id)
        for e in errors:
            refs.extend(names.refs(e.data_type))
            error_doc = (e.description or "The API answered with this error.") + (
                "\n\nThe parsed error body is in `data`; `status_code`, `headers`, `body` and `raw_response`\n"
                "describe the response."
            )
            uses.add("APIError")
            data_type = names.ann(e.data_type, uses=uses)
            message_path = literal(e.message_path)
            items.append(ItemView("error", e.name, error_doc, data_type=data_type, message_path=message_path))
        return ModuleView(package, module, type_imports(here, refs, local, names.types), items, tuple(sorted(uses)))
