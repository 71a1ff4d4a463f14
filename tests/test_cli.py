"""The `sdkforge` command line: generate, check, and clear errors for unusable input."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import GENERATED, ROOT

from generator.cli import main

MINIMAL = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n"


def _run(args, cwd=None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, args)
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(main, args)


@pytest.mark.parametrize(
    "content,expected",
    [
        ("", "the file is empty"),
        ("openapi: 3.0.3\ninfo: [unclosed\n", "invalid YAML"),
        ("- a\n- b\n", "must be a mapping, but this one is a list"),
        ("swagger: '1.2'\ninfo: {title: T, version: '1'}\npaths: {}\n", "Swagger 1.2 documents are not supported"),
        ("swagger: '2.0'\npaths: {}\n", "no 'info' object"),  # converted first, then checked like any document
        ("openapi: 4.0.0\ninfo: {title: T, version: '1'}\npaths: {}\n", "unsupported OpenAPI version"),
        ("openapi: 3.0.3\npaths: {}\n", "no 'info' object"),
        ("openapi: 3.0.3\ninfo: {title: T, version: '1'}\n", "no 'paths' object"),
        (
            MINIMAL.replace(
                "paths: {}", "paths:\n  /a:\n    get:\n      responses:\n        '200': {$ref: 'missing.yaml#/R'}"
            ),
            "cannot be loaded",
        ),
        (b"\x89PNG\x00\x01binary", "binary"),
        (
            MINIMAL.replace(
                "paths: {}",
                "paths:\n  /a:\n    get:\n      responses:\n        '200': {$ref: '#/components/responses/Gone'}",
            ),
            "points to nothing",
        ),
    ],
)
def test_unusable_documents_exit_2_with_a_located_message(tmp_path, content, expected):
    spec = tmp_path / "spec.yaml"
    spec.write_bytes(content if isinstance(content, bytes) else content.encode())
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("previous output")
    result = _run(["generate", "--spec", str(spec), "--out", str(out), "--package-name", "p", "--sdk-name", "C"])
    assert result.exit_code == 2, result.output
    assert expected in result.output and str(spec) in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]


def test_invalid_yaml_names_the_line(tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text("openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\npaths:\n  /a: {get: [}\n")
    result = _run(["generate", "--spec", str(spec), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert f"{spec}:6:" in result.output


def test_missing_spec_file(tmp_path):
    result = _run(["generate", "--spec", str(tmp_path / "nope.yaml"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "file not found" in result.output


def test_generate_then_check_then_drift(tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        MINIMAL.replace(
            "paths: {}",
            "paths:\n  /ping:\n    get:\n      operationId: ping\n      responses: {'204': {description: ok}}",
        )
    )
    out = tmp_path / "out"
    args = ["--spec", str(spec), "--out", str(out), "--package-name", "ping_sdk", "--sdk-name", "Ping"]
    first = _run(["generate", *args])
    assert first.exit_code == 0, first.output
    assert "1 operations" in first.output and "files written" in first.output
    assert (out / "src" / "ping_sdk" / "sdk.py").is_file()
    assert _run(["check", *args]).exit_code == 0
    again = _run(["generate", *args])
    assert "0 files written" in again.output  # unchanged files are not rewritten
    target = out / "src" / "ping_sdk" / "sdk.py"
    target.write_text(target.read_text() + "# edited\n")
    edited = _run(["check", *args])  # an edit that regenerating keeps is no drift
    assert edited.exit_code == 0 and "edited: src/ping_sdk/sdk.py" in edited.output
    spec.write_text(spec.read_text().replace("operationId: ping", "operationId: ping\n      summary: Ping it"))
    drift = _run(["check", *args])
    assert drift.exit_code == 1
    assert (
        "differs: src/ping_sdk/sdk.py" in drift.output
        and "+# edited" not in drift.output
        and "-# edited" in drift.output
    )
    target.unlink()
    missing = _run(["check", *args])
    assert missing.exit_code == 1 and "missing: src/ping_sdk/sdk.py" in missing.output


def test_user_files_in_the_output_survive(tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text(MINIMAL)
    out = tmp_path / "out"
    out.mkdir()
    (out / "NOTES.md").write_text("mine")
    args = ["generate", "--spec", str(spec), "--out", str(out), "--package-name", "p", "--sdk-name", "C"]
    assert _run(args).exit_code == 0
    assert _run(args).exit_code == 0
    assert (out / "NOTES.md").read_text() == "mine"


def test_defaults_come_from_sdkforge_yaml(tmp_path):
    shutil.copy(ROOT / "specs" / "dub.yaml", tmp_path / "dub.yaml")
    (tmp_path / "sdkforge.yaml").write_text(
        "spec: dub.yaml\nout: sdk\npackage_name: dub\nsdk_name: Dub\nsdk_version: 0.1.0\nenv_var: DUB_API_KEY\n"
    )
    runner = CliRunner()
    import os

    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = runner.invoke(main, ["generate", "--quiet"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    for rel in ("src/dub/partners.py", "docs/sdks/partners/README.md", "README.md", "pyproject.toml"):
        assert (tmp_path / "sdk" / rel).read_text() == (GENERATED / rel).read_text()


def test_unknown_config_key_is_reported(tmp_path):
    (tmp_path / "bad.yaml").write_text("spec: x.yaml\nout: o\nlanguage: go\n")
    result = _run(["generate", "--config", str(tmp_path / "bad.yaml")])
    assert result.exit_code == 2 and "unknown setting(s): language" in result.output


def test_installed_entry_point():
    exe = shutil.which("sdkforge")
    if exe is None:
        pytest.skip("sdkforge is not installed in this environment (pip install -e .)")
    result = subprocess.run([exe, "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    help_text = subprocess.run([exe, "--help"], capture_output=True, text=True).stdout
    assert "generate" in help_text and "check" in help_text


def test_module_entry_point_help():
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "generate", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0 and "--package-name" in result.stdout


def test_ref_cycle_without_structure_is_an_error(tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        MINIMAL.replace(
            "paths: {}",
            "paths:\n  /a:\n    get:\n      responses:\n"
            "        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}\n"
            "components:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n",
        )
    )
    out = tmp_path / "out"
    result = _run(["generate", "--spec", str(spec), "--out", str(out), "--package-name", "p", "--sdk-name", "C"])
    assert result.exit_code == 2 and "$ref cycle" in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_internal_errors_are_one_line_without_traceback(tmp_path, monkeypatch):
    import generator.cli as cli

    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(cli, "run_pipeline", broken)
    spec = tmp_path / "spec.yaml"
    spec.write_text(MINIMAL)
    result = _run(["generate", "--spec", str(spec), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "internal error: KeyError" in result.output and "Traceback" not in result.output
