"""Snapshot test: generating from specs/dub.yaml reproduces generated/ byte for byte.

Refresh the goldens after an intended change with `sdkforge generate` (run in the repository root)
and review `git diff generated/`.
"""

from __future__ import annotations

import difflib

from click.testing import CliRunner
from conftest import GENERATED, ROOT

from generator.cli import main
from generator.pipeline import generate
from generator.settings import resolve


def test_generated_tree_matches_the_spec(tmp_path):
    config = resolve({"out": tmp_path / "out"}, None, ROOT)
    files = generate(config).files
    on_disk = {
        str(p.relative_to(GENERATED)): p.read_text(encoding="utf-8")
        for p in GENERATED.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and ".mypy_cache" not in p.parts
    }
    problems = []
    for rel in sorted(set(files) | set(on_disk)):
        if rel not in on_disk:
            problems.append(f"missing from generated/: {rel}")
        elif rel not in files:
            problems.append(f"in generated/ but no longer generated: {rel}")
        elif files[rel] != on_disk[rel]:
            diff = difflib.unified_diff(
                on_disk[rel].splitlines(True), files[rel].splitlines(True), f"golden/{rel}", f"new/{rel}"
            )
            problems.append("".join(list(diff)[:80]))
    assert not problems, "generated/ is stale; run `sdkforge generate` and review:\n" + "\n".join(problems)


def test_generation_is_deterministic(tmp_path):
    config = resolve({"out": tmp_path / "out"}, None, ROOT)
    assert generate(config).files == generate(config).files


def test_check_command_on_this_repository(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert "up to date" in result.output
