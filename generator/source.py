"""What a generation's output depends on, as one digest kept in the output directory
(`.sdkforge/source`, beside the record of the document): the document's and the overlays' bytes,
the settings, and the generator (its code, templates and runtime, and the versions of black,
jinja2, PyYAML, python-jsonpath and Python), with the hash of the manifest written with it.

Generation is deterministic, so an output directory whose recorded digest equals the current one,
and whose files all still have the hashes the manifest records, is exactly what generating again
would write: `sdkforge check` then answers without generating (unless `--full`). A document that
reaches other files through `$ref` records "none": those files are not part of the digest. The
record is state, not output: a generation elsewhere (another Python, say) records another digest
without the SDK drifting.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from .naming import base_url_variable
from .options import Options
from .render import engine_digest
from .write import MANIFEST, content_hash, read_manifest

SOURCE_RECORD = ".sdkforge/source"


def source_digest(options: Options) -> str | None:
    """The digest of everything the output of `options` depends on; None when it cannot be told
    from local files alone (a document or an overlay given by URL or from git), or before the
    package and client names are decided."""
    if not isinstance(options.spec, Path) or not all(isinstance(o, Path) for o in options.overlays):
        return None
    if not options.package_name or not options.sdk_name:
        return None
    final = dataclasses.replace(
        options,
        spec=Path(),
        overlays=(),
        out=None,
        base_url_env=base_url_variable(options.base_url_env, options.package_name),
    )
    settings = {f.name: _plain(getattr(final, f.name)) for f in dataclasses.fields(final)}
    digest = hashlib.sha256()
    libraries = ("jinja2", "PyYAML", "python-jsonpath")  # (python-jsonpath applies overlays)
    tools = [engine_digest(), sys.version_info[:2], *(_version(name) for name in libraries)]
    digest.update(json.dumps([settings, tools], sort_keys=True, default=str).encode("utf-8"))
    for path in (options.spec, *options.overlays):
        try:
            data = Path(path).read_bytes()
        except OSError:
            return None
        digest.update(b"%d\0" % len(data) + data)
    return digest.hexdigest()


def source_record(digest: str | None, manifest: str) -> str:
    """The record kept in the output directory: the source digest, and the hash of the manifest
    written with it (a manifest another generator rewrote since does not go with the digest)."""
    return f"{digest} {content_hash(manifest.encode('utf-8'))}\n" if digest else "none\n"


def up_to_date(out_dir: Path, options: Options) -> bool:
    """Whether `out_dir` holds exactly what generating `options` would write: it records the
    current source digest with its manifest, and every file the manifest lists has its hash."""
    files = read_manifest(out_dir).get("files")  # (first: it completes an interrupted write)
    try:
        recorded = (out_dir / SOURCE_RECORD).read_text(encoding="utf-8").split()
        manifest = (out_dir / MANIFEST).read_bytes()
    except (OSError, UnicodeDecodeError):
        return False
    if len(recorded) != 2 or recorded[1] != content_hash(manifest):
        return False
    if not isinstance(files, dict) or not files or recorded[0] != source_digest(options):
        return False
    for rel, digest in files.items():
        if rel == MANIFEST:
            continue
        try:
            data = (out_dir / rel).read_bytes()
        except OSError:
            return False
        if content_hash(data) != digest:
            return False
    return True


def _plain(value: Any) -> Any:
    """A setting as JSON, sets in a fixed order (their iteration order varies between processes)."""
    if isinstance(value, (set, frozenset)):
        return sorted(map(str, value))
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value if isinstance(value, (str, int, float, bool)) or value is None else str(value)


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:  # python-jsonpath is optional (only overlays need it)
        return ""
