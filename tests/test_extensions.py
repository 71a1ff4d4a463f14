"""Speakeasy extensions not covered elsewhere: -max-method-params, -unknown-values, -include,
-ignore; other `x-` keys are ignored."""

from __future__ import annotations

import enum
import textwrap

import pytest
from conftest import Reply, assert_type_checks, import_generated

SPEC = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Ext, version: "1"}
    x-speakeasy-max-method-params: 3
    x-vendor-thing: {ignored: true}
    paths:
      /items/{id}:
        get:
          operationId: getItem
          parameters:
            - {name: id, in: path, required: true, schema: {type: string}}
            - {name: color, in: query, schema: {$ref: "#/components/schemas/Color"}}
            - {name: size, in: query, schema: {type: integer, default: 10}}
          responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Item"}}}}}
        put:
          operationId: putItem
          x-speakeasy-max-method-params: 0
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          requestBody:
            content: {application/json: {schema: {$ref: "#/components/schemas/Item"}}}
          responses: {"204": {description: ok}}
      /items:
        post:
          operationId: createItem
          requestBody:
            required: true
            content: {application/json: {schema: {$ref: "#/components/schemas/Item"}}}
          responses: {"201": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Item"}}}}}
        delete:
          operationId: purge
          x-speakeasy-ignore: true
          responses: {"204": {description: ok}}
    components:
      schemas:
        Color: {type: string, enum: [red, green], x-speakeasy-unknown-values: allow}
        Shape: {type: string, enum: [round, square]}
        ItemId: {type: string, format: uuid, x-speakeasy-include: true}
        Item:
          type: object
          required: [name]
          properties:
            name: {type: string}
            color: {$ref: "#/components/schemas/Color"}
            shape: {$ref: "#/components/schemas/Shape"}
""")


def generated(tmp_path, enums="open"):
    from generator.options import Options
    from generator.pipeline import generate

    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC)
    package = f"ext_{enums}"
    result = generate(Options(spec=spec, out=tmp_path / "out", package_name=package, sdk_name="Ext", enums=enums))
    return result, import_generated(tmp_path, result, package)


def test_max_method_params_flattens_the_request_into_arguments(tmp_path, loopback):
    result, sdk = generated(tmp_path)
    loopback.on("GET", "/items/i1", Reply(200, {"name": "pen", "color": "red"}))
    loopback.on("POST", "/items", Reply(201, {"name": "pen"}))
    loopback.on("PUT", "/items/i1", Reply(204))
    with sdk.Ext(server_url=loopback.url) as client:
        assert client.items.retrieve(id="i1", color="red").color == sdk.models.components.Color.RED
        assert client.items.create(name="pen", shape="round").name == "pen"  # the body's fields (1 <= 3)
        assert client.items.replace(request={"id": "i1", "request_body": {"name": "pen"}}) is None  # the operation says 0
        with pytest.raises(TypeError):
            client.items.retrieve(request={"id": "i1"})  # type: ignore[call-arg]
    assert loopback.requests[0].query == [("color", "red"), ("size", "10")]  # defaults still apply
    assert loopback.requests[1].json() == {"name": "pen", "shape": "round"}
    readme = result.files["docs/sdks/items/README.md"]
    assert "res = e_client.items.retrieve(\n        id=" in readme


def test_flattened_methods_type_check(tmp_path):
    generated(tmp_path)
    assert_type_checks(tmp_path / "out" / "src", "ext_open")


def test_enums_are_open_by_default(tmp_path, loopback):
    _, sdk = generated(tmp_path)
    loopback.on("POST", "/items", Reply(201, {"name": "pen", "shape": "hexagon", "color": "blue"}))
    with sdk.Ext(server_url=loopback.url) as client:
        item = client.items.create(name="pen")
    assert item.shape == "hexagon" and item.color == "blue"


def test_closed_enums_refuse_unknown_values_except_where_allowed(tmp_path, loopback):
    _, sdk = generated(tmp_path, enums="closed")
    shape = sdk.models.components.Shape
    from importlib import import_module

    runtime = import_module("ext_closed._runtime")
    assert issubclass(shape, enum.Enum) and not issubclass(shape, runtime.OpenEnum)
    assert issubclass(sdk.models.components.Color, runtime.OpenEnum)
    loopback.on(
        "POST", "/items", Reply(201, {"name": "pen", "color": "blue"}), Reply(201, {"name": "pen", "shape": "hexagon"})
    )
    with sdk.Ext(server_url=loopback.url) as client:
        assert client.items.create(name="pen").color == "blue"  # x-speakeasy-unknown-values: allow
        with pytest.raises(sdk.models.errors.ResponseValidationError, match="shape"):
            client.items.create(name="pen")


def test_include_and_ignore(tmp_path):
    result, sdk = generated(tmp_path)
    assert sdk.models.components.ItemId is str  # a named alias of a scalar schema
    assert not hasattr(sdk.Ext, "purge") and any("x-speakeasy-ignore" in d.message for d in result.diagnostics)
