"""`sdkforge check` answers from the manifest's record when nothing the output depends on changed,
and generates and compares whenever anything did (the document, an overlay, a setting, sdkforge
itself, a generated file, a document reached through `$ref`)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import ROOT
from test_first_minutes import SPLIT_SCHEMAS, SPLIT_SPEC  # a document with a $ref into another file

from generator import cli, source
from generator.cli import main
from generator.source import SOURCE_RECORD
from generator.write import MANIFEST

DUB = ROOT / "specs" / "dub.yaml"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def args(spec, out, *more: str) -> list[str]:
    return ["--spec", str(spec), "--out", str(out), "--package-name", "dub", "--sdk-name", "Dub", *more]


@pytest.fixture
def generated(tmp_path):
    spec = tmp_path / "dub.yaml"
    spec.write_text(DUB.read_text())
    out = tmp_path / "out"
    result = run("generate", "-q", *args(spec, out))
    assert result.exit_code == 0, result.output
    return spec, out


@pytest.fixture
def pipeline_runs(monkeypatch):
    """How many times `check` generated (instead of answering from the record)."""
    calls: list[int] = []
    real = cli.run_pipeline

    def counted(*a, **k):
        calls.append(1)
        return real(*a, **k)

    monkeypatch.setattr(cli, "run_pipeline", counted)
    return calls


def test_an_unchanged_directory_is_confirmed_without_generating(generated, pipeline_runs):
    spec, out = generated
    assert [len(part) for part in (out / SOURCE_RECORD).read_text().split()] == [64, 64]  # digest, manifest
    result = run("check", *args(spec, out))
    assert result.exit_code == 0, result.output
    assert "unchanged since it was generated" in result.output
    assert pipeline_runs == []
    # The names the directory was generated with are enough (as they are for a full check).
    assert run("check", "--spec", str(spec), "--out", str(out)).exit_code == 0
    assert pipeline_runs == []
    # --full generates and compares anyway.
    assert run("check", "--full", *args(spec, out)).exit_code == 0
    assert pipeline_runs == [1]


@pytest.mark.parametrize(
    ("change", "exit_code"),
    [
        ("document", 1),  # a summary changed: the client's docstrings drift
        ("setting", 1),  # another line length: the layout drifts
        ("deleted file", 1),
        ("edited file", 0),  # an edit that applies to what is generated is not drift
        ("generator", 0),  # another sdkforge (here: only its digest) generating the same files
        ("no record", 0),  # written by an sdkforge that kept none
        ("manifest rewritten", 1),  # by another generator since: the record does not go with it
    ],
)
def test_any_change_makes_check_generate_and_compare(generated, pipeline_runs, monkeypatch, change, exit_code):
    spec, out = generated
    more: list[str] = []
    if change == "document":
        text = spec.read_text()
        spec.write_text(text.replace("summary: Create a new partner", "summary: Create a partner (v2)", 1))
    elif change == "setting":
        config = spec.parent / "wide.yaml"
        config.write_text("line_length: 100\n")
        more = ["--config", str(config)]
    elif change == "deleted file":
        (out / "src" / "dub" / "partners.py").unlink()
    elif change == "edited file":
        target = out / "src" / "dub" / "partners.py"
        target.write_text(target.read_text() + "\n# a note of ours\n")
    elif change == "generator":
        digest = source.engine_digest()
        monkeypatch.setattr(source, "engine_digest", lambda: digest + "-next")
    elif change == "no record":
        (out / SOURCE_RECORD).unlink()
    else:
        manifest = out / MANIFEST
        manifest.write_text(manifest.read_text().replace('"generator": "sdkforge', '"generator": "an older sdkforge'))
    result = run("check", "-q", *args(spec, out, *more))
    assert pipeline_runs == [1], result.output
    assert result.exit_code == exit_code, result.output


def test_an_overlay_is_part_of_the_record(generated, pipeline_runs):
    spec, out = generated
    overlay = spec.parent / "overlay.yaml"
    overlay.write_text(
        "overlay: 1.0.0\ninfo: {title: t, version: '1'}\n"
        "actions:\n  - target: $.info\n    update: {description: An overlaid description.}\n"
    )
    pytest.importorskip("jsonpath")
    assert run("generate", "-q", *args(spec, out, "--overlay", str(overlay))).exit_code == 0
    pipeline_runs.clear()
    assert run("check", "-q", *args(spec, out, "--overlay", str(overlay))).exit_code == 0
    assert pipeline_runs == []
    overlay.write_text(overlay.read_text().replace("An overlaid", "Another overlaid"))
    result = run("check", "-q", *args(spec, out, "--overlay", str(overlay)))
    assert pipeline_runs == [1]
    assert result.exit_code == 1, result.output


def test_a_document_reaching_other_files_records_nothing_and_is_always_compared(tmp_path, pipeline_runs):
    spec = tmp_path / "openapi.yaml"
    spec.write_text(SPLIT_SPEC)
    schemas = tmp_path / "schemas" / "pets.yaml"
    schemas.parent.mkdir()
    schemas.write_text(SPLIT_SCHEMAS)
    out = tmp_path / "out"
    assert run("generate", "-q", "--spec", str(spec), "--out", str(out)).exit_code == 0
    assert (out / SOURCE_RECORD).read_text() == "none\n"
    pipeline_runs.clear()
    assert run("check", "-q", "--spec", str(spec), "--out", str(out)).exit_code == 0
    assert pipeline_runs == [1]
    schemas.write_text(
        schemas.read_text().replace("name: {type: string}", "name: {type: string}\n    age: {type: integer}")
    )
    result = run("check", "-q", "--spec", str(spec), "--out", str(out))
    assert result.exit_code == 1, result.output
