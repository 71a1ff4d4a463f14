"""Stage 3, build: turn the OpenAPI document into the IR.

Names given here are preferred names (derived from the document); `naming` makes them final.
What cannot be typed precisely degrades to a looser type with a warning naming the JSON pointer;
an operation is never dropped.
"""

from __future__ import annotations

import http
import re
from dataclasses import dataclass
from typing import Any

from . import ir
from .diagnostics import Diagnostics, pointer_join
from .load import Document
from .refs import RefError, Resolver
from .text import pascal, singular, snake

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_SCALARS = {"integer": "int", "number": "float", "boolean": "bool", "string": "str", "null": "none"}
_STRING_FORMATS = {"binary": "bytes", "date-time": "datetime", "date": "date"}
# Shared instances of the commonest type expressions (they are immutable).
_PRIM = {kind: ir.Prim(kind) for kind in ("str", "int", "float", "bool", "bytes", "date", "datetime", "none")}
_ANY = ir.AnyT()
FORM_MEDIA = "application/x-www-form-urlencoded"
MULTIPART_MEDIA = "multipart/form-data"
EVENTS_MEDIA = "text/event-stream"
COMPONENTS = "components"
OPERATIONS = "operations"
ERRORS = "errors"


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _reason(status: str) -> str:
    try:
        return pascal(http.HTTPStatus(int(status)).phrase)
    except ValueError:
        return pascal(f"status {status}")


def _is_json(media: str) -> bool:
    media = media.split(";")[0].strip().lower()
    return media == "application/json" or media.endswith("+json") or media == "*/*"


_PATH_STEP = re.compile(r"\.([A-Za-z_$][\w$-]*)|\[(-?\d+)\]|\[['\"]([^'\"]*)['\"]\]|\.\[(-?\d+)\]")


def _json_path(text: Any) -> tuple[str | int, ...] | None:
    """A JSONPath of names and indexes (`$`, `$.data.items`, `$.items[-1].id`, `$['a-b']`) as steps."""
    if not isinstance(text, str) or not text.startswith("$"):
        return None
    steps: list[str | int] = []
    position = 1
    while position < len(text):
        match = _PATH_STEP.match(text, position)
        if match is None:
            return None
        name, index, quoted, dotted_index = match.groups()
        if name is not None:
            steps.append(name)
        elif quoted is not None:
            steps.append(quoted)
        else:
            steps.append(int(index if index is not None else dotted_index))
        position = match.end()
    return tuple(steps)


# Keywords that describe or constrain values without changing their Python type.
_ANNOTATIONS = {"description", "title", "example", "examples", "default", "deprecated", "readOnly", "writeOnly",
                "nullable", "externalDocs", "xml", "$comment", "minLength", "maxLength", "pattern", "minimum",
                "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems",
                "uniqueItems", "minProperties", "maxProperties", "format"}


def _annotation_only(part: Any) -> bool:
    return isinstance(part, dict) and "$ref" not in part and all(k in _ANNOTATIONS or k.startswith("x-") for k in part)


def _number(text: str) -> Any:
    """A number written as a string ("12345", "1.0"), as a number; else the text unchanged."""
    try:
        value = float(text)
    except ValueError:
        return text
    return int(value) if value.is_integer() and "." not in text and "e" not in text.lower() else value


def _requirement_choice(piece: dict) -> bool:
    """`{anyOf: [{required: [a]}, {required: [b]}]}`: a choice among required fields, nothing else."""
    choices = piece.get("oneOf") or piece.get("anyOf")
    return (
        isinstance(choices, list)
        and set(piece) <= {"oneOf", "anyOf", "description", "title"}
        and all(isinstance(c, dict) and set(c) <= {"required", "title", "description"} for c in choices)
    )


def _is_text(tp: ir.TypeExpr | None) -> bool:
    inner = tp.inner if isinstance(tp, ir.Nullable) else tp
    return isinstance(inner, ir.Prim) and inner.kind == "str"


def _pick_media(content: Any) -> tuple[str, Any]:
    if not isinstance(content, dict) or not content:
        return "", None
    for media, value in content.items():
        if _is_json(media):
            return media, value
    media = next(iter(content))
    return media, content[media]


@dataclass(frozen=True)
class BuildOptions:
    closed_enums: bool = False  # enums refuse values they do not list (unless x-speakeasy-unknown-values: allow)
    max_method_params: int = 0  # the default of x-speakeasy-max-method-params
    sdk_name: str = ""  # the client class: no type or resource class may take its name


class Builder:
    def __init__(self, doc: Document, resolver: Resolver, diags: Diagnostics, options: BuildOptions | None = None):
        self.options = options or BuildOptions()
        self.doc = doc
        self.data: dict[str, Any] = doc.data
        self.resolver = resolver
        self.diags = diags
        self.types: dict[str, ir.NamedType] = {}
        self.errors: dict[str, ir.ErrorDef] = {}
        self._building: dict[str, bool] = {}
        self._input_roots: list[ir.TypeExpr] = []
        self.doc_retries: ir.RetryPolicy | None = None

    # ------------------------------------------------------------------ schemas

    def _deref(self, node: Any, pointer: str) -> tuple[Any, str]:
        try:
            value, where, _ = self.resolver.deref(node, pointer)
        except RefError as exc:
            self.diags.error(exc.message, exc.pointer)
            return {}, pointer
        return value, where

    def _component_name(self, pointer: str) -> str | None:
        parts = pointer.split("/")
        if len(parts) == 4 and parts[1] == "components" and parts[2] == "schemas":
            return parts[3].replace("~1", "/").replace("~0", "~")
        return None

    def type_of(self, schema: Any, pointer: str, hint: str, package: str, module: str, top: bool = False) -> ir.TypeExpr:
        """The type of a schema; named types are registered under the pointer that defines them."""
        if isinstance(schema, bool):
            return _ANY
        if not isinstance(schema, dict):
            self.diags.warn("schema is not an object; typed as Any", pointer)
            return _ANY
        if "$ref" in schema:
            target, where = self._deref(schema, pointer)
            component = self._component_name(where)
            if component is not None and self._is_named_kind(target):
                return self._named(target, where, pascal(component) or "Schema", COMPONENTS, snake(component) or "schema")
            named_at = self._ref_name(where)
            if component is None and named_at and self._is_named_kind(target):
                return self._named(target, where, pascal(named_at), COMPONENTS, snake(named_at))
            if where in self._building:
                self.diags.warn("recursive reference typed as Any", pointer)
                return _ANY
            if component is not None:
                self._building[where] = True
                try:
                    return self.type_of(target, where, pascal(component), COMPONENTS, snake(component), top)
                finally:
                    del self._building[where]
            return self.type_of(target, where, hint, package, module, top)
        nullable = schema.get("nullable") is True
        types = schema.get("type")
        if isinstance(types, list):
            if "null" in types:
                nullable = True
            types = [t for t in types if t != "null"]
            if len(types) == 1:
                types = types[0]
            elif not types:
                types = None
        result = self._type_of_inner(schema, pointer, hint, package, module, types, top)
        if nullable and not isinstance(result, (ir.Nullable, ir.AnyT)):
            return ir.Nullable(result)
        return result

    _STRUCTURAL = {"schema", "schemas", "items", "properties", "additionalProperties", "allOf", "oneOf", "anyOf",
                   "not", "content", "definitions", "$defs", "components", "paths", "responses", "parameters"}

    def _ref_name(self, pointer: str) -> str:
        """A type name for a `$ref` target outside components/schemas (e.g. `other.yaml#/Owner`)."""
        token = pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
        if not token or token in self._STRUCTURAL or token.isdigit() or not pascal(token):
            return ""
        return token

    def _is_named_kind(self, schema: Any) -> bool:
        if not isinstance(schema, dict):
            return False
        if "enum" in schema or "oneOf" in schema or "anyOf" in schema or "allOf" in schema:
            return True
        return schema.get("type") == "object" or "properties" in schema

    def _named(self, schema: dict, pointer: str, name: str, package: str, module: str) -> ir.TypeExpr:
        if pointer in self.types or pointer in self._building:
            return ir.Ref(pointer)
        self._building[pointer] = True
        try:
            result = self._type_of_inner(schema, pointer, name, package, module, schema.get("type"), True)
        finally:
            del self._building[pointer]
        if isinstance(result, ir.Ref):
            if result.id != pointer and pointer not in self.types:
                self.types[pointer] = ir.AliasDef(pointer, name, package, module, result, _text(schema.get("description")))
            return ir.Ref(pointer)
        if pointer not in self.types:
            self.types[pointer] = ir.AliasDef(pointer, name, package, module, result, _text(schema.get("description")))
        return ir.Ref(pointer)

    def _type_of_inner(
        self, schema: dict, pointer: str, hint: str, package: str, module: str, types: Any, top: bool
    ) -> ir.TypeExpr:
        if "const" in schema:
            return ir.LiteralT(schema["const"])
        if "enum" in schema and isinstance(schema["enum"], list):
            return self._enum(schema, pointer, hint, package, module)
        if "allOf" in schema and isinstance(schema["allOf"], list):
            return self._all_of(schema, pointer, hint, package, module)
        for key in ("oneOf", "anyOf"):
            if key in schema and isinstance(schema[key], list) and schema[key]:
                return self._union(schema, key, pointer, hint, package, module, top)
        if types == "object" or (types is None and "properties" in schema):
            return self._object(schema, pointer, hint, package, module)
        if types == "array":
            items = schema.get("items")
            if items is None:
                return ir.ListT(_ANY)
            return ir.ListT(self.type_of(items, pointer_join(pointer, "items"), singular(hint) if not hint.endswith("Body") else hint + "Item", package, module))
        if isinstance(types, str) and types in _SCALARS:
            kind = _SCALARS[types]
            if kind == "str":
                kind = _STRING_FORMATS.get(str(schema.get("format")), "str")
            return _PRIM[kind]
        if isinstance(types, list):
            return ir.UnionT(tuple(self._type_of_inner(schema, pointer, hint, package, module, t, False) for t in types))
        if types is not None and types not in _SCALARS:
            self.diags.warn(f"unknown schema type {types!r}; typed as Any", pointer_join(pointer, "type"))
        if "additionalProperties" in schema:
            return self._object(schema, pointer, hint, package, module)
        return _ANY

    def _enum(self, schema: dict, pointer: str, hint: str, package: str, module: str) -> ir.TypeExpr:
        values = [v for v in schema["enum"] if v is not None]
        nullable = len(values) != len(schema["enum"])
        if not values:
            return ir.Nullable(_ANY) if nullable else _ANY
        if all(isinstance(v, str) for v in values):
            kind = "str"
        elif all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            kind = "int"
        elif all(isinstance(v, bool) for v in values):
            # `enum: [true]` (a flag that is always set, such as `deleted`) is a literal.
            tp: ir.TypeExpr = ir.LiteralT(values[0]) if len(set(values)) == 1 else _PRIM["bool"]
            return ir.Nullable(tp) if nullable else tp
        elif all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            return ir.Nullable(_PRIM["float"]) if nullable else _PRIM["float"]
        else:
            self.diags.warn("enum with values of mixed or unsupported types; typed as Any", pointer_join(pointer, "enum"))
            return _ANY
        if pointer not in self.types:
            unique = list(dict.fromkeys(values))
            members = tuple(ir.EnumMember(str(v), v) for v in unique)
            is_open = not self.options.closed_enums or schema.get("x-speakeasy-unknown-values") == "allow"
            self.types[pointer] = ir.EnumDef(pointer, hint, package, module, members, kind, _text(schema.get("description")), is_open)
        ref: ir.TypeExpr = ir.Ref(pointer)
        return ir.Nullable(ref) if nullable else ref

    def _all_of(self, schema: dict, pointer: str, hint: str, package: str, module: str) -> ir.TypeExpr:
        parts = schema["allOf"]
        own = {k: v for k, v in schema.items() if k not in ("allOf", "description", "nullable", "title", "deprecated")}
        # Members that only annotate (`{description: ...}` next to a `$ref`) do not change the type.
        typed = [(i, part) for i, part in enumerate(parts) if not _annotation_only(part)]
        if len(typed) <= 1 and not own.get("properties"):
            if not typed:
                return _ANY
            index, part = typed[0]
            result = self.type_of(part, pointer_join(pointer, "allOf", index), hint, package, module)
            nullable = any(isinstance(p, dict) and p.get("nullable") is True for p in parts)
            return ir.Nullable(result) if nullable and not isinstance(result, (ir.Nullable, ir.AnyT)) else result
        resolved_parts = [self._deref(part, pointer_join(pointer, "allOf", i))[0] for i, part in typed]
        if not own.get("properties") and all(
            isinstance(r, dict) and r.get("type") not in (None, "object") and "properties" not in r for r in resolved_parts
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
            resolved, where = self._deref(part, pointer_join(pointer, "allOf", index))
            if isinstance(resolved, dict) and "allOf" in resolved:
                flat = self._flatten_all_of(resolved, where)
            else:
                flat = [(resolved, where)]
            for piece, piece_at in flat:
                if not isinstance(piece, dict):
                    continue
                if _requirement_choice(piece):
                    continue  # "one of these fields is required": checked by the server, not by types
                if piece.get("type") not in (None, "object") or "oneOf" in piece or "anyOf" in piece:
                    self.diags.warn("allOf member is not an object schema; its constraints are not merged", piece_at)
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
        return self._object(merged, pointer, hint, package, module, sources)

    def _flatten_all_of(self, schema: dict, pointer: str, depth: int = 0) -> list[tuple[Any, str]]:
        if depth > 50:
            return []
        out: list[tuple[Any, str]] = []
        for index, part in enumerate(schema.get("allOf") or []):
            resolved, where = self._deref(part, pointer_join(pointer, "allOf", index))
            if isinstance(resolved, dict) and "allOf" in resolved:
                out.extend(self._flatten_all_of(resolved, where, depth + 1))
            else:
                out.append((resolved, where))
        own = {k: v for k, v in schema.items() if k in ("properties", "required")}
        if own:
            out.append((own, pointer))
        return out

    def _union(self, schema: dict, key: str, pointer: str, hint: str, package: str, module: str, top: bool) -> ir.TypeExpr:
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
            return _ANY
        result: ir.TypeExpr = variants[0] if len(variants) == 1 else self._discriminated(schema, key, pointer, variants)
        if top and len(variants) > 1 and pointer not in self.types:
            self.types[pointer] = ir.AliasDef(pointer, hint, package, module, result, _text(schema.get("description")))
            result = ir.Ref(pointer)
        return ir.Nullable(result) if nullable else result

    def _discriminated(self, schema: dict, key: str, pointer: str, variants: list[ir.TypeExpr]) -> ir.UnionT:
        """A union; with a `discriminator`, each variant (a model) gets the values that select it:
        from `mapping`, else its single-valued property (enum or const), else its schema name."""
        plain = ir.UnionT(tuple(variants))
        spec = schema.get("discriminator")
        if not isinstance(spec, dict) or not isinstance(spec.get("propertyName"), str):
            return plain
        prop = spec["propertyName"]
        where = pointer_join(pointer, "discriminator")
        mapping = spec.get("mapping") if isinstance(spec.get("mapping"), dict) else {}
        by_pointer: dict[str, list[str]] = {}
        for value, target in mapping.items():
            target = str(target)
            target_pointer = target.split("#", 1)[1] if "#" in target else pointer_join("/components/schemas", target)
            by_pointer.setdefault(target_pointer, []).append(str(value))
        tags: list[tuple[str, ...]] = []
        for variant in variants:
            named = self.types.get(variant.id) if isinstance(variant, ir.Ref) else None
            if not isinstance(named, ir.ModelDef) or not any(f.wire_name == prop for f in named.fields):
                self.diags.warn(f"discriminator {prop!r}: a variant is not an object with that property; "
                                "the union is matched by shape", where)
                return plain
            values = by_pointer.get(named.id) or self._own_tags(named, prop)
            tags.append(tuple(values))
        seen = [v for values in tags for v in values]
        if len(seen) != len(set(seen)):
            self.diags.warn(f"discriminator {prop!r}: a value selects two variants; the union is matched by shape", where)
            return plain
        return ir.UnionT(tuple(variants), prop, tuple(tags))

    def _own_tags(self, model: ir.ModelDef, prop: str) -> list[str]:
        field = next(f for f in model.fields if f.wire_name == prop)
        inner = field.type.inner if isinstance(field.type, ir.Nullable) else field.type
        if isinstance(inner, ir.LiteralT) and isinstance(inner.value, str):
            return [inner.value]
        named = self.types.get(inner.id) if isinstance(inner, ir.Ref) else None
        if isinstance(named, ir.EnumDef) and len(named.members) == 1:
            return [str(named.members[0].value)]
        component = self._component_name(model.id)
        return [component] if component else [model.name]

    def _object(
        self, schema: dict, pointer: str, hint: str, package: str, module: str, sources: dict[str, str] | None = None
    ) -> ir.TypeExpr:
        properties = schema.get("properties") or {}
        extra = schema.get("additionalProperties", None)
        if not isinstance(properties, dict):
            self.diags.warn("'properties' is not a mapping; typed as a dict", pointer)
            properties = {}
        if not properties:
            if isinstance(extra, dict) and extra:
                return ir.MapT(self.type_of(extra, pointer_join(pointer, "additionalProperties"), singular(hint) + "Value", package, module))
            return ir.MapT(_ANY)
        if pointer in self.types:
            return ir.Ref(pointer)
        owns_mark = pointer not in self._building
        self._building[pointer] = True
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
            is_dict = isinstance(prop, dict)
            if not is_dict:
                prop_schema: Any = {}
            elif "$ref" in prop:
                prop_schema = self._deref(prop, where)[0]
                if not isinstance(prop_schema, dict):
                    prop_schema = {}
            else:
                prop_schema = prop
            field_type = type_of(prop, where, base + (pascal(wire) or "Field"), package, module)
            default = prop_schema.get("default", MISSING) if is_dict else MISSING
            if default is not MISSING:
                default = self._coerce_default(default, field_type)
            read_only, write_only = bool(prop_schema.get("readOnly")), bool(prop_schema.get("writeOnly"))
            description = _text(prop_schema.get("description")) or (_text(prop.get("description")) if is_dict else "")
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
            extra_type = self.type_of(extra, pointer_join(pointer, "additionalProperties"), base + "Value", package, module)
        if owns_mark:
            del self._building[pointer]
        self.types[pointer] = ir.ModelDef(
            pointer,
            hint,
            package,
            module,
            tuple(fields),
            _text(schema.get("description")),
            bool(schema.get("deprecated")),
            extra_type,
        )
        return ir.Ref(pointer)

    def _coerce_default(self, default: Any, tp: ir.TypeExpr) -> Any:
        """Defaults of the wrong type (a real-world flaw) are converted when the intent is clear."""
        if default is ir.MISSING:
            return default
        inner = tp.inner if isinstance(tp, ir.Nullable) else tp
        if default is None:
            return None if isinstance(tp, ir.Nullable) else ir.MISSING
        if isinstance(inner, ir.Prim):
            if inner.kind == "bool":
                if isinstance(default, bool):
                    return default
                if isinstance(default, str) and default.lower() in ("true", "false"):
                    return default.lower() == "true"
                return ir.MISSING
            if isinstance(default, str) and inner.kind in ("int", "float"):
                default = _number(default)
            if inner.kind == "int":
                return default if isinstance(default, int) and not isinstance(default, bool) else ir.MISSING
            if inner.kind == "float":
                return default if isinstance(default, (int, float)) and not isinstance(default, bool) else ir.MISSING
            if inner.kind == "str":
                return default if isinstance(default, str) else ir.MISSING
            return ir.MISSING
        if isinstance(inner, ir.Ref):
            named = self.types.get(inner.id)
            if isinstance(named, ir.EnumDef) and default in [m.value for m in named.members]:
                return default
            return ir.MISSING
        if isinstance(inner, ir.ListT) and isinstance(default, list) and all(isinstance(v, (str, int, float, bool)) for v in default):
            return default
        return ir.MISSING

    # ------------------------------------------------------------------ operations

    def _retries(self, value: Any, pointer: str, inherited: ir.RetryPolicy | None) -> ir.RetryPolicy | None:
        """`x-speakeasy-retries` at document or operation level."""
        if value is None:
            return None
        if not isinstance(value, dict):
            self.diags.warn("x-speakeasy-retries must be a mapping; ignored", pointer)
            return None
        backoff = value.get("backoff") if isinstance(value.get("backoff"), dict) else {}
        codes = value.get("statusCodes")
        if isinstance(codes, list) and codes:
            status_codes = tuple(str(c).upper() for c in codes)
        else:
            status_codes = inherited.status_codes if inherited else ("429", "500", "502", "503", "504")
        base = inherited or ir.RetryPolicy(status_codes)

        def number(key: str, default: Any) -> Any:
            raw = backoff.get(key, default)
            if isinstance(raw, bool) or not isinstance(raw, (int, float)):
                self.diags.warn(f"x-speakeasy-retries backoff.{key} must be a number; using {default}", pointer)
                return default
            return raw

        return ir.RetryPolicy(
            status_codes=status_codes,
            initial_interval=int(number("initialInterval", base.initial_interval)),
            max_interval=int(number("maxInterval", base.max_interval)),
            exponent=float(number("exponent", base.exponent)),
            max_elapsed_time=int(number("maxElapsedTime", base.max_elapsed_time)),
            retry_connection_errors=bool(value.get("retryConnectionErrors", base.retry_connection_errors)),
            enabled=value.get("strategy", "backoff") == "backoff",
        )

    def build(self) -> ir.Api:
        info = self.data.get("info") or {}
        self.doc_retries = self._retries(self.data.get("x-speakeasy-retries"), "/x-speakeasy-retries", None)
        for name, schema in sorted(((self.data.get("components") or {}).get("schemas") or {}).items()):
            pointer = pointer_join("/components/schemas", name)
            if self._is_named_kind(schema) or (isinstance(schema, dict) and "$ref" in schema):
                self.type_of({"$ref": "#" + pointer}, pointer, pascal(name), COMPONENTS, snake(name))
            elif isinstance(schema, dict) and schema.get("x-speakeasy-include") is True and pointer not in self.types:
                # A scalar or array schema is written inline where it is used; this one is asked to
                # exist by name too.
                tp = self.type_of(schema, pointer, pascal(name), COMPONENTS, snake(name))
                self.types[pointer] = ir.AliasDef(pointer, pascal(name) or "Schema", COMPONENTS, snake(name) or "schema", tp,
                                                  _text(schema.get("description")))
        schemes = self._security_schemes()
        default_security = self._security(self.data.get("security"), "/security") or ()
        tag_info = {t.get("name"): t for t in self.data.get("tags") or [] if isinstance(t, dict)}
        grouped: dict[tuple[str, ...], list[ir.Operation]] = {}
        root: list[ir.Operation] = []
        for path, item in (self.data.get("paths") or {}).items():
            item_pointer = pointer_join("/paths", path)
            item, _ = self._deref(item, item_pointer) if isinstance(item, dict) and "$ref" in item else (item, item_pointer)
            if not isinstance(item, dict):
                self.diags.warn("path item is not a mapping; skipped", item_pointer)
                continue
            for method in HTTP_METHODS:
                op = item.get(method)
                if not isinstance(op, dict):
                    continue
                op_pointer = pointer_join(item_pointer, method)
                if op.get("x-speakeasy-ignore") is True:
                    self.diags.warn("operation ignored (x-speakeasy-ignore)", op_pointer)
                    continue
                operation = self._operation(path, method, item, op, op_pointer)
                key = self._group(op)
                if not key:
                    root.append(operation)
                else:
                    for depth in range(1, len(key)):  # the groups it is nested in exist too
                        grouped.setdefault(key[:depth], [])
                    grouped.setdefault(key, []).append(operation)
        if self.data.get("webhooks"):
            self.diags.warn("webhooks are not part of a client SDK and are ignored", "/webhooks")
        resources = tuple(
            ir.Resource(snake(key[-1]) or "default", pascal(" ".join(key)) or "Default", snake("_".join(key)) or "default",
                        ".".join(key), _text((tag_info.get(".".join(key)) or {}).get("description")), tuple(ops), key)
            for key, ops in sorted(grouped.items(), key=lambda entry: len(entry[0]))
        )
        servers = tuple(
            ir.Server(
                str(s.get("url", "")).rstrip("/") or "/",
                _text(s.get("description")),
                tuple(
                    (str(name), str(var.get("default", "")))
                    for name, var in (s.get("variables") or {}).items()
                    if isinstance(var, dict)
                ),
            )
            for s in self.data.get("servers") or []
            if isinstance(s, dict)
        ) or (ir.Server("/", ""),)
        types = self._mark_inputs(tuple(self.types.values()))
        return ir.Api(
            title=_text(info.get("title")) or "API",
            description=_text(info.get("description")),
            version=str(info.get("version", "")),
            servers=servers,
            security_schemes=schemes,
            default_security=default_security,
            resources=resources,
            root_operations=tuple(root),
            types=types,
            errors=tuple(self.errors.values()),
            retries=self.doc_retries,
        )

    @staticmethod
    def _group(op: dict) -> tuple[str, ...]:
        """Where an operation goes: its `x-speakeasy-group` (dots nest groups), else its first tag."""
        group = op.get("x-speakeasy-group")
        if isinstance(group, str) and group.strip(". "):
            return tuple(part for part in group.split(".") if part.strip())
        tags = op.get("tags") or []
        if tags and isinstance(tags[0], str):
            return (tags[0],)
        return ()

    def _security_schemes(self) -> tuple[ir.SecurityScheme, ...]:
        out = []
        raw = ((self.data.get("components") or {}).get("securitySchemes") or {})
        for name, scheme in raw.items():
            where = pointer_join("/components/securitySchemes", name)
            scheme, _ = self._deref(scheme, where)
            if not isinstance(scheme, dict):
                continue
            kind = scheme.get("type")
            example = scheme.get("x-speakeasy-example")
            common = dict(name=name, param_name=snake(name) or "credential", description=_text(scheme.get("description")),
                          example=example if isinstance(example, str) else "")
            flows = scheme.get("flows") if isinstance(scheme.get("flows"), dict) else {}
            credentials_flow = flows.get("clientCredentials") if isinstance(flows.get("clientCredentials"), dict) else None
            if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
                out.append(ir.SecurityScheme(kind="basic", **common))
            elif kind == "oauth2" and credentials_flow is not None:
                out.append(ir.SecurityScheme(kind="oauth2", token_url=str(credentials_flow.get("tokenUrl", "")), **common))
            elif kind == "http" or kind in ("oauth2", "openIdConnect"):
                out.append(ir.SecurityScheme(kind="bearer", **common))
            elif kind == "apiKey":
                out.append(ir.SecurityScheme(kind="apikey", location=str(scheme.get("in", "header")),
                                             param=str(scheme.get("name", name)), **common))
            else:
                self.diags.warn(f"security scheme type {kind!r} is not supported; requests will not carry it", where)
        return tuple(out)

    def _security(self, value: Any, pointer: str) -> tuple[tuple[str, ...], ...] | None:
        if value is None:
            return None
        if not isinstance(value, list):
            self.diags.warn("'security' is not a list; ignored", pointer)
            return None
        return tuple(tuple(req.keys()) for req in value if isinstance(req, dict))

    def _operation(self, path: str, method: str, item: dict, op: dict, pointer: str) -> ir.Operation:
        op_id = op.get("operationId") if isinstance(op.get("operationId"), str) else ""
        override = op.get("x-speakeasy-name-override")
        base_name = pascal(op_id) or pascal(f"{method} {path}") or "Operation"
        method_name = snake(override) if isinstance(override, str) and override else snake(op_id) or snake(f"{method} {path}")
        params = self._parameters(item, op, pointer, base_name)
        body = self._body(op, pointer, base_name)
        responses, errors = self._responses(op, pointer, base_name)
        stream, events, sentinel, responses = self._streaming(op, pointer, responses)
        successes = [r.type for r in responses if r.type is not None]
        unique: list[ir.TypeExpr] = []
        for t in successes:
            if t not in unique:
                unique.append(t)
        result: ir.TypeExpr | None = None
        if len(unique) == 1:
            result = unique[0]
        elif unique:
            result = ir.UnionT(tuple(unique))
        request_type: ir.TypeExpr | None = None
        body_attr = ""
        if params:
            fields = [
                ir.Field(p.wire_name, p.wire_name, p.type, p.required, isinstance(p.type, ir.Nullable), p.default, p.description, p.deprecated)
                for p in params
            ]
            if body is not None:
                body_attr = "request_body"
                fields.append(ir.Field("", body_attr, body.type, body.required, False, ir.MISSING, body.description))
            request_pointer = pointer + "#request"
            self.types[request_pointer] = ir.ModelDef(request_pointer, base_name + "Request", OPERATIONS, snake(base_name), tuple(fields))
            request_type = ir.Ref(request_pointer)
        elif body is not None:
            request_type = body.type
        if request_type is not None:
            self._input_roots.append(request_type)
        return ir.Operation(
            pointer=pointer,
            operation_id=op_id,
            name=method_name or "call",
            http_method=method.upper(),
            path=path,
            summary=_text(op.get("summary")),
            description=_text(op.get("description")),
            deprecated=bool(op.get("deprecated")),
            parameters=params,
            body=body,
            request_type=request_type,
            body_attr=body_attr,
            responses=responses,
            result_type=result,
            errors=errors,
            security=self._security(op.get("security"), pointer_join(pointer, "security")),
            retries=self._retries(op.get("x-speakeasy-retries"), pointer_join(pointer, "x-speakeasy-retries"), self.doc_retries),
            server_url=self._own_server(op.get("servers") or item.get("servers")),
            stream=stream,
            events=events,
            sentinel=sentinel,
            pagination=self._pagination(op.get("x-speakeasy-pagination"), pointer_join(pointer, "x-speakeasy-pagination"), params, body),
            usage_example=bool(op.get("x-speakeasy-usage-example")),
            flatten=self._flatten(op, pointer, request_type),
        )

    def _flatten(self, op: dict, pointer: str, request_type: ir.TypeExpr | None) -> bool:
        """Whether the method takes the request's fields as arguments: `x-speakeasy-max-method-params`
        (operation, else document) is at least their number.  Only an object request can be flattened."""
        limit = op.get("x-speakeasy-max-method-params",
                       self.data.get("x-speakeasy-max-method-params", self.options.max_method_params))
        if isinstance(limit, bool) or not isinstance(limit, int):
            self.diags.warn("x-speakeasy-max-method-params must be an integer; ignored", pointer)
            return False
        named = self.types.get(request_type.id) if isinstance(request_type, ir.Ref) else None
        return isinstance(named, ir.ModelDef) and 0 < len(named.fields) <= limit

    _PAGE_KINDS = {"offset", "page", "limit", "cursor"}

    def _pagination(self, value: Any, pointer: str, params: tuple[ir.Parameter, ...], body: ir.Body | None) -> ir.Pagination | None:
        """`x-speakeasy-pagination`; anything not understood leaves the method returning one page, with a warning."""
        if value is None:
            return None
        if not isinstance(value, dict):
            self.diags.warn("x-speakeasy-pagination must be a mapping; the method returns one page", pointer)
            return None
        kind = value.get("type")
        raw_inputs = value.get("inputs") if isinstance(value.get("inputs"), list) else []
        outputs = value.get("outputs") if isinstance(value.get("outputs"), dict) else {}
        inputs = []
        for index, entry in enumerate(raw_inputs):
            role = entry.get("type") if isinstance(entry, dict) else None
            where = entry.get("in", "parameters") if isinstance(entry, dict) else None
            name = entry.get("name") if isinstance(entry, dict) else None
            known = (where == "parameters" and any(p.wire_name == name for p in params)) or (where == "requestBody" and body is not None)
            if role not in self._PAGE_KINDS or not isinstance(name, str) or not known:
                self.diags.warn("pagination input does not name a parameter or body field of the operation; ignored",
                                pointer_join(pointer, "inputs", index))
                continue
            inputs.append((str(role), str(where), name))
        roles = {role for role, _, _ in inputs}
        paths = {}
        for key in ("results", "nextCursor", "numPages"):
            if key in outputs:
                parsed = _json_path(outputs[key])
                if parsed is None:
                    self.diags.warn(f"unsupported JSONPath {outputs[key]!r}; the method returns one page",
                                    pointer_join(pointer, "outputs", key))
                    return None
                paths[key] = parsed
        if kind == "offsetLimit" and roles & {"page", "offset"}:
            page_kind = "page" if "page" in roles else "offset"
        elif kind == "cursor" and "cursor" in roles and "nextCursor" in paths:
            page_kind = "cursor"
        else:
            self.diags.warn(f"pagination of type {kind!r} with these inputs and outputs is not supported; "
                            "the method returns one page", pointer)
            return None
        return ir.Pagination(page_kind, tuple(inputs), paths.get("results"), paths.get("nextCursor"), paths.get("numPages"))

    @staticmethod
    def _own_server(servers: Any) -> str:
        """The first server an operation or its path declares for itself ("" when none)."""
        if not isinstance(servers, list) or not servers or not isinstance(servers[0], dict):
            return ""
        url = str(servers[0].get("url", ""))
        for name, variable in (servers[0].get("variables") or {}).items():
            if isinstance(variable, dict) and "default" in variable:
                url = url.replace("{" + str(name) + "}", str(variable["default"]))
        return url.rstrip("/")

    def _parameters(self, item: dict, op: dict, pointer: str, base: str) -> tuple[ir.Parameter, ...]:
        merged: dict[tuple[str, str], tuple[Any, str]] = {}
        for owner, owner_pointer in ((item, pointer.rsplit("/", 1)[0]), (op, pointer)):
            for index, raw in enumerate(owner.get("parameters") or []):
                where = pointer_join(owner_pointer, "parameters", index)
                param, where = self._deref(raw, where)
                if not isinstance(param, dict) or "name" not in param or "in" not in param:
                    self.diags.warn("parameter without 'name' or 'in'; ignored", where)
                    continue
                merged[(str(param["name"]), str(param["in"]))] = (param, where)
        out = []
        for (name, location), (param, where) in merged.items():
            if location not in ("path", "query", "header", "cookie"):
                self.diags.warn(f"parameter location {location!r} is not supported; ignored", pointer_join(where, "in"))
                continue
            if location == "header" and name.lower() in ("accept", "content-type", "authorization"):
                continue
            style = param.get("style") or ("form" if location in ("query", "cookie") else "simple")
            explode = param.get("explode")
            explode = bool(explode) if explode is not None else style == "form"
            schema = param.get("schema")
            if schema is None and isinstance(param.get("content"), dict):
                _, media = _pick_media(param["content"])
                schema = (media or {}).get("schema")
            raw_schema, _ = self._deref(schema, pointer_join(where, "schema")) if isinstance(schema, dict) else ({}, where)
            tp = self.type_of(schema if schema is not None else {}, pointer_join(where, "schema"), base + pascal(name), OPERATIONS, snake(base))
            required = bool(param.get("required")) or location == "path"
            default = self._coerce_default(raw_schema.get("default", ir.MISSING) if isinstance(raw_schema, dict) else ir.MISSING, tp)
            example = param.get("example", (raw_schema or {}).get("example", ir.MISSING) if isinstance(raw_schema, dict) else ir.MISSING)
            out.append(ir.Parameter(name, name, location, str(style), explode, required, tp, _text(param.get("description")),
                                    default, bool(param.get("deprecated")), example))
        return tuple(out)

    def _body(self, op: dict, pointer: str, base: str) -> ir.Body | None:
        raw = op.get("requestBody")
        if raw is None:
            return None
        where = pointer_join(pointer, "requestBody")
        body, where = self._deref(raw, where)
        if not isinstance(body, dict):
            return None
        media, content = _pick_media(body.get("content"))
        if not media:
            self.diags.warn("request body has no content; the operation sends no body", where)
            return None
        content = content if isinstance(content, dict) else {}
        schema = content.get("schema", {})
        media_pointer = pointer_join(where, "content", media)
        kind = media.split(";")[0].strip().lower()
        if _is_json(media) or kind in (FORM_MEDIA, MULTIPART_MEDIA):
            tp = self.type_of(schema, pointer_join(media_pointer, "schema"), base + "RequestBody", OPERATIONS, snake(base), top=True)
        elif kind.startswith("text/"):
            tp = _PRIM["str"]
        else:
            tp = _PRIM["bytes"]
        example = content.get("example", ir.MISSING)
        if example is ir.MISSING and isinstance(content.get("examples"), dict) and content["examples"]:
            first = next(iter(content["examples"].values()))
            first, _ = self._deref(first, media_pointer)
            if isinstance(first, dict) and "value" in first:
                example = first["value"]
        return ir.Body(media, tp, bool(body.get("required")), _text(body.get("description")), example)

    def _responses(self, op: dict, pointer: str, base: str) -> tuple[tuple[ir.Response, ...], tuple[ir.ErrorResponse, ...]]:
        raw = op.get("responses") or {}
        successes: list[ir.Response] = []
        errors: list[ir.ErrorResponse] = []
        if not isinstance(raw, dict):
            self.diags.warn("'responses' is not a mapping", pointer_join(pointer, "responses"))
            raw = {}
        for status, value in raw.items():
            status = str(status).upper()
            where = pointer_join(pointer, "responses", status)
            response, resolved_at = self._deref(value, where)
            if not isinstance(response, dict):
                continue
            media, content = _pick_media(response.get("content"))
            content = content if isinstance(content, dict) else {}
            is_error = status[0] in "45" or status == "DEFAULT"
            if not is_error:
                successes.extend(self._success(response, resolved_at, status, base))
                continue
            if not media or not _is_json(media):
                continue
            schema = content.get("schema", {})
            schema_resolved, schema_at = self._deref(schema, pointer_join(resolved_at, "content", media, "schema"))
            error = self._error(schema_resolved, schema_at, resolved_at, status, base, _text(response.get("description")))
            errors.append(ir.ErrorResponse("default" if status == "DEFAULT" else status, error.id, media))
        return tuple(successes), tuple(errors)

    def _success(self, response: dict, at: str, status: str, base: str) -> list[ir.Response]:
        """One entry per media type a success response documents (one without a type when it has no body)."""
        description = _text(response.get("description"))
        content = response.get("content")
        if not isinstance(content, dict) or not content:
            return [ir.Response(status, "", None, description)]
        out = []
        for media, value in content.items():
            schema = value.get("schema", {}) if isinstance(value, dict) else {}
            kind = str(media).split(";")[0].strip().lower()
            where = pointer_join(at, "content", media, "schema")
            tp: ir.TypeExpr
            if _is_json(media):
                tp = self.type_of(schema, where, base + "ResponseBody", OPERATIONS, snake(base), top=True)
            elif kind == EVENTS_MEDIA:
                tp = self.type_of(schema, where, base + "Event", OPERATIONS, snake(base), top=True)
            elif kind.startswith("text/"):
                tp = _PRIM["str"]
            else:
                tp = _PRIM["bytes"]
            out.append(ir.Response(status, str(media), tp, description))
        return out

    def _streaming(self, op: dict, pointer: str, responses: tuple[ir.Response, ...]) -> tuple[str, str, str | None, tuple[ir.Response, ...]]:
        """(stream kind, event decoding, sentinel, responses) of an operation.

        Binary downloads and server-sent events are streamed when every success body is of that
        kind; otherwise bodies are read whole (events then arrive as text)."""
        bodies = [r for r in responses if r.type is not None]
        kinds = {self._body_kind(r.media_type) for r in bodies}
        if kinds == {"binary"}:
            return "binary", "", None, responses
        if kinds != {"events"}:
            if "events" in kinds:
                responses = tuple(
                    ir.Response(r.status, r.media_type, _PRIM["str"], r.description)
                    if self._body_kind(r.media_type) == "events" else r
                    for r in responses
                )
            return "", "", None, responses
        sentinel = op.get("x-speakeasy-sse-sentinel")
        return "events", self._event_decoding(bodies[0].type), sentinel if isinstance(sentinel, str) else None, responses

    @staticmethod
    def _body_kind(media: str) -> str:
        kind = media.split(";")[0].strip().lower()
        if _is_json(media):
            return "json"
        if kind == EVENTS_MEDIA:
            return "events"
        return "text" if kind.startswith("text/") else "binary"

    def _event_decoding(self, tp: ir.TypeExpr | None) -> str:
        """How an event's lines map to its type: a model of `id`/`event`/`data`/`retry` fields
        (an envelope) or the `data` alone; `data` is JSON unless its type is a string."""
        named = self.types.get(tp.id) if isinstance(tp, ir.Ref) else None
        wires = {f.wire_name for f in named.fields} if isinstance(named, ir.ModelDef) else set()
        if "data" in wires and wires <= {"id", "event", "data", "retry"}:
            data = next(f.type for f in named.fields if f.wire_name == "data")  # type: ignore[union-attr]
            return "envelope:" + ("text" if _is_text(data) else "json")
        return "data:" + ("text" if _is_text(tp) else "json")

    def _error(self, schema: Any, schema_at: str, response_at: str, status: str, base: str, description: str) -> ir.ErrorDef:
        if schema_at in self.errors:
            return self.errors[schema_at]
        override = schema.get("x-speakeasy-name-override") if isinstance(schema, dict) else None
        component = self._component_name(schema_at)
        response_key = response_at.split("/")[-1] if response_at.startswith("/components/responses/") else ""
        if isinstance(override, str) and override:
            name = pascal(override)
        elif component:
            name = pascal(component) + ("" if pascal(component).endswith("Error") else "Error")
        elif response_key and not response_key.isdigit():
            name = pascal(response_key)
        elif response_key:
            name = _reason(response_key)
        else:
            name = base + (_reason(status) if status[:1].isdigit() and status[1:].isdigit() else pascal(status))
        module = snake(name) or "error"
        if component:
            data_type = self.type_of({"$ref": "#" + schema_at}, schema_at, pascal(component), COMPONENTS, snake(component))
        else:
            data_type = self.type_of(schema, schema_at, name + "Data", ERRORS, module)
        error = ir.ErrorDef(schema_at, name, module, data_type, tuple(self._message_path(schema, schema_at)), description)
        self.errors[schema_at] = error
        return error

    def _message_path(self, schema: Any, pointer: str, depth: int = 0) -> list[str]:
        """Wire names leading to the property marked `x-speakeasy-error-message` (or `message`)."""
        schema, pointer = self._deref(schema, pointer)
        if not isinstance(schema, dict) or depth > 5:
            return []
        properties = schema.get("properties") or {}
        for name, prop in properties.items():
            prop, _ = self._deref(prop, pointer)
            if isinstance(prop, dict) and prop.get("x-speakeasy-error-message") is True:
                return [name]
        for name, prop in properties.items():
            found = self._message_path(prop, pointer_join(pointer, "properties", name), depth + 1)
            if found:
                return [name] + found
        if depth == 0:
            for candidate in ("message", "detail", "error_description", "title"):
                prop = properties.get(candidate)
                if isinstance(prop, dict) and prop.get("type") == "string":
                    return [candidate]
        return []

    # ------------------------------------------------------------------ input marking

    def _mark_inputs(self, types: tuple[ir.NamedType, ...]) -> tuple[ir.NamedType, ...]:
        """Models reachable from a request get a TypedDict twin, so callers can pass plain dicts."""
        reachable: set = set()
        stack: list[ir.TypeExpr] = list(self._input_roots)
        while stack:
            t = stack.pop()
            if isinstance(t, ir.Ref):
                if t.id in reachable:
                    continue
                reachable.add(t.id)
                named = self.types.get(t.id)
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
        out = []
        for named in types:
            if isinstance(named, (ir.ModelDef, ir.AliasDef)) and named.id in reachable:
                named = ir.evolve(named, is_input=True)
            out.append(named)
        return tuple(out)


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
            count += sum(1 for m in HTTP_METHODS if isinstance(item.get(m), dict) and item[m].get("x-speakeasy-ignore") is not True)
    return count




def build(doc: Document, resolver: Resolver, diags: Diagnostics, options: BuildOptions | None = None) -> ir.Api:
    return Builder(doc, resolver, diags, options).build()
