"""The workflow around the generator: validate, diff, safe output, config, determinism."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import ROOT

from generator import write as write_module
from generator.cli import main

DUB = ROOT / "specs" / "dub.yaml"


def run(*args):
    return CliRunner().invoke(main, list(args))


def gen_args(spec, out):
    return ["--spec", str(spec), "--out", str(out), "--package-name", "dub", "--sdk-name", "Dub"]


# ---------------------------------------------------------------- validate


def test_validate_clean_spec():
    result = run("validate", str(DUB))
    assert result.exit_code == 0 and "0 error(s), 0 warning(s)" in result.output


def test_validate_warnings_and_strict(tmp_path):
    spec = tmp_path / "s.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n"
        "      parameters: [{name: x, in: query, schema: {type: boolean, default: 'yes'}}]\n"
        "      responses: {'200': {description: ok}}\n"
    )
    result = run("validate", str(spec))
    assert result.exit_code == 0
    assert f"{spec}:6:" in result.output and "warning" in result.output
    assert "#/paths/~1a/get/parameters/0/schema/default" in result.output
    assert run("validate", "--strict", str(spec)).exit_code == 1


def test_validate_errors_and_unreadable(tmp_path):
    spec = tmp_path / "s.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n"
        "      responses: {'200': {$ref: '#/components/responses/Nope'}}\n"
    )
    result = run("validate", str(spec))
    assert result.exit_code == 1 and "error" in result.output and f"{spec}:6:" in result.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: [\n")
    result = run("validate", str(bad))
    assert result.exit_code == 2 and "invalid YAML" in result.output


# ---------------------------------------------------------------- diff


def _variant(tmp_path, name, *replacements):
    text = DUB.read_text()
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text)
    return path


def test_diff_breaking_changes(tmp_path):
    new = _variant(
        tmp_path,
        "new.yaml",
        (
            '                key: {type: string, maxLength: 190, description: "The short link slug. If not provided, a random 7-character slug will be generated."}\n',
            "",
        ),
        ("required: [programId, url]", "required: [programId, url, tenantId]"),
        ("x-speakeasy-name-override: analytics", "x-speakeasy-name-override: stats"),
        ("enum: [approved, pending, rejected]", "enum: [approved, pending]"),
    )
    result = run("diff", str(DUB), str(new))
    assert result.exit_code == 1
    out = result.output
    assert "suggested version bump: major" in out
    assert "`partners.create_link()`: request.key removed — **breaking**" in out
    assert "`partners.create_link()`: request.tenant_id is now required — **breaking**" in out
    assert "`partners.analytics()`: renamed to partners.stats() — **breaking**" in out
    assert "response.status: enum value 'rejected' removed — compatible" in out


def test_diff_compatible_changes_json(tmp_path):
    new = _variant(
        tmp_path,
        "new.yaml",
        (
            "enum: [top_links, timeseries, count], default: count",
            "enum: [top_links, timeseries, count, hourly], default: count",
        ),
        (
            "        earnings: {type: number, default: 0}\n    PartnerAnalyticsTimeseries:",
            "        earnings: {type: number, default: 0}\n        currency: {type: string}\n    PartnerAnalyticsTimeseries:",
        ),
    )
    result = run("diff", str(DUB), str(new), "--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["breaking"] is False and payload["suggested_bump"] == "minor"
    whats = {(c["where"], c["what"]) for c in payload["changes"]}
    assert ("partners.analytics()", "request.group_by: enum value 'hourly' added") in whats
    assert all(not c["breaking"] for c in payload["changes"])


def test_diff_method_added_and_removed(tmp_path):
    removed = _variant(
        tmp_path, "removed.yaml", ("  /partners/analytics:\n    get:", "  /partners/analytics:\n    x-get:")
    )
    assert "`partners.analytics()`: method removed — **breaking**" in run("diff", str(DUB), str(removed)).output
    added = run("diff", str(removed), str(DUB))
    assert added.exit_code == 0 and "`partners.analytics()`: method added — compatible" in added.output


NESTED = """
openapi: 3.0.3
info: {title: Nested, version: "1"}
paths:
  /users/settings:
    get:
      operationId: getA
      x-speakeasy-group: users.settings
      responses: {"200": {description: ok}}
  /admin/settings:
    get:
      operationId: getA2
      x-speakeasy-name-override: getA
      x-speakeasy-group: admin.settings
      responses: {"200": {description: ok}}
  /shapes:
    post:
      operationId: addShape
      requestBody:
        required: true
        content:
          application/json:
            schema:
              oneOf:
                - {type: object, properties: {radius: {type: number}}}
                - {type: object, properties: {side: {type: number}}}
      responses: {"200": {description: ok}}
"""


def test_diff_keys_methods_by_their_full_path_and_compares_union_members(tmp_path):
    old = tmp_path / "old.yaml"
    old.write_text(NESTED)
    gone = tmp_path / "gone.yaml"
    gone.write_text(NESTED.replace("  /admin/settings:\n    get:", "  /admin/settings:\n    x-get:"))
    result = run("diff", str(old), str(gone))
    assert result.exit_code == 1, result.output
    assert "`admin.settings.get_a()`: method removed — **breaking**" in result.output
    assert "users.settings" not in result.output and "suggested version bump: major" in result.output
    retyped = tmp_path / "retyped.yaml"
    retyped.write_text(NESTED.replace("side: {type: number}", "side: {type: string}"))
    result = run("diff", str(old), str(retyped))
    assert "No change visible" not in result.output
    assert "`shapes.add()`: request<member 2>.side: type float -> str — **breaking**" in result.output


def test_diff_unusable_document(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- not a document\n")
    result = run("diff", str(DUB), str(bad))
    assert result.exit_code == 2 and str(bad) in result.output


# ---------------------------------------------------------------- safe output


def test_crash_mid_write_leaves_previous_output(tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert run("generate", *gen_args(DUB, out)).exit_code == 0
    (out / "mine.txt").write_text("user file")
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    changed = _variant(
        tmp_path,
        "changed.yaml",
        ("summary: Create a new partner", "summary: Create a partner (v2)"),
        ("summary: Retrieve analytics for a partner", "summary: Partner analytics"),
    )
    calls = {"n": 0}
    real = write_module._stage_write

    def crashing(path, data, fresh=False):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt("injected")
        real(path, data, fresh)

    monkeypatch.setattr(write_module, "_stage_write", crashing)
    result = CliRunner().invoke(main, ["generate", *gen_args(changed, out)])
    assert result.exit_code != 0 and calls["n"] == 2
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []  # no staging left behind


def _tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("stop_at", range(1, 7))  # the commit, then 5 renames
def test_write_interrupted_after_its_commit_is_completed_by_the_next_reader(tmp_path, monkeypatch, stop_at):
    """A regeneration changes files in place after committing a journal: interrupted at any
    rename, the directory is either as it was (before the commit) or completed by the next
    command that reads it, to exactly what an uninterrupted write gives."""
    first = write_module.with_manifest({"a.py": "a = 1\n", "pkg/b.py": "b = 1\n", "pkg/old/gone.py": "x = 1\n"})
    second = write_module.with_manifest({"a.py": "a = 2\n", "pkg/b.py": "b = 1\n", "pkg/new/c.py": "c = 1\n"})
    expected = tmp_path / "expected"
    write_module.write_output(expected, first)
    write_module.write_output(expected, second)
    out = tmp_path / "out"
    write_module.write_output(out, first)
    before = _tree(out)
    real, calls = os.replace, {"n": 0}

    def interrupted(src, dst):
        calls["n"] += 1
        if calls["n"] == stop_at:
            raise KeyboardInterrupt("injected")
        real(src, dst)

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_module.write_output(out, second)
    monkeypatch.setattr(os, "replace", real)
    committed = (out / write_module.JOURNAL).exists()
    assert committed == (stop_at > 1)  # the first rename is the commit
    if not committed:
        assert _tree(out) == before
    assert (
        write_module.read_manifest(out)["files"]
        == json.loads(second[write_module.MANIFEST] if committed else first[write_module.MANIFEST])["files"]
    )
    assert _tree(out) == (_tree(expected) if committed else before)
    assert sorted(os.listdir(out / ".sdkforge")) == sorted(os.listdir(expected / ".sdkforge"))
    assert not (out / "pkg" / "old").exists() or not committed  # emptied directories go too


def test_unchanged_files_keep_their_timestamps_and_edits_are_kept(tmp_path):
    out = tmp_path / "out"
    assert run("generate", *gen_args(DUB, out)).exit_code == 0
    sdk = out / "src" / "dub" / "sdk.py"
    partners = out / "src" / "dub" / "partners.py"
    os.utime(sdk, (1_000_000, 1_000_000))
    partners.write_text(partners.read_text() + "# my tweak\n")
    changed = _variant(
        tmp_path,
        "changed.yaml",
        ("summary: Create a new partner", "summary: Create a partner"),
        ("summary: Create a link for a partner", "summary: Create a partner link"),
    )
    result = run("generate", *gen_args(changed, out))
    assert result.exit_code == 0
    assert f"merged your edits to {partners}" in result.output
    assert sdk.stat().st_mtime == 1_000_000  # not rewritten
    # The edit survives, and the spec's change reached the same file.
    assert partners.read_text().endswith("# my tweak\n") and '"""Create a partner link' in partners.read_text()
    assert "Create a partner link" in (out / "docs" / "sdks" / "partners" / "README.md").read_text()
    forced = run("generate", "--force", *gen_args(changed, out))
    assert forced.exit_code == 0 and "# my tweak" not in partners.read_text()
    assert f"--force: discarded your edits to {partners}:" in forced.output and "+# my tweak" in forced.output


def test_files_of_removed_operations_are_removed(tmp_path):
    out = tmp_path / "out"
    assert run("generate", *gen_args(DUB, out)).exit_code == 0
    module = out / "src" / "dub" / "models" / "operations" / "retrievepartneranalytics.py"
    assert module.exists()
    smaller = _variant(
        tmp_path, "smaller.yaml", ("  /partners/analytics:\n    get:", "  /partners/analytics:\n    x-get:")
    )
    result = run("generate", *gen_args(smaller, out))
    assert result.exit_code == 0 and "removed" in result.output
    assert not module.exists()


def test_output_is_identical_across_hash_seeds(tmp_path):
    digests = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "generator.cli", "generate", *gen_args(DUB, out), "-q"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        digests.append((out / ".sdkforge-manifest.json").read_text())
    assert digests[0] == digests[1]


def test_config_from_pyproject(tmp_path):
    shutil.copy(DUB, tmp_path / "api.yaml")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sdkforge]\nspec = "api.yaml"\nout = "client"\npackage-name = "dubby"\nsdk-name = "Dubby"\n'
    )
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["generate"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    assert "class Dubby(" in (tmp_path / "client" / "src" / "dubby" / "sdk.py").read_text()


@pytest.mark.parametrize("command", [["validate", str(DUB)], ["diff", str(DUB), str(DUB)]])
def test_installed_entry_point_commands(command):
    exe = shutil.which("sdkforge")
    if exe is None:
        pytest.skip("sdkforge is not installed here (pip install -e .)")
    result = subprocess.run([exe, *command], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_reader_that_stops_early_is_no_error(tmp_path):
    """`sdkforge check | head -1` on drifted output: the command stops quietly when its reader goes
    away (exit 1, no 'internal error')."""
    exe = shutil.which("sdkforge")
    if exe is None:
        pytest.skip("sdkforge is not installed here (pip install -e .)")
    out = tmp_path / "out"
    assert run("generate", *gen_args(DUB, out)).exit_code == 0
    changed = _variant(tmp_path, "changed.yaml", ("summary: Create a new partner", "summary: Create a partner (v2)"))
    check = subprocess.Popen([exe, "check", *gen_args(changed, out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert check.stdout is not None and check.stderr is not None
    check.stdout.close()  # the reader goes away while the document is still being read
    assert check.wait(timeout=60) == 1
    assert b"internal error" not in check.stderr.read()


def test_every_command_has_help():
    for command in ("generate", "check", "validate", "diff"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Usage:" in result.output


def test_line_length_option(tmp_path):
    (tmp_path / "sdkforge.yaml").write_text(
        f"spec: {DUB}\nout: wide\npackage_name: dub\nsdk_name: Dub\nline_length: 120\n"
    )
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["generate", "-q"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    src = tmp_path / "wide" / "src"
    check = subprocess.run(
        [sys.executable, "-m", "black", "--check", "-q", "-l", "120", str(src)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    assert subprocess.run([sys.executable, "-m", "black", "--check", "-q", str(src)]).returncode == 1  # differs at 88
    assert run("generate", "--config", str(tmp_path / "sdkforge.yaml")).exit_code == 0
    (tmp_path / "bad.yaml").write_text(f"spec: {DUB}\nout: o\nline_length: 5\n")
    assert run("generate", "--config", str(tmp_path / "bad.yaml")).exit_code == 2


def test_regeneration_reuses_exactly_the_files_whose_inputs_did_not_change(tmp_path, monkeypatch):
    """A regeneration reads back untouched files whose input digest is unchanged, and its output is
    byte for byte what a generation from scratch gives."""
    from generator import pipeline, render
    from generator.options import Options

    out = tmp_path / "out"
    assert run("generate", *gen_args(DUB, out)).exit_code == 0
    changed = _variant(
        tmp_path,
        "changed.yaml",
        ("summary: Create a new partner", "summary: Create a partner (v2)"),
        ("description: Full legal name of the partner.", "description: The partner's full legal name."),
    )
    rendered: list = []
    real_run = render.Renderer.run
    # Files copied as they are (the runtime, py.typed) are not rendered: only templates count.
    monkeypatch.setattr(
        render.Renderer, "run", lambda self, job: (job[1] != "text" and rendered.append(job[0])) or real_run(self, job)
    )
    config = Options(spec=changed, out=out, package_name="dub", sdk_name="Dub")
    reused = pipeline.generate(config, reuse=True)
    fresh_rendered, again = len(rendered), list(rendered)
    rendered.clear()
    scratch = pipeline.generate(config, reuse=False)
    assert reused.files == scratch.files
    copied = [rel for rel in scratch.files if "/_runtime/" in rel or rel.endswith("py.typed")]
    assert len(rendered) == len(scratch.files) - 1 - len(copied)  # all but the manifest, from scratch
    # Only the partners resource (its summary) and the models holding the edited field are rendered
    # again, besides the files made from the whole API (client, README, package indexes).
    assert fresh_rendered < len(rendered) / 2
    assert "src/dub/partners.py" in again and "docs/sdks/partners/README.md" in again
    # The fakes, the webhooks and the package's metadata do not read summaries or descriptions.
    assert not {"src/dub/testing.py", "pyproject.toml", "src/dub/__init__.py"} & set(again)


def test_an_edited_file_or_another_generator_is_never_reused(tmp_path, monkeypatch):
    from generator import pipeline, render
    from generator.options import Options

    out = tmp_path / "out"
    assert run("generate", *gen_args(DUB, out)).exit_code == 0
    config = Options(spec=DUB, out=out, package_name="dub", sdk_name="Dub")
    previous = pipeline.Previous(out)
    path = "src/dub/partners.py"
    key = previous.inputs[path]
    assert previous.reuse(path, key) == (out / path).read_text()
    (out / path).write_text((out / path).read_text() + "# edited\n")
    assert previous.reuse(path, key) is None  # edited by hand: rendered again
    assert previous.reuse("src/dub/sdk.py", key) is None  # not the digest recorded for that file
    monkeypatch.setattr(render, "engine_digest", lambda: "another-generator")
    assert pipeline.generate(config, reuse=True).files[path] != (out / path).read_text()


_SHOP = {
    "openapi": "3.0.3",
    "info": {"title": "Shop", "version": "1"},
    "paths": {
        "/orders": {
            "post": {
                "operationId": "createOrder",
                "tags": ["orders"],
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}},
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Receipt"}}},
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Order": {
                "type": "object",
                "required": ["item"],
                "properties": {
                    "item": {"$ref": "#/components/schemas/Item"},
                    "speed": {"$ref": "#/components/schemas/Speed"},
                },
            },
            "Item": {"type": "object", "properties": {"sku": {"type": "string"}}},
            "Speed": {"type": "string", "enum": ["slow", "fast"], "default": "slow"},
            "Receipt": {"type": "object", "properties": {"total": {"type": "number"}}},
        }
    },
}


def _shop_variants():
    def renamed_item(doc):  # the type another module imports gets another name (and module)
        schemas = doc["components"]["schemas"]
        schemas["Article"] = schemas.pop("Item")
        schemas["Order"]["properties"]["item"] = {"$ref": "#/components/schemas/Article"}

    def new_default(doc):  # a default that names another module's enum member
        doc["components"]["schemas"]["Speed"]["enum"] = ["slow", "fast", "express"]
        doc["components"]["schemas"]["Order"]["properties"]["speed"] = {
            "allOf": [{"$ref": "#/components/schemas/Speed"}],
            "default": "express",
        }

    def receipt_becomes_input(doc):  # a type used in a request too gets a TypedDict twin
        doc["paths"]["/orders"]["put"] = {
            "operationId": "replaceReceipt",
            "tags": ["orders"],
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Receipt"}}}},
            "responses": {"204": {"description": "done"}},
        }

    def item_gains_a_field(doc):
        doc["components"]["schemas"]["Item"]["properties"]["count"] = {"type": "integer"}

    # (change, model module that must be rendered again, whether its text changes, one that is reused)
    return [
        (renamed_item, "order", True, "receipt"),
        (new_default, "order", True, "receipt"),
        (receipt_becomes_input, "receipt", True, "order"),
        (item_gains_a_field, "order", False, "receipt"),  # refers to Item: rendered again, same text
    ]


@pytest.mark.parametrize("mutate, again, differs, kept", _shop_variants(), ids=lambda v: getattr(v, "__name__", ""))
def test_reused_output_equals_scratch_when_types_a_module_refers_to_change(tmp_path, mutate, again, differs, kept):
    """A model module's file is reused only when its own types and every type they refer to are
    unchanged: a change to a referenced type (its name, members, fields, or its role) re-renders
    the modules that use it, and the result is what a generation from scratch gives."""
    import copy

    from generator import pipeline
    from generator.options import Options
    from generator.write import write_output

    base, changed = tmp_path / "base.json", tmp_path / "changed.json"
    base.write_text(json.dumps(_SHOP))
    doc = copy.deepcopy(_SHOP)
    mutate(doc)
    changed.write_text(json.dumps(doc))
    out = tmp_path / "out"
    first = pipeline.generate(Options(spec=base, out=out, package_name="shop", sdk_name="Shop"))
    write_output(out, first.files)
    config = Options(spec=changed, out=out, package_name="shop", sdk_name="Shop")
    reused = pipeline.generate(config, reuse=True)
    scratch = pipeline.generate(config, reuse=False)
    assert reused.files == scratch.files
    again_path, kept_path = (f"src/shop/models/components/{name}.py" for name in (again, kept))
    assert again_path not in reused.unchanged and kept_path in reused.unchanged
    assert (reused.files[again_path] != first.files[again_path]) is differs


def test_compiled_template_cache_is_only_a_shortcut(tmp_path, monkeypatch):
    """Compiled templates are kept in the cache directory; garbled entries, or a cache directory that
    cannot be made, change nothing in the output."""
    from generator import pipeline
    from generator.options import Options

    config = Options(spec=DUB, out=tmp_path / "out", package_name="dub", sdk_name="Dub")
    cache = tmp_path / "cache"
    monkeypatch.setenv("SDKFORGE_CACHE_DIR", str(cache))
    first = pipeline.generate(config).files
    entries = list(cache.rglob("*.cache"))
    assert entries  # compiled templates were kept
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:40] + b"\x00garbled")
    assert pipeline.generate(config).files == first
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setenv("SDKFORGE_CACHE_DIR", str(blocker))
    assert pipeline.generate(config).files == first


def _dub_config(tmp_path):
    from generator.options import Options

    return Options(spec=DUB, out=tmp_path / "out", package_name="dub", sdk_name="Dub")


def _produce_in_parallel(monkeypatch, tmp_path):
    """Dub's files, rendered by this process and two forked copies (however few the jobs)."""
    from generator import parallel, pipeline

    monkeypatch.setattr(parallel, "PARALLEL_MIN_JOBS", 0)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 3)
    return pipeline.generate(_dub_config(tmp_path)).files


def test_work_of_a_lost_worker_is_done_by_the_main_process(tmp_path, monkeypatch):
    """Rendering is shared with forked copies of the process; when one dies mid-way, the chunks it
    took are rendered by the main process and the output is complete and the same."""
    import os

    from generator import parallel, pipeline

    expected = pipeline.generate(_dub_config(tmp_path)).files  # in one process
    main, real = os.getpid(), parallel._run_chunk

    def dies_in_a_copy(indices):
        if os.getpid() != main:
            os._exit(9)
        return real(indices)

    monkeypatch.setattr(parallel, "_run_chunk", dies_in_a_copy)
    assert _produce_in_parallel(monkeypatch, tmp_path) == expected


def test_an_error_in_a_worker_is_raised_by_the_main_process(tmp_path, monkeypatch):
    from generator import parallel

    real = parallel.Renderer.run

    def broken(self, job):
        if job[0].endswith("/partners.py"):
            raise ZeroDivisionError("injected")
        return real(self, job)

    monkeypatch.setattr(parallel.Renderer, "run", broken)
    with pytest.raises(ZeroDivisionError, match="injected"):
        _produce_in_parallel(monkeypatch, tmp_path)


def test_without_shared_memory_rendering_stays_in_one_process(tmp_path, monkeypatch):
    """Where the workers' shared counter cannot be made (no /dev/shm), generation still works."""
    import multiprocessing.context

    from generator import pipeline

    expected = pipeline.generate(_dub_config(tmp_path)).files

    def no_shared_memory(self, *args, **kwargs):
        raise FileNotFoundError("/dev/shm")

    monkeypatch.setattr(multiprocessing.context.BaseContext, "Value", no_shared_memory)
    assert _produce_in_parallel(monkeypatch, tmp_path) == expected
