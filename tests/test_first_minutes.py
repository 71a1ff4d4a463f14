"""The first five minutes with your own document: init, a URL as the document, help that helps,
and the README's own-document section followed literally."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
import venv
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner
from conftest import ROOT, Reply

from generator import __version__
from generator.cli import main

DUB = ROOT / "specs" / "dub.yaml"

SPLIT_SPEC = """\
openapi: 3.0.3
info: {title: Pet Shelter API, version: "1"}
servers: [{url: "https://api.example.test"}]
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key}
security: [{key: []}]
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "schemas/pets.yaml#/Pets"}
"""
SPLIT_SCHEMAS = """\
Pets:
  type: array
  items: {$ref: "#/Pet"}
Pet:
  type: object
  properties:
    name: {type: string}
"""


@pytest.fixture
def served(tmp_path):
    """A directory served over HTTP on loopback (a document with a relative $ref next to it)."""
    root = tmp_path / "site"
    (root / "schemas").mkdir(parents=True)
    (root / "openapi.yaml").write_text(SPLIT_SPEC)
    (root / "schemas" / "pets.yaml").write_text(SPLIT_SCHEMAS)
    handler = partial(SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_document_can_be_a_url_and_its_relative_references_resolve_against_it(tmp_path, served, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["generate", "--spec", f"{served}/openapi.yaml", "--out", "out"])
    assert result.exit_code == 0, result.output
    assert "(package pet_shelter_api, client PetShelterAPI)" in result.output
    models = (tmp_path / "out" / "src" / "pet_shelter_api" / "models" / "components" / "__init__.py").read_text()
    assert "Pet" in models
    missing = CliRunner().invoke(main, ["generate", "--spec", f"{served}/nothing.yaml", "--out", "out2"])
    assert missing.exit_code == 2
    assert f"sdkforge: {served}/nothing.yaml: error: cannot download the document: HTTP 404" in missing.output
    unreachable = CliRunner().invoke(main, ["validate", "http://127.0.0.1:9/openapi.json"])
    assert unreachable.exit_code == 2 and "cannot download the document" in unreachable.output
    assert not (tmp_path / "out2").exists()


def test_init_writes_settings_that_generate_and_check_then_use(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(DUB, tmp_path / "dub.yaml")
    runner = CliRunner()
    result = runner.invoke(main, ["init", "--spec", "dub.yaml"])
    assert result.exit_code == 0, result.output
    settings = (tmp_path / "sdkforge.yaml").read_text()
    assert "spec: dub.yaml" in settings and "package_name: dub_co_api" in settings
    assert "env_var: DUB_CO_API_API_KEY" in settings and "# " in settings
    again = runner.invoke(main, ["init", "--spec", "dub.yaml"])
    assert again.exit_code == 2 and "--force" in again.output
    assert runner.invoke(main, ["generate"]).exit_code == 0
    assert (tmp_path / "sdk" / "src" / "dub_co_api" / "sdk.py").exists()
    check = runner.invoke(main, ["check"])
    assert check.exit_code == 0, check.output
    (tmp_path / "broken.yaml").write_text("openapi: 3.0.3\npaths: {}\n")
    broken = runner.invoke(main, ["init", "--spec", "broken.yaml", "--config", "other.yaml"])
    assert broken.exit_code == 2 and not (tmp_path / "other.yaml").exists()


@pytest.mark.parametrize("command", ["generate", "check", "validate", "diff", "init"])
def test_every_command_has_help_with_defaults_and_an_example(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: sdkforge " + command in result.output
    if command in ("generate", "check"):
        assert "Default:" in result.output


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_the_readmes_own_document_section_works_as_written(tmp_path, loopback):
    """The README's first section, followed literally: install sdkforge, generate an SDK for your
    document, `pip install` it into a fresh virtual environment, make the first call."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Generate an SDK for your API", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.*?)```", section, flags=re.S)
    first_call = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert len(commands) == 3 and len(first_call) == 1
    shutil.copy(DUB, tmp_path / "openapi.yaml")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, system_site_packages=True).create(env_dir)
    bin_dir = env_dir / "bin"
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "VIRTUAL_ENV": str(env_dir)}
    env.pop("PYTHONPATH", None)
    replacements = {"path/to/sdkforge": str(ROOT), "python3 -m pip": f"{bin_dir / 'python'} -m pip"}
    for block in commands:
        for line in [line for line in block.strip().splitlines() if line and not line.startswith("#")]:
            for old, new in replacements.items():
                line = line.replace(old, new)
            run = subprocess.run(line, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
            assert run.returncode == 0, f"{line}\n{run.stdout}\n{run.stderr}"
    from dub_payloads import PARTNER

    loopback.on("POST", "/partners", Reply(201, PARTNER))
    code = first_call[0].replace("https://api.dub.co", loopback.url)
    run = subprocess.run([str(bin_dir / "python"), "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert loopback.requests[0].path == "/partners" and PARTNER["id"] in run.stdout
