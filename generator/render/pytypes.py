"""Python annotations for IR type expressions, and the named types they refer to."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .. import ir
from ..pystyle import literal

_PRIMS = {
    "str": "str",
    "int": "int",
    "float": "float",
    "bool": "bool",
    "bytes": "bytes",
    "date": "date",
    "datetime": "datetime",
    "none": "None",
}
# How a type is spelled inside a class where a member (field or method) has the type's name:
# there the bare name would mean the member, for the type checker.
SHADOWED_SPELLING = {
    "list": "List",
    "dict": "Dict",
    "str": "builtins.str",
    "int": "builtins.int",
    "float": "builtins.float",
    "bool": "builtins.bool",
    "bytes": "builtins.bytes",
    "date": "_dt.date",
    "datetime": "_dt.datetime",
}


class TypeNames:
    """Python annotations for IR type expressions, and the named types they refer to."""

    def __init__(self, types: dict[str, ir.NamedType]):
        self.types = types

    def ann(
        self,
        t: ir.TypeExpr,
        typed_dict: bool = False,
        quote: set[str] | None = None,
        ref: Callable[[ir.NamedType], str] | None = None,
        shadow: set[str] | None = None,
    ) -> str:
        """The annotation of `t`; `ref`, when given, spells named types (and sorts union members);
        `shadow` holds the member names of the class the annotation is written in."""
        if isinstance(t, ir.Prim):
            name = _PRIMS.get(t.kind, "Any")
            return SHADOWED_SPELLING[name] if shadow and name in shadow else name
        if isinstance(t, ir.Ref):
            named = self.types[t.id]
            if ref is not None:
                return ref(named)
            if typed_dict and isinstance(named, (ir.ModelDef, ir.AliasDef)) and named.typed_dict_name:
                name = named.typed_dict_name
            elif typed_dict and isinstance(named, ir.EnumDef):
                base = (
                    SHADOWED_SPELLING[named.value_kind] if shadow and named.value_kind in shadow else named.value_kind
                )
                return f"Union[{named.name}, {base}]"
            else:
                name = named.name
            return f'"{name}"' if quote and t.id in quote else name
        if isinstance(t, ir.AnyT):
            return "Any"
        if isinstance(t, ir.Nullable):
            return f"Optional[{self.ann(t.inner, typed_dict, quote, ref, shadow)}]"
        if isinstance(t, ir.ListT):
            outer = "List" if shadow and "list" in shadow else "list"
            return f"{outer}[{self.ann(t.item, typed_dict, quote, ref, shadow)}]"
        if isinstance(t, ir.MapT):
            outer = "Dict" if shadow and "dict" in shadow else "dict"
            key = SHADOWED_SPELLING["str"] if shadow and "str" in shadow else "str"
            return f"{outer}[{key}, {self.ann(t.value, typed_dict, quote, ref, shadow)}]"
        if isinstance(t, ir.UnionT):
            if t.discriminator and not typed_dict and ref is None:
                return self._discriminated(t, lambda inner: self.ann(inner, typed_dict, quote, ref, shadow))
            members = [self.ann(v, typed_dict, quote, ref, shadow) for v in t.variants]
            return f"Union[{', '.join(sorted(members) if ref else members)}]"
        if isinstance(t, ir.LiteralT):
            return f"Literal[{literal(t.value)}]"
        raise TypeError(t)

    def _discriminated(self, t: ir.UnionT, again: Callable[[ir.TypeExpr], str]) -> str:
        """A union pydantic picks the variant of by its discriminator's value."""
        first = self.types[t.variants[0].id]  # type: ignore[union-attr]
        attr = next(f.name for f in first.fields if f.wire_name == t.discriminator)  # type: ignore[union-attr]
        members = [
            f"Annotated[{again(variant)}, pydantic.Tag({literal(tag)})]"
            for variant, tags in zip(t.variants, t.tags)
            for tag in tags
        ]
        return f"Annotated[Union[{', '.join(members)}], Discriminated({literal(t.discriminator)}, {literal(attr)})]"

    def refs(self, t: ir.TypeExpr | None, typed_dict: bool = False) -> Iterable[tuple[str, str]]:
        """(type id, imported name) pairs a type expression needs."""
        if t is None:
            return
        if isinstance(t, ir.Ref):
            named = self.types[t.id]
            yield t.id, named.name
            if typed_dict and isinstance(named, (ir.ModelDef, ir.AliasDef)) and named.typed_dict_name:
                yield t.id, named.typed_dict_name
        elif isinstance(t, ir.ListT):
            yield from self.refs(t.item, typed_dict)
        elif isinstance(t, ir.MapT):
            yield from self.refs(t.value, typed_dict)
        elif isinstance(t, ir.UnionT):
            for v in t.variants:
                yield from self.refs(v, typed_dict)
        elif isinstance(t, ir.Nullable):
            yield from self.refs(t.inner, typed_dict)
