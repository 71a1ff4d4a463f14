"""Snapshot tests: each golden tree is what its document generates, byte for byte.

- generated/: Dub's partners SDK from specs/dub.yaml (settings: sdkforge.yaml).
- tests/golden/features/: the SDK of specs/features.yaml, a document written to exercise every
  feature (settings: specs/features.sdkforge.yaml), so that a change to any template shows up as a
  reviewable diff.

Refresh them after an intended change (in the repository root) with `sdkforge generate` and
`sdkforge generate --config specs/features.sdkforge.yaml`, and review `git diff`.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from generator.cli import main
from generator.pipeline import generate
from generator.settings import resolve

GOLDENS = {
    "dub": (None, "sdkforge generate"),
    "features": (ROOT / "specs" / "features.sdkforge.yaml", "sdkforge generate --config specs/features.sdkforge.yaml"),
}


def _settings(name: str, out: Path | None = None):
    config_file, _ = GOLDENS[name]
    return resolve({"out": out} if out else {}, config_file, ROOT)


@pytest.mark.parametrize("name", sorted(GOLDENS))
def test_golden_tree_matches_its_document(tmp_path, name):
    golden = _settings(name).out
    files = generate(_settings(name, tmp_path / "out")).files
    on_disk = {
        p.relative_to(golden).as_posix(): p.read_text(encoding="utf-8")
        for p in golden.rglob("*")
        # (.sdkforge/ holds the generator's records, written beside the output, not part of it)
        if p.is_file() and not {"__pycache__", ".mypy_cache", ".sdkforge"} & set(p.relative_to(golden).parts)
    }
    assert len(on_disk) > 30
    problems = []
    for rel in sorted(set(files) | set(on_disk)):
        if rel not in on_disk:
            problems.append(f"missing from the golden tree: {rel}")
        elif rel not in files:
            problems.append(f"in the golden tree but no longer generated: {rel}")
        elif files[rel] != on_disk[rel]:
            diff = difflib.unified_diff(
                on_disk[rel].splitlines(True), files[rel].splitlines(True), f"golden/{rel}", f"new/{rel}"
            )
            problems.append("".join(list(diff)[:80]))
    assert not problems, f"{golden} is stale; run `{GOLDENS[name][1]}` and review:\n" + "\n".join(problems)


def test_generation_is_deterministic(tmp_path):
    config = _settings("features", tmp_path / "out")
    assert generate(config).files == generate(config).files


def test_check_command_on_this_repository(monkeypatch):
    monkeypatch.chdir(ROOT)
    for arguments in (["check"], ["check", "--config", "specs/features.sdkforge.yaml"]):
        result = CliRunner().invoke(main, arguments)
        assert result.exit_code == 0, result.output
        assert "up to date" in result.output
