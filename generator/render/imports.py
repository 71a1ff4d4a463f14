"""Import blocks of generated modules, in isort's order."""

from __future__ import annotations

from collections.abc import Iterable

from .. import ir
from ..reserved import (
    DATETIME_NAMES,
    FUNCTOOLS_NAMES,
    STDLIB_IMPORTS,
    THIRD_PARTY_MODULES,
    TYPING_EXTENSIONS_NAMES,
    TYPING_NAMES,
    runtime_names,
)


def _by_type(name: str) -> tuple[int, str]:
    """isort's order of imported names: CONSTANTS, then Classes, then functions."""
    if name.isupper() and len(name) > 1:
        return (0, name)
    return (1 if name[:1].isupper() else 2, name)


def from_import(module: str, names: Iterable[str]) -> str:
    return f"from {module} import {', '.join(sorted(names, key=_by_type))}"


def _section(lines: list[str]) -> list[str]:
    """isort's order inside a section: `import x` lines first, then `from x import ...`, each by module."""
    return sorted(lines, key=lambda line: (line.startswith("from "), line.split()[1]))


def module_imports(uses: Iterable[str], runtime_from: str) -> str:
    """The import block for the names a module uses from the standard library, its dependencies and
    the runtime (named types and error classes are imported separately)."""
    used = set(uses)
    stdlib = []
    std = [n for n in TYPING_NAMES if n in used]
    if std:
        stdlib.append(from_import("typing", std))
    dt = [n for n in DATETIME_NAMES if n in used]
    if dt:
        stdlib.append(from_import("datetime", dt))
    tools = [n for n in FUNCTOOLS_NAMES if n in used]
    if tools:
        stdlib.append(from_import("functools", tools))
    stdlib += [line for name, line in STDLIB_IMPORTS if name in used]
    third = [f"import {n}" for n in THIRD_PARTY_MODULES if n in used]
    ext = [n for n in TYPING_EXTENSIONS_NAMES if n in used]
    if ext:
        third.append(from_import("typing_extensions", ext))
    runtime = [n for n in runtime_names() if n in used]
    local = [from_import(runtime_from, runtime)] if runtime else []
    return "\n\n".join("\n".join(_section(group)) for group in (stdlib, third, local) if group)


def relative_module(here: str, target: str) -> str:
    """Relative import path from module `here` (dotted, inside the SDK package) to `target`."""
    here_parts = here.split(".")[:-1]
    target_parts = target.split(".")
    common = 0
    while common < min(len(here_parts), len(target_parts)) and here_parts[common] == target_parts[common]:
        common += 1
    dots = "." * (len(here_parts) - common + 1)
    return dots + ".".join(target_parts[common:])


def type_imports(
    here: str, refs: Iterable[tuple[str, str]], local: set[str], types: dict[str, ir.NamedType]
) -> list[str]:
    """`from ... import ...` lines for the named types `refs` names ((type id, name) pairs) that are
    not defined in module `here` itself (`local`)."""
    by_module: dict[str, set[str]] = {}
    for type_id, name in refs:
        if type_id in local:
            continue
        named = types[type_id]
        by_module.setdefault(relative_module(here, model_module_path(named.package, named.module)), set()).add(name)
    return [from_import(mod, names) for mod, names in sorted(by_module.items())]


def model_module_path(package: str, module: str) -> str:
    """The dotted path of a model module inside the SDK package."""
    return f"models.{package}.{module}"
