"""Versions and release notes: what `generate --bump` decides and writes.

Every generation keeps the document it read in the output directory (`.sdkforge/document/`), so
that the next `generate --bump` can compare the SDK it is about to write with the one it replaces
(`diff`), raise the SDK's version by what the comparison suggests and put the comparison at the
top of the SDK's CHANGELOG.md.
"""

from __future__ import annotations

import re
from pathlib import Path

DOCUMENT_DIR = ".sdkforge/document"
CHANGELOG = "CHANGELOG.md"
_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)")
_TITLE = "# Changelog\n"


def version_key(version: str) -> tuple[int, int, int] | None:
    """The numbers of a `MAJOR.MINOR.PATCH` version (None for any other form)."""
    match = _VERSION.match(version)
    return (int(match[1]), int(match[2]), int(match[3])) if match else None


def higher(a: str, b: str) -> str:
    """The higher of two versions (`a` when they cannot be compared)."""
    key_a, key_b = version_key(a), version_key(b)
    return b if key_a is not None and key_b is not None and key_b > key_a else a


def bumped(version: str, level: str) -> str:
    """`version` raised by `level` (major, minor or patch). Before 1.0.0 a breaking change raises
    the minor number, as semantic versioning's 0.x convention has it."""
    key = version_key(version)
    if key is None:
        raise ValueError(f"the version {version!r} is not MAJOR.MINOR.PATCH, so it cannot be bumped")
    major, minor, patch = key
    if level == "major" and major > 0:
        return f"{major + 1}.0.0"
    if level in ("major", "minor"):
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def recorded_document(out_dir: Path) -> tuple[Path, str] | None:
    """The document the previous generation into `out_dir` read (its path and text), if kept."""
    try:
        names = sorted(p for p in (out_dir / DOCUMENT_DIR).iterdir() if p.is_file())
    except OSError:
        return None
    for path in names:
        try:
            return path, path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
    return None


def with_entry(changelog: str | None, version: str, date: str, notes: str) -> str:
    """The SDK's CHANGELOG.md with a section for `version` at the top (`notes`: markdown whose
    first line is a heading, as `diff.render_markdown` writes it)."""
    body = notes.split("\n", 1)[1].strip() if notes.startswith("#") else notes.strip()
    section = f"## {version} ({date})\n\n{body}\n"
    if not changelog or not changelog.strip():
        return f"{_TITLE}\n{section}"
    if changelog.startswith(_TITLE):
        rest = changelog[len(_TITLE) :].lstrip("\n")
        return f"{_TITLE}\n{section}\n{rest}"
    return f"{_TITLE}\n{section}\n{changelog}"
