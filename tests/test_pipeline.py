"""The pipeline stages on small inline documents: IR, naming, diagnostics, and the code they give."""

from __future__ import annotations

import textwrap

import pytest
from conftest import REFERENCE, Reply, generate_into, import_generated

from generator import ir
from generator.diagnostics import GenerationError
from generator.options import Options
from generator.pipeline import generate

PETS = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Pets, version: "1"}
    servers: [{url: "https://pets.example"}]
    components:
      securitySchemes:
        apiKey: {type: apiKey, in: header, name: X-API-Key}
      schemas:
        Pet:
          type: object
          required: [id, name, tag]
          properties:
            id: {type: integer}
            name: {type: string}
            tag: {type: string, nullable: true}
            class: {type: string, description: a keyword}
            json: {type: string}
            kind: {$ref: "#/components/schemas/Kind"}
            size: {type: integer, enum: [1, 2, 3]}
            vaccinated: {type: boolean, default: "false"}
            owner: {$ref: "owner.yaml#/Owner"}
        Kind: {type: string, enum: [dog, cat, 1st-class], nullable: true}
        List: {type: object, properties: {items: {type: array, items: {$ref: "#/components/schemas/Pet"}}}}
        Dog:
          allOf:
            - $ref: "#/components/schemas/Pet"
            - type: object
              required: [barks]
              properties: {barks: {type: boolean}}
    security: [{apiKey: []}]
    paths:
      /pets/{petId}:
        parameters:
          - {name: petId, in: path, required: true, schema: {type: string}}
        get:
          tags: [pets]
          operationId: getPet
          parameters:
            - {name: fields, in: query, schema: {type: array, items: {type: string}}, explode: false}
            - {name: X-Trace, in: header, schema: {type: string}}
          responses:
            "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}}
            "404":
              description: missing
              content: {application/json: {schema: {type: object, properties: {detail: {type: string}, message: {type: string}}}}}
        delete:
          tags: [pets]
          responses: {"204": {description: gone}}
      /pets:
        post:
          tags: [pets]
          operationId: createPet
          x-speakeasy-name-override: add
          requestBody:
            required: true
            content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}
          responses:
            "201": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Dog"}}}}
      /health:
        get:
          operationId: health
          security: []
          responses: {"200": {description: ok, content: {text/plain: {schema: {type: string}}}}}
""")
OWNER = "Owner: {type: object, properties: {name: {type: string}}}\n"


@pytest.fixture
def pets(tmp_path):
    (tmp_path / "owner.yaml").write_text(OWNER)
    return generate_into(tmp_path, PETS, package="pets_sdk", sdk_name="Pets")


def _import(tmp_path, result, package):
    return import_generated(tmp_path, result, package)


def _types(result):
    return {t.name: t for t in result.api.types}


def test_operations_resources_and_method_names(pets):
    api = pets.api
    assert [r.name for r in api.resources] == ["pets"]
    assert [o.name for o in api.resources[0].operations] == ["get_pet", "delete_pets_pet_id", "add"]
    assert [o.name for o in api.root_operations] == ["health"]
    get_pet = api.resources[0].operations[0]
    assert [(p.name, p.location, p.style, p.explode) for p in get_pet.parameters] == [
        ("pet_id", "path", "simple", False),
        ("fields", "query", "form", False),
        ("x_trace", "header", "simple", False),
    ]
    assert api.root_operations[0].security == ()


def test_field_naming_and_optionality(pets):
    pet = _types(pets)["Pet"]
    by_wire = {f.wire_name: f for f in pet.fields}
    assert by_wire["class"].name == "class_" and by_wire["json"].name == "json_"
    assert by_wire["tag"].required and by_wire["tag"].nullable
    assert not by_wire["name"].nullable
    assert by_wire["vaccinated"].default is False  # the string default "false" is coerced
    assert isinstance(by_wire["owner"].type, ir.Ref) and by_wire["owner"].type.id == "owner.yaml#/Owner"
    assert "ListModel" in _types(pets) and "List" not in _types(pets)


def test_enums_all_of_and_errors(pets):
    types = _types(pets)
    kind = types["Kind"]
    assert [m.name for m in kind.members] == ["DOG", "CAT", "VALUE_1ST_CLASS"]
    assert types["PetSize"].value_kind == "int"
    dog = types["Dog"]
    assert [f.wire_name for f in dog.fields][-1] == "barks" and "name" in [f.wire_name for f in dog.fields]
    (error,) = pets.api.errors
    assert error.name == "GetPetNotFound" and error.message_path == ("message",)


def test_string_default_on_boolean_is_a_located_warning(pets):
    (warning,) = [d for d in pets.diagnostics if "default" in d.message]
    assert warning.severity == "warning"
    assert warning.pointer == "/components/schemas/Pet/properties/vaccinated/default"
    expected = next(i for i, line in enumerate(PETS.splitlines(), 1) if "vaccinated:" in line)
    assert warning.line == expected and warning.file.endswith("spec.yaml")


def test_generated_code_round_trips(tmp_path, pets, loopback):
    sdk = _import(tmp_path, pets, "pets_sdk")
    from pets_sdk.models import components, errors

    pet = {"id": 1, "name": "Rex", "tag": None, "class": "a", "kind": "wolf", "size": 7, "owner": {"name": "Ann"}}
    loopback.on("GET", "/pets/a%20b%2Fc", Reply(200, pet))
    loopback.on("POST", "/pets", Reply(201, {**pet, "barks": True}))
    loopback.on("DELETE", "/pets/x", Reply(204))
    loopback.on("GET", "/health", Reply(200, raw=b"fine", headers={"content-type": "text/plain"}))
    loopback.on("GET", "/pets/missing", Reply(404, {"message": "no such pet"}))
    with sdk.Pets(api_key="k", server_url=loopback.url) as client:
        got = client.pets.get_pet(request={"pet_id": "a b/c", "fields": ["x", "y"], "x_trace": "t"})
        assert isinstance(got, components.Pet) and got.kind == "wolf" and got.size == 7 and got.owner.name == "Ann"
        dog = client.pets.add(request=components.Pet(id=2, name="Max", tag=None, class_="b"))
        assert dog.barks is True
        assert client.pets.delete_pets_pet_id(request={"pet_id": "x"}) is None
        assert client.health() == "fine"
        with pytest.raises(errors.GetPetNotFound) as caught:
            client.pets.get_pet(request={"pet_id": "missing"})
    assert "no such pet" in str(caught.value)
    get, add, delete, health, _ = loopback.requests
    assert get.path == "/pets/a%20b%2Fc" and get.query == [("fields", "x,y")] and get.headers["x-trace"] == "t"
    assert get.headers["x-api-key"] == "k"
    assert add.json() == {"id": 2, "name": "Max", "tag": None, "class": "b", "vaccinated": False}
    assert "x-api-key" not in health.headers  # `security: []` turns auth off


def test_unresolvable_ref_is_an_error_with_its_pointer(tmp_path):
    spec = PETS.replace('$ref: "owner.yaml#/Owner"', '$ref: "#/components/schemas/Nope"')
    with pytest.raises(GenerationError) as caught:
        generate_into(tmp_path, spec)
    (d,) = caught.value.diagnostics
    assert d.severity == "error" and "points to nothing" in d.message
    expected = next(i for i, line in enumerate(spec.splitlines(), 1) if "Nope" in line)
    assert d.pointer == "/components/schemas/Pet/properties/owner" and d.line == expected


def test_the_full_public_dub_document_generates(tmp_path):
    """The real document (35 operations, string defaults on booleans) generates, with warnings."""
    result = generate(Options(spec=REFERENCE, out=tmp_path / "o", package_name="dubfull", sdk_name="Dub"))
    operations = [o for r in result.api.resources for o in r.operations] + list(result.api.root_operations)
    assert len(operations) == 35
    defaults = [d for d in result.diagnostics if "does not match type" in d.message]
    assert len(defaults) == 7 and all(d.line and d.pointer.endswith("/default") for d in defaults)
    for rel, content in result.files.items():
        if rel.endswith(".py"):
            compile(content, rel, "exec")
