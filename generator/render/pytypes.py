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
    "file": "FileInput",
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
        uses: set[str] | None = None,
    ) -> str:
        """The annotation of `t`; `ref`, when given, spells named types (and sorts union members);
        `shadow` holds the member names of the class the annotation is written in. The names the
        annotation needs imported (`Optional`, `pydantic`, ...; not the named types: see `refs`)
        are added to `uses`."""
        used = set() if uses is None else uses
        return self._ann(t, typed_dict, quote or set(), ref, shadow or set(), used)

    def _ann(
        self,
        t: ir.TypeExpr,
        typed_dict: bool,
        quote: set[str],
        ref: Callable[[ir.NamedType], str] | None,
        shadow: set[str],
        uses: set[str],
    ) -> str:
        def again(inner: ir.TypeExpr) -> str:
            return self._ann(inner, typed_dict, quote, ref, shadow, uses)

        if isinstance(t, ir.Prim):
            return self._spell(_PRIMS.get(t.kind, "Any"), shadow, uses)
        if isinstance(t, ir.Ref):
            return self._named(t, typed_dict, quote, ref, shadow, uses)
        if isinstance(t, ir.AnyT):
            uses.add("Any")
            return "Any"
        if isinstance(t, ir.Nullable):
            uses.add("Optional")
            return f"Optional[{again(t.inner)}]"
        if isinstance(t, ir.ListT):
            return f"{self._spell('list', shadow, uses)}[{again(t.item)}]"
        if isinstance(t, ir.MapT):
            return f"{self._spell('dict', shadow, uses)}[{self._spell('str', shadow, uses)}, {again(t.value)}]"
        if isinstance(t, ir.UnionT):
            if t.discriminator and not typed_dict and ref is None:
                return self._discriminated(t, again, uses)
            members = [again(v) for v in t.variants]
            uses.add("Union")
            return f"Union[{', '.join(sorted(members) if ref else members)}]"
        if isinstance(t, ir.LiteralT):
            uses.add("Literal")
            return f"Literal[{literal(t.value)}]"
        if isinstance(t, ir.TupleT):
            uses.add("Tuple")
            return f"Tuple[{', '.join(again(item) for item in t.items)}]" if t.items else "Tuple[()]"
        raise TypeError(t)

    @staticmethod
    def _spell(name: str, shadow: set[str], uses: set[str]) -> str:
        """A builtin or standard type's name, spelled so that a class member of that name does not
        hide it (`builtins.str`, `List`, `_dt.date`)."""
        spelled = SHADOWED_SPELLING[name] if name in shadow and name in SHADOWED_SPELLING else name
        uses.add(spelled.split(".")[0])
        return spelled

    def _named(
        self,
        t: ir.Ref,
        typed_dict: bool,
        quote: set[str],
        ref: Callable[[ir.NamedType], str] | None,
        shadow: set[str],
        uses: set[str],
    ) -> str:
        named = self.types[t.id]
        if ref is not None:
            return ref(named)
        if typed_dict and isinstance(named, (ir.ModelDef, ir.AliasDef)) and named.typed_dict_name:
            name = named.typed_dict_name
        elif typed_dict and isinstance(named, ir.EnumDef):
            uses.add("Union")
            return f"Union[{named.name}, {self._spell(named.value_kind, shadow, uses)}]"
        else:
            name = named.name
        return f'"{name}"' if t.id in quote else name

    def _discriminated(self, t: ir.UnionT, again: Callable[[ir.TypeExpr], str], uses: set[str]) -> str:
        """A union pydantic picks the variant of by its discriminator's value."""
        first = self.types[t.variants[0].id]  # type: ignore[union-attr]
        attr = next(f.name for f in first.fields if f.wire_name == t.discriminator)  # type: ignore[union-attr]
        members = [
            f"Annotated[{again(variant)}, pydantic.Tag({literal(tag)})]"
            for variant, tags in zip(t.variants, t.tags)
            for tag in tags
        ]
        uses.update(("Annotated", "Union", "pydantic", "Discriminated"))
        arguments = [literal(t.discriminator), literal(attr)]
        if t.open:  # a tag the document does not list is kept, not a parse error
            members.append(
                f"Annotated[UnknownVariant, unknown_variant({literal(t.discriminator)}), pydantic.Tag(UNKNOWN_TAG)]"
            )
            arguments.append(literal(tuple(tag for tags in t.tags for tag in tags)))
            uses.update(("UnknownVariant", "UNKNOWN_TAG", "unknown_variant"))
        return f"Annotated[Union[{', '.join(members)}], Discriminated({', '.join(arguments)})]"

    def refs(self, t: ir.TypeExpr | None, typed_dict: bool = False) -> Iterable[tuple[str, str]]:
        """(type id, imported name) pairs a type expression needs."""
        for current in ir.walk(t):
            if isinstance(current, ir.Ref):
                named = self.types[current.id]
                yield current.id, named.name
                if typed_dict and isinstance(named, (ir.ModelDef, ir.AliasDef)) and named.typed_dict_name:
                    yield current.id, named.typed_dict_name
