"""Stage 1, load: read an OpenAPI document (YAML or JSON) into plain Python data."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import pointers
from .diagnostics import ERROR, Diagnostic, GenerationError

if TYPE_CHECKING:
    import yaml


def _yaml() -> Any:
    """PyYAML and its fastest safe loader (imported on first use: JSON documents never need it)."""
    import yaml

    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Document:
    path: Path  # for a downloaded document, its file name
    text: str
    data: Any
    url: str = ""  # where it was downloaded from ("" for a file)
    _nodes: yaml.Node | None = field(default=None, repr=False)
    _json: _JsonIndex | None = field(default=None, repr=False)

    def locate(self, pointer: str) -> tuple[int, int] | None:
        """(line, column), 1-based, of the value at a JSON pointer; computed only when asked for."""
        tokens = pointers.tokens(pointer)
        if self.text.lstrip().startswith(("{", "[")):
            if self._json is None:
                self._json = _JsonIndex(self.text)
            index = self._json.locate(tokens)
            if index is not None:
                line = self.text.count("\n", 0, index) + 1
                return line, index - (self.text.rfind("\n", 0, index) + 1) + 1
        yaml, loader = _yaml()
        if self._nodes is None:
            try:
                self._nodes = yaml.compose(self.text, Loader=loader)
            except yaml.YAMLError:
                return None
        node = self._nodes
        position = node.start_mark if node is not None else None
        for token in tokens:
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if key.value == token:
                        node, position = value, key.start_mark
                        break
                else:
                    break
            elif isinstance(node, yaml.SequenceNode) and token.isdigit() and int(token) < len(node.value):
                node = node.value[int(token)]
                position = node.start_mark
            else:
                break
        return (position.line + 1, position.column + 1) if position is not None else None


_DECODER = json.JSONDecoder()
# The decoder's own scanners (not in the typing stubs): a string at an index, any value at an index.
_SCANSTRING: Callable[[str, int], tuple[str, int]] = vars(json.decoder)["scanstring"]
_SCAN_ONCE: Callable[[str, int], tuple[Any, int]] = vars(_DECODER)["scan_once"]
_WHITESPACE = re.compile(r"[ \t\n\r]*")


class _JsonIndex:
    """Offsets of members in a JSON text, found on demand and remembered per container, so that
    locating many pointers costs about one pass over the text instead of one pass each."""

    def __init__(self, text: str):
        self.text = text
        # container offset -> (member -> (key offset, value offset), resume offset or -1 when complete)
        self.objects: dict[int, tuple[dict[str, tuple[int, int]], int]] = {}

    def _skip(self, index: int) -> int:
        return _WHITESPACE.match(self.text, index).end()  # type: ignore[union-attr]

    def member(self, container: int, token: str) -> tuple[int, int] | None:
        text = self.text
        if container not in self.objects:
            self.objects[container] = ({}, self._skip(container + 1))
        members, index = self.objects[container]
        if token in members or index < 0:
            return members.get(token)
        while text[index] != "}":
            key_start = index
            key, index = _SCANSTRING(text, index + 1)
            index = self._skip(self._skip(index) + 1)
            members[key] = (key_start, index)
            _, end = _SCAN_ONCE(text, index)
            end = self._skip(end)
            if text[end] == ",":
                end = self._skip(end + 1)
            self.objects[container] = (members, end)
            if key == token:
                return members[key]
            index = end
        self.objects[container] = (members, -1)
        return None

    def locate(self, tokens: list[str]) -> int | None:
        index = self._skip(0)
        found = index
        try:
            for token in tokens:
                if self.text[index] == "{":
                    member = self.member(index, token)
                    if member is None:
                        return found
                    found, index = member
                elif self.text[index] == "[" and token.isdigit():
                    index = self._skip(index + 1)
                    for _ in range(int(token)):
                        _, index = _SCAN_ONCE(self.text, index)
                        index = self._skip(self._skip(index) + 1)
                    found = index
                else:
                    return found
            return found
        except (IndexError, ValueError, StopIteration):
            return None


def _fail(path: Path | str, message: str, line: int | None = None, column: int | None = None) -> GenerationError:
    return GenerationError([Diagnostic(ERROR, message, "", str(path), line, column)])


def parse_text(path: Path, text: str, label: str = "") -> Any:
    """The data of a document's text (JSON or YAML); errors name `label` (else the path)."""
    path_label: Any = label or path
    if "\x00" in text:
        raise _fail(path_label, "the file is binary, not an OpenAPI document")
    if not text.strip():
        raise _fail(path_label, "the file is empty")
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")) and path.suffix.lower() != ".yaml":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            if path.suffix.lower() == ".json":
                raise _fail(path_label, f"invalid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    yaml, loader = _yaml()
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        raise _fail(path_label, f"invalid YAML: {problem}", line, column) from None


DOWNLOAD_TIMEOUT_SECONDS = 30


def is_url(location: str | Path) -> bool:
    return isinstance(location, str) and location.lower().startswith(("http://", "https://"))


def download(url: str) -> str:
    """The text of a document served at `url`; GenerationError (naming the URL) when it cannot be had."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"Accept": "application/json, application/yaml, */*"})
    try:
        with urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT_SECONDS) as response:
            raw: bytes = response.read()
    except urllib.error.HTTPError as exc:
        message = f"cannot download the document: HTTP {exc.code} {exc.reason}"
        raise GenerationError([Diagnostic(ERROR, message, "", url)]) from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise GenerationError([Diagnostic(ERROR, f"cannot download the document: {reason}", "", url)]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GenerationError([Diagnostic(ERROR, "the document is not UTF-8 text (binary data?)", "", url)]) from None


GIT_PREFIX = "git:"


def is_git_ref(location: str | Path) -> bool:
    """`git:REV:PATH`: a document as a git revision has it (`git:main:openapi.yaml`)."""
    return isinstance(location, str) and location.startswith(GIT_PREFIX) and ":" in location[len(GIT_PREFIX) :]


def read_git(location: str) -> tuple[Path, str]:
    """The path and text of a `git:REV:PATH` document, read with `git show REV:PATH` in the current
    directory's repository (PATH from the repository's root, or `./PATH` from the current directory)."""
    import subprocess

    rev, _, path = location[len(GIT_PREFIX) :].partition(":")
    if not rev or not path:
        raise _fail(location, "a git document is given as git:REV:PATH (git:main:openapi.yaml)")
    try:
        shown = subprocess.run(["git", "show", f"{rev}:{path}"], capture_output=True, check=False)
    except OSError as exc:
        raise _fail(location, f"cannot run git: {exc.strerror or exc}") from None
    if shown.returncode != 0:
        reason = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        raise _fail(location, f"git cannot show it: {reason[-1] if reason else 'exit ' + str(shown.returncode)}")
    try:
        return Path(path), shown.stdout.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _fail(location, "the document is not UTF-8 text (binary data?)") from None


def load_document(path: Path | str, cache: dict[Any, Document] | None = None) -> Document:
    """The document at a path, at an http(s) URL (downloaded once per cache), or in a git
    revision (`git:REV:PATH`)."""
    if is_git_ref(path):
        where, text = read_git(str(path))
        return Document(where, text, parse_text(where, text, str(path)))
    if is_url(path):
        url = str(path)
        if cache is not None and url in cache:
            return cache[url]
        text = download(url)
        name = Path(url.split("?")[0].split("#")[0].rsplit("/", 1)[-1] or "openapi")
        doc = Document(name, text, parse_text(name, text, url), url)
        if cache is not None:
            cache[url] = doc
        return doc
    path = Path(path)
    key = path.resolve()
    if cache is not None and key in cache:
        return cache[key]
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _fail(path, "file not found") from None
    except IsADirectoryError:
        raise _fail(path, "is a directory, not a file") from None
    except OSError as exc:
        raise _fail(path, f"cannot read the file: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _fail(path, "the file is not UTF-8 text (binary data?)") from None
    doc = Document(path, text, parse_text(path, text))
    if cache is not None:
        cache[key] = doc
    return doc
