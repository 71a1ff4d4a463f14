"""Schemas into type expressions and named types (models, enums, aliases)."""

from __future__ import annotations

from typing import Any, get_args

from .. import ir
from ..pointers import join as pointer_join
from ..text import pascal, singular, snake
from .context import COMPONENTS, ERRORS, BuildContext, component_name, text

_SCALARS = {"integer": "int", "number": "float", "boolean": "bool", "string": "str", "null": "none"}
_STRING_FORMATS = {"binary": "bytes", "date-time": "datetime", "date": "date"}
# Shared instances of the commonest type expressions (they are immutable).
PRIM: dict[str, ir.Prim] = {kind: ir.Prim(kind) for kind in get_args(ir.PrimKind)}
ANY = ir.AnyT()
# Keywords that describe or constrain values without changing their Python type.
_ANNOTATIONS = {
    "description",
    "title",
    "example",
    "examples",
    "default",
    "deprecated",
    "readOnly",
    "writeOnly",
    "nullable",
    "externalDocs",
    "xml",
    "$comment",
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
    "format",
}
# Keywords of JSON Schema 2020-12 that shape what a value may be but that the generated types do
# not express: each is a warning with its pointer, never silence.
_UNTYPED_KEYWORDS = frozenset(
    {
        "if",
        "then",
        "else",
        "dependentSchemas",
        "dependentRequired",
        "unevaluatedProperties",
        "unevaluatedItems",
        "contains",
        "propertyNames",
        "$dynamicRef",
        "patternProperties",
        "not",
    }
)
# Pointer tokens that name a place in a document's structure, not a type.
STRUCTURAL_TOKENS = {
    "schema",
    "schemas",
    "items",
    "properties",
    "additionalProperties",
    "allOf",
    "oneOf",
    "anyOf",
    "not",
    "content",
    "definitions",
    "$defs",
    "components",
    "paths",
    "responses",
    "parameters",
}


def _json_kind(value: Any) -> str:
    """What a JSON value is, in JSON's words (for messages)."""
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, bool):
        return "boolean"
    return "number" if isinstance(value, (int, float)) else type(value).__name__


def _annotation_only(part: Any) -> bool:
    return isinstance(part, dict) and "$ref" not in part and all(k in _ANNOTATIONS or k.startswith("x-") for k in part)


def _number(text: str) -> Any:
    """A number written as a string ("12345", "1.0"), as a number; else the text unchanged."""
    try:
        value = float(text)
    except ValueError:
        return text
    return int(value) if value.is_integer() and "." not in text and "e" not in text.lower() else value


def _requirement_choice(piece: dict[str, Any]) -> bool:
    """`{anyOf: [{required: [a]}, {required: [b]}]}`: a choice among required fields, nothing else."""
    choices = piece.get("oneOf") or piece.get("anyOf")
    return (
        isinstance(choices, list)
        and set(piece) <= {"oneOf", "anyOf", "description", "title"}
        and all(isinstance(c, dict) and set(c) <= {"required", "title", "description"} for c in choices)
    )


def is_text(tp: ir.TypeExpr | None) -> bool:
    inner = tp.inner if isinstance(tp, ir.Nullable) else tp
    return isinstance(inner, ir.Prim) and inner.kind == "str"


def is_named_kind(schema: Any) -> bool:
    """Whether a schema becomes a named type (a model, an enum or a union) where it is defined."""
    if not isinstance(schema, dict):
        return False
    if "enum" in schema or "oneOf" in schema or "anyOf" in schema or "allOf" in schema:
        return True
    return schema.get("type") == "object" or "properties" in schema


class Schemas:
    """Builds the type of each schema; named types are registered in the context."""

    def __init__(self, ctx: BuildContext):
        self.ctx = ctx

    def type_of(
        self, schema: Any, pointer: str, hint: str, package: str, module: str, top: bool = False
    ) -> ir.TypeExpr:
        """The type of a schema; named types are registered under the pointer that defines them."""
        if isinstance(schema, bool):
            return ANY
        if not isinstance(schema, dict):
            self.ctx.diags.warn("schema is not an object; typed as Any", pointer)
            return ANY
        unsupported = _UNTYPED_KEYWORDS.intersection(schema)
        if unsupported:
            self.ctx.diags.warn(
                f"JSON Schema keyword{'s' if len(unsupported) > 1 else ''} {', '.join(sorted(unsupported))} "
                "not reflected in the SDK's types (the server still applies them)",
                pointer,
            )
        if "$ref" in schema:
            target, where = self.ctx.deref(schema, pointer)
            component = component_name(where)
            named: ir.TypeExpr | None = None
            if component is not None and self.is_named_kind(target):
                named = self.named(
                    target, where, pascal(component) or "Schema", COMPONENTS, snake(component) or "schema"
                )
            named_at = self.ref_name(where)
            if component is None and named_at and self.is_named_kind(target):
                named = self.named(target, where, pascal(named_at), COMPONENTS, snake(named_at))
            if named is not None:
                # A named schema that admits null (`nullable: true`, a type list with "null"), or a
                # reference marked nullable where it is used, is nullable there.
                nullable = _admits_null(target) or _admits_null(schema)
                return ir.Nullable(named) if nullable and not isinstance(named, ir.Nullable) else named
            if where in self.ctx.building:
                self.ctx.diags.warn("recursive reference typed as Any", pointer)
                return ANY
            if component is not None:
                self.ctx.building[where] = True
                try:
                    return self.type_of(target, where, pascal(component), COMPONENTS, snake(component), top)
                finally:
                    del self.ctx.building[where]
            return self.type_of(target, where, hint, package, module, top)
        types, nullable = self._type_names(schema, pointer)
        result = self.type_of_inner(schema, pointer, hint, package, module, types, top)
        if nullable and not isinstance(result, (ir.Nullable, ir.AnyT)):
            return ir.Nullable(result)
        return result

    def _type_names(self, schema: dict[str, Any], pointer: str) -> tuple[str | list[str] | None, bool]:
        """The `type` of a schema (a name, several, or None) without "null", and whether it admits
        null. What is not a type name is left out, with a warning."""
        nullable = schema.get("nullable") is True
        types = schema.get("type")
        if isinstance(types, list) and not all(isinstance(t, str) for t in types):
            self.ctx.diags.warn(
                "'type' lists something other than type names; those are left out", pointer_join(pointer, "type")
            )
            types = [t for t in types if isinstance(t, str)] or None
        elif types is not None and not isinstance(types, (str, list)):
            self.ctx.diags.warn(
                f"'type' is a {_json_kind(types)}, not a type name; typed by the other keywords",
                pointer_join(pointer, "type"),
            )
            types = None
        if isinstance(types, list):
            nullable = nullable or "null" in types
            types = [t for t in types if t != "null"]
            if len(types) == 1:
                types = types[0]
            elif not types:
                types = None
        return types, nullable

    def ref_name(self, pointer: str) -> str:
        """A type name for a `$ref` target outside components/schemas (e.g. `other.yaml#/Owner`)."""
        token = pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
        if not token or token in STRUCTURAL_TOKENS or token.isdigit() or not pascal(token):
            return ""
        return token

    def is_named_kind(self, schema: Any) -> bool:
        if not isinstance(schema, dict):
            return False
        if "enum" in schema or "oneOf" in schema or "anyOf" in schema or "allOf" in schema:
            return True
        return schema.get("type") == "object" or "properties" in schema

    def named(self, schema: dict[str, Any], pointer: str, name: str, package: str, module: str) -> ir.TypeExpr:
        if pointer in self.ctx.types or pointer in self.ctx.building:
            return ir.Ref(pointer)
        self.ctx.building[pointer] = True
        try:
            result = self.type_of_inner(schema, pointer, name, package, module, schema.get("type"), True)
        finally:
            del self.ctx.building[pointer]
        if isinstance(result, ir.Ref):
            if result.id != pointer and pointer not in self.ctx.types:
                self.ctx.types[pointer] = ir.AliasDef(
                    pointer, name, package, module, result, text(schema.get("description"))
                )
            return ir.Ref(pointer)
        if pointer not in self.ctx.types:
            self.ctx.types[pointer] = ir.AliasDef(
                pointer, name, package, module, result, text(schema.get("description"))
            )
        return ir.Ref(pointer)

    def type_of_inner(
        self, schema: dict[str, Any], pointer: str, hint: str, package: str, module: str, types: Any, top: bool
    ) -> ir.TypeExpr:
        if "const" in schema:
            return ir.LiteralT(schema["const"])
        if "enum" in schema and isinstance(schema["enum"], list):
            return self.enum(schema, pointer, hint, package, module)
        if "allOf" in schema and isinstance(schema["allOf"], list):
            return self.all_of(schema, pointer, hint, package, module)
        for key in ("oneOf", "anyOf"):
            if key in schema and isinstance(schema[key], list) and schema[key]:
                return self.union(schema, key, pointer, hint, package, module, top)
        if types == "object" or (types is None and "properties" in schema):
            return self.object(schema, pointer, hint, package, module)
        if types == "array":
            items = schema.get("items")
            if isinstance(schema.get("prefixItems"), list):
                return self.prefix_items(schema, pointer, hint, package, module)
            if items is None or items is True:
                return ir.ListT(ANY)
            return ir.ListT(
                self.type_of(
                    items,
                    pointer_join(pointer, "items"),
                    singular(hint) if not hint.endswith("Body") else hint + "Item",
                    package,
                    module,
                )
            )
        if isinstance(types, str) and types in _SCALARS:
            kind = _SCALARS[types]
            if kind == "str":
                kind = _STRING_FORMATS.get(str(schema.get("format")), "str")
            return PRIM[kind]
        if isinstance(types, list):
            return ir.UnionT(tuple(self.type_of_inner(schema, pointer, hint, package, module, t, False) for t in types))
        if types is not None and types not in _SCALARS:
            self.ctx.diags.warn(f"unknown schema type {types!r}; typed as Any", pointer_join(pointer, "type"))
        if "additionalProperties" in schema:
            return self.object(schema, pointer, hint, package, module)
        return ANY

    def prefix_items(self, schema: dict[str, Any], pointer: str, hint: str, package: str, module: str) -> ir.TypeExpr:
        """`prefixItems` (JSON Schema 2020-12): a tuple when no other items may follow (`items:
        false`), else a list of any of the positions' types (and of `items`), with a warning."""
        positions = [
            self.type_of(item, pointer_join(pointer, "prefixItems", index), f"{hint}Item{index}", package, module)
            for index, item in enumerate(schema["prefixItems"])
        ]
        items = schema.get("items")
        if items is False:
            return ir.TupleT(tuple(positions))
        if isinstance(items, dict):
            positions.append(self.type_of(items, pointer_join(pointer, "items"), hint + "Item", package, module))
        else:
            positions.append(ANY)
        self.ctx.diags.warn(
            "prefixItems with more items allowed after them: typed as a list of any of their types "
            "(add `items: false` for a tuple)",
            pointer_join(pointer, "prefixItems"),
        )
        unique = list(dict.fromkeys(positions))
        return ir.ListT(unique[0] if len(unique) == 1 else ir.UnionT(tuple(unique)))

    def enum(self, schema: dict[str, Any], pointer: str, hint: str, package: str, module: str) -> ir.TypeExpr:
        values = [v for v in schema["enum"] if v is not None]
        nullable = len(values) != len(schema["enum"])
        if not values:
            return ir.Nullable(ANY) if nullable else ANY
        if all(isinstance(v, str) for v in values):
            kind = "str"
        elif all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            kind = "int"
        elif all(isinstance(v, bool) for v in values):
            # `enum: [true]` (a flag that is always set, such as `deleted`) is a literal.
            tp: ir.TypeExpr = ir.LiteralT(values[0]) if len(set(values)) == 1 else PRIM["bool"]
            return ir.Nullable(tp) if nullable else tp
        elif all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            return ir.Nullable(PRIM["float"]) if nullable else PRIM["float"]
        else:
            self.ctx.diags.warn(
                "enum with values of mixed or unsupported types; typed as Any", pointer_join(pointer, "enum")
            )
            return ANY
        value_kind: ir.EnumKind = "str" if kind == "str" else "int"
        if pointer not in self.ctx.types:
            unique = list(dict.fromkeys(values))
            members = tuple(ir.EnumMember(str(v), v) for v in unique)
            is_open = not self.ctx.options.closed_enums or schema.get("x-speakeasy-unknown-values") == "allow"
            self.ctx.types[pointer] = ir.EnumDef(
                pointer, hint, package, module, members, value_kind, text(schema.get("description")), is_open
            )
        ref: ir.TypeExpr = ir.Ref(pointer)
        return ir.Nullable(ref) if nullable else ref

    def all_of(self, schema: dict[str, Any], pointer: str, hint: str, package: str, module: str) -> ir.TypeExpr:
        parts = schema["allOf"]
        own = {k: v for k, v in schema.items() if k not in ("allOf", "description", "nullable", "title", "deprecated")}
        # Members that only annotate (`{description: ...}` next to a `$ref`) do not change the type.
        typed = [(i, part) for i, part in enumerate(parts) if not _annotation_only(part)]
        if len(typed) <= 1 and not own.get("properties"):
            if not typed:
                return ANY
            index, part = typed[0]
            result = self.type_of(part, pointer_join(pointer, "allOf", index), hint, package, module)
            nullable = any(isinstance(p, dict) and p.get("nullable") is True for p in parts)
            return ir.Nullable(result) if nullable and not isinstance(result, (ir.Nullable, ir.AnyT)) else result
        resolved_parts = [self.ctx.deref(part, pointer_join(pointer, "allOf", i))[0] for i, part in typed]
        if not own.get("properties") and all(
            isinstance(r, dict) and r.get("type") not in (None, "object") and "properties" not in r
            for r in resolved_parts
        ):
            # Constraints stacked on a scalar (a string with a pattern, then a length): the first says the type.
            return self.type_of(typed[0][1], pointer_join(pointer, "allOf", typed[0][0]), hint, package, module)
        for index, part in enumerate(parts):
            if isinstance(part, dict) and "$ref" in part:
                # Register the parent under its own names before its properties are merged here.
                self.type_of(part, pointer_join(pointer, "allOf", index), hint, package, module)
        merged: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
        sources: dict[str, str] = {}
        for index, part in enumerate(parts):
            resolved, where = self.ctx.deref(part, pointer_join(pointer, "allOf", index))
            if isinstance(resolved, dict) and "allOf" in resolved:
                flat = self.flatten_all_of(resolved, where)
            else:
                flat = [(resolved, where)]
            for piece, piece_at in flat:
                if not isinstance(piece, dict):
                    continue
                if _requirement_choice(piece):
                    continue  # "one of these fields is required": checked by the server, not by types
                if piece.get("type") not in (None, "object") or "oneOf" in piece or "anyOf" in piece:
                    self.ctx.diags.warn(
                        "allOf member is not an object schema; its constraints are not merged", piece_at
                    )
                    continue
                for name, prop in (piece.get("properties") or {}).items():
                    merged["properties"][name] = prop
                    sources[name] = pointer_join(piece_at, "properties", name)
                merged["required"].extend(r for r in piece.get("required") or [] if r not in merged["required"])
                if "additionalProperties" in piece:
                    merged["additionalProperties"] = piece["additionalProperties"]
        for name, prop in (schema.get("properties") or {}).items():
            merged["properties"][name] = prop
            sources[name] = pointer_join(pointer, "properties", name)
        merged["required"].extend(r for r in schema.get("required") or [] if r not in merged["required"])
        merged["description"] = schema.get("description", "")
        return self.object(merged, pointer, hint, package, module, sources)

    def flatten_all_of(self, schema: dict[str, Any], pointer: str, depth: int = 0) -> list[tuple[Any, str]]:
        if depth > 50:
            return []
        out: list[tuple[Any, str]] = []
        for index, part in enumerate(schema.get("allOf") or []):
            resolved, where = self.ctx.deref(part, pointer_join(pointer, "allOf", index))
            if isinstance(resolved, dict) and "allOf" in resolved:
                out.extend(self.flatten_all_of(resolved, where, depth + 1))
            else:
                out.append((resolved, where))
        own = {k: v for k, v in schema.items() if k in ("properties", "required")}
        if own:
            out.append((own, pointer))
        return out

    def union(
        self, schema: dict[str, Any], key: str, pointer: str, hint: str, package: str, module: str, top: bool
    ) -> ir.TypeExpr:
        variants: list[ir.TypeExpr] = []
        nullable = False
        for index, option in enumerate(schema[key]):
            if isinstance(option, dict) and option.get("type") == "null":
                nullable = True
                continue
            variant_hint = f"{hint}{index + 1}"
            if isinstance(option, dict) and "title" in option and isinstance(option["title"], str):
                variant_hint = hint + pascal(option["title"])
            variant = self.type_of(option, pointer_join(pointer, key, index), variant_hint, package, module)
            if variant not in variants:
                variants.append(variant)
        if not variants:
            return ANY
        result: ir.TypeExpr = variants[0] if len(variants) == 1 else self.discriminated(schema, key, pointer, variants)
        if top and len(variants) > 1 and pointer not in self.ctx.types:
            self.ctx.types[pointer] = ir.AliasDef(
                pointer, hint, package, module, result, text(schema.get("description"))
            )
            result = ir.Ref(pointer)
        return ir.Nullable(result) if nullable else result

    def discriminated(self, schema: dict[str, Any], key: str, pointer: str, variants: list[ir.TypeExpr]) -> ir.UnionT:
        """A union; with a `discriminator`, each variant (a model) gets the values that select it:
        from `mapping`, else its single-valued property (enum or const), else its schema name."""
        plain = ir.UnionT(tuple(variants))
        spec = schema.get("discriminator")
        if not isinstance(spec, dict) or not isinstance(spec.get("propertyName"), str):
            return plain
        prop = spec["propertyName"]
        where = pointer_join(pointer, "discriminator")
        mapping: dict[str, Any] = spec["mapping"] if isinstance(spec.get("mapping"), dict) else {}
        by_pointer: dict[str, list[str]] = {}
        for value, target in mapping.items():
            target = str(target)
            target_pointer = target.split("#", 1)[1] if "#" in target else pointer_join("/components/schemas", target)
            by_pointer.setdefault(target_pointer, []).append(str(value))
        tags: list[tuple[str, ...]] = []
        for variant in variants:
            named = self.ctx.types.get(variant.id) if isinstance(variant, ir.Ref) else None
            if not isinstance(named, ir.ModelDef) or not any(f.wire_name == prop for f in named.fields):
                self.ctx.diags.warn(
                    f"discriminator {prop!r}: a variant is not an object with that property; "
                    "the union is matched by shape",
                    where,
                )
                return plain
            values = by_pointer.get(named.id) or self.own_tags(named, prop)
            tags.append(tuple(values))
        if not all(tags):
            self.ctx.diags.warn(
                f"discriminator {prop!r}: a variant has no value that selects it (no mapping, no single "
                "value, no schema name); the union is matched by shape",
                where,
            )
            return plain
        seen = [v for values in tags for v in values]
        if len(seen) != len(set(seen)):
            self.ctx.diags.warn(
                f"discriminator {prop!r}: a value selects two variants; the union is matched by shape", where
            )
            return plain
        for variant, chosen_by in zip(variants, tags):  # noqa: B905 (as many tags as variants)
            if len(chosen_by) == 1:
                self.default_discriminator(variant, prop, chosen_by[0])
        return ir.UnionT(tuple(variants), prop, tuple(tags), not self.ctx.options.closed_enums)

    def default_discriminator(self, variant: ir.TypeExpr, prop: str, value: str) -> None:
        """A variant selected by one discriminator value has that value as its property's default,
        so building the variant is enough for the server to tell which one it is."""
        model = self.ctx.types.get(variant.id) if isinstance(variant, ir.Ref) else None
        if not isinstance(model, ir.ModelDef):
            return
        fields = list(model.fields)
        for index, field in enumerate(fields):
            if field.wire_name == prop and field.default is ir.MISSING:
                default = self.coerce_default(value, field.type)
                if default is not ir.MISSING:
                    fields[index] = ir.evolve(field, default=default)
                    self.ctx.types[model.id] = ir.evolve(model, fields=tuple(fields))
                return

    def own_tags(self, model: ir.ModelDef, prop: str) -> list[str]:
        field = next(f for f in model.fields if f.wire_name == prop)
        inner = field.type.inner if isinstance(field.type, ir.Nullable) else field.type
        if isinstance(inner, ir.LiteralT) and isinstance(inner.value, str):
            return [inner.value]
        named = self.ctx.types.get(inner.id) if isinstance(inner, ir.Ref) else None
        if isinstance(named, ir.EnumDef) and len(named.members) == 1:
            return [str(named.members[0].value)]
        # The implicit value of a variant is its schema's name; an inline variant has none.
        component = component_name(model.id)
        return [component] if component else []

    def object(
        self,
        schema: dict[str, Any],
        pointer: str,
        hint: str,
        package: str,
        module: str,
        sources: dict[str, str] | None = None,
    ) -> ir.TypeExpr:
        properties = schema.get("properties") or {}
        extra = schema.get("additionalProperties", None)
        if not isinstance(properties, dict):
            self.ctx.diags.warn("'properties' is not a mapping; typed as a dict", pointer)
            properties = {}
        if not properties:
            if isinstance(extra, dict) and extra:
                return ir.MapT(
                    self.type_of(
                        extra, pointer_join(pointer, "additionalProperties"), singular(hint) + "Value", package, module
                    )
                )
            return ir.MapT(ANY)
        if pointer in self.ctx.types:
            return ir.Ref(pointer)
        owns_mark = pointer not in self.ctx.building
        self.ctx.building[pointer] = True
        required = set(schema.get("required") or [])
        base = hint
        if package == ERRORS and base.endswith("Data"):
            base = base[:-4]
        for suffix in ("RequestBody", "Request", "ResponseBody"):
            if package != ERRORS and base.endswith(suffix) and base != suffix:
                base = base[: -len(suffix)] + ("Response" if suffix == "ResponseBody" else "")
                break
        fields = []
        source_of = sources.get if sources else None
        properties_at = pointer + "/properties"
        type_of, Field, MISSING = self.type_of, ir.Field, ir.MISSING
        for wire, prop in properties.items():
            where = (source_of(wire) if source_of else None) or pointer_join(properties_at, wire)
            prop_schema = self.annotations(prop, where)
            field_type = type_of(prop, where, base + (pascal(wire) or "Field"), package, module)
            default = prop_schema.get("default", MISSING)
            if default is not MISSING:
                default = self.coerce_default(default, field_type)
            if default is MISSING and "const" in prop_schema:
                # A constant is the field's only value: it is its default, so it is always sent
                # (servers tell union members apart by it).
                default = self.fixed_value(field_type)
            read_only, write_only = bool(prop_schema.get("readOnly")), bool(prop_schema.get("writeOnly"))
            description = text(prop_schema.get("description"))
            fields.append(
                Field(
                    str(wire),
                    str(wire),
                    field_type,
                    # readOnly fields are never sent and writeOnly ones never received: one model
                    # serves both directions, so neither can be required of it.
                    wire in required and not read_only and not write_only,
                    isinstance(field_type, ir.Nullable),
                    default,
                    description,
                    bool(prop_schema.get("deprecated")),
                    read_only,
                    write_only,
                )
            )
        extra_type: ir.TypeExpr | None = None
        if isinstance(extra, dict) and extra:
            extra_type = self.type_of(
                extra, pointer_join(pointer, "additionalProperties"), base + "Value", package, module
            )
        if owns_mark:
            del self.ctx.building[pointer]
        self.ctx.types[pointer] = ir.ModelDef(
            pointer,
            hint,
            package,
            module,
            tuple(fields),
            text(schema.get("description")),
            bool(schema.get("deprecated")),
            extra_type,
        )
        return ir.Ref(pointer)

    def annotations(self, schema: Any, pointer: str) -> dict[str, Any]:
        """The keywords describing a schema's values (default, description, readOnly, ...): those
        of the schema it references, overridden by those written beside the `$ref` (OpenAPI 3.1)
        and by `allOf` members that only annotate (`allOf: [{$ref: X}, {default: 1}]`)."""
        if not isinstance(schema, dict):
            return {}
        if "$ref" not in schema and "allOf" not in schema:
            return schema  # (read, never changed, by the callers)
        merged: dict[str, Any] = {}
        if "$ref" in schema:
            target, where = self.ctx.deref(schema, pointer)
            merged.update(self.annotations(target, where))
        parts = schema.get("allOf")
        if isinstance(parts, list) and "$ref" not in schema:
            for index, part in enumerate(parts):
                if isinstance(part, dict) and ("$ref" in part or _annotation_only(part)):
                    merged.update(self.annotations(part, pointer_join(pointer, "allOf", index)))
        merged.update((k, v) for k, v in schema.items() if k not in ("$ref", "allOf"))
        return merged

    def fixed_value(self, tp: ir.TypeExpr) -> Any:
        """The only value a type allows (a literal, or an enum of one member); else MISSING."""
        if isinstance(tp, ir.LiteralT):
            return tp.value
        named = self.ctx.types.get(tp.id) if isinstance(tp, ir.Ref) else None
        if isinstance(named, ir.EnumDef) and len(named.members) == 1:
            return named.members[0].value
        return ir.MISSING

    def coerce_default(self, default: Any, tp: ir.TypeExpr) -> Any:
        """Defaults of the wrong type (a real-world flaw) are converted when the intent is clear."""
        if default is ir.MISSING:
            return default
        inner = tp.inner if isinstance(tp, ir.Nullable) else tp
        if default is None:
            return None if isinstance(tp, ir.Nullable) else ir.MISSING
        if isinstance(inner, ir.LiteralT):
            return default if default == inner.value else ir.MISSING
        if isinstance(inner, ir.Prim):
            return _scalar_default(default, inner.kind)
        if isinstance(inner, ir.Ref):
            named = self.ctx.types.get(inner.id)
            if isinstance(named, ir.EnumDef) and default in [m.value for m in named.members]:
                return default
            if isinstance(named, ir.AliasDef) and named.type != tp:
                return self.coerce_default(default, named.type)
            return ir.MISSING
        if (
            isinstance(inner, ir.ListT)
            and isinstance(default, list)
            and all(isinstance(v, (str, int, float, bool)) for v in default)
        ):
            item = inner.item.inner if isinstance(inner.item, ir.Nullable) else inner.item
            named = self.ctx.types.get(item.id) if isinstance(item, ir.Ref) else None
            if isinstance(named, ir.EnumDef) and not all(v in [m.value for m in named.members] for v in default):
                return ir.MISSING  # (a value the enum does not have: no default, as for a single value)
            return default
        return ir.MISSING


def _scalar_default(default: Any, kind: str) -> Any:
    """A default for a scalar of `kind`, converted where its intent is clear ("12" for an integer,
    "true" for a boolean); MISSING when it does not fit."""
    if kind == "bool":
        if isinstance(default, bool):
            return default
        if isinstance(default, str) and default.lower() in ("true", "false"):
            return default.lower() == "true"
        return ir.MISSING
    if isinstance(default, str) and kind in ("int", "float"):
        default = _number(default)
    is_number = isinstance(default, (int, float)) and not isinstance(default, bool)
    if kind == "int":
        return default if is_number and isinstance(default, int) else ir.MISSING
    if kind == "float":
        return default if is_number else ir.MISSING
    if kind == "str":
        return default if isinstance(default, str) else ir.MISSING
    return ir.MISSING


def _admits_null(schema: Any) -> bool:
    """Whether a schema says, at its top, that null is a value (`nullable`, or "null" in `type`)."""
    if not isinstance(schema, dict):
        return False
    kinds = schema.get("type")
    values = schema.get("enum")
    return (
        schema.get("nullable") is True
        or (isinstance(kinds, list) and "null" in kinds)
        or (isinstance(values, list) and None in values)
    )
