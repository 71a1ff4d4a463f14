"""Hostile documents: no string of the document can become code, and the output stays importable.

The marker-file pattern: every injected payload would create a file if it ever ran; after generation
and after importing every generated module, the file must not exist.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from conftest import generate_into

from generator.write import write_output


def payloads(marker):
    run = f"__import__('pathlib').Path({str(marker)!r}).write_text('pwned')"
    return [
        f'"""; {run}; """',
        f"'''; {run}; '''",
        f'" + {run} + "',
        f"' + {run} + '",
        f'\\"""\n{run}\n#',
        "\\",
        "ends with a backslash \\",
        "\\N{BULLET} \\x00 \\u2028 \\",
        "nul \x00 and bell \x07 and escape \x1b[31m",
        "line\u2028separator\u2029paragraph",
        "\u202eright-to-left override",
        "{{ 7 * 7 }} {% for x in y %}{{ x }}{% endfor %} {# c #}",
        "`backticks` $(whoami) ${HOME}",
        "# imports-",
        '"',
        "'",
        'ends with quote"',
        '"""',
        "''''''",
        "class",
        "import",
        "self",
        "__init__",
        "None",
        "1st-value",
        "a b/c",
        "naïve café 名前 🚀",
    ]


def hostile_spec(marker) -> str:
    texts = payloads(marker)
    names = [
        "class",
        "import",
        "self",
        "__init__",
        "None",
        "1st-value",
        "a b/c",
        "naïve",
        "名前",
        "x" * 300,
        "model_dump",
        "json",
        "Field",
        "List",
        "BaseModel",
        "async",
        "await",
        "type",
        "A",
        "a",
    ]
    properties = {name: {"type": "string", "description": texts[i % len(texts)]} for i, name in enumerate(names)}
    properties["choice"] = {"type": "string", "enum": texts, "default": texts[0], "description": texts[1]}
    properties["numbers"] = {"type": "integer", "enum": [1, 2, -3]}
    schema = {
        "type": "object",
        "title": texts[2],
        "description": texts[0],
        "properties": properties,
        "example": {"class": texts[3]},
    }
    spec = {
        "openapi": "3.0.3",
        "info": {"title": texts[0], "description": texts[1], "version": texts[2]},
        "servers": [{"url": "https://api.example.test/" + texts[2].replace("/", ""), "description": texts[3]}],
        "tags": [{"name": name, "description": texts[i]} for i, name in enumerate(["class", "a b/c", texts[0][:40]])],
        "components": {
            "securitySchemes": {
                "import": {"type": "apiKey", "in": "header", "name": texts[2][:20] or "k", "description": texts[0]}
            },
            "schemas": {name: schema for name in ["class", "Thing", texts[1][:30] or "T", "__init__", "None"]},
        },
        "paths": {
            "/things/{a b/c}": {
                "parameters": [{"name": "a b/c", "in": "path", "required": True, "schema": {"type": "string"}}],
                "get": {
                    "tags": ["class"],
                    "operationId": texts[0],
                    "summary": texts[1],
                    "description": texts[4],
                    "parameters": [
                        {
                            "name": n,
                            "in": "query",
                            "schema": {"type": "string", "default": texts[5], "pattern": texts[6]},
                            "description": texts[7],
                        }
                        for n in ["self", "import", "x-y", texts[3][:10]]
                    ],
                    "responses": {
                        "200": {
                            "description": texts[8],
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
                        },
                        "404": {
                            "description": texts[9],
                            "content": {
                                "application/json": {
                                    "schema": {"type": "object", "properties": {"message": {"type": "string"}}}
                                }
                            },
                        },
                    },
                },
                "post": {
                    "tags": ["a b/c"],
                    "operationId": "class",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/class"},
                                "example": {"class": texts[0]},
                            }
                        },
                    },
                    "responses": {"201": {"description": texts[0]}},
                },
            },
            "/import": {"delete": {"operationId": "import", "responses": {"204": {"description": texts[10]}}}},
        },
    }
    return json.dumps(spec, ensure_ascii=False)


IMPORT_ALL = textwrap.dedent("""
    import importlib, pkgutil, sys
    import hostile
    for info in pkgutil.walk_packages(hostile.__path__, "hostile."):
        importlib.import_module(info.name)
    print("imported", len([m for m in sys.modules if m.startswith("hostile")]))
""")


@pytest.fixture
def hostile(tmp_path):
    marker = tmp_path / "PWNED"
    result = generate_into(tmp_path, hostile_spec(marker), name="hostile.json", package="hostile", sdk_name="Hostile")
    out = tmp_path / "out"
    write_output(out, result.files)
    return result, out, marker


def test_nothing_from_the_document_runs(hostile):
    result, out, marker = hostile
    for rel, content in result.files.items():
        if rel.endswith(".py"):
            compile(content, rel, "exec")
    proc = subprocess.run([sys.executable, "-c", IMPORT_ALL], cwd=out / "src", capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("imported")
    assert not marker.exists()


def test_texts_and_values_keep_the_original(hostile, tmp_path):
    result, out, marker = hostile
    texts = payloads(marker)
    check = textwrap.dedent("""
        import json, sys
        from hostile.models import components
        texts = json.loads(sys.stdin.read())
        thing = components.Thing
        assert thing.__doc__.strip() == texts[0].strip(), repr(thing.__doc__)  # black may pad the end
        choice = [m.value for m in type(thing.model_fields["choice"].default)]
        assert choice == list(dict.fromkeys(texts)), choice
        assert thing.model_fields["choice"].default.value == texts[0]
        aliases = {f.alias or name for name, f in thing.model_fields.items()}
        assert {"class", "import", "self", "__init__", "None", "1st-value", "a b/c", "model_dump", "json"} <= aliases, aliases
        print("ok")
    """)
    proc = subprocess.run(
        [sys.executable, "-c", check], cwd=out / "src", input=json.dumps(texts), capture_output=True, text=True
    )
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr
    assert not marker.exists()


def test_hostile_names_are_valid_and_deterministic(tmp_path, hostile):
    result, out, marker = hostile
    (tmp_path / "again").mkdir()
    again = generate_into(
        tmp_path / "again", hostile_spec(marker), name="hostile.json", package="hostile", sdk_name="Hostile"
    )
    assert again.files == result.files
    assert max(len(p.name) for p in out.rglob("*")) <= 100
