"""Schema features beyond plain objects: discriminated unions (mapping and inferred) and typed
additional properties."""

from __future__ import annotations

import textwrap

import pytest
from conftest import Reply, assert_type_checks, generate_into, import_generated, sdk_from

SPEC = textwrap.dedent("""
    openapi: 3.1.0
    info: {title: Shapes, version: "1"}
    paths:
      /pets:
        get:
          operationId: listPets
          responses:
            "200":
              description: ok
              content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Pet"}}}}
        post:
          operationId: addPet
          requestBody:
            required: true
            content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}
          responses:
            "201": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}}
      /shapes:
        get:
          operationId: getShape
          responses:
            "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Shape"}}}}
      /stats:
        get:
          operationId: stats
          responses:
            "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Stats"}}}}
    components:
      schemas:
        Pet:
          oneOf: [{$ref: "#/components/schemas/Cat"}, {$ref: "#/components/schemas/Dog"}]
          discriminator:
            propertyName: pet_type
            mapping: {cat: "#/components/schemas/Cat", kitten: "#/components/schemas/Cat", dog: Dog}
        Cat:
          type: object
          required: [pet_type]
          properties: {pet_type: {type: string}, name: {type: string}}
        Dog:
          type: object
          required: [pet_type]
          properties: {pet_type: {type: string}, name: {type: string}}
        Shape:
          anyOf: [{$ref: "#/components/schemas/Circle"}, {$ref: "#/components/schemas/Square"}]
          discriminator: {propertyName: kind}
        Circle:
          type: object
          properties: {kind: {type: string, enum: [round]}, size: {type: number}}
        Square:
          type: object
          properties: {kind: {type: string}, size: {type: number}}
        Stats:
          type: object
          required: [total]
          properties: {total: {type: integer}}
          additionalProperties: {type: integer}
""")


@pytest.fixture(scope="module")
def shapes(tmp_path_factory):
    return sdk_from(tmp_path_factory.mktemp("shapes"), SPEC, "shapes", "Shapes")


def test_discriminator_mapping_selects_the_variant(shapes, loopback):
    _, _, sdk = shapes
    from shapes.models.components import Cat, Dog

    # Cat and Dog have the same shape: only the discriminator can tell them apart.
    loopback.on(
        "GET",
        "/pets",
        Reply(
            200,
            [
                {"pet_type": "dog", "name": "Rex"},
                {"pet_type": "kitten", "name": "Tom"},
                {"pet_type": "cat", "name": "Kit"},
            ],
        ),
    )
    loopback.on("POST", "/pets", Reply(201, {"pet_type": "dog", "name": "Rex"}))
    with sdk.Shapes(server_url=loopback.url) as client:
        pets = client.pets.list()
        assert [type(p) for p in pets] == [Dog, Cat, Cat] and pets[0].name == "Rex"
        assert isinstance(client.pets.add(request={"pet_type": "dog", "name": "Rex"}), Dog)
        assert isinstance(client.pets.add(request=Dog(pet_type="dog", name="Rex")), Dog)
    assert loopback.requests[1].json() == {"pet_type": "dog", "name": "Rex"}


def test_an_unknown_discriminator_value_is_kept_not_an_error(shapes, loopback):
    """(With closed enums it is a validation error: tests/test_unknown_variants.py.)"""
    _, _, sdk = shapes
    loopback.on("GET", "/pets", Reply(200, [{"pet_type": "parrot"}]))
    with sdk.Shapes(server_url=loopback.url) as client:
        (parrot,) = client.pets.list()
    assert isinstance(parrot, sdk.utils.UnknownVariant) and parrot.tag == "parrot"


def test_inferred_tags_from_enum_and_schema_name(shapes, loopback):
    _, _, sdk = shapes
    from shapes.models.components import Circle, Square

    loopback.on("GET", "/shapes", Reply(200, {"kind": "Square", "size": 2}), Reply(200, {"kind": "round", "size": 1}))
    with sdk.Shapes(server_url=loopback.url) as client:
        assert type(client.shapes.list()) is Square
        assert type(client.shapes.list()) is Circle


def test_typed_additional_properties(shapes, loopback):
    _, _, sdk = shapes
    loopback.on(
        "GET", "/stats", Reply(200, {"total": 3, "cats": 2, "dogs": "1"}), Reply(200, {"total": 1, "x": "many"})
    )
    with sdk.Shapes(server_url=loopback.url) as client:
        stats = client.stats.list()
        assert stats.total == 3 and stats.model_extra == {"cats": 2, "dogs": 1}
        with pytest.raises(sdk.models.errors.ResponseValidationError):
            client.stats.list()


def test_schemas_type_check(shapes):
    tmp, _, _ = shapes
    assert_type_checks(tmp / "out" / "src", "shapes")


LOOSE = textwrap.dedent("""
    openapi: 3.1.0
    info: {title: Loose, version: "1"}
    paths:
      /things:
        get:
          operationId: getThing
          parameters:
            - {name: limit, in: query, schema: {type: integer, default: "25"}}
          responses:
            "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Thing"}}}}
        post:
          operationId: makeThing
          requestBody:
            content:
              application/json:
                schema:
                  allOf:
                    - {$ref: "#/components/schemas/Thing"}
                    - {required: [id]}
                    - {anyOf: [{required: [name]}, {required: [alias]}]}
          responses: {"204": {description: ok}}
    components:
      schemas:
        AccountId: {type: string, pattern: "^[0-9]{12}$"}
        Thing:
          type: object
          properties:
            id: {allOf: [{$ref: "#/components/schemas/AccountId"}, {description: "The owner's account."}]}
            name: {type: string}
            alias: {allOf: [{type: string, minLength: 1}, {maxLength: 10}]}
            deleted: {type: boolean, enum: [true]}
            nothing: {type: "null"}
            mixed: {enum: ["a", 1]}
""")


def test_annotations_and_constraints_do_not_loosen_types(tmp_path, loopback):
    result = generate_into(tmp_path, LOOSE, package="loose", sdk_name="Loose")
    sdk = import_generated(tmp_path, result, "loose")
    warnings = [d for d in result.diagnostics if d.severity == "warning"]
    # Only the enum of a string and a number cannot be typed (and the default is written as a string).
    assert [(d.message.split(";")[0], d.pointer) for d in warnings] == [
        ("default '25' does not match type 'integer'", "/paths/~1things/get/parameters/0/schema/default"),
        ("enum with values of mixed or unsupported types", "/components/schemas/Thing/properties/mixed/enum"),
    ]
    import typing

    from loose.models.components import Thing

    hints = typing.get_type_hints(Thing, include_extras=False)
    assert hints["id"] == typing.Optional[str] and hints["alias"] == typing.Optional[str]
    assert hints["deleted"] == typing.Optional[typing.Literal[True]]
    assert hints["nothing"] is type(None) or hints["nothing"] == typing.Optional[None]
    loopback.on("GET", "/things", Reply(200, {"id": "123456789012", "deleted": True, "nothing": None, "mixed": 1}))
    with sdk.Loose(server_url=loopback.url) as client:
        thing = client.things.list()
    assert (thing.id, thing.deleted, thing.mixed) == ("123456789012", True, 1)
    assert loopback.requests[0].query == [("limit", "25")]  # the default, written as a string, is a number
    assert_type_checks(tmp_path / "out" / "src", "loose")


def test_warnings_are_summarised_by_kind(tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    spec = tmp_path / "many.yaml"
    schemas = "".join(f"\n    S{i}: {{type: object, properties: {{v: {{enum: [a, {i}]}}}}}}" for i in range(6))
    spec.write_text(
        LOOSE.replace("components:\n  schemas:", "components:\n  schemas:" + schemas, 1).replace('"25"', "25")
    )
    run = CliRunner().invoke(
        main, ["generate", "--spec", str(spec), "--out", str(tmp_path / "o"), "--package-name", "m"]
    )
    assert run.exit_code == 0, run.output
    lines = run.stderr.splitlines() if hasattr(run, "stderr") else run.output.splitlines()
    assert "7 warning(s), 1 kind(s); every operation was generated:" in lines
    assert "  7 x enum with values of mixed or unsupported types; typed as Any" in lines
    assert sum(1 for line in lines if line.startswith("      ") and "#/components/schemas/" in line) == 3
    assert "      ... and 4 more" in lines


MALFORMED_TYPE_SPEC = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Malformed, version: "1"}
    paths:
      /items:
        get:
          operationId: listItems
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      kind: {$ref: "#/components/schemas/Item/definitions/itemType"}
                      size: {type: [integer, {oops: 1}]}
                      name: {type: string}
    components:
      schemas:
        Item:
          type: object
          properties: {id: {type: string}}
          definitions:
            # a properties map written where a schema goes: its `type` is a mapping
            itemType: {type: {type: string, enum: [a, b]}}
""")


def test_a_type_keyword_that_is_no_type_name_is_a_warning_naming_it(tmp_path, loopback):
    """`type` written as a mapping, or a list holding one, is a document's mistake: a warning
    naming its pointer and a looser type, never an internal error; the rest stays typed."""
    tmp, result, sdk = sdk_from(tmp_path, MALFORMED_TYPE_SPEC, "malformed", "Malformed")
    warned = {d.pointer: d.message for d in result.diagnostics if d.severity == "warning"}
    assert "'type' is a mapping, not a type name" in warned["/components/schemas/Item/definitions/itemType/type"]
    size_at = "/paths/~1items/get/responses/200/content/application~1json/schema/properties/size/type"
    assert "lists something other than type names" in warned[size_at]
    loopback.on("GET", "/items", Reply(200, {"kind": {"type": "a"}, "size": 3, "name": "n"}))
    with sdk.Malformed(server_url=loopback.url) as client:
        answer = client.items.list()
    assert (answer.kind, answer.size, answer.name) == ({"type": "a"}, 3, "n")
    assert_type_checks(tmp / "out" / "src", "malformed")
