"""Versions and release notes (`generate --bump`), documents from git revisions (`git:REV:PATH`),
and the GitHub Actions workflow the README gives, run as GitHub would run its steps."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT

from generator.cli import main
from generator.release import bumped, with_entry

DUB = ROOT / "specs" / "dub.yaml"
# A field removed from `partners.create()`'s request: breaking.
BREAKING = ("                tenantId: {type: string, description: The ID of the partner in your system.}\n", "")
# A summary reworded: the code changes, the SDK's surface does not.
WORDING = ("summary: Create a new partner", "summary: Create a partner")
EPOCH = "1780000000"  # 2026-05-28 (UTC)


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def generate(spec, out, *extra):
    return run(
        "generate",
        "--spec",
        spec,
        "--out",
        out,
        "--package-name",
        "dub",
        "--sdk-name",
        "Dub",
        *extra,
        env={"SOURCE_DATE_EPOCH": EPOCH},
    )


def spec_with(tmp_path, *replacements, name="dub.yaml"):
    text = DUB.read_text()
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text)
    return path


def version_of(out):
    pyproject = re.search(r'^version = "(.*)"$', (out / "pyproject.toml").read_text(), re.M)
    module = re.search(r'^__version__ = "(.*)"$', (out / "src" / "dub" / "sdk.py").read_text(), re.M)
    assert pyproject and module and pyproject[1] == module[1]
    return pyproject[1]


def test_bump_raises_the_version_by_what_changed_and_heads_the_changelog(tmp_path):
    out = tmp_path / "sdk"
    assert generate(DUB, out).exit_code == 0
    assert version_of(out) == "0.1.0" and not (out / "CHANGELOG.md").exists()

    breaking = spec_with(tmp_path, BREAKING, name="v2.yaml")
    result = generate(breaking, out, "--bump")
    assert result.exit_code == 0, result.output
    assert "version 0.1.0 -> 0.2.0 (1 change(s), 1 breaking); CHANGELOG.md updated" in result.output
    assert version_of(out) == "0.2.0"  # breaking before 1.0: minor
    assert (out / "CHANGELOG.md").read_text() == (
        "# Changelog\n\n## 0.2.0 (2026-05-28)\n\n- `partners.create()`: request.tenant_id removed — **breaking**\n"
    )
    # The version is remembered: a plain generation and `check` keep it.
    assert generate(breaking, out).exit_code == 0 and version_of(out) == "0.2.0"
    assert run("check", "--spec", breaking, "--out", out, "--package-name", "dub", "--sdk-name", "Dub").exit_code == 0

    reworded = spec_with(tmp_path, BREAKING, WORDING, name="v3.yaml")
    result = generate(reworded, out, "--bump")
    assert result.exit_code == 0 and version_of(out) == "0.2.1"  # nothing for users to change: patch
    changelog = (out / "CHANGELOG.md").read_text()
    assert changelog.startswith("# Changelog\n\n## 0.2.1 (2026-05-28)\n\nNo change visible to SDK users.\n\n## 0.2.0")

    same = generate(reworded, out, "--bump")
    assert "version 0.2.1 kept: the document did not change since the last generation" in same.output
    assert version_of(out) == "0.2.1" and (out / "CHANGELOG.md").read_text() == changelog


def test_bump_after_1_0_and_a_version_set_higher_by_hand(tmp_path):
    out = tmp_path / "sdk"
    (tmp_path / "sdkforge.yaml").write_text(
        f"spec: {DUB}\nout: sdk\npackage_name: dub\nsdk_name: Dub\nsdk_version: 1.4.2\n"
    )
    config = ["--config", tmp_path / "sdkforge.yaml"]
    assert run("generate", *config).exit_code == 0 and version_of(out) == "1.4.2"
    spec_with(tmp_path, BREAKING, name="next.yaml")
    result = run("generate", *config, "--spec", tmp_path / "next.yaml", "--bump")
    assert result.exit_code == 0 and version_of(out) == "2.0.0"
    # The settings still say 1.4.2: the higher version the output records wins.
    assert run("generate", *config, "--spec", tmp_path / "next.yaml").exit_code == 0 and version_of(out) == "2.0.0"
    (tmp_path / "sdkforge.yaml").write_text((tmp_path / "sdkforge.yaml").read_text().replace("1.4.2", "3.0.0"))
    assert run("generate", *config, "--spec", tmp_path / "next.yaml").exit_code == 0 and version_of(out) == "3.0.0"


def test_bump_with_nothing_recorded_or_a_version_it_cannot_raise(tmp_path):
    first = generate(DUB, tmp_path / "sdk", "--bump")
    assert first.exit_code == 0
    assert "version 0.1.0 kept: the output records no earlier document to compare with" in first.output
    (tmp_path / "sdkforge.yaml").write_text(
        f"spec: {DUB}\nout: other\npackage_name: dub\nsdk_name: Dub\nsdk_version: nightly\n"
    )
    assert run("generate", "--config", tmp_path / "sdkforge.yaml").exit_code == 0
    spec_with(tmp_path, BREAKING, name="next.yaml")
    refused = run("generate", "--config", tmp_path / "sdkforge.yaml", "--spec", tmp_path / "next.yaml", "--bump")
    assert (
        refused.exit_code == 2
        and "sdk_version: error: the version 'nightly' is not MAJOR.MINOR.PATCH" in refused.output
    )


def test_version_arithmetic_and_changelog_layout():
    assert [bumped("0.3.4", level) for level in ("major", "minor", "patch")] == ["0.4.0", "0.4.0", "0.3.5"]
    assert [bumped("2.3.4", level) for level in ("major", "minor", "patch")] == ["3.0.0", "2.4.0", "2.3.5"]
    with pytest.raises(ValueError):
        bumped("v1", "patch")
    notes = "## SDK changes (suggested version bump: minor)\n\n- `a()`: added — compatible\n"
    assert (
        with_entry(None, "1.1.0", "2026-01-02", notes)
        == "# Changelog\n\n## 1.1.0 (2026-01-02)\n\n- `a()`: added — compatible\n"
    )
    kept = with_entry("Notes written by hand.\n", "1.1.0", "2026-01-02", notes)
    assert kept.startswith("# Changelog\n\n## 1.1.0") and kept.endswith("\nNotes written by hand.\n")


def _git(cwd, *args):
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(cwd),
    }
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@needs_git
def test_diff_reads_either_side_from_a_git_revision(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    shutil.copy(DUB, repo / "openapi.yaml")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "document")
    spec_with(repo, BREAKING, name="openapi.yaml")
    monkeypatch.chdir(repo)
    result = run("diff", "git:main:openapi.yaml", "openapi.yaml")
    assert result.exit_code == 1 and "request.tenant_id removed — **breaking**" in result.output
    assert run("diff", "git:HEAD:./openapi.yaml", "git:main:openapi.yaml").exit_code == 0
    for bad, reason in (
        ("git:nobranch:openapi.yaml", "git cannot show it: fatal: invalid object name 'nobranch'"),
        ("git:main:missing.yaml", "git cannot show it: fatal: path 'missing.yaml' does not exist in 'main'"),
        ("git:main", "a git document is given as git:REV:PATH"),
    ):
        failed = run("diff", bad, "openapi.yaml")
        assert failed.exit_code == 2 and f"{bad}: error: " in failed.output, failed.output
        assert reason in failed.output or bad == "git:main", failed.output
    assert not list(repo.glob("*.tmp")) and sorted(p.name for p in repo.iterdir()) == [".git", "openapi.yaml"]


def _workflow() -> dict:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("### SDK changes in pull requests", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block, "the README's workflow block"
    return yaml.safe_load(block[1])


@needs_git
def test_the_readmes_github_actions_workflow(tmp_path):
    """The workflow's shell steps, run as GitHub runs them (bash -eo pipefail, in the checkout of a
    pull request, with GITHUB_BASE_REF and GITHUB_STEP_SUMMARY), on a repository whose pull request
    breaks SDK users and regenerates the SDK."""
    workflow = _workflow()
    triggers = workflow.get("on", workflow.get(True))  # (YAML 1.1 reads a bare `on` as true)
    assert "pull_request" in triggers
    steps = workflow["jobs"]["sdk"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the base branch's history, for git:REV:PATH
    install = next(s for s in steps if s.get("name") == "Install sdkforge")
    assert "pip install" in install["run"] and "sdkforge" in install["run"]
    scripts = [s for s in steps if "run" in s and s is not install]
    assert [s["name"] for s in scripts] == ["Changes for SDK users", "The committed SDK matches the document"]

    origin = tmp_path / "origin"
    origin.mkdir()
    _git(origin, "init", "-q", "-b", "main")
    shutil.copy(DUB, origin / "openapi.yaml")
    (origin / "sdkforge.yaml").write_text("spec: openapi.yaml\nout: sdk\npackage_name: dub\nsdk_name: Dub\n")
    assert subprocess.run([sys.executable, "-m", "generator.cli", "generate", "-q"], cwd=origin).returncode == 0
    _git(origin, "add", ".")
    _git(origin, "commit", "-q", "-m", "SDK")
    checkout_dir = tmp_path / "pr"
    _git(tmp_path, "clone", "-q", str(origin), str(checkout_dir))
    _git(checkout_dir, "checkout", "-q", "-b", "pr")
    spec_with(checkout_dir, BREAKING, name="openapi.yaml")
    summary = tmp_path / "summary.md"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "sdkforge").write_text(f'#!/bin/sh\nexec {sys.executable} -m generator.cli "$@"\n')
    (bin_dir / "sdkforge").chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT),
        "GITHUB_BASE_REF": "main",
        "GITHUB_STEP_SUMMARY": str(summary),
        "HOME": str(tmp_path),
    }

    def step(script):
        return subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
            cwd=checkout_dir,
            env=env,
            capture_output=True,
            text=True,
        )

    changes, drift = (step(s["run"]) for s in scripts)
    assert changes.returncode == 0, changes.stderr  # a breaking change is reported, not a failure
    assert "::warning::" in changes.stdout
    assert "`partners.create()`: request.tenant_id removed — **breaking**" in summary.read_text()
    assert drift.returncode == 1 and "differs: src/dub/models/operations/createpartner.py" in drift.stdout
    # Regenerated and committed, the pull request passes the drift check.
    assert (
        subprocess.run([sys.executable, "-m", "generator.cli", "generate", "-q"], cwd=checkout_dir, env=env).returncode
        == 0
    )
    assert step(scripts[1]["run"]).returncode == 0
    # An unusable document fails the first step.
    (checkout_dir / "openapi.yaml").write_text("openapi: 3.0.3\npaths: [\n")
    assert step(scripts[0]["run"]).returncode != 0


def test_entry_point_module_runs():
    """(`python -m generator.cli`, which the workflow test uses, is the `sdkforge` command.)"""
    done = subprocess.run(
        [sys.executable, "-m", "generator.cli", "--version"], capture_output=True, text=True, cwd=Path(ROOT)
    )
    assert done.returncode == 0 and done.stdout.startswith("sdkforge, version")
