"""JSON Schema 2020-12 in OpenAPI 3.1 documents: `prefixItems` as tuples, type arrays, `const`,
`jsonSchemaDialect`; what the types cannot express is a warning with its pointer, never silence."""

from __future__ import annotations

import textwrap

from conftest import Reply, assert_type_checks, sdk_from

SPEC = textwrap.dedent("""
    openapi: 3.1.0
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base"
    info: {title: Geo, version: "1"}
    servers: [{url: "https://geo.example.test"}]
    paths:
      /points:
        post:
          operationId: addPoint
          tags: [points]
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: "#/components/schemas/Point"}
          responses:
            "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Point"}}}}
    components:
      schemas:
        Point:
          type: object
          required: [coords]
          properties:
            coords:
              type: array
              prefixItems: [{type: number}, {type: number}, {type: string}]
              items: false
            path:
              type: array
              prefixItems: [{type: integer}]
              items: {type: string}
            label: {type: [string, "null"]}
            kind: {const: point}
            extra:
              if: {properties: {a: {type: string}}}
              then: {required: [a]}
""")


def test_prefix_items_are_tuples_on_the_wire_and_in_the_types(tmp_path, loopback):
    out, result, geo = sdk_from(tmp_path, SPEC, "geo", "Geo")
    loopback.on("POST", "/points", Reply(200, {"coords": [1.5, 2.5, "a"], "path": [1, "x"], "kind": "point"}))
    with geo.Geo(server_url=loopback.url) as client:
        point = client.points.add_point(request={"coords": (1.5, 2.5, "a"), "label": None})
    assert point.coords == (1.5, 2.5, "a") and point.path == [1, "x"] and point.kind == "point"
    assert loopback.requests[0].json() == {"coords": [1.5, 2.5, "a"], "label": None, "kind": "point"}
    model = result.files["src/geo/models/components/point.py"]
    assert "coords: Tuple[float, float, str]" in model
    assert "label: Optional[str]" in model and 'kind: Literal["point"] = "point"' in model
    assert_type_checks(out / "out" / "src", "geo")


def test_what_the_types_cannot_say_is_a_warning_with_its_pointer(tmp_path):
    _, result, _ = sdk_from(tmp_path, SPEC, "geo_warn", "Geo")
    warnings = {(d.pointer, d.message) for d in result.report.items if d.severity == "warning"}
    assert any(
        p == "/components/schemas/Point/properties/path/prefixItems" and "more items allowed" in m for p, m in warnings
    )
    assert any(p == "/components/schemas/Point/properties/extra" and "if, then" in m for p, m in warnings)
    assert not any("jsonSchemaDialect" in m for _, m in warnings)  # the default dialect is fine


def test_another_dialect_is_said(tmp_path):
    spec = SPEC.replace("oas/3.1/dialect/base", "json-schema/draft-07")
    _, result, _ = sdk_from(tmp_path, spec, "geo_dialect", "Geo")
    assert any(
        d.pointer == "/jsonSchemaDialect" and "draft-07" in d.message
        for d in result.report.items
        if d.severity == "warning"
    )
