"""`$ref` resolution: local pointers and references into other files relative to the document."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin

from . import pointers
from .diagnostics import GenerationError
from .load import Document, is_url, load_document


class RefError(Exception):
    """A `$ref` that cannot be followed; `pointer` is where the `$ref` is."""

    def __init__(self, message: str, pointer: str):
        super().__init__(message)
        self.message = message
        self.pointer = pointer


class Resolver:
    def __init__(self, root: Document):
        self.root = root
        self.docs: dict[Any, Document] = {root.url or root.path.resolve(): root}
        # Targets of `#/...` references within the root document (documents repeat a few thousand
        # of them tens of thousands of times).
        self._local: dict[str, tuple[Any, str, Document]] = {}
        # The other documents by the name their pointers carry (`pets.yaml#/Pet`).
        self._by_name: dict[str, Document] = {}

    def _document(self, reference: str, base: Document, at: str) -> Document:
        target: Path | str
        if base.url or is_url(reference):
            target = urljoin(base.url, reference)  # relative to where the document was downloaded
        else:
            target = (base.path.parent / unquote(reference)).resolve()
        try:
            return load_document(target, self.docs)
        except GenerationError as exc:
            raise RefError(f"$ref {reference!r} cannot be loaded: {exc.diagnostics[0].message}", at) from None

    def lookup(self, ref: str, at: str, base: Document | None = None) -> tuple[Any, str, Document]:
        """The value a `$ref` string points to, its canonical id, and its document."""
        base = base or self.root
        if base is self.root:
            found = self._local.get(ref)
            if found is not None:
                return found
        file_part, _, fragment = ref.partition("#")
        doc = self._document(file_part, base, at) if file_part else base
        node: Any = doc.data
        if fragment and not fragment.startswith("/"):
            raise RefError(f"$ref {ref!r} has an unsupported fragment (only JSON pointers are)", at)
        for raw in fragment.split("/")[1:] if fragment else []:
            token = pointers.unescape(unquote(raw))
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                raise RefError(f"$ref {ref!r} points to nothing", at)
        canonical = fragment if doc is self.root else f"{doc.path.name}#{fragment}"
        if doc is not self.root:
            self._by_name.setdefault(doc.path.name, doc)
        if base is self.root and not file_part:
            self._local[ref] = (node, canonical, doc)
        return node, canonical, doc

    def deref(self, node: Any, at: str, base: Document | None = None) -> tuple[Any, str, Document]:
        """Follow `$ref` chains until a value that is not a reference; detects cycles. A reference
        inside another file (`at` is `name#/...`) is resolved against that file."""
        seen = set()
        pointer = at
        if base is None and "#" in at:
            base = self._by_name.get(at.partition("#")[0])
        doc = base or self.root
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if (id(doc), ref) in seen:
                raise RefError(f"$ref cycle with no structure through {ref!r}", at)
            seen.add((id(doc), ref))
            node, pointer, doc = self.lookup(ref, pointer, doc)
        return node, pointer, doc
