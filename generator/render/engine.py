"""The Jinja environment: where the templates are, the filters they use, compiled-template caching."""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import jinja2

from .. import __version__
from ..examples import format_literal
from ..pystyle import docstring, literal

RUNTIME_DIR = Path(__file__).resolve().parent.parent / "runtime" / "_runtime"


def runtime_files() -> list[Path]:
    """The modules of the runtime package, copied verbatim into every SDK."""
    return sorted(RUNTIME_DIR.glob("*.py"))


def templates_dir() -> Path:
    """The templates: packaged with the wheel, or the repository's `templates/`."""
    packaged = Path(__file__).resolve().parent.parent / "_templates"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent.parent / "templates"


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


# ---------------------------------------------------------------- filters (escaping for each target language)


def pyrepr(value: Any) -> str:
    """A Python literal."""
    return literal(value)


def docstring_filter(text: str, indent: int) -> str:
    return docstring(text, " " * indent)


def toml_str(value: str) -> str:
    return json.dumps(str(value), ensure_ascii=False)


def md_cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def md_text(text: str) -> str:
    return str(text).replace("\r\n", "\n").strip()


def environment() -> jinja2.Environment:
    """The environment every template is rendered in (strict: an undefined name is an error)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters.update(
        docstring=docstring_filter,
        pyrepr=pyrepr,
        pylit=lambda v: format_literal(v, 0),
        toml_str=toml_str,
        md_cell=md_cell,
        md_text=md_text,
    )
    return env


@functools.cache
def engine_digest() -> str:
    """A digest of the code that turns views into files: the generator's modules, its templates,
    the runtime, and black's version (black lays out what pystyle cannot)."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.blake2b(digest_size=16)
    # Each file by its place in its own tree: the same wherever the generator is installed.
    for root, pattern in ((Path(__file__).resolve().parent.parent, "*.py"), (templates_dir(), "*.j2")):
        for path in sorted(root.rglob(pattern)):
            if "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    try:
        digest.update(version("black").encode())
    except PackageNotFoundError:  # pragma: no cover - black is a dependency
        pass
    return f"{__version__}-{digest.hexdigest()}"
