"""Resources for operations that have no tag and no `x-speakeasy-group`: grouped by their path.

`/v1/customers/{customer}/sources/{id}/verify` (POST) becomes `client.customers.sources.verify()`:
the literal segments of the path, after a version prefix, are the resources; the method is named
for what it does there (`list`, `create`, `retrieve`, `update`, `delete`), or for the action its
last segment names. Deterministic: the same paths always give the same places and names.
"""

from __future__ import annotations

import re

from ..text import snake

_VERSION = re.compile(r"^(v\d+[a-z0-9._-]*|api|rest|\d+(\.\d+)*)$", re.IGNORECASE)
# The method a verb gets on a collection (`/customers`) and on one item (`/customers/{id}`).
_COLLECTION = {"get": "list", "post": "create", "put": "replace", "patch": "update", "delete": "delete_all"}
_ITEM = {"get": "retrieve", "post": "update", "put": "replace", "patch": "update", "delete": "delete"}
# First words that make a segment an action whatever its last word (`verify_microdeposits`).
_ACTION_VERBS = frozenset(
    "accept activate add apply approve archive attach cancel capture check confirm copy count create decline"
    " delete detach disable download enable execute expire export fail finalize find fund generate import"
    " increment invite lock mark merge move pay preview process publish redact refresh refund reject release"
    " remove rename reset restore resume retry reverse revoke rotate run search send set ship start stop submit"
    " succeed sync test trigger unlock update upload validate verify void".split()
)
_VERBS = {"get": "retrieve", "post": "create", "put": "replace", "patch": "update", "delete": "delete"}


def segments(path: str) -> list[tuple[str, bool]]:
    """A path's segments as (text, is a parameter), without a leading version prefix."""
    parts = [p for p in path.split("?")[0].split("#")[0].split("/") if p]
    out = [(p, p.startswith("{") and p.endswith("}")) for p in parts]
    while out and not out[0][1] and _VERSION.match(out[0][0]) and len(out) > 1:
        out = out[1:]
    return out


class PathGroups:
    """Knows every path of the document, to tell a sub-collection (`/customers/{id}/sources`,
    which has items) from an action (`/customers/{id}/sources/{id}/verify`, which has none)."""

    def __init__(self, paths: dict[str, set[str]]):
        self.methods = {self._key(path): methods for path, methods in paths.items()}
        self.prefixes = set()
        for key in self.methods:
            for depth in range(1, len(key)):
                self.prefixes.add(key[:depth])

    @staticmethod
    def _key(path: str) -> tuple[str, ...]:
        return tuple("{}" if is_param else text for text, is_param in segments(path))

    def place(self, path: str, method: str) -> tuple[tuple[str, ...], str] | None:
        """(resource path, method name) of an untagged operation; None when its path names no
        resource (`/`, `/{id}`): it stays on the client, under its own name."""
        parts = segments(path)
        literals = [snake(text) or "root" for text, is_param in parts if not is_param]
        if not literals:
            return None
        key = self._key(path)
        if len(key) == 1 and len(self.methods.get(key, ())) == 1 and key not in self.prefixes and not _plural(key[0]):
            return None  # `/ping`, `/account`: alone, a method of the client under its own name
        ends_with_item = parts[-1][1]
        if not ends_with_item and self._is_action(key) and len(literals) > 1:
            action = literals[-1]
            resource = tuple(literals[:-1])
            verbs = self.methods.get(key, set())
            name = action if len(verbs) <= 1 else f"{_VERBS.get(method, method)}_{action}"
            return resource, name
        # A collection has items under it (`/customers/{id}`); a literal path without is one thing
        # (`/account`), read and written as an item is.
        has_items = key + ("{}",) in self.methods or key + ("{}",) in self.prefixes
        readable = "get" in self.methods.get(key, set())
        table = _COLLECTION if not ends_with_item and (has_items or not readable or _plural(key[-1])) else _ITEM
        return tuple(literals), table.get(method, method)

    def _is_action(self, key: tuple[str, ...]) -> bool:
        """A last literal segment is an action on what comes before it when nothing lies under it
        and it is no plural noun, or it starts with a verb (`/x/{id}/verify`, `/customers/search`,
        `/intents/{id}/verify_microdeposits`; not `/accounts/{id}/login_links`, a collection)."""
        if len(key) < 2 or key in self.prefixes:
            return False
        return not _plural(key[-1]) or snake(key[-1]).split("_")[0] in _ACTION_VERBS


def _plural(word: str) -> bool:
    """A segment that names many things (`login_links`, `lines`): a collection, not an action."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))
