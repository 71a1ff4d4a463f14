"""Regenerating over an SDK edited by hand: edits are merged into the new code (three-way, with what
sdkforge generated last as the base), conflicts are marked and reported, nothing is lost."""

from __future__ import annotations

import shutil

from click.testing import CliRunner
from conftest import ROOT

from generator.cli import main
from generator.merge import merge3

DUB = ROOT / "specs" / "dub.yaml"
EDIT = '        print("audit: creating a partner")  # my edit\n'
# The first statement of `Partners.create`'s body (the sync method comes first in the file).
CREATE_BODY = "        return self._request(\n            _create_op(),\n"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def generate(spec, out, *extra):
    return run("generate", "--spec", spec, "--out", out, "--package-name", "dub", "--sdk-name", "Dub", *extra)


def spec_with(tmp_path, *replacements, name="dub.yaml"):
    text = DUB.read_text()
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text)
    return path


def edit_create_body(partners):
    text = partners.read_text()
    assert text.count(CREATE_BODY) == 1
    partners.write_text(text.replace(CREATE_BODY, EDIT + CREATE_BODY))


def test_an_edit_survives_a_change_to_another_operation_in_the_same_file(tmp_path):
    out = tmp_path / "sdk"
    assert generate(DUB, out).exit_code == 0
    partners = out / "src" / "dub" / "partners.py"
    edit_create_body(partners)
    changed = spec_with(tmp_path, ("summary: Retrieve analytics for a partner", "summary: Partner analytics"))
    result = generate(changed, out)
    assert result.exit_code == 0, result.output
    assert f"merged your edits to {partners} into the new code" in result.output
    text = partners.read_text()
    assert EDIT + CREATE_BODY in text  # the edit, where it was
    assert '"""Partner analytics\n' in text and '"""Retrieve analytics for a partner\n' not in text  # the new code
    assert "<<<<<<<" not in text
    # Generating again changes nothing, and `check` sees an edit, not drift.
    again = generate(changed, out)
    assert again.exit_code == 0 and partners.read_text() == text
    checked = run("check", "--spec", changed, "--out", out)
    assert checked.exit_code == 0 and "edited: src/dub/partners.py" in checked.output


def test_an_edit_survives_a_change_to_the_same_method(tmp_path):
    out = tmp_path / "sdk"
    assert generate(DUB, out).exit_code == 0
    partners = out / "src" / "dub" / "partners.py"
    edit_create_body(partners)
    # The description of `create` is its docstring, a few lines above the edited body.
    changed = spec_with(
        tmp_path,
        ("summary: Create a new partner", "summary: Create or enroll a partner"),
    )
    result = generate(changed, out)
    assert result.exit_code == 0, result.output
    text = partners.read_text()
    assert EDIT + CREATE_BODY in text
    assert '"""Create or enroll a partner' in text
    assert "<<<<<<<" not in text


def test_overlapping_changes_are_marked_as_conflicts_and_exit_1(tmp_path):
    out = tmp_path / "sdk"
    assert generate(DUB, out).exit_code == 0
    partners = out / "src" / "dub" / "partners.py"
    original = partners.read_text()
    ours = original.replace('        """Create a new partner\n', '        """Create a partner (our wording)\n', 1)
    assert ours != original
    partners.write_text(ours)
    changed = spec_with(tmp_path, ("summary: Create a new partner", "summary: Create a partner (their wording)"))
    result = generate(changed, out)
    assert result.exit_code == 1, result.output
    assert "1 file(s) with conflicts" in result.output and str(partners) in result.output
    text = partners.read_text()
    block = text[text.index("<<<<<<< edited by hand") : text.index(">>>>>>> generated now")]
    assert "(our wording)" in block and "(their wording)" in block and "Create a new partner" in block
    assert text.count("<<<<<<<") == 1  # the rest merged: the async twin's docstring was not edited
    assert "(their wording)" in text.split(">>>>>>> generated now")[1]
    # Resolving the conflict (keeping ours) is then an edit like any other.
    resolved = text[: text.index("<<<<<<<")] + '        """Create a partner (our wording)\n'
    resolved += text[text.index(">>>>>>> generated now\n") + len(">>>>>>> generated now\n") :]
    partners.write_text(resolved)
    assert generate(changed, out).exit_code == 0
    assert partners.read_text() == resolved


def test_a_deleted_generated_file_is_restored_and_said_so(tmp_path):
    out = tmp_path / "sdk"
    assert generate(DUB, out).exit_code == 0
    page = out / "docs" / "sdks" / "partners" / "README.md"
    content = page.read_text()
    page.unlink()
    result = generate(DUB, out)
    assert result.exit_code == 0
    assert f"restored {page}: a generated file deleted by hand" in result.output
    assert page.read_text() == content


def test_edits_in_a_vendored_copy_survive(tmp_path):
    """The SDK project copied into another repository (with its records) and edited there."""
    first = tmp_path / "generated-here"
    assert generate(DUB, first).exit_code == 0
    vendored = tmp_path / "acme" / "third_party" / "dub-sdk"
    shutil.copytree(first, vendored)
    own_file = vendored / "src" / "dub" / "acme_helpers.py"
    own_file.write_text("HELPER = 1\n")
    readme = vendored / "README.md"
    readme.write_text(readme.read_text() + "\nVendored by ACME at a pinned document.\n")
    edit_create_body(vendored / "src" / "dub" / "partners.py")
    changed = spec_with(tmp_path, ("summary: Create a link for a partner", "summary: Create a partner link"))
    result = generate(changed, vendored)
    assert result.exit_code == 0, result.output
    assert readme.read_text().endswith("\nVendored by ACME at a pinned document.\n")
    assert EDIT in (vendored / "src" / "dub" / "partners.py").read_text()
    assert '"""Create a partner link' in (vendored / "src" / "dub" / "partners.py").read_text()
    assert own_file.read_text() == "HELPER = 1\n"  # not generated: never touched


def test_force_takes_the_generated_version_and_prints_what_it_discards(tmp_path):
    out = tmp_path / "sdk"
    assert generate(DUB, out).exit_code == 0
    partners = out / "src" / "dub" / "partners.py"
    generated = partners.read_text()
    edit_create_body(partners)
    result = generate(DUB, out, "--force")
    assert result.exit_code == 0
    assert f"--force: discarded your edits to {partners}:" in result.output
    assert "+" + EDIT.rstrip("\n") in result.output
    assert partners.read_text() == generated


def test_without_a_recorded_base_an_edited_file_is_kept_not_guessed(tmp_path):
    """An SDK written before bases were recorded (or whose store is gone): the edit is kept whole and
    reported; no merge is guessed at."""
    out = tmp_path / "sdk"
    assert generate(DUB, out).exit_code == 0
    shutil.rmtree(out / ".sdkforge" / "base")
    partners = out / "src" / "dub" / "partners.py"
    edit_create_body(partners)
    edited = partners.read_text()
    changed = spec_with(tmp_path, ("summary: Retrieve analytics for a partner", "summary: Partner analytics"))
    result = generate(changed, out)
    assert result.exit_code == 0
    assert f"kept {partners}: edited by hand, with no record" in result.output
    assert partners.read_text() == edited
    assert run("check", "--spec", changed, "--out", out).exit_code == 1


def test_the_store_keeps_exactly_the_bases_of_the_current_files(tmp_path):
    out = tmp_path / "sdk"
    assert generate(DUB, out).exit_code == 0
    store = out / ".sdkforge" / "base"
    before = {p.name for p in store.iterdir()}
    changed = spec_with(tmp_path, ("summary: Create a new partner", "summary: Create a partner"))
    assert generate(changed, out).exit_code == 0
    after = {p.name for p in store.iterdir()}
    import json

    hashes = set(json.loads((out / ".sdkforge-manifest.json").read_text())["files"].values())
    assert after == hashes - {None}  # every file's base, and nothing else
    assert before - after and after - before  # the changed files' old bases went, new ones came


def test_merge3_takes_each_sides_changes_and_marks_overlaps():
    base = "a\nb\nc\nd\ne\n"
    assert merge3(base, "a\nB\nc\nd\ne\n", "a\nb\nc\nd\nE\n").text == "a\nB\nc\nd\nE\n"
    assert merge3(base, "a\nB\nc\nd\ne\n", "a\nB\nc\nd\ne\n").text == "a\nB\nc\nd\ne\n"  # alike: once
    assert merge3(base, "a\nb\nc\nd\ne\nours\n", base).text == "a\nb\nc\nd\ne\nours\n"
    conflict = merge3(base, "a\nX\nc\nd\ne\n", "a\nY\nc\nd\ne\n")
    assert conflict.conflicts == 1
    assert conflict.text == (
        "a\n<<<<<<< edited by hand\nX\n||||||| generated before\nb\n=======\nY\n>>>>>>> generated now\nc\nd\ne\n"
    )
    # Insertions at the same place on both sides conflict; at different places they merge.
    assert merge3("a\nb\n", "a\nx\nb\n", "a\ny\nb\n").conflicts == 1
    assert merge3("a\nb\n", "x\na\nb\n", "a\nb\ny\n").text == "x\na\nb\ny\n"
    # A last line without a newline still leaves every marker on a line of its own.
    unterminated = merge3("a\nb", "a\nX", "a\nY")
    assert "X\n||||||| generated before\nb\n=======\nY\n>>>>>>>" in unterminated.text
