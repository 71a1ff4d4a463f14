"""Recursive and mutually recursive schemas: the generated SDK imports, validates and type-checks."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from conftest import assert_type_checks, generate_into, import_generated
from corpus import readme_example

SPEC = textwrap.dedent("""
    openapi: 3.1.0
    info: {title: Trees, version: "1"}
    paths:
      /trees:
        post:
          operationId: plant
          requestBody:
            required: true
            content: {application/json: {schema: {$ref: "#/components/schemas/Person"}}}
          responses:
            "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Value"}}}}
    components:
      schemas:
        Person:
          type: object
          properties:
            name: {type: string}
            employer: {$ref: "#/components/schemas/Company"}
        Company:
          type: object
          properties:
            name: {type: string}
            ceo: {$ref: "#/components/schemas/Person"}
            staff: {type: array, items: {$ref: "#/components/schemas/Person"}}
        Value:
          oneOf:
            - {type: string}
            - {type: array, items: {$ref: "#/components/schemas/Value"}}
            - {type: object, additionalProperties: {$ref: "#/components/schemas/Value"}}
""")


def test_mutual_and_self_recursion(tmp_path):
    result = generate_into(tmp_path, SPEC, package="trees", sdk_name="Trees")
    modules = {t.name: t.module for t in result.api.types}
    assert modules["Person"] == modules["Company"]  # one module: no circular import
    sdk = import_generated(tmp_path, result, "trees")
    from trees.models import components

    person = components.Person.model_validate(
        {"name": "Ann", "employer": {"name": "Acme", "ceo": {"name": "Bob"}, "staff": [{"name": "Cy"}]}}
    )
    assert person.employer.ceo.name == "Bob" and person.employer.staff[0].name == "Cy"
    import pydantic

    value = pydantic.TypeAdapter(components.Value).validate_python(["a", {"k": ["b", "c"]}])
    assert value == ["a", {"k": ["b", "c"]}]
    assert sdk.Trees is not None
    assert_type_checks(tmp_path / "out" / "src", "trees")


@pytest.mark.parametrize(
    "name", ["circular.yaml", "circular-paths.yaml", "circular-request-bodies.yaml", "schema-circular.yaml"]
)
def test_corpus_circular_documents_import(tmp_path, name):
    spec = readme_example("3.0", name)
    result = generate_into(tmp_path, spec.read_text(), name=name, package="circ", sdk_name="Circ")
    code = textwrap.dedent("""
        import importlib, pkgutil, sys
        import pydantic, circ
        for info in pkgutil.walk_packages(circ.__path__, "circ."):
            module = importlib.import_module(info.name)
            for value in list(vars(module).values()):
                if isinstance(value, type) and issubclass(value, pydantic.BaseModel) and value.__module__ == info.name:
                    value.model_rebuild()
        print("ok")
    """)
    from generator.write import write_output

    write_output(tmp_path / "out", result.files)
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path / "out" / "src", capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr
