"""Stage 7, write: put the generated files on disk, and compare them with what is there.

The output directory carries a manifest of the files the generator wrote (with their hashes).
Only files in it are ever replaced or removed; a file whose content did not change is not
rewritten, so timestamps survive and regeneration is cheap.
"""

from __future__ import annotations

import contextlib
import ctypes
import difflib
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .merge import merge3
from .release import DOCUMENT_DIR

MANIFEST = ".sdkforge-manifest.json"
# What sdkforge generated last, by content hash: the base of three-way merges of edited files.
BASES = ".sdkforge/base"


def content_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def with_manifest(
    files: dict[str, str],
    inputs: dict[str, str] | None = None,
    known: dict[str, str] | None = None,
    names: dict[str, str] | None = None,
) -> dict[str, str]:
    """The files plus the manifest: the hash of each file and, for files that have one, the digest
    of the inputs it was made from (so a regeneration can tell which files cannot have changed).
    `known` holds hashes already computed (of files read back from a previous generation); `names`
    the package and client names it was generated with (remembered by the next `generate` and
    `check` on the directory)."""
    known = known or {}
    entries = {
        path: known.get(path) or content_hash(content.encode("utf-8")) for path, content in sorted(files.items())
    }
    manifest: dict[str, object] = {"generator": f"sdkforge {__version__}", "files": entries}
    if inputs:
        manifest["inputs"] = dict(sorted(inputs.items()))
    if names:
        manifest["options"] = dict(sorted(names.items()))
    return {**files, MANIFEST: json.dumps(manifest, indent=2, sort_keys=True) + "\n"}


def read_manifest(out_dir: Path) -> dict[str, Any]:
    """The manifest of a previous generation ({} when there is none or it is unreadable). A write
    into the directory that was interrupted after its commit is completed first, so every reader
    sees the directory whole."""
    with contextlib.suppress(OSError):  # (a directory the reader cannot write: read it as it is)
        complete_interrupted_write(out_dir)
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def recorded_version(out_dir: Path) -> str:
    """The SDK version the output directory was generated with ("" when unknown)."""
    options = read_manifest(out_dir).get("options")
    version = options.get("sdk_version") if isinstance(options, dict) else None
    return version if isinstance(version, str) else ""


def recorded_names(out_dir: Path) -> dict[str, str]:
    """The package and client names the output directory was generated with ({} when unknown)."""
    options = read_manifest(out_dir).get("options")
    if not isinstance(options, dict):
        return {}
    return {k: v for k, v in options.items() if k in ("package_name", "sdk_name") and isinstance(v, str) and v}


def _old_manifest(out_dir: Path) -> dict[str, str]:
    files = read_manifest(out_dir).get("files")
    return dict(files) if isinstance(files, dict) else {}


def recorded_base(out_dir: Path, digest: str | None) -> str | None:
    """What sdkforge generated last for a file, by the hash its manifest records (None when the
    store does not have it, or has it damaged)."""
    if not digest:
        return None
    try:
        data = (out_dir / BASES / digest).read_bytes()
    except OSError:
        return None
    if content_hash(data) != digest:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _edits(base: str | None, current: str, generated: str, rel: str) -> str:
    """A unified diff of what a user changed in a file (from what was generated last, else from
    what is generated now)."""
    before = base if base is not None else generated
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), current.splitlines(keepends=True), f"generated/{rel}", f"edited/{rel}"
        )
    )


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # Edited by hand, and kept as they are: no record of what was generated before to merge with
    # (an SDK written by an older sdkforge), or no longer generated.
    kept_user_edits: list[str] = field(default_factory=list)
    # Edited by hand, and the edits merged into what is generated now (cleanly, or with conflicts).
    merged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    # Edited by hand, and what is generated now changes nothing in them.
    edited: list[str] = field(default_factory=list)
    # Generated files deleted by hand, written again.
    restored: list[str] = field(default_factory=list)
    # With --force: the user's edits overwritten, as a diff of each file.
    discarded: dict[str, str] = field(default_factory=dict)
    # The generator's records no longer needed: bases no file refers to, an earlier document.
    stale_state: list[str] = field(default_factory=list)


def _write_all(staging: Path, to_write: dict[str, bytes | str], fresh: bool) -> None:
    """Write files into the staging tree (in a fresh tree nothing needs unlinking first)."""
    root = os.fspath(staging)
    for directory in sorted({os.path.dirname(rel) for rel in to_write} - {""}):
        os.makedirs(os.path.join(root, directory), exist_ok=True)
    for rel, data in to_write.items():
        _stage_write(os.path.join(root, rel), data, fresh)


def _stage_write(path: str, data: bytes | str, fresh: bool = False) -> None:
    """Write a file of the private staging tree: a new file, never through a hard link to the old output."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not fresh:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _plan(
    out_dir: Path, files: dict[str, str], force: bool, unchanged: AbstractSet[str], state: dict[str, str]
) -> tuple[WriteResult, dict[str, bytes | str]]:
    """What a generation changes: files to write (with their content), to remove, to keep."""
    result = WriteResult()
    to_write: dict[str, bytes | str] = dict(_plan_state(out_dir, state, result))
    old = _old_manifest(out_dir)
    present = out_dir.is_dir()  # (into a new directory, every file is new: nothing to read)
    for rel, content in sorted(files.items()):
        if rel in unchanged:
            result.unchanged.append(rel)
            continue
        try:
            current: bytes | None = (out_dir / rel).read_bytes() if present else None
        except (FileNotFoundError, NotADirectoryError):
            current = None
        if current is not None and current == content.encode("utf-8"):
            result.unchanged.append(rel)
            continue
        if current is None or rel == MANIFEST or (rel in old and old[rel] == content_hash(current)):
            if current is None and rel in old:
                result.restored.append(rel)
            to_write[rel] = content  # (encoded when written: the SDK is not held twice)
            result.written.append(rel)
            continue
        _plan_edited(out_dir, rel, content, current, old.get(rel), force, result, to_write)
    for rel, digest in sorted(old.items()):
        if rel in files:
            continue
        try:
            current = (out_dir / rel).read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            continue
        if content_hash(current) == digest or force:
            result.removed.append(rel)
        else:
            result.kept_user_edits.append(rel)
    _plan_bases(out_dir, files, result, to_write)
    return result, to_write


def _plan_edited(
    out_dir: Path,
    rel: str,
    generated: str,
    current: bytes,
    digest: str | None,
    force: bool,
    result: WriteResult,
    to_write: dict[str, bytes | str],
) -> None:
    """A generated file edited by hand: merge the edits into what is generated now (three-way,
    with what was generated last as the base), or with `force` overwrite them."""
    base = recorded_base(out_dir, digest)
    try:
        ours = current.decode("utf-8")
    except UnicodeDecodeError:
        ours = None
    if force:
        result.discarded[rel] = _edits(base, ours, generated, rel) if ours is not None else ""
        to_write[rel] = generated
        result.written.append(rel)
        return
    if base is None or ours is None:
        result.kept_user_edits.append(rel)
        return
    merged = merge3(base, ours, generated)
    if merged.text == ours:
        result.edited.append(rel)
        return
    to_write[rel] = merged.text
    result.written.append(rel)
    (result.merged if merged.clean else result.conflicts).append(rel)


def _plan_state(out_dir: Path, state: dict[str, str], result: WriteResult) -> dict[str, str]:
    """The generator's records (and CHANGELOG.md) that differ from what is on disk; earlier records
    of the document that are no longer the one read are removed. (Compared by digest, a slice at a
    time: the record of a large document is not held twice.)"""
    to_write = {}
    for rel, text in state.items():
        if _file_digest(out_dir / rel) != _text_digest(text):
            to_write[rel] = text
    try:
        recorded = sorted(os.listdir(out_dir / DOCUMENT_DIR))
    except OSError:
        recorded = []
    result.stale_state += [f"{DOCUMENT_DIR}/{name}" for name in recorded if f"{DOCUMENT_DIR}/{name}" not in state]
    return to_write


_SLICE = 1 << 20


def _text_digest(text: str) -> str:
    digest = hashlib.sha256()
    for start in range(0, len(text), _SLICE):
        digest.update(text[start : start + _SLICE].encode("utf-8"))
    return digest.hexdigest()


def _file_digest(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(_SLICE), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def _plan_bases(out_dir: Path, files: dict[str, str], result: WriteResult, to_write: dict[str, bytes | str]) -> None:
    """Keep what is generated now as the base of the next merges (files kept as the user left them,
    with no base, keep none: a later merge must not take their content for what was generated)."""
    hashes: dict[str, str] = json.loads(files[MANIFEST])["files"] if MANIFEST in files else {}
    kept = set(result.kept_user_edits)
    wanted = {digest: rel for rel, digest in hashes.items() if rel not in kept}
    try:
        present = set(os.listdir(out_dir / BASES))
    except OSError:
        present = set()
    for digest, rel in sorted(wanted.items()):
        if digest not in present:
            to_write[f"{BASES}/{digest}"] = files[rel]  # (encoded when written: no second copy held)
    result.stale_state += [f"{BASES}/{name}" for name in sorted(present - set(wanted))]


def output_problem(out_dir: Path) -> str:
    """Why the SDK cannot be written to `out_dir` ("" when it can, as far as can be told before)."""
    if out_dir.exists() and not out_dir.is_dir():
        return "names a file, not a directory"
    parent = out_dir.absolute().parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        return f"{parent} is a file, not a directory"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"{parent} cannot be written to"
    return ""


def write_output(
    out_dir: Path,
    files: dict[str, str],
    force: bool = False,
    unchanged: AbstractSet[str] = frozenset(),
    state: dict[str, str] | None = None,
) -> WriteResult:
    """Bring `out_dir` to the generated files in one step (`unchanged` names files known to be
    on disk as they are in `files` already: they were just read from there; `state`, the
    generator's records besides the manifest, written but not owned like generated files).

    A new directory is staged next to `out_dir` and renamed into place. In an existing one, the
    files that change are staged inside it and a journal of the renames is committed before any
    is made (see `_replace_in_place`): an error or an interruption before the commit leaves the
    previous output exactly as it was, and one after it is completed by the next command that
    reads the directory. Unchanged files are not touched, so their timestamps survive.
    """
    result, to_write = _plan(out_dir, files, force, unchanged, state or {})
    if not to_write and not result.removed and not result.stale_state:
        return result
    out_dir = out_dir.absolute()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    if out_dir.is_dir() and _replaceable(out_dir, to_write):
        _replace_in_place(out_dir, to_write, result.removed + result.stale_state)
        return result
    # A new directory, or a file that must become a directory (or the reverse): a whole new tree,
    # swapped in with one atomic rename.
    staging = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=f".{out_dir.name}.sdkforge-"))
    try:
        mirrored = out_dir.is_dir()
        if mirrored:
            _mirror(out_dir, staging)
        for rel in result.removed + result.stale_state:
            (staging / rel).unlink()
            _prune_empty_dirs((staging / rel).parent, staging)
        _write_all(staging, to_write, fresh=not mirrored)
        if out_dir.is_dir():
            _exchange(staging, out_dir)
        else:
            os.rename(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(staging, ignore_errors=True)  # now holds the previous output
    return result


JOURNAL = ".sdkforge/journal"
_STAGING_PREFIX = ".sdkforge/staging-"


def _replaceable(out_dir: Path, to_write: dict[str, bytes | str]) -> bool:
    """Whether every file to write can be renamed over its place (no directory stands where a file
    goes, no file where a directory must be)."""
    root = os.fspath(out_dir)
    checked: set[str] = set()
    for rel in to_write:
        if os.path.isdir(os.path.join(root, rel)):
            return False
        parent = os.path.dirname(rel)
        while parent and parent not in checked:
            checked.add(parent)
            path = os.path.join(root, parent)
            if os.path.lexists(path) and not os.path.isdir(path):
                return False
            parent = os.path.dirname(parent)
    return True


def _replace_in_place(out_dir: Path, to_write: dict[str, bytes | str], remove: list[str]) -> None:
    """Write the changed files into a staging directory inside `out_dir` (the same file system),
    commit a journal of what moves and what goes (one atomic rename), then carry it out."""
    state = out_dir / os.path.dirname(JOURNAL)
    state.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=state, prefix=os.path.basename(_STAGING_PREFIX)))
    try:
        _write_all(staging, to_write, fresh=True)
        pending = staging.with_name(staging.name + ".journal")
        pending.write_text(
            json.dumps({"staging": staging.name, "moves": sorted(to_write), "removes": sorted(remove)}),
            encoding="utf-8",
        )
        os.replace(pending, out_dir / JOURNAL)  # the commit
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        with contextlib.suppress(OSError):
            os.unlink(staging.with_name(staging.name + ".journal"))
        raise
    complete_interrupted_write(out_dir)


def complete_interrupted_write(out_dir: Path) -> None:
    """Carry out a committed journal (what an interrupted `write_output` left to do), and clear
    staging directories no journal refers to. Doing it twice does no harm."""
    state = out_dir / os.path.dirname(JOURNAL)
    try:
        leftovers = [n for n in os.listdir(state) if n.startswith(os.path.basename(_STAGING_PREFIX))]
    except OSError:
        return
    try:
        journal = json.loads((out_dir / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        journal = None
    if isinstance(journal, dict) and isinstance(journal.get("staging"), str):
        staging = state / journal["staging"]
        for rel in journal.get("moves") or []:
            source, target = staging / rel, out_dir / rel
            if source.exists():  # (moved already when the first attempt was interrupted after it)
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, target)
        for rel in journal.get("removes") or []:
            with contextlib.suppress(FileNotFoundError, NotADirectoryError):
                (out_dir / rel).unlink()
            _prune_empty_dirs((out_dir / rel).parent, out_dir)
        os.unlink(out_dir / JOURNAL)
    for name in leftovers:
        if name.endswith(".journal"):
            with contextlib.suppress(OSError):
                os.unlink(state / name)
        else:
            shutil.rmtree(state / name, ignore_errors=True)


def _mirror(source: Path, target: Path) -> None:
    """Recreate `source` under `target` with hard links (copies where links are impossible)."""
    pending = [(os.fspath(source), os.fspath(target))]
    while pending:
        src_dir, dst_dir = pending.pop()
        os.makedirs(dst_dir, exist_ok=True)
        with os.scandir(src_dir) as entries:
            for entry in entries:
                dst = os.path.join(dst_dir, entry.name)
                if entry.is_symlink():
                    os.symlink(os.readlink(entry.path), dst)
                elif entry.is_dir():
                    pending.append((entry.path, dst))
                else:
                    try:
                        os.link(entry.path, dst)
                    except OSError:
                        shutil.copy2(entry.path, dst)


def _exchange(a: Path, b: Path) -> None:
    """Swap two directories atomically (renameat2 RENAME_EXCHANGE on Linux; two renames elsewhere)."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = getattr(libc, "renameat2", None)
        if renameat2 is not None:
            at_fdcwd, rename_exchange = -100, 2
            if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
                return
    backup = a.with_name(a.name + ".old")
    os.rename(b, backup)
    os.rename(a, b)
    os.rename(backup, a)


def _prune_empty_dirs(directory: Path, stop: Path) -> None:
    while directory != stop and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent


@dataclass
class Drift:
    differs: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    diffs: dict[str, str] = field(default_factory=dict)
    # Edited by hand, and their edits apply to what would be generated: not drift.
    edited: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.differs or self.missing or self.extra)


def _edit_applies(out_dir: Path, digest: str | None, current: str, generated: str) -> bool:
    """Whether a file is a generated one edited by hand, whose edits merged into what would be
    generated give the file as it is (so regenerating would change nothing in it)."""
    if digest is None or content_hash(current.encode("utf-8")) == digest:
        return False
    base = recorded_base(out_dir, digest)
    return base is not None and merge3(base, current, generated).text == current


def compare_output(out_dir: Path, files: dict[str, str]) -> Drift:
    """What differs between the files that would be generated and the output directory."""
    drift = Drift()
    old = _old_manifest(out_dir)
    for rel, content in sorted(files.items()):
        target = out_dir / rel
        try:
            current = target.read_text(encoding="utf-8")
        except (FileNotFoundError, UnicodeDecodeError):
            drift.missing.append(rel)
            continue
        if current != content and _edit_applies(out_dir, old.get(rel), current, content):
            drift.edited.append(rel)
        elif current != content:
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
