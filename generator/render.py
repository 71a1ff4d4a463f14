"""Stage 5, render: turn the named IR into file contents with the Jinja templates.

This module prepares small view records (strings the templates print) and makes the few
decisions templates must not make: Python annotations, imports, definition order, escaping.
Templates only loop and branch over these records.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import jinja2

from . import __version__, ir, pystyle
from .examples import example_literal, format_literal, request_example
from .pystyle import docstring, literal

RUNTIME_DIR = Path(__file__).parent / "runtime" / "_runtime"

Job = tuple[str, str, str, dict[str, Any]]


# What model, per-resource and package-index templates may read besides their own view (see
# `Renderer.prepare`): their output depends on nothing else.
LOCAL_CONTEXT = ("package", "sdk_name", "client_var", "schemes")
SELF_CONTAINED = {"package/models.py.j2", "package/resource.py.j2", "resource.md.j2", "package/lazy_init.py.j2",
                  "package/models_init.py.j2"}
# Of those, the ones that need no view of a resource or an operation.
WITHOUT_API_VIEWS = SELF_CONTAINED - {"package/resource.py.j2", "resource.md.j2"}


@functools.cache
def engine_digest() -> str:
    """A digest of the code that turns views into files: the generator's modules, its templates,
    the runtime, and black's version (black lays out what pystyle cannot)."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.blake2b(digest_size=16)
    here = Path(__file__).parent
    for path in sorted(here.glob("*.py")) + sorted(templates_dir().rglob("*.j2")) + runtime_files():
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    try:
        digest.update(version("black").encode())
    except PackageNotFoundError:  # pragma: no cover - black is a dependency
        pass
    return f"{__version__}-{digest.hexdigest()}"


def runtime_files() -> list[Path]:
    """The modules of the runtime package, copied verbatim into every SDK."""
    return sorted(RUNTIME_DIR.glob("*.py"))


def cache_dir(kind: str) -> Path | None:
    """A per-user directory for what sdkforge keeps between runs (`SDKFORGE_CACHE_DIR`, else the
    XDG cache directory); None when there is none to be had."""
    root = os.environ.get("SDKFORGE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "sdkforge"
    )
    path = Path(root) / kind
    if not path.is_absolute():  # no home directory: not a cache in whatever the current directory is
        return None
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    """Templates compiled by an earlier run (jinja2 keys them by the template's source).

    Only a shortcut: an entry that cannot be read is compiled again, one that cannot be written
    (a full disk, a directory gone read-only) is not kept."""

    def load_bytecode(self, bucket: Any) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # unreadable or garbled (jinja2 unpickles its header): compile again
            bucket.reset()

    def dump_bytecode(self, bucket: Any) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    directory = cache_dir(f"templates-{jinja2.__version__}")
    return _TemplateCache(str(directory)) if directory is not None else None


def templates_dir() -> Path:
    packaged = Path(__file__).parent / "_templates"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "templates"


@dataclass(frozen=True)
class Options:
    package_name: str
    sdk_name: str
    sdk_version: str = "0.1.0"
    description: str = ""
    env_var: str = ""


# ---------------------------------------------------------------- escaping


def pyrepr(value: Any) -> str:
    return literal(value)


def docstring_filter(text: str, indent: int) -> str:
    return docstring(text, " " * indent)


def toml_str(value: str) -> str:
    return json.dumps(str(value), ensure_ascii=False)


def md_cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def md_text(text: str) -> str:
    return str(text).replace("\r\n", "\n").strip()


# ---------------------------------------------------------------- types


_PRIMS = {"str": "str", "int": "int", "float": "float", "bool": "bool", "bytes": "bytes", "date": "date", "datetime": "datetime",
          "none": "None"}
# How a type is spelled inside a class where a member (field or method) has the type's name:
# there the bare name would mean the member, for the type checker.
SHADOWED_SPELLING = {
    "list": "List", "dict": "Dict", "str": "builtins.str", "int": "builtins.int", "float": "builtins.float",
    "bool": "builtins.bool", "bytes": "builtins.bytes", "date": "_dt.date", "datetime": "_dt.datetime",
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
                base = SHADOWED_SPELLING[named.value_kind] if shadow and named.value_kind in shadow else named.value_kind
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


_TYPING_NAMES = ("TYPE_CHECKING", "Any", "Callable", "ClassVar", "Dict", "FrozenSet", "List", "Literal", "Mapping", "Optional", "Union")
_EXT_NAMES = ("Annotated", "NotRequired", "TypeAlias", "TypeAliasType", "TypedDict")


_STRINGS = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'')
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _names_in(code: str) -> set[str]:
    """Identifiers used as code (not inside strings or docstrings)."""
    return set(_IDENTIFIER.findall(_STRINGS.sub(" ", code)))


RUNTIME_NAMES = (
    "UNSET", "APIError", "BaseModel", "BaseSDK", "ClientBase", "Credential", "OpenEnum", "OpenIntEnum", "Operation",
    "Param", "RetryConfig", "BackoffStrategy", "Hooks", "fill_server", "SDKConfiguration", "SecurityScheme", "Unset",
    "ClientCredentials", "Page", "AsyncPage", "Pagination", "BinaryStream", "AsyncBinaryStream", "EventStream",
    "AsyncEventStream", "Discriminated",
    "env_credential",
)


def _by_type(name: str) -> tuple[int, str]:
    """isort's order of imported names: CONSTANTS, then Classes, then functions."""
    if name.isupper() and len(name) > 1:
        return (0, name)
    return (1 if name[:1].isupper() else 2, name)


def _from(module: str, names: Iterable[str]) -> str:
    return f"from {module} import {', '.join(sorted(names, key=_by_type))}"


def _section(lines: list[str]) -> list[str]:
    """isort's order inside a section: `import x` lines first, then `from x import ...`, each by module."""
    return sorted(lines, key=lambda line: (line.startswith("from "), line.split()[1]))


# A name the generated code may use, and the standard-library import that provides it.
_STDLIB_IMPORTS = (
    ("_dt", "import datetime as _dt"),
    ("builtins", "import builtins"),
    ("Enum", "from enum import Enum"),
    ("logging", "import logging"),
    ("warnings", "import warnings"),
    ("cached_property", "from functools import cached_property"),
)


def module_imports(code: str, runtime_from: str) -> str:
    """The import block for names the code uses from the standard library, its dependencies and the runtime."""
    used = _names_in(code)
    stdlib = []
    std = [n for n in _TYPING_NAMES if n in used]
    if std:
        stdlib.append(_from("typing", std))
    dt = [n for n in ("date", "datetime") if n in used]
    if dt:
        stdlib.append(_from("datetime", dt))
    stdlib += [line for name, line in _STDLIB_IMPORTS if name in used]
    third = [f"import {n}" for n in ("httpx", "pydantic") if n in used]
    ext = [n for n in _EXT_NAMES if n in used]
    if ext:
        third.append(_from("typing_extensions", ext))
    runtime = [n for n in RUNTIME_NAMES if n in used]
    local = [_from(runtime_from, runtime)] if runtime else []
    return "\n\n".join("\n".join(_section(group)) for group in (stdlib, third, local) if group)


DEFAULT_RETRY_CODES = ("429", "500", "502", "503", "504")


def retry_config_expr(policy: ir.RetryPolicy | None) -> str:
    """Python for a RetryConfig equal to a documented retry policy ("" when the document has none)."""
    if policy is None:
        return ""
    if not policy.enabled:
        return 'RetryConfig("none")'
    return (
        f'RetryConfig("backoff", BackoffStrategy({policy.initial_interval}, {policy.max_interval}, '
        f"{policy.exponent!r}, {policy.max_elapsed_time}), {policy.retry_connection_errors})"
    )


# ---------------------------------------------------------------- views


@dataclass
class FieldView:
    name: str
    annotation: str
    default: str | None
    doc: str
    td_annotation: str
    td_required: bool


@dataclass
class ItemView:
    kind: str  # model, enum, alias, error
    name: str
    doc: str = ""
    fields: list[FieldView] = field(default_factory=list)
    typed_dict_name: str = ""
    send_defaults: str = ""
    base: str = ""
    members: list[tuple[str, str]] = field(default_factory=list)
    annotation: str = ""
    td_annotation: str = ""
    data_type: str = ""
    message_path: str = ""
    recursive: bool = False
    str_name: str = "str"
    extra: str = ""  # the type of additional properties, when the document types them


@dataclass
class ModuleView:
    package: str
    module: str
    imports: list[str]
    items: list[ItemView]


def _default_expr(f: ir.Field, types: dict[str, ir.NamedType]) -> str | None:
    if f.default is ir.MISSING:
        return None
    inner = f.type.inner if isinstance(f.type, ir.Nullable) else f.type
    named = types.get(inner.id) if isinstance(inner, ir.Ref) else None
    if isinstance(named, ir.EnumDef) and f.default is not None:
        member = next(m for m in named.members if m.value == f.default)
        return f"{named.name}.{member.name}"
    return literal(f.default)


def _doc(description: str, deprecated: bool = False) -> str:
    parts = [description] if description else []
    if deprecated:
        parts.append("Deprecated: this is kept for compatibility and may be removed by the API.")
    return "\n\n".join(parts)


class Renderer:
    def __init__(self, api: ir.Api, options: Options):
        self.api = api
        self.options = options
        self.types: dict[str, ir.NamedType] = {t.id: t for t in api.types}
        self.names = TypeNames(self.types)
        self.errors = {e.id: e for e in api.errors}
        loader = jinja2.FileSystemLoader(str(templates_dir()))
        self.env = jinja2.Environment(
            loader=loader,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            autoescape=False,
            bytecode_cache=_bytecode_cache(),
        )
        # Where a module's imports go. Random, so that no text of the document can imitate it.
        self.marker = f"# imports-{uuid.uuid4().hex}"
        self._ctx: dict[str, Any] = {}
        self._groups: dict[tuple[str, str], tuple[list[ir.NamedType], list[ir.ErrorDef]]] = {}
        self._type_digests: dict[str, str] = {}
        self.env.filters.update(docstring=docstring_filter, pyrepr=pyrepr, pylit=lambda v: format_literal(v, 0), toml_str=toml_str, md_cell=md_cell, md_text=md_text)

    # ---- locations

    def _module_path(self, package: str, module: str) -> str:
        return f"models.{package}.{module}"

    def _import_from(self, here: str, target: str) -> str:
        """Relative import path from module `here` (dotted, inside the SDK package) to `target`."""
        here_parts = here.split(".")[:-1]
        target_parts = target.split(".")
        common = 0
        while common < min(len(here_parts), len(target_parts)) and here_parts[common] == target_parts[common]:
            common += 1
        dots = "." * (len(here_parts) - common + 1)
        return dots + ".".join(target_parts[common:])

    def _imports(
        self, here: str, refs: Iterable[tuple[str, str]], local: set[str], types: dict[str, ir.NamedType] | None = None
    ) -> list[str]:
        types = self.types if types is None else types
        by_module: dict[str, set[str]] = {}
        for type_id, name in refs:
            if type_id in local:
                continue
            named = types[type_id]
            target = self._module_path(named.package, named.module)
            by_module.setdefault(self._import_from(here, target), set()).add(name)
        return [_from(mod, names) for mod, names in sorted(by_module.items())]

    # ---- model modules

    def _order(self, items: list[ir.NamedType], names: TypeNames) -> list[ir.NamedType]:
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

    def _model_item(self, t: ir.ModelDef, quote: set[str], names: TypeNames) -> ItemView:
        fields = []
        send_defaults = []
        shadow = {f.name for f in t.fields} & set(SHADOWED_SPELLING)
        for f in t.fields:
            annotation = names.ann(f.type, quote=quote, shadow=shadow)
            default = _default_expr(f, names.types)
            optional = not f.required and default is None
            if optional and not isinstance(f.type, ir.Nullable):
                annotation = f"Optional[{annotation}]"
            if optional:
                default = "None"
            if f.default is not ir.MISSING:
                send_defaults.append(f.name)
            if f.wire_name and f.wire_name != f.name:
                annotation = f"Annotated[{annotation}, pydantic.Field(alias={literal(f.wire_name)})]"
            td = names.ann(f.type, typed_dict=True, quote=quote, shadow=shadow)
            fields.append(FieldView(f.name, annotation, default, _doc(f.description, f.deprecated), td, f.required and f.default is ir.MISSING))
        return ItemView(
            "model",
            t.name,
            _doc(t.description, t.deprecated),
            fields,
            t.typed_dict_name,
            ", ".join(literal(n) for n in send_defaults) if t.is_input else "",
            str_name=SHADOWED_SPELLING["str"] if "str" in shadow else "str",
            extra=names.ann(ir.MapT(t.extra_type), quote=quote, shadow=shadow) if t.extra_type not in (None, ir.AnyT()) else "",
        )

    def model_groups(self) -> dict[tuple[str, str], tuple[list[ir.NamedType], list[ir.ErrorDef]]]:
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

    def model_module(self, package: str, module: str) -> ModuleView:
        members, errors = self._groups[(package, module)]
        names = TypeNames(self.module_types(members, errors))  # all this view may read of other types
        here = self._module_path(package, module)
        local = {t.id for t in members}
        defined: set[str] = set()
        items: list[ItemView] = []
        refs: list[tuple[str, str]] = []
        for t in self._order(members, names):
            quote = local - defined  # same-module types not defined yet are forward references
            if isinstance(t, ir.ModelDef):
                items.append(self._model_item(t, quote, names))
                for f in t.fields:
                    refs.extend(names.refs(f.type, typed_dict=t.is_input))
                refs.extend(names.refs(t.extra_type))
            elif isinstance(t, ir.EnumDef):
                members_view = [(m.name, literal(m.value)) for m in t.members]
                if t.open:
                    base = "OpenEnum" if t.value_kind == "str" else "OpenIntEnum"
                else:
                    base = f"{t.value_kind}, Enum"
                items.append(ItemView("enum", t.name, _doc(t.description), base=base, members=members_view))
            else:
                quote = local - defined  # includes itself: a recursive alias names itself as a string
                items.append(ItemView("alias", t.name, _doc(t.description), typed_dict_name=t.typed_dict_name,
                                      annotation=names.ann(t.type, quote=quote),
                                      td_annotation=names.ann(t.type, typed_dict=True, quote=quote) if t.typed_dict_name else "",
                                      recursive=t.id in ir.refs_of(t.type)))
                refs.extend(names.refs(t.type, typed_dict=bool(t.typed_dict_name)))
            defined.add(t.id)
        for e in errors:
            refs.extend(names.refs(e.data_type))
            error_doc = (e.description or "The API answered with this error.") + (
                "\n\nThe parsed error body is in `data`; `status_code`, `headers`, `body` and `raw_response`\n"
                "describe the response."
            )
            items.append(ItemView("error", e.name, error_doc, data_type=names.ann(e.data_type),
                                  message_path=literal(e.message_path)))
        return ModuleView(package, module, self._imports(here, refs, local, names.types), items)

    # ---- operations

    def _operation_view(
        self, op: ir.Operation, here: str, refs: list[tuple[str, str]], error_maps: dict[str, str], shadow: set[str]
    ) -> dict[str, Any]:
        request_ann = ""
        request_optional = False
        request_type = "None"
        if op.request_type is not None:
            refs.extend(self.names.refs(op.request_type, typed_dict=True))
            model_ann = self.names.ann(op.request_type, shadow=shadow)
            td_ann = self.names.ann(op.request_type, typed_dict=True, shadow=shadow)
            request_ann = model_ann if model_ann == td_ann else f"Union[{model_ann}, {td_ann}]"
            request_type = self.names.ann(op.request_type)
            named = self.types.get(op.request_type.id) if isinstance(op.request_type, ir.Ref) else None
            if isinstance(named, ir.ModelDef):
                request_optional = not any(f.required and f.default is ir.MISSING for f in named.fields)
            elif op.body is not None:
                request_optional = not op.body.required
        flat_args = self._flat_args(op, shadow, refs)
        result = self.names.ann(op.result_type, shadow=shadow) if op.result_type is not None else "None"
        type_arg = self.names.ann(op.result_type) if op.result_type is not None else "None"
        refs.extend(self.names.refs(op.result_type))
        by_status: dict[str, list[tuple[str, str]]] = {}
        for r in op.responses:
            tp = self.names.ann(r.type) if r.type is not None else "None"
            by_status.setdefault(r.status, []).append((literal(r.media_type) if r.media_type else "None", tp))
        responses = []
        for status, entries in by_status.items():
            if len(entries) == 1:
                value = f"({entries[0][0]}, {entries[0][1]})"
            else:
                value = "{" + ", ".join(f"{media}: {tp}" for media, tp in entries) + "}"
            responses.append((status, value))
        call, result_async = "_request", result
        pagination = ""
        if op.stream == "binary":
            call, result, result_async = "_stream", "BinaryStream", "AsyncBinaryStream"
        elif op.stream == "events":
            call, result, result_async = "_events", f"EventStream[{result}]", f"AsyncEventStream[{result}]"
        elif op.pagination is not None and op.result_type is not None:
            pagination, item = self._pagination(op)
            refs.extend(self.names.refs(item))
            item_ann = self.names.ann(item, shadow=shadow)
            call, result, result_async = "_page", f"Page[{result}, {item_ann}]", f"AsyncPage[{result}, {item_ann}]"
        error_entries = []
        for e in sorted(op.errors, key=lambda e: e.status):
            err = self.errors[e.error_id]
            error_entries.append(f"{literal(e.status)}: {err.name}")
            refs.append(("!error", err.id))
        errors_const = ""
        if error_entries:
            mapping = "{\n" + "".join(f"    {entry},\n" for entry in error_entries) + "}"
            errors_const = error_maps.setdefault(mapping, "_ERRORS" if not error_maps else f"_ERRORS_{len(error_maps) + 1}")
        params = [(p.name, p.wire_name, p.location, p.style, p.explode) for p in op.parameters]
        codes = (op.retries or self.api.retries or ir.RetryPolicy(DEFAULT_RETRY_CODES)).status_codes
        doc_parts = [op.summary, op.description if op.description != op.summary else ""]
        if op.deprecated:
            doc_parts.append("Deprecated: this operation may be removed by the API.")
        return dict(
            name=op.name,
            deprecated=op.deprecated,
            constant=op.constant,
            method=op.http_method,
            path=op.path,
            request_ann=request_ann,
            request_optional=request_optional,
            flat_args=flat_args,
            request_type=request_type,
            has_request=op.request_type is not None,
            result=result,
            result_async=result_async,
            type_arg=type_arg,
            call=call,
            stream=op.stream == "binary",
            events=literal(op.events) if op.events else "",
            sentinel=literal(op.sentinel) if op.sentinel is not None else "",
            pagination=pagination,
            body_attr=literal(op.body_attr) if op.body_attr else "",
            body_media=literal(op.body.media_type) if op.body is not None else "",
            params=params,
            responses=responses,
            errors_const=errors_const,
            security=literal(op.security) if op.security is not None else "",
            retry_codes=literal(codes) if codes != DEFAULT_RETRY_CODES else "",
            retry_config=retry_config_expr(op.retries),
            server_url=literal(op.server_url) if op.server_url else "",
            doc="\n\n".join(p for p in doc_parts if p),
        )

    _CALL_KEYWORDS = {"self", "request", "retries", "server_url", "timeout_ms", "http_headers"}

    def _flat_args(self, op: ir.Operation, shadow: set[str], refs: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """(name, annotation with default) of each argument of a flattened method; [] when the
        method takes `request=` (also when a field's name is one of the method's own keywords)."""
        named = self.types.get(op.request_type.id) if op.flatten and isinstance(op.request_type, ir.Ref) else None
        if not isinstance(named, ir.ModelDef) or any(f.name in self._CALL_KEYWORDS for f in named.fields):
            return []
        args = []
        for f in named.fields:
            refs.extend(self.names.refs(f.type, typed_dict=True))
            annotation = self.names.ann(f.type, typed_dict=True, shadow=shadow)
            if f.required and f.default is ir.MISSING:
                args.append((f.name, annotation))
            else:
                optional = annotation if isinstance(f.type, ir.Nullable) else f"Optional[{annotation}]"
                args.append((f.name, optional + " = None"))
        return args

    def _pagination(self, op: ir.Operation) -> tuple[str, ir.TypeExpr]:
        """The `Pagination(...)` expression of an operation (wire names turned into attributes),
        and the type of the items its pages hold."""
        p = op.pagination
        assert p is not None and op.result_type is not None
        inputs = []
        for role, where, wire in p.inputs:
            if where == "parameters":
                path: tuple[Any, ...] = (next(q.name for q in op.parameters if q.wire_name == wire),)
            else:
                body_path, _ = self._attr_path(op.body.type if op.body is not None else ir.AnyT(), (wire,))
                path = ((op.body_attr,) if op.body_attr else ()) + body_path
            inputs.append(f"{literal(role)}: {literal(path)}")
        parts = [literal(p.kind), "{" + ", ".join(inputs) + "}"]
        item: ir.TypeExpr = ir.AnyT()
        if p.results is not None:
            results, found = self._attr_path(op.result_type, p.results)
            found = found.inner if isinstance(found, ir.Nullable) else found
            if isinstance(found, ir.ListT):
                item = found.item
            parts.append(f"results={literal(results)}")
        if p.next_cursor is not None:
            parts.append(f"next_cursor={literal(self._attr_path(op.result_type, p.next_cursor)[0])}")
        if p.num_pages is not None:
            parts.append(f"num_pages={literal(self._attr_path(op.result_type, p.num_pages)[0])}")
        return f"Pagination({', '.join(parts)})", item

    def _attr_path(self, t: ir.TypeExpr, steps: tuple[Any, ...]) -> tuple[tuple[Any, ...], ir.TypeExpr]:
        """A path of wire names as Python attribute names (where the type is a model), and the
        type it ends at (Any once the path leaves what the document types)."""
        out: list[Any] = []
        current: ir.TypeExpr = t
        for step in steps:
            while True:
                if isinstance(current, ir.Nullable):
                    current = current.inner
                elif isinstance(current, ir.Ref) and isinstance(self.types.get(current.id), ir.AliasDef):
                    current = self.types[current.id].type  # type: ignore[union-attr]
                else:
                    break
            named = self.types.get(current.id) if isinstance(current, ir.Ref) else None
            if isinstance(step, int):
                out.append(step)
                current = current.item if isinstance(current, ir.ListT) else ir.AnyT()
            elif isinstance(named, ir.ModelDef):
                match = next((f for f in named.fields if f.wire_name == step), None)
                out.append(match.name if match is not None else step)
                current = match.type if match is not None else ir.AnyT()
            else:
                out.append(step)
                current = current.value if isinstance(current, ir.MapT) else ir.AnyT()
        return tuple(out), current

    def _operations_module(self, here: str, ops: Sequence[ir.Operation]) -> tuple[list[dict[str, Any]], list[str], list[tuple[str, str]]]:
        refs: list[tuple[str, str]] = []
        error_maps: dict[str, str] = {}
        shadow = {op.name for op in ops} & set(SHADOWED_SPELLING)
        views = [self._operation_view(op, here, refs, error_maps, shadow) for op in ops]
        type_refs = [(i, n) for i, n in refs if i != "!error"]
        imports = self._imports(here, type_refs, set())
        errors_needed: dict[str, set[str]] = {}
        for marker, err_id in refs:
            if marker == "!error":
                err = self.errors[err_id]
                errors_needed.setdefault(self._import_from(here, f"models.errors.{err.module}"), set()).add(err.name)
        imports += [_from(m, n) for m, n in sorted(errors_needed.items())]
        maps = [(name, mapping) for mapping, name in error_maps.items()]
        return views, sorted(set(imports)), maps

    # ---- files

    def runtime_paths(self) -> dict[str, Path]:
        """Where each runtime module goes in the SDK (copied verbatim: the files are kept in black's
        style in this repository)."""
        return {f"src/{self.options.package_name}/_runtime/{path.name}": path for path in runtime_files()}

    def jobs(self) -> list[Job]:
        """Every output file as a job (path, kind, template or text, arguments), in a stable order.

        Jobs are independent of each other, so they can be run in any order or in parallel.
        """
        opts = self.options
        src = f"src/{opts.package_name}"
        ctx = self._ctx = self._base_context()
        jobs: list[Job] = [
            ("pyproject.toml", "template", "pyproject.toml.j2", {}),
            ("README.md", "template", "README.md.j2", {}),
        ]
        # Resources are named by index: their views are made where the file is rendered.
        for index, res in enumerate(self.api.resources):
            jobs.append((f"docs/sdks/{res.module}/README.md", "template", "resource.md.j2", {"resource": index}))
        if self.api.root_operations:
            jobs.append(("docs/sdks/root/README.md", "template", "resource.md.j2", {"resource": "root"}))
        jobs += [
            (f"{src}/__init__.py", "template", "package/__init__.py.j2", {}),
            (f"{src}/py.typed", "text", "", {}),
            *[(rel, "text", path.read_text(encoding="utf-8"), {}) for rel, path in self.runtime_paths().items()],
            (f"{src}/utils/__init__.py", "template", "package/utils.py.j2", {}),
            (f"{src}/sdk.py", "module", "package/sdk.py.j2", {"runtime_from": "._runtime"}),
        ]
        for index, res in enumerate(self.api.resources):
            jobs.append((f"{src}/{res.module}.py", "module", "package/resource.py.j2",
                         {"runtime_from": "._runtime", "resource": index}))
        self._groups = self.model_groups()
        jobs.append((f"{src}/models/__init__.py", "template", "package/models_init.py.j2", {"packages": ctx["model_packages"]}))
        for package in ctx["model_packages"]:
            exports = []
            for (group_package, module), (members, errors) in self._groups.items():
                if group_package != package:
                    continue
                for t in members:
                    exports.append((t.name, module))
                    if getattr(t, "typed_dict_name", ""):
                        exports.append((t.typed_dict_name, module))  # type: ignore[union-attr]
                exports += [(e.name, module) for e in errors]
            grouped_exports: dict[str, list[str]] = {}
            for export, module in exports:
                grouped_exports.setdefault(module, []).append(export)
            imports = [_from(f".{module}", names) for module, names in sorted(grouped_exports.items())]
            jobs.append((f"{src}/models/{package}/__init__.py", "template", "package/lazy_init.py.j2", {
                "exports": sorted(exports), "type_imports": imports, "model_package": package,
                "runtime_exports": ctx["error_base_exports"] if package == "errors" else [],
                "error_base_alias": ctx["error_base_alias"] if package == "errors" else "",
            }))
        for package, module in self._groups:
            jobs.append((f"{src}/models/{package}/{module}.py", "model", "package/models.py.j2",
                         {"runtime_from": "..._runtime", "key": (package, module)}))
        return jobs

    def needs_whole_api(self, job: Job) -> bool:
        """Whether a job reads the views of every resource and operation (see `_whole_context`)."""
        return job[1] != "text" and job[2] not in WITHOUT_API_VIEWS

    def preload(self) -> None:
        """Compile every template now (before worker processes fork, so they share the result)."""
        for name in self.env.list_templates(extensions=["j2"]):
            self.env.get_template(name)

    def prepare(self, job: Job) -> tuple[str | None, Job]:
        """The digest of everything a job's output depends on (None for jobs that read the whole
        API: those are always rendered), and the job with its view built where that was needed.

        Per-resource files and package indexes see only their view and `LOCAL_CONTEXT`; a model
        module's view is made from its own types and errors and the types they refer to directly
        (`module_types`). So the digest of those (with the generator's own code and the line
        length) determines the output: a regeneration reuses a file whose digest did not change."""
        path, kind, what, arguments = job
        if what not in SELF_CONTAINED:
            return None, job
        local = [(name, self._ctx[name]) for name in LOCAL_CONTEXT]
        if kind == "model" and "key" in arguments:
            members, errors = self._groups[arguments["key"]]
            made_of = [t.id for t in members] + [self._type_digest(t) for t in self.module_types(members, errors).values()]
            text = repr((engine_digest(), pystyle.LINE_LENGTH, path, what, sorted(arguments.items()), local, made_of, errors))
        else:
            arguments = self._resolve(arguments)
            job = (path, kind, what, arguments)
            text = repr((engine_digest(), pystyle.LINE_LENGTH, path, what, sorted(arguments.items()), local))
        return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest(), job

    def _type_digest(self, named: ir.NamedType) -> str:
        found = self._type_digests.get(named.id)
        if found is None:
            found = self._type_digests[named.id] = hashlib.blake2b(repr(named).encode("utf-8"), digest_size=16).hexdigest()
        return found

    def run(self, job: Job) -> str:
        path, kind, what, arguments = job
        if kind == "text":
            return what
        if kind == "model" or what in SELF_CONTAINED:
            context = {name: self._ctx[name] for name in LOCAL_CONTEXT}
            arguments = self._resolve(arguments)
        else:
            context = self._whole_context()
        if kind == "model":
            arguments = dict(arguments)
            arguments["module"] = self.model_module(*arguments.pop("key"))
            kind = "module"
        if kind == "module":
            arguments = dict(arguments)
            runtime_from = arguments.pop("runtime_from")
            return self._module(what, runtime_from, **arguments, **context)
        return self._t(what, **arguments, **context)

    def render(self) -> dict[str, str]:
        return {job[0]: self.run(job) for job in self.jobs()}

    def _t(self, name: str, **ctx: Any) -> str:
        return self.env.get_template(name).render(**ctx)

    def _module(self, name: str, runtime_from: str, **ctx: Any) -> str:
        """A Python module: the template's text, with the imports its code uses put at the marker."""
        body = self._t(name, imports_marker=self.marker, **ctx)
        head, marker, rest = body.partition(self.marker + "\n")
        if not marker:
            return body
        return head + module_imports(rest, runtime_from) + "\n" + rest

    def _base_context(self) -> dict[str, Any]:
        """What every template may read that is quick to make (no operation views)."""
        api, opts = self.api, self.options
        schemes = [dict(name=s.name, param=s.param_name, kind=s.kind, location=s.location, wire=s.param,
                        description=s.description, example=s.example or s.name.upper(), token_url=s.token_url)
                   for s in api.security_schemes]
        model_packages = sorted({t.package for t in api.types} | ({"errors"} if api.errors else set()) | {"errors"})
        taken = {e.name for e in api.errors} | {t.name for t in api.types if t.package == "errors"}
        base_alias = f"{opts.sdk_name}Error"
        error_base_exports = ["NoResponseError", "ResponseValidationError", "SDKBaseError", "SDKError"]
        return dict(
            api=api,
            package=opts.package_name,
            sdk_name=opts.sdk_name,
            sdk_version=opts.sdk_version,
            description=opts.description or api.description or api.title,
            generator_version=__version__,
            env_var=opts.env_var,
            client_var=(opts.sdk_name[:1].lower() or "s") + "_client",
            servers=[dict(url=s.url, description=s.description, variables=dict(s.variables)) for s in api.servers],
            has_server_variables=any(s.variables for s in api.servers),
            default_retry=retry_config_expr(api.retries),
            schemes=schemes,
            default_security=literal(api.default_security),
            model_packages=model_packages,
            error_base_alias=base_alias if base_alias not in taken else "",
            error_base_exports=error_base_exports,
            errors=[dict(name=e.name, description=e.description) for e in api.errors],
            error_statuses=self._error_statuses(),
            package_doc=f"{opts.description or api.description or api.title}\n\nGenerated by sdkforge {__version__}: do not edit by hand.",
            client_doc=f"{opts.description or api.description or api.title}\n\n"
            f"Use it as a context manager (`with {opts.sdk_name}(...) as client:` or\n"
            f"`async with {opts.sdk_name}(...) as client:`) to close the connections it opened.",
            init_doc=self._init_doc(),
        )

    def _whole_context(self) -> dict[str, Any]:
        """The full context: the base one plus the views of every resource and operation.

        Made on first use, by the process that renders a file needing it (the README, the client,
        the resources); model modules never do, so a worker busy with those does not make it."""
        if "resources" in self._ctx:
            return self._ctx
        api, opts = self.api, self.options
        resources = []
        for res in api.resources:
            here = res.module
            ops, imports, maps = self._operations_module(here, res.operations)
            attr_path = ".".join(res.path or (res.name,))
            children = [dict(name=c.name, class_name=c.class_name, module=c.module, doc=c.description or f"Operations on {c.tag}.")
                        for c in api.resources if c.path[:-1] == (res.path or (res.name,)) and c.path]
            resources.append(dict(name=res.name, class_name=res.class_name, module=res.module, doc=res.description or f"Operations on {res.tag}.",
                                  title=res.tag, operations=ops, imports=imports, error_maps=maps, children=children,
                                  top=len(res.path) <= 1, path=attr_path,
                                  docs=[self._op_docs(o, attr_path) for o in res.operations]))
        root_ops, root_imports, root_maps = self._operations_module("sdk", api.root_operations)
        self._ctx.update(
            resources=resources,
            top_resources=[r for r in resources if r["top"]],
            usage=self._usage(resources, api),
            paged_op=self._first_doc(resources, api, lambda op: op.pagination is not None and op.result_type is not None),
            download_op=self._first_doc(resources, api, lambda op: op.stream == "binary"),
            events_op=self._first_doc(resources, api, lambda op: op.stream == "events"),
            root_ops=root_ops,
            root_imports=root_imports,
            root_error_maps=root_maps,
            root_resource=dict(name="", class_name=opts.sdk_name, module="root", doc=api.description, title=opts.sdk_name,
                               operations=root_ops, docs=[self._op_docs(o, "") for o in api.root_operations]),
        )
        return self._ctx

    def _resolve(self, arguments: dict[str, Any]) -> dict[str, Any]:
        """A job's arguments with the resource it names (an index, or "root") replaced by its view."""
        which = arguments.get("resource")
        if which is None or isinstance(which, dict):
            return arguments
        ctx = self._whole_context()
        return {**arguments, "resource": ctx["root_resource"] if which == "root" else ctx["resources"][which]}

    def _op_doc_pairs(self, resources: list[dict[str, Any]], api: ir.Api) -> list[tuple[ir.Operation, dict[str, Any]]]:
        pairs = [(op, doc) for res, r in zip(resources, api.resources) for op, doc in zip(r.operations, res["docs"])]
        return pairs + [(op, self._op_docs(op, "")) for op in api.root_operations]

    def _usage(self, resources: list[dict[str, Any]], api: ir.Api) -> dict[str, Any] | None:
        """The operation the README's quick start calls: the one marked `x-speakeasy-usage-example`,
        else the first one."""
        pairs = self._op_doc_pairs(resources, api)
        marked = [doc for op, doc in pairs if op.usage_example]
        return (marked or [doc for _, doc in pairs] or [None])[0]

    def _first_doc(self, resources: list[dict[str, Any]], api: ir.Api, wanted: Callable[[ir.Operation], bool]) -> dict[str, Any] | None:
        """The docs of the first operation of a kind, for the README's section on that kind."""
        return next((doc for op, doc in self._op_doc_pairs(resources, api) if wanted(op)), None)

    def _init_doc(self) -> str:
        lines = ["Create a client.", ""]
        for index, s in enumerate(self.api.security_schemes):
            what = s.description or f"The {s.name} credential"
            lines.append(f":param {s.param_name}: {' '.join(what.split())}: a string, or a callable returning one")
            lines.append("    (called for every request).")
            if index == 0 and self.options.env_var:
                lines.append(f"    Defaults to the `{self.options.env_var}` environment variable.")
        lines += [
            ":param server_url: Base URL to send requests to, instead of the documented server.",
            ":param server_idx: Which of `SERVERS` to use when `server_url` is not given.",
        ]
        if any(s.variables for s in self.api.servers):
            lines.append(":param server_variables: Values for the `{variables}` of that server's URL.")
        lines += [
            ":param timeout_ms: Timeout of each request, in milliseconds.",
            ":param retry_config: How to retry failed requests "
            + ("(default: `DEFAULT_RETRY_CONFIG`)." if self.api.retries else "(no retries when not given)."),
            ":param client: An `httpx.Client` to send requests with; the SDK will not close it.",
            ":param async_client: An `httpx.AsyncClient` for the `*_async` methods; not closed either.",
            ":param debug_logger: A logger that receives one debug line per request (secrets redacted).",
        ]
        return "\n".join(lines)

    def _error_statuses(self) -> list[tuple[str, str]]:
        seen: dict[str, list[str]] = {}
        for op in [o for r in self.api.resources for o in r.operations] + list(self.api.root_operations):
            for e in op.errors:
                name = self.errors[e.error_id].name
                if e.status not in seen.setdefault(name, []):
                    seen[name].append(e.status)
        return [(name, ", ".join(statuses)) for name, statuses in seen.items()]

    # ---- docs

    def _op_docs(self, op: ir.Operation, resource: str) -> dict[str, Any]:
        request_doc = ""
        if op.request_type is not None:
            request_doc = self._doc_type(op.request_type)
        errors = []
        for e in sorted(op.errors, key=lambda e: e.status):
            errors.append((self.errors[e.error_id].name, e.status, e.media_type))
        call = f"{resource}.{op.name}" if resource else op.name
        example = self._example_args(op)
        return dict(
            name=op.name,
            call=call,
            summary=op.summary,
            description=op.description or op.summary,
            request_doc=request_doc,
            request_required=op.request_type is not None,
            result_doc=self._doc_type(op.result_type) if op.result_type is not None else "None",
            errors=errors,
            example=example,
            deprecated=op.deprecated,
        )

    def _example_args(self, op: ir.Operation) -> str:
        """The arguments of the example call in the docs: `request=...`, or keyword arguments."""
        if op.request_type is None:
            return ""
        value = request_example(op, self.types)
        if op.flatten and isinstance(value, dict) and self._flat_args(op, set(), []):
            if not value:
                return ""
            return "\n" + "".join(f"        {k}={format_literal(v, 8)},\n" for k, v in value.items()) + "    "
        literal_text = example_literal(op, self.types)
        return f"request={literal_text}" if literal_text is not None else ""

    def _doc_type(self, t: ir.TypeExpr) -> str:
        if isinstance(t, ir.Ref):
            named = self.types[t.id]
            return f"{named.package}.{named.name}"
        return self.names.ann(t)
