"""Overlays (OpenAPI Overlay Specification 1.0): fixes to a document applied before it is read."""

from __future__ import annotations

import textwrap

from click.testing import CliRunner
from conftest import ROOT

from generator.cli import main
from generator.options import Options
from generator.pipeline import analyze

DUB = ROOT / "specs" / "dub.yaml"

SPEC = """\
openapi: 3.0.3
info: {title: Pets, version: "1"}
servers: [{url: "https://pets.example"}]
paths:
  /pets:
    get:
      operationId: listPets
      tags: [pets]
      parameters:
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Pet"}}
    post:
      operationId: createPet
      tags: [pets]
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Pet"}
      responses:
        "200": {description: created}
  /internal/debug:
    get:
      operationId: debugDump
      tags: [pets]
      responses:
        "204": {description: ok}
components:
  schemas:
    Pet:
      type: object
      properties:
        name: {type: string}
        age: {type: integer, default: "three"}
"""

FIX = """\
overlay: 1.0.0
info: {title: Fixes for the pets document, version: 1.0.0}
actions:
  - target: $.paths['/internal/debug']
    description: not for customers
    remove: true
  - target: $.paths['/pets'].post.responses
    description: the server answers 201
    update:
      "201":
        description: created
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Pet"}
  - target: $.paths['/pets'].get.parameters
    update: {name: species, in: query, schema: {type: string}}
  - target: $.components.schemas.Pet.properties.age
    update: {default: 3}
"""


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def files(tmp_path, **texts):
    for name, text in texts.items():
        (tmp_path / name.replace("_", ".", 1)).write_text(textwrap.dedent(text))


def test_update_remove_and_append_change_the_generated_sdk(tmp_path):
    files(tmp_path, pets_yaml=SPEC, fix_yaml=FIX)
    plain, _ = analyze(Options(spec=tmp_path / "pets.yaml"))
    fixed, diags = analyze(Options(spec=tmp_path / "pets.yaml", overlays=(tmp_path / "fix.yaml",)))
    assert plain is not None and fixed is not None
    names = {op.name for r in fixed.resources for op in r.operations}
    assert "debug_dump" in {op.name for r in plain.resources for op in r.operations}
    assert "debug_dump" not in names and {"list_pets", "create_pet"} <= names
    ops = {op.name: op for r in fixed.resources for op in r.operations}
    assert [p.wire_name for p in ops["list_pets"].parameters] == ["limit", "species"]
    assert any(r.status == "201" for r in ops["create_pet"].responses)
    # The wrong default ("three" on an integer) is fixed by the overlay, so its warning is gone.
    assert not [d for d in diags.warnings if "default" in d.message]


def test_generate_and_check_take_overlays_from_settings_and_flags_in_order(tmp_path):
    files(
        tmp_path,
        pets_yaml=SPEC,
        fix_yaml=FIX,
        rename_yaml="""\
        overlay: 1.0.0
        info: {title: Names, version: 1.0.0}
        actions:
          - target: $.paths['/pets'].get.parameters[?@.name == 'species']
            update: {description: Documented by the second overlay.}
        """,
    )
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "sdkforge.yaml").write_text(
        "spec: ../pets.yaml\nout: ../sdk\npackage_name: pets\nsdk_name: Pets\noverlays: [../fix.yaml]\n"
    )
    config = tmp_path / "sub" / "sdkforge.yaml"
    result = run("generate", "--config", config, "--overlay", tmp_path / "rename.yaml")
    assert result.exit_code == 0, result.output
    resource = (tmp_path / "sdk" / "src" / "pets" / "pets.py").read_text()
    assert "def debug_dump" not in resource and "def list_pets" in resource
    request = (tmp_path / "sdk" / "src" / "pets" / "models" / "operations" / "listpets.py").read_text()
    assert "species" in request
    assert "Documented by the second overlay." in request  # the second saw the first's change
    assert run("check", "--config", config, "--overlay", tmp_path / "rename.yaml").exit_code == 0
    assert run("check", "--config", config).exit_code == 1  # without the second overlay: drift


def test_a_target_that_matches_nothing_is_a_warning_naming_the_overlay_and_action(tmp_path):
    files(
        tmp_path,
        pets_yaml=SPEC,
        stale_yaml="""\
        overlay: 1.0.0
        info: {title: Stale, version: 1.0.0}
        actions:
          - target: $.info
            update: {description: fine}
          - target: $.paths['/gone'].get
            remove: true
        """,
    )
    result = run("validate", tmp_path / "pets.yaml", "--overlay", tmp_path / "stale.yaml")
    assert result.exit_code == 0, result.output
    expected = f"{tmp_path / 'stale.yaml'}:6:5: warning: overlay action 2 (target $.paths['/gone'].get) matches nothing"
    assert expected in result.output
    # Diagnostics of the document itself still point into the original file.
    assert f"{tmp_path / 'pets.yaml'}:38:30: warning: default 'three'" in result.output


def test_malformed_overlays_are_errors_naming_the_place(tmp_path):
    files(tmp_path, pets_yaml=SPEC)
    cases = {
        "bad_path.yaml": (
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.paths[\n    remove: true\n",
            ":4:5: error: overlay: invalid JSONPath '$.paths[': unexpected end of query at #/actions/0/target",
        ),
        "not_overlay.yaml": ("openapi: 3.0.3\n", "error: overlay: not an overlay document"),
        "version.yaml": (
            "overlay: 2.0.0\ninfo: {}\nactions: []\n",
            ":1:1: error: overlay: unsupported overlay version '2.0.0' (sdkforge reads 1.0.x) at #/overlay",
        ),
        "no_action.yaml": (
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.info\n",
            ":4:5: error: overlay: an action needs `update` or `remove: true`",
        ),
        "scalar.yaml": (
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.info.title\n    update: {x: 1}\n",
            "error: overlay: action 1 updates a string value at $['info']['title']",
        ),
        "root.yaml": (
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - {target: $, remove: true}\n",
            "cannot be removed",
        ),
    }
    for name, (text, expected) in cases.items():
        (tmp_path / name).write_text(text)
        for command in (
            ["validate", tmp_path / "pets.yaml"],
            ["generate", "--spec", tmp_path / "pets.yaml", "--out", tmp_path / "o"],
        ):
            result = run(*command, "--overlay", tmp_path / name)
            assert result.exit_code == 2, (name, result.output)
            assert str(tmp_path / name) in result.output and expected in result.output, (name, result.output)
            assert "Traceback" not in result.output and "internal error" not in result.output
    assert not (tmp_path / "o").exists()  # nothing half-written
    missing = run("validate", tmp_path / "pets.yaml", "--overlay", tmp_path / "nope.yaml")
    assert missing.exit_code == 2 and "nope.yaml: error: file not found" in missing.output


def test_diff_applies_the_overlays_to_both_documents(tmp_path):
    files(tmp_path, pets_yaml=SPEC, fix_yaml=FIX)
    newer = SPEC.replace(
        "        name: {type: string}\n", "        name: {type: string}\n        color: {type: string}\n"
    )
    (tmp_path / "newer.yaml").write_text(newer)
    result = run("diff", tmp_path / "pets.yaml", tmp_path / "newer.yaml", "--overlay", tmp_path / "fix.yaml")
    assert result.exit_code == 0, result.output
    assert "color added" in result.output
    assert "debug_dump" not in result.output  # removed from both by the overlay: not a change


def test_a_setting_that_is_not_a_list_of_files_is_refused(tmp_path):
    files(tmp_path, pets_yaml=SPEC)
    (tmp_path / "sdkforge.yaml").write_text("spec: pets.yaml\nout: sdk\noverlays: {a: 1}\n")
    result = run("generate", "--config", tmp_path / "sdkforge.yaml")
    assert result.exit_code == 2 and "overlays must be a list of overlay files" in result.output
