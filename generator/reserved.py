"""The names generated code takes for itself: what its modules import and define besides the
document's types. One table, read by the renderer (to write the imports) and by naming (so that no
schema, resource or error takes one of these names)."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

RUNTIME_INIT = Path(__file__).resolve().parent / "runtime" / "_runtime" / "__init__.py"

# Imported from `typing` and `typing_extensions` where used.
TYPING_NAMES = (
    "TYPE_CHECKING",
    "Any",
    "Callable",
    "ClassVar",
    "Dict",
    "FrozenSet",
    "List",
    "Literal",
    "Mapping",
    "Optional",
    "Tuple",
    "Union",
    "overload",
)
TYPING_EXTENSIONS_NAMES = ("Annotated", "NotRequired", "TypeAlias", "TypeAliasType", "TypedDict")
# Other imported names, with the statement that imports each.
STDLIB_IMPORTS = (
    ("_dt", "import datetime as _dt"),
    ("builtins", "import builtins"),
    ("Enum", "from enum import Enum"),
    ("logging", "import logging"),
    ("warnings", "import warnings"),
)
DATETIME_NAMES = ("date", "datetime")
FUNCTOOLS_NAMES = ("cache", "cached_property")
THIRD_PARTY_MODULES = ("httpx", "pydantic")
# Module-level names the client module defines.
CLIENT_MODULE_NAMES = ("SERVERS", "SERVER_VARIABLES", "DEFAULT_RETRY_CONFIG", "USER_AGENT")
# Public names of the testing module besides `Mock<Client>` and `mock_client` (it imports the
# document's types its fakes answer with, so none may take one of these).
TESTING_MODULE_NAMES = ("Call", "Fake")


@functools.cache
def runtime_names() -> tuple[str, ...]:
    """Every name the runtime package exports (its `__all__`): generated code imports them from it."""
    tree = ast.parse(RUNTIME_INIT.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return tuple(ast.literal_eval(node.value))
    raise RuntimeError("the runtime package has no __all__")


@functools.cache
def client_attributes() -> frozenset[str]:
    """The public attributes every generated client has from the runtime's `ClientBase` (`hooks`,
    `close`, `with_options`, ...): no resource or method of the client may take their names."""
    tree = ast.parse((RUNTIME_INIT.parent / "client.py").read_text(encoding="utf-8"))
    names = {
        member.name
        for node in tree.body
        if isinstance(node, ast.ClassDef) and node.name in ("BaseSDK", "ClientBase")
        for member in node.body
        if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)) and not member.name.startswith("_")
    }
    if "close" not in names:
        raise RuntimeError("the runtime's ClientBase was not found")
    return frozenset(names)


@functools.cache
def module_level_names() -> frozenset[str]:
    """Every name a generated module may import or define besides the document's own."""
    return frozenset(
        {
            *TYPING_NAMES,
            *TYPING_EXTENSIONS_NAMES,
            *(name for name, _ in STDLIB_IMPORTS),
            *DATETIME_NAMES,
            *FUNCTOOLS_NAMES,
            *THIRD_PARTY_MODULES,
            *CLIENT_MODULE_NAMES,
            *TESTING_MODULE_NAMES,
            *runtime_names(),
        }
    )
