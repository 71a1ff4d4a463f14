"""Incremental regeneration: what the previous generation recorded, and the digests compared with it.

Each reusable file's manifest entry carries a digest of everything its content depends on (the
generator's code and templates, the line length, and the file's own input); a regeneration reads
back a file whose digest did not change instead of rendering it again.
"""

from __future__ import annotations

from pathlib import Path

from .write import content_hash, read_manifest


class Previous:
    """What the previous generation into the output directory recorded: the input digest and the
    content hash of each file. A file is reused when its digest is unchanged and nobody edited it."""

    def __init__(self, out: Path):
        self.out = out
        manifest = read_manifest(out)
        inputs, hashes = manifest.get("inputs"), manifest.get("files")
        self.inputs: dict[str, str] = inputs if isinstance(inputs, dict) else {}
        self.hashes: dict[str, str] = hashes if isinstance(hashes, dict) else {}

    def same_inputs(self, path: str, key: str) -> bool:
        return bool(key) and self.inputs.get(path) == key

    def read(self, path: str) -> str | None:
        """The file as the previous generation wrote it (None when it is gone or was edited)."""
        try:
            data = (self.out / path).read_bytes()
        except OSError:
            return None
        if content_hash(data) != self.hashes.get(path):
            return None  # edited by hand: generate it again (and let `write` decide)
        return data.decode("utf-8")

    def reuse(self, path: str, key: str) -> str | None:
        """The previous file when `key` is the digest it was made from, and nobody edited it."""
        return self.read(path) if self.same_inputs(path, key) else None
