"""Overlays: documents of actions that change an OpenAPI document before it is read
(OpenAPI Overlay Specification 1.0), for documents a user cannot fix at their source.

Each action's `target` is an RFC 9535 JSONPath, evaluated by python-jsonpath in its strict mode
against the document as the earlier actions left it. `update` merges an object into every
object it selects (recursively: keys it names are replaced or merged, others kept) and appends
itself to every array it selects; `remove: true` deletes what it selects. An action that selects
nothing is a warning naming the overlay file and the action; a malformed overlay is an error
naming the place in the overlay file.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .diagnostics import ERROR, WARNING, Diagnostic, Diagnostics, GenerationError
from .load import Document, load_document

_VERSION = re.compile(r"^1\.0\.\d+$")
_JSON_TYPES = {str: "string", int: "number", float: "number", bool: "boolean"}


def apply_overlays(data: Any, overlays: Sequence[Path | str], diags: Diagnostics) -> Any:
    """The document's data with every overlay applied, in order (the data itself is changed)."""
    for location in overlays:
        overlay = load_document(location)
        for index, action in enumerate(_actions(overlay)):
            data = _apply(data, overlay, index, action, diags)
    return data


def _error(overlay: Document, message: str, pointer: str) -> GenerationError:
    position = overlay.locate(pointer)
    line, column = position if position else (None, None)
    return GenerationError([Diagnostic(ERROR, f"overlay: {message}", pointer, str(overlay.path), line, column)])


def _actions(overlay: Document) -> list[dict[str, Any]]:
    """The overlay's actions, checked against the Overlay Specification's structure."""
    data = overlay.data
    if not isinstance(data, dict) or "overlay" not in data:
        raise _error(overlay, "not an overlay document (it has no `overlay: 1.0.0` field)", "")
    if not _VERSION.match(str(data["overlay"])):
        raise _error(overlay, f"unsupported overlay version {data['overlay']!r} (sdkforge reads 1.0.x)", "/overlay")
    actions = data.get("actions")
    if not isinstance(actions, list) or not actions:
        raise _error(overlay, "`actions` must be a non-empty list", "/actions")
    for index, action in enumerate(actions):
        at = f"/actions/{index}"
        if not isinstance(action, dict):
            raise _error(overlay, "an action must be a mapping with `target` and `update` or `remove`", at)
        target = action.get("target")
        if not isinstance(target, str) or not target.startswith("$"):
            raise _error(overlay, "an action's `target` must be a JSONPath starting with `$`", f"{at}/target")
        remove = action.get("remove", False)
        if not isinstance(remove, bool):
            raise _error(overlay, "`remove` must be true or false", f"{at}/remove")
        if not remove and "update" not in action:
            raise _error(overlay, "an action needs `update` or `remove: true`", at)
    return actions


def _select(overlay: Document, index: int, target: str, data: Any) -> list[tuple[Any, ...]]:
    """The locations (keys and indices from the root) of every node `target` selects."""
    try:
        import jsonpath  # only documents with overlays need it
    except ImportError:
        message = "overlays need python-jsonpath: pip install 'sdkforge[overlays]'"
        raise GenerationError([Diagnostic(ERROR, message, "", str(overlay.path))]) from None
    try:
        path = jsonpath.JSONPathEnvironment(strict=True).compile(target)
    except jsonpath.JSONPathError as exc:
        reason = str(exc).splitlines()[0]
        raise _error(overlay, f"invalid JSONPath {target!r}: {reason}", f"/actions/{index}/target") from None
    return [tuple(match.parts) for match in path.finditer(data)]


def _apply(data: Any, overlay: Document, index: int, action: dict[str, Any], diags: Diagnostics) -> Any:
    target: str = action["target"]
    found = _select(overlay, index, target, data)
    if not found:
        position = overlay.locate(f"/actions/{index}")
        line, column = position if position else (None, None)
        message = f"overlay action {index + 1} (target {target}) matches nothing in the document"
        diags.items.append(Diagnostic(WARNING, message, f"/actions/{index}", str(overlay.path), line, column))
        return data
    if action.get("remove", False):
        if () in found:
            raise _error(overlay, "the whole document (`$`) cannot be removed", f"/actions/{index}/target")
        # Deepest first, and the last items of an array before the first, so that indices hold.
        for parts in sorted(found, key=lambda p: (len(p), p[-1] if isinstance(p[-1], int) else -1), reverse=True):
            container = _node(data, parts[:-1])
            if isinstance(container, dict):
                container.pop(parts[-1], None)
            elif isinstance(container, list) and isinstance(parts[-1], int) and parts[-1] < len(container):
                del container[parts[-1]]
        return data
    update = action["update"]
    for parts in found:
        node = _node(data, parts)
        if isinstance(node, list):
            node.append(copy.deepcopy(update))
        elif isinstance(node, dict) and isinstance(update, dict):
            _merge(node, update)
        else:
            what = "an object" if isinstance(node, dict) else f"a {_JSON_TYPES.get(type(node), 'null')} value"
            raise _error(
                overlay,
                f"action {index + 1} updates {what} at {_jsonpath(parts)} with "
                f"{'an object' if isinstance(update, dict) else 'a value'}: an update merges an object into "
                "an object or appends to an array (target the value's parent to replace it)",
                f"/actions/{index}/update",
            )
    return data


def _node(data: Any, parts: Sequence[Any]) -> Any:
    for part in parts:
        data = data[part]
    return data


def _merge(node: dict[str, Any], update: dict[str, Any]) -> None:
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(node.get(key), dict):
            _merge(node[key], value)
        else:
            node[key] = copy.deepcopy(value)


def _jsonpath(parts: Sequence[Any]) -> str:
    return "$" + "".join(f"[{part}]" if isinstance(part, int) else f"[{part!r}]" for part in parts)
