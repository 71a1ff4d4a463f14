"""Stage 7, write: put the generated files on disk, and compare them with what is there.

The output directory carries a manifest of the files the generator wrote (with their hashes).
Only files in it are ever replaced or removed; a file whose content did not change is not
rewritten, so timestamps survive and regeneration is cheap.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List

from . import __version__

MANIFEST = ".sdkforge-manifest.json"


def _hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def with_manifest(files: Dict[str, str]) -> Dict[str, str]:
    entries = {path: _hash(content.encode("utf-8")) for path, content in sorted(files.items())}
    manifest = {"generator": f"sdkforge {__version__}", "files": entries}
    return {**files, MANIFEST: json.dumps(manifest, indent=2, sort_keys=True) + "\n"}


def _old_manifest(out_dir: Path) -> Dict[str, str]:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        return dict(data.get("files") or {})
    except (OSError, ValueError, AttributeError):
        return {}


@dataclass
class WriteResult:
    written: List[str] = field(default_factory=list)
    unchanged: List[str] = field(default_factory=list)
    removed: List[str] = field(default_factory=list)
    kept_user_edits: List[str] = field(default_factory=list)


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_output(out_dir: Path, files: Dict[str, str], force: bool = False) -> WriteResult:
    result = WriteResult()
    old = _old_manifest(out_dir)
    for rel, content in sorted(files.items()):
        target = out_dir / rel
        data = content.encode("utf-8")
        try:
            current = target.read_bytes()
        except FileNotFoundError:
            current = None
        if current == data:
            result.unchanged.append(rel)
            continue
        edited = current is not None and rel != MANIFEST and (rel not in old or old[rel] != _hash(current))
        if edited and not force:
            result.kept_user_edits.append(rel)
            continue
        _atomic_write(target, data)
        result.written.append(rel)
    for rel, digest in sorted(old.items()):
        if rel in files:
            continue
        target = out_dir / rel
        try:
            current = target.read_bytes()
        except FileNotFoundError:
            continue
        if _hash(current) == digest or force:
            target.unlink()
            result.removed.append(rel)
            _prune_empty_dirs(target.parent, out_dir)
        else:
            result.kept_user_edits.append(rel)
    return result


def _prune_empty_dirs(directory: Path, stop: Path) -> None:
    while directory != stop and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent


@dataclass
class Drift:
    differs: List[str] = field(default_factory=list)
    missing: List[str] = field(default_factory=list)
    extra: List[str] = field(default_factory=list)
    diffs: Dict[str, str] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        return not (self.differs or self.missing or self.extra)


def compare_output(out_dir: Path, files: Dict[str, str]) -> Drift:
    """What differs between the files that would be generated and the output directory."""
    drift = Drift()
    for rel, content in sorted(files.items()):
        target = out_dir / rel
        try:
            current = target.read_text(encoding="utf-8")
        except (FileNotFoundError, UnicodeDecodeError):
            drift.missing.append(rel)
            continue
        if current != content:
            drift.differs.append(rel)
            drift.diffs[rel] = "".join(
                difflib.unified_diff(
                    current.splitlines(keepends=True), content.splitlines(keepends=True), f"a/{rel}", f"b/{rel}"
                )
            )
    for rel in sorted(_old_manifest(out_dir)):
        if rel not in files and (out_dir / rel).exists():
            drift.extra.append(rel)
    return drift
