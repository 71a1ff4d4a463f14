"""The SDK's own names and output place: refused when they cannot work, derived when not given,
remembered by the directory they were generated into."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import ROOT

from generator.cli import main

DUB = ROOT / "specs" / "dub.yaml"


def run(*args: str, cwd=None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, list(args))
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(main, list(args))


@pytest.mark.parametrize(
    "flag,value,suggestion",
    [
        ("--sdk-name", "class", "'Class'"),
        ("--sdk-name", "None", "'NoneClient'"),
        ("--sdk-name", "lambda", "'Lambda'"),
        ("--sdk-name", "Page", "'PageClient'"),  # a name the runtime exports
        ("--package-name", "class", "'class_sdk'"),
        ("--package-name", "async", "'async_sdk'"),
        ("--package-name", "my-sdk", "'my_sdk'"),
        ("--package-name", "json", "'json_sdk'"),
    ],
)
def test_names_that_cannot_work_are_refused_naming_the_option(tmp_path, flag, value, suggestion):
    out = tmp_path / "out"
    result = run("generate", "--spec", str(DUB), "--out", str(out), flag, value)
    assert result.exit_code == 2, result.output
    assert f"sdkforge: {flag}: error: {value!r}" in result.output and suggestion in result.output
    assert "<spec>" not in result.output and "internal error" not in result.output
    assert not out.exists()


def test_a_bad_name_in_the_settings_file_is_named_there(tmp_path):
    settings = tmp_path / "sdkforge.yaml"
    settings.write_text(f"spec: {DUB}\nout: out\npackage_name: for\n")
    result = run("generate", "--config", str(settings))
    assert result.exit_code == 2
    assert f"package_name in {settings}: error: 'for'" in result.output


def test_names_come_from_the_title_and_are_remembered_by_the_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no settings file around
    out = tmp_path / "out"
    first = run("generate", "--spec", str(DUB), "--out", str(out))
    assert first.exit_code == 0, first.output
    assert "(package dub_co_api, client DubCoAPI)" in first.output  # info.title: Dub.co API
    assert (out / "src" / "dub_co_api" / "sdk.py").read_text().count("class DubCoAPI(ClientBase):") == 1
    manifest = json.loads((out / ".sdkforge-manifest.json").read_text())
    assert manifest["options"] == {"package_name": "dub_co_api", "sdk_name": "DubCoAPI", "sdk_version": "0.1.0"}

    # Named on the command line once, the names stay with the directory.
    named = run("generate", "--spec", str(DUB), "--out", str(out), "--package-name", "spotify", "--sdk-name", "Spotify")
    assert named.exit_code == 0, named.output
    assert "note: the package is 'spotify'" in named.output and "'dub_co_api'" in named.output
    assert not (out / "src" / "dub_co_api").exists()
    check = run("check", "--spec", str(DUB), "--out", str(out))
    assert check.exit_code == 0, check.output
    again = run("generate", "--spec", str(DUB), "--out", str(out))
    assert "(package spotify, client Spotify)" in again.output and "0 files written" in again.output
    # A flag that differs is said plainly, and the check fails on the renamed files.
    other = run("check", "--spec", str(DUB), "--out", str(out), "--package-name", "other")
    assert other.exit_code == 1
    assert "note: the package is 'other'; " in other.output and "was generated with 'spotify'" in other.output


def test_a_title_that_is_a_sentence_gives_short_names(tmp_path, monkeypatch):
    """Names derived from a long title are those of its first words (a package directory named
    by a whole sentence would not even fit a file system)."""
    monkeypatch.chdir(tmp_path)
    title = "The Example API lets you read and write every resource of an example service " * 6
    spec = tmp_path / "long.yaml"
    spec.write_text(DUB.read_text().replace("title: Dub.co API", f"title: {title.strip()}", 1))
    result = run("generate", "--spec", str(spec), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "(package the_example_api_lets_you_read_and_write, client TheExampleAPILetsYouReadAndWrite)" in result.output
    assert (tmp_path / "out" / "src" / "the_example_api_lets_you_read_and_write" / "sdk.py").is_file()


def test_an_output_place_that_cannot_be_used_is_the_users_error(tmp_path):
    a_file = tmp_path / "afile"
    a_file.write_text("x")
    for out, reason in ((a_file, "names a file, not a directory"), (a_file / "sub", f"{a_file} is a file")):
        result = run("generate", "--spec", str(DUB), "--out", str(out))
        assert result.exit_code == 2, result.output
        assert f"sdkforge: --out {out}: error: {reason}" in result.output
        assert "internal error" not in result.output and "sdkforge-" not in result.output
    assert a_file.read_text() == "x"
