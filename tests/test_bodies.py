"""Request bodies beyond JSON, and servers of an operation's own."""

from __future__ import annotations

import textwrap
from urllib.parse import parse_qsl

import pytest
from conftest import Reply, generate_into, import_generated, sdk_from

SPEC = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Bodies, version: "1"}
    servers: [{url: "https://api.example.test"}]
    paths:
      /charges:
        post:
          operationId: createCharge
          requestBody:
            required: true
            content:
              application/x-www-form-urlencoded:
                schema:
                  type: object
                  required: [amount]
                  properties:
                    amount: {type: integer}
                    currency: {type: string}
                    expand: {type: array, items: {type: string}}
                    metadata: {type: object, additionalProperties: {type: string}}
                    capture: {type: boolean}
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
      /uploads:
        post:
          operationId: upload
          requestBody:
            required: true
            content:
              multipart/form-data:
                schema:
                  type: object
                  required: [file]
                  properties:
                    file: {type: string, format: binary}
                    title: {type: string}
                    tags: {type: array, items: {type: string}}
          responses:
            "201": {description: ok, content: {application/json: {schema: {type: object, properties: {size: {type: integer}}}}}}
      /render:
        post:
          operationId: render
          servers: [{url: "/v2"}]
          requestBody:
            required: true
            content: {text/plain: {schema: {type: string}}}
          responses:
            "200": {description: ok, content: {text/html: {schema: {type: string}}}}
""")


@pytest.fixture(scope="module")
def bodies_sdk(tmp_path_factory):
    return sdk_from(tmp_path_factory.mktemp("bodies"), SPEC, "bodies_sdk", "Bodies")[2]


def test_form_urlencoded_body(loopback, bodies_sdk):
    loopback.on("POST", "/charges", Reply(200, {"id": "ch_1"}))
    with bodies_sdk.Bodies(server_url=loopback.url) as client:
        result = client.create_charge(
            request={
                "amount": 500,
                "currency": "usd",
                "expand": ["customer", "invoice"],
                "metadata": {"order": "a&b=c"},
                "capture": False,
            }
        )
    assert result.id == "ch_1"
    (sent,) = loopback.requests
    assert sent.headers["content-type"] == "application/x-www-form-urlencoded"
    assert parse_qsl(sent.body.decode()) == [
        ("amount", "500"),
        ("currency", "usd"),
        ("expand", "customer"),
        ("expand", "invoice"),
        ("metadata[order]", "a&b=c"),
        ("capture", "false"),
    ]


def test_multipart_body_with_a_file(loopback, bodies_sdk):
    loopback.on("POST", "/uploads", Reply(201, {"size": 11}))
    with bodies_sdk.Bodies(server_url=loopback.url) as client:
        assert client.upload(request={"file": b"hello\x00world", "title": "greeting", "tags": ["a", "b"]}).size == 11
    (sent,) = loopback.requests
    assert sent.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'name="file"; filename="file"' in sent.body and b"hello\x00world" in sent.body
    assert b'name="title"\r\n\r\ngreeting' in sent.body and b'["a", "b"]' in sent.body


def test_text_body_and_the_operations_own_relative_server(loopback, bodies_sdk):
    loopback.on("POST", "/v2/render", Reply(200, raw="<p>héllo</p>".encode(), headers={"content-type": "text/html"}))
    with bodies_sdk.Bodies(server_url=loopback.url) as client:
        assert client.render(request="# héllo") == "<p>héllo</p>"
    (sent,) = loopback.requests
    assert sent.path == "/v2/render" and sent.body == "# héllo".encode()
    assert sent.headers["content-type"] == "text/plain"


VISIBILITY = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Visibility, version: "1"}
    paths:
      /users:
        post:
          operationId: createUser
          requestBody:
            required: true
            content: {application/json: {schema: {$ref: "#/components/schemas/User"}}}
          responses:
            "201": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/User"}}}}
      /legacy:
        get:
          operationId: legacy
          deprecated: true
          responses: {"204": {description: gone}}
    components:
      schemas:
        User:
          type: object
          required: [id, name, password]
          properties:
            id: {type: string, readOnly: true}
            name: {type: string}
            password: {type: string, writeOnly: true}
""")


def test_read_only_and_write_only_fields_and_deprecated_operations(tmp_path, loopback):
    sdk = import_generated(
        tmp_path, generate_into(tmp_path, VISIBILITY, package="visible", sdk_name="Visible"), "visible"
    )
    loopback.on("POST", "/users", Reply(201, {"id": "u1", "name": "Ann"}))
    loopback.on("GET", "/legacy", Reply(204))
    with sdk.Visible(server_url=loopback.url) as client:
        user = client.create_user(request={"name": "Ann", "password": "s3cret"})  # no read-only id to give
        assert user.id == "u1" and user.password is None  # no write-only password comes back
        with pytest.warns(DeprecationWarning, match="legacy"):
            assert client.legacy() is None
    assert loopback.requests[0].json() == {"name": "Ann", "password": "s3cret"}
