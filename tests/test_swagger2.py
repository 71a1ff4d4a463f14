"""Swagger 2.0 documents are converted to OpenAPI 3.0 and give a working SDK."""

from __future__ import annotations

import json
import textwrap

import pytest
from conftest import Reply, assert_type_checks, sdk_from

SPEC = textwrap.dedent("""
    swagger: "2.0"
    info: {title: Pets, version: "1"}
    host: api.pets.test
    basePath: /v1
    schemes: [http, https]
    consumes: [application/json]
    produces: [application/json]
    securityDefinitions:
      key: {type: apiKey, in: header, name: X-API-Key}
    security: [{key: []}]
    paths:
      /pets:
        get:
          operationId: listPets
          tags: [pets]
          parameters:
            - {name: tags, in: query, type: array, items: {type: string}, collectionFormat: multi}
            - {name: ids, in: query, type: array, items: {type: integer}, collectionFormat: csv}
            - $ref: "#/parameters/limit"
          responses:
            "200": {description: ok, schema: {type: array, items: {$ref: "#/definitions/Pet"}}}
            default: {$ref: "#/responses/Error"}
        post:
          operationId: addPet
          tags: [pets]
          parameters:
            - {name: pet, in: body, required: true, schema: {$ref: "#/definitions/NewPet"}}
          responses:
            "201": {description: created, schema: {$ref: "#/definitions/Pet"}}
      /pets/{petId}/photo:
        parameters:
          - {name: petId, in: path, required: true, type: string}
        post:
          operationId: uploadPhoto
          tags: [pets]
          consumes: [multipart/form-data]
          parameters:
            - {name: file, in: formData, type: file, required: true}
            - {name: caption, in: formData, type: string}
          responses:
            "200": {description: ok, schema: {type: object, properties: {size: {type: integer}}}}
    parameters:
      limit: {name: limit, in: query, type: integer, default: 20}
    responses:
      Error: {description: error, schema: {$ref: "#/definitions/Error"}}
    definitions:
      Pet:
        type: object
        required: [id, name]
        properties:
          id: {type: integer, format: int64}
          name: {type: string}
          tag: {type: string, x-nullable: true}
      NewPet:
        type: object
        required: [name]
        properties: {name: {type: string}, tag: {type: string}}
      Error:
        type: object
        properties: {message: {type: string}}
""")


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    return sdk_from(tmp_path_factory.mktemp("swagger2"), SPEC, "pets", "Pets")


def test_conversion_is_noted_and_keeps_every_operation(converted):
    _, result, sdk = converted
    assert any("Swagger 2.0" in d.message and d.severity == "note" for d in result.diagnostics)
    assert [(r.name, [o.name for o in r.operations]) for r in result.api.resources] == [
        ("pets", ["list_pets", "add_pet", "upload_photo"])
    ]
    assert sdk.sdk.SERVERS == ["https://api.pets.test/v1", "http://api.pets.test/v1"]


def test_converted_sdk_works_against_a_server(converted, loopback):
    _, _, sdk = converted
    loopback.on("GET", "/pets", Reply(200, [{"id": 1, "name": "Rex", "tag": None}]), Reply(500, {"message": "down"}))
    loopback.on("POST", "/pets", Reply(201, {"id": 2, "name": "Tom"}))
    loopback.on("POST", "/pets/p1/photo", Reply(200, {"size": 3}))
    with sdk.Pets(key="secret", server_url=loopback.url) as client:
        (pet,) = client.pets.list_pets(request={"tags": ["a", "b"], "ids": [1, 2]})
        assert (pet.id, pet.name, pet.tag) == (1, "Rex", None)
        with pytest.raises(sdk.models.errors.SDKError, match="down"):
            client.pets.list_pets()
        assert client.pets.add_pet(request={"name": "Tom"}).id == 2
        assert (
            client.pets.upload_photo(request={"petId": "p1", "request_body": {"file": b"png", "caption": "hi"}}).size
            == 3
        )
    first, _, body, upload = loopback.requests
    assert first.query == [("tags", "a"), ("tags", "b"), ("ids", "1,2"), ("limit", "20")]
    assert first.headers["x-api-key"] == "secret"
    assert json.loads(body.body) == {"name": "Tom"}
    assert upload.headers["content-type"].startswith("multipart/form-data") and b"png" in upload.body


def test_converted_sdk_type_checks(converted):
    tmp, _, _ = converted
    assert_type_checks(tmp / "out" / "src", "pets")
