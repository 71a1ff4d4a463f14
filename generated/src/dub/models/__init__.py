"""The models of the Dub SDK: components, errors, operations."""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import components, errors, operations

__all__ = [
    "components",
    "errors",
    "operations",
]


def __getattr__(name: str) -> object:
    if name in __all__:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
