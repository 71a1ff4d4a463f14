"""Stage 4, naming: make every name in the IR a valid, unique, deterministic Python name.

Collisions are resolved in document order with numeric suffixes, so the same document always
gives the same names, byte for byte.
"""

from __future__ import annotations

import functools
import hashlib
import keyword
import re
import sys
from collections import Counter
from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from . import ir
from .reserved import client_attributes, module_level_names
from .text import pascal, safe_identifier, snake, upper_snake

# Names a generated module imports or defines itself (reserved.py): no schema may take them.
RESERVED_TYPE_NAMES = module_level_names() | {"Field", "Type"}
# Attributes of pydantic.BaseModel a field may not shadow.
RESERVED_FIELD_NAMES = {
    "construct",
    "copy",
    "dict",
    "from_orm",
    "json",
    "parse_file",
    "parse_obj",
    "parse_raw",
    "schema",
    "schema_json",
    "update_forward_refs",
    "validate",
    "model_config",
    "model_fields",
    "model_extra",
    "model_fields_set",
    "model_computed_fields",
    "model_construct",
    "model_copy",
    "model_dump",
    "model_dump_json",
    "model_json_schema",
    "model_parametrized_name",
    "model_post_init",
    "model_rebuild",
    "model_validate",
    "model_validate_json",
    "model_validate_strings",
    "pydantic",  # the module that spells field aliases in the class body
}
RESERVED_MODULES = {"sdk", "models", "utils", "_runtime", "types", "errors", "operations", "components", "testing"}
# Method names that would shadow a builtin the class's own signatures use.
# The attributes of the client and of each resource that give the raw-response twins.
RAW_RESPONSE_ATTRIBUTE = "with_raw_response"
STREAMING_RESPONSE_ATTRIBUTE = "with_streaming_response"
RESERVED_METHODS = frozenset(
    {"str", "int", "float", "bool", "bytes", RAW_RESPONSE_ATTRIBUTE, STREAMING_RESPONSE_ATTRIBUTE}
)
# ...and those the client class has itself (a resource may have a `close()`).
CLIENT_METHODS = RESERVED_METHODS | client_attributes()
CONSTRUCTOR_KWARGS = {
    "server_url",
    "timeout_ms",
    "retry_config",
    "client",
    "async_client",
    "debug_logger",
    "server_idx",
    "server_variables",
    "http_headers",
    "telemetry",
}


class _Namer:
    """Hands out unique names within one namespace."""

    def __init__(self, taken: Iterable[str] = ()):
        self.taken: set[str] = set(taken)

    def claim(self, wanted: str, sep: str = "") -> str:
        name = wanted
        counter = 2
        while name in self.taken:
            name = f"{wanted}{sep}{counter}"
            counter += 1
        self.taken.add(name)
        return name


@functools.lru_cache(maxsize=65536)
def _type_name(raw: str) -> str:
    name = _shorten(pascal(raw) or "Model")
    if name[0].isdigit():
        name = "Model" + name
    if name in RESERVED_TYPE_NAMES or keyword.iskeyword(name) or keyword.issoftkeyword(name):
        name += "Model"
    return name


MAX_NAME = 80


def _shorten(name: str) -> str:
    """Very long names are cut, with a digest of the full name so they stay distinct and stable."""
    if len(name) <= MAX_NAME:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:8]
    return f"{name[: MAX_NAME - 9]}_{digest}"


@functools.lru_cache(maxsize=65536)
def _module_name(raw: str) -> str:
    name = _shorten(snake(raw).replace("_", "") or "module")
    name = safe_identifier(name, "m")
    if name in RESERVED_MODULES:
        name += "_"
    return name


@functools.lru_cache(maxsize=65536)
def _field_name(raw: str) -> str:
    """The attribute name a property wants (documents repeat property names thousands of times)."""
    name = safe_identifier(_shorten(snake(raw)) or "field", "field")
    if name in RESERVED_FIELD_NAMES or name.startswith("model_"):
        name += "_"
    return name


def _field_names(fields: tuple[ir.Field, ...]) -> list[str]:
    namer = _Namer()
    return [namer.claim(_field_name(f.name), "_") for f in fields]


def _member_names(members: tuple[ir.EnumMember, ...]) -> list[str]:
    namer = _Namer({"name", "value"})
    out = []
    for m in members:
        try:
            wanted = _cached_member_name(m.value)
        except TypeError:  # a list or an object as a value: not hashable
            wanted = _member_name(m.value)
        out.append(namer.claim(wanted, "_"))
    return out


def _member_name(value: object) -> str:
    """The name an enum member's value asks for."""
    base = upper_snake(str(value)) if str(value) != "" else "EMPTY"
    if not base:
        base = "VALUE"
    if base[0].isdigit() or base.startswith("-"):
        base = "VALUE_" + base.lstrip("-")
    if isinstance(value, int) and not base.startswith("VALUE"):
        base = "VALUE_" + base
    return safe_identifier(base, "VALUE")


# Documents repeat the same values thousands of times (typed: 1, 1.0 and True are different members).
_cached_member_name = functools.lru_cache(maxsize=65536, typed=True)(_member_name)


# What the `webhooks` module of an API with webhooks defines or imports besides payload models.
WEBHOOK_MODULE_NAMES = {
    "Webhooks",
    "WebhookPayload",
    "UnknownWebhook",
    "WebhookPayloadError",
    "WebhookVerificationError",
    "Route",
}


def name_api(api: ir.Api, reserved: AbstractSet[str] = frozenset()) -> ir.Api:
    """`reserved`: names taken by the generated code itself (the client class)."""
    # ---- named types and error classes: one namespace, since any module may import any of them.
    # The document's own schemas are named first, then error classes, then generated types.
    namer = _Namer(set(reserved) | (WEBHOOK_MODULE_NAMES if api.webhooks else set()))
    renamed: dict[str, ir.NamedType] = {}

    def module(package: str, raw: str) -> str:
        # Types whose owners normalise to the same module name share that module.
        return _module_name(raw)

    def name_type(named: ir.NamedType) -> None:
        name = namer.claim(_type_name(named.name))
        changes: dict[str, object] = {"name": name, "module": module(named.package, named.module)}
        if isinstance(named, (ir.ModelDef, ir.AliasDef)) and named.is_input:
            changes["typed_dict_name"] = namer.claim(name + "TypedDict")
        if isinstance(named, ir.ModelDef):
            names = _field_names(named.fields)
            changes["fields"] = tuple(f if f.name == n else ir.evolve(f, name=n) for f, n in zip(named.fields, names))
            changes["shadowed"] = tuple(s for s in SHADOWABLE if s in names)
        if isinstance(named, ir.EnumDef):
            names = _member_names(named.members)
            changes["members"] = tuple(m if m.name == n else ir.evolve(m, name=n) for m, n in zip(named.members, names))
        renamed[named.id] = ir.evolve(named, **changes)

    for named in api.types:
        if named.package == "components":
            name_type(named)
    error_names = {}
    for err in api.errors:
        wanted = _type_name(err.name)
        if wanted in namer.taken:  # the schema of the same name keeps it
            wanted += "Exception" if wanted.endswith("Error") else "Error"
        error_names[err.id] = namer.claim(wanted)
    for named in api.types:
        if named.package != "components":
            name_type(named)
    types = _merge_cycles(tuple(renamed[t.id] for t in api.types))

    errors = []
    for err in api.errors:
        errors.append(
            ir.evolve(
                err,
                name=error_names[err.id],
                module=module("errors", err.name),
                message_path=_message_path(err, renamed),
            )
        )

    # ---- operations and resources
    # Resource classes share the namespace of types and errors: a resource module imports models
    # and error classes, and the document's names keep theirs (`Webhooks` the schema, then
    # `WebhooksResource` the resource).
    class_names = namer
    # An API with webhooks has `client.webhooks` and the module `webhooks.py`.
    webhooks = {"webhooks"} if api.webhooks else set()
    resource_modules = _Namer(RESERVED_MODULES | webhooks)
    client_methods = CLIENT_METHODS | webhooks
    root_ops = _name_operations(api.root_operations, renamed, client_methods)
    # Attribute names are unique among a parent's methods and nested resources.
    attrs: dict[tuple[str, ...], _Namer] = {
        (): _Namer(client_methods | {n for op in root_ops for n in (op.name, op.name + "_async")})
    }
    final_paths: dict[tuple[str, ...], tuple[str, ...]] = {(): ()}
    resources = []
    for res in api.resources:  # parents come before the resources nested in them
        operations = _name_operations(res.operations, renamed, RESERVED_METHODS, res.path or (res.name,))
        parent = final_paths[res.path[:-1]] if res.path else ()
        wanted = safe_identifier(snake(res.name) or "default", "api")
        if wanted in (client_methods if parent == () else RESERVED_METHODS):
            wanted += "_"  # as `hooks_`: the client's own `hooks` stays what it is
        attr = attrs[parent].claim(wanted, "_")
        path = parent + (attr,)
        final_paths[res.path or (res.name,)] = path
        attrs[path] = _Namer(RESERVED_METHODS | {n for op in operations for n in (op.name, op.name + "_async")})
        resources.append(
            ir.evolve(
                res,
                name=attr,
                path=path,
                class_name=(class_name := class_names.claim(_resource_class(res.class_name, class_names.taken))),
                raw_class_name=_raw_class(operations, class_name, class_names),
                module=resource_modules.claim(_shorten(safe_identifier(snake(res.module) or "default", "api")), "_"),
                operations=operations,
                shadowed=_shadowed(operations),
            )
        )
    kwargs = _Namer(CONSTRUCTOR_KWARGS)
    schemes = tuple(
        ir.evolve(s, param_name=kwargs.claim(safe_identifier(snake(s.param_name) or "credential", "credential"), "_"))
        for s in api.security_schemes
    )
    global_params = tuple(
        ir.evolve(g, param_name=kwargs.claim(safe_identifier(snake(g.wire_name) or "value", "value"), "_"))
        for g in api.globals
    )
    client = api.client_name
    base_alias = f"{client}Error"
    in_errors = {e.name for e in errors} | {t.name for t in types if t.package == "errors"}
    return ir.evolve(
        api,
        types=types,
        errors=tuple(errors),
        resources=tuple(resources),
        root_operations=root_ops,
        security_schemes=schemes,
        client_variable=(client[:1].lower() or "s") + "_client",
        error_base_alias=base_alias if client and base_alias not in in_errors else "",
        root_shadowed=_shadowed(root_ops),
        root_raw_class_name=_raw_class(root_ops, client, class_names),
        globals=global_params,
    )


def _raw_class(operations: tuple[ir.Operation, ...], class_name: str, class_names: _Namer) -> str:
    """The name of the class holding the `with_raw_response` twins of a class's methods."""
    if not any(ir.has_raw_twin(op) for op in operations):
        return ""
    return class_names.claim(class_name + "WithRawResponse")


def _shadowed(operations: tuple[ir.Operation, ...]) -> tuple[str, ...]:
    names = {op.name for op in operations}
    return tuple(s for s in SHADOWABLE if s in names)


def _resource_class(raw: str, taken: AbstractSet[str]) -> str:
    name = _type_name(raw)
    return name + "Resource" if name in taken else name


Home = tuple[str, str]  # (package, module)


def _merge_cycles(types: tuple[ir.NamedType, ...]) -> tuple[ir.NamedType, ...]:
    """Modules whose types import each other in a cycle become one module (the first of them by
    name), where forward references can be resolved; apart they would be circular imports. (The
    types need not refer to each other in a cycle: `A` in module a uses `B` in module b, which uses
    `C`, written in module a too.)"""
    by_id = {t.id: t for t in types}
    imports: dict[Home, set[Home]] = {}
    for t in types:
        home = (t.package, t.module)
        edges = imports.setdefault(home, set())
        for d in ir.dependencies(t):
            other = by_id.get(d)
            if other is not None and (other.package, other.module) != home:
                edges.add((other.package, other.module))
    moved: dict[Home, Home] = {}
    for component in _strongly_connected({home: sorted(edges) for home, edges in imports.items()}):
        if len(component) > 1:
            first = min(component)
            moved.update((member, first) for member in component)
    if not moved:
        return types
    return tuple(
        ir.evolve(t, package=moved[home][0], module=moved[home][1]) if (home := (t.package, t.module)) in moved else t
        for t in types
    )


def _strongly_connected(graph: dict[Home, list[Home]]) -> list[list[Home]]:
    """The strongly connected components of a graph (Tarjan's algorithm, without recursion)."""
    index: dict[Home, int] = {}
    low: dict[Home, int] = {}
    on_stack: set[Home] = set()
    stack: list[Home] = []
    components: list[list[Home]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            edges = graph.get(node, [])
            if child < len(edges):
                work.append((node, child + 1))
                nxt = edges[child]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components


def _message_path(err: ir.ErrorDef, types: dict[str, ir.NamedType]) -> tuple[str, ...]:
    """The wire path to the error message, as Python attribute names."""
    out: list[str] = []
    current = err.data_type
    for wire in err.message_path:
        if isinstance(current, ir.Nullable):
            current = current.inner
        model = types.get(current.id) if isinstance(current, ir.Ref) else None
        if not isinstance(model, ir.ModelDef):
            return ()
        match = next((f for f in model.fields if f.wire_name == wire), None)
        if match is None:
            return ()
        out.append(match.name)
        current = match.type
    return tuple(out)


# The keywords every method takes: a request whose field has one of these names is not flattened.
CALL_KEYWORDS = {"self", "request", "retries", "server_url", "timeout_ms", "http_headers", "accept"}
# Builtin type names a member may take; inside such a class, the type is spelled otherwise.
SHADOWABLE = ("list", "dict", "str", "int", "float", "bool", "bytes", "date", "datetime")


# Words that say nothing once the resource is named (`getPetById` on `pets` is `retrieve`).
_FILLERS = {"a", "an", "all", "the", "by", "of", "for", "with", "from", "in", "on", "to", "one", "single"}


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 3:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _in_place(op: ir.Operation, resource: tuple[str, ...]) -> str:
    """The method name of an operation grouped by its path: what its operationId says beyond the
    resource, its path parameters and its HTTP method (`filterVariables` on `variables` is `filter`);
    when that is nothing (`GetCustomersCustomer`), the name its place suggests (`retrieve`)."""
    known = {w for part in resource for w in part.split("_")}
    known |= {_singular(w) for w in known}
    known |= {w for p in op.parameters if p.location == "path" for w in snake(p.wire_name).split("_")}
    tokens = snake(op.operation_id).split("_") if op.operation_id else []
    if tokens and tokens[0] == op.http_method.lower():
        tokens = tokens[1:]
    tokens = [t for t in tokens if t not in known]
    while tokens and tokens[-1] in _FILLERS:
        tokens.pop()
    while tokens and tokens[0] in _FILLERS:
        tokens.pop(0)
    return "_".join(tokens) or op.place_name


def _wanted_names(ops: tuple[ir.Operation, ...], resource: tuple[str, ...]) -> list[str]:
    """Each operation's name before collisions: operations grouped by their path take their names
    there; two that would take the same one take the names their places suggest, and when those
    are the same too (POST and PATCH on one item), keep their own."""
    wanted = [_in_place(op, resource) if op.place_name else op.name for op in ops]
    for fallback in ("place_name", "name"):
        placed = Counter(w for w, op in zip(wanted, ops) if op.place_name)
        wanted = [getattr(op, fallback) if op.place_name and placed[w] > 1 else w for w, op in zip(wanted, ops)]
    return wanted


def _name_operations(
    ops: tuple[ir.Operation, ...],
    types: dict[str, ir.NamedType],
    reserved: AbstractSet[str],
    resource: tuple[str, ...] = (),
) -> tuple[ir.Operation, ...]:
    """The operations of one module (a resource, or the client), with their final names: methods,
    their constants, their error maps' constants, parameters' attributes and pagination paths."""
    methods = _Namer(reserved)
    # Module-level functions: `_<method>_op()` builds an operation's `Operation`, `_errors()` (and
    # `_errors_<n>()`) an error map; one namespace, so they never clash.
    functions = _Namer()
    error_maps: dict[tuple[tuple[str, str], ...], str] = {}
    out = []
    for op, wanted in zip(ops, _wanted_names(ops, resource)):
        name = safe_identifier(snake(wanted) or "call", "call")
        if name in reserved:
            name += "_"
        base, counter = name, 2
        while name in methods.taken or name + "_async" in methods.taken:
            name, counter = f"{base}_{counter}", counter + 1
        methods.taken.update({name, name + "_async"})
        params = op.parameters
        model = types.get(op.request_type.id) if isinstance(op.request_type, ir.Ref) else None
        if isinstance(model, ir.ModelDef) and op.parameters:
            by_wire = {(f.wire_name, i): f.name for i, f in enumerate(model.fields)}
            params = tuple(ir.evolve(p, name=by_wire[(p.wire_name, i)]) for i, p in enumerate(op.parameters))
            body_attr = model.fields[-1].name if op.body_attr else ""
            op = ir.evolve(op, body_attr=body_attr)
        flatten = (
            op.flatten and isinstance(model, ir.ModelDef) and not any(f.name in CALL_KEYWORDS for f in model.fields)
        )
        errors_key = tuple(sorted((e.status, e.error_id) for e in op.errors))
        errors_constant = ""
        if errors_key:
            if errors_key not in error_maps:
                error_maps[errors_key] = functions.claim("_errors", "_")
            errors_constant = error_maps[errors_key]
        out.append(
            ir.evolve(
                op,
                name=name,
                parameters=params,
                flatten=flatten,
                constant=functions.claim(f"_{name}_op", "_"),
                errors_constant=errors_constant,
                pagination=_pagination_attrs(op, params, types),
            )
        )
    return tuple(out)


def _pagination_attrs(
    op: ir.Operation, params: tuple[ir.Parameter, ...], types: dict[str, ir.NamedType]
) -> ir.Pagination | None:
    """An operation's pagination with its paths in attribute names (on the request and result)."""
    p = op.pagination
    if p is None or op.result_type is None:
        return p
    inputs: list[tuple[ir.PageRole, tuple[str | int, ...]]] = []
    for role, where, wire in p.inputs:
        if where == "parameters":
            path: tuple[str | int, ...] = (next(q.name for q in params if q.wire_name == wire),)
        else:
            body_path, _ = ir.follow(types, op.body.type if op.body is not None else ir.AnyT(), (wire,), by_wire=True)
            path = ((op.body_attr,) if op.body_attr else ()) + body_path
        inputs.append((role, path))

    def output(steps: tuple[str | int, ...] | None) -> tuple[str | int, ...] | None:
        return None if steps is None or op.result_type is None else ir.follow(types, op.result_type, steps, True)[0]

    return ir.evolve(
        p,
        input_attrs=tuple(inputs),
        results_attrs=output(p.results),
        next_cursor_attrs=output(p.next_cursor),
        num_pages_attrs=output(p.num_pages),
        next_url_attrs=output(p.next_url),
        has_more_attrs=output(p.has_more),
        total_attrs=output(p.total),
    )


# ---------------------------------------------------------------- the SDK's own names

# Modules a package of this name would hide from the SDK itself or from its users' code.
_HIDDEN_MODULES = frozenset(getattr(sys, "stdlib_module_names", ())) | {"httpx", "pydantic", "typing_extensions"}
_NOT_CLASS_NAMES = {"None", "True", "False", "self", "cls"}


def package_name_problem(name: str) -> str:
    """Why `name` cannot be the SDK's package ("" when it can)."""
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        return "is not a lowercase Python identifier (letters, digits and underscores)"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        return f"is a Python keyword: `import {name}` would be a syntax error"
    if name in _HIDDEN_MODULES:
        return "is the name of a module the SDK or its users import (it would hide it)"
    return ""


def class_name_problem(name: str) -> str:
    """Why `name` cannot be the SDK's client class ("" when it can)."""
    if not name.isidentifier() or not name.isascii():
        return "is not a Python identifier"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in _NOT_CLASS_NAMES:
        return "is a Python keyword or constant"
    if name in RESERVED_TYPE_NAMES:
        return "is a name the generated code uses itself"
    return ""


def suggested_package_name(text: str) -> str:
    """A valid package name close to `text` (`My SDK` -> `my_sdk`, `class` -> `class_sdk`)."""
    name = snake(text) or "sdk"
    if name[0].isdigit():
        name = "sdk_" + name
    if package_name_problem(name):
        name += "_sdk"
    return name


def suggested_class_name(text: str) -> str:
    """A valid client class name close to `text` (`spotify web api` -> `SpotifyWebApi`)."""
    name = pascal(text) or "Client"
    if name[0].isdigit():
        name = "Client" + name
    if class_name_problem(name):
        name += "Client"
    return name


def base_url_variable(configured: str | None, package: str) -> str:
    """The environment variable a client reads its server URL from: the configured one ("" for
    none), else `<PACKAGE>_BASE_URL`."""
    return configured if configured is not None else package.upper() + "_BASE_URL"


TITLE_NAME_MAX = 40  # characters of the title a derived name takes (whole words)


def names_from_title(title: str) -> tuple[str, str]:
    """The package and client names of an SDK whose options give none: from the API's title
    (`Spotify Web API` -> `spotify_web_api`, `SpotifyWebApi`). Deterministic and always valid."""
    found = re.findall(r"[A-Za-z0-9]+", title)
    words_ = ""
    for word in found:  # a title that is a sentence gives the names of its first few words
        if words_ and len(words_) + 1 + len(word) > TITLE_NAME_MAX:
            break
        words_ = f"{words_} {word}" if words_ else word[:TITLE_NAME_MAX]
    return suggested_package_name(words_ or "sdk"), suggested_class_name(words_ or "client")
