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
                encoding:
                  metadata: {style: deepObject, explode: true}
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
      /searches:
        post:
          operationId: search
          requestBody:
            content:
              application/x-www-form-urlencoded:
                schema:
                  type: object
                  properties:
                    filter: {type: object, properties: {color: {type: string}, size: {type: integer}}}
                    ids: {type: array, items: {type: integer}}
                    tags: {type: array, items: {type: string}}
                    sort: {type: array, items: {type: string}}
                encoding:
                  ids: {style: pipeDelimited}
                  tags: {style: form, explode: false}
          responses:
            "200": {description: ok}
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
        result = client.charges.create(
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


def test_form_body_properties_follow_openapis_defaults_and_the_encoding_object(loopback, bodies_sdk):
    """Without an `encoding` entry a property is form-style and exploded (an object's members are
    pairs of their own, an array repeats its key); with one, it is written as that entry says."""
    loopback.on("POST", "/searches", Reply(200))
    with bodies_sdk.Bodies(server_url=loopback.url) as client:
        client.searches.create(
            request={"filter": {"color": "red", "size": 2}, "ids": [1, 2], "tags": ["a", "b"], "sort": ["x", "y"]}
        )
    assert parse_qsl(loopback.requests[0].body.decode()) == [
        ("color", "red"),
        ("size", "2"),
        ("ids", "1|2"),
        ("tags", "a,b"),
        ("sort", "x"),
        ("sort", "y"),
    ]


def test_multipart_body_with_a_file(loopback, bodies_sdk):
    loopback.on("POST", "/uploads", Reply(201, {"size": 11}))
    with bodies_sdk.Bodies(server_url=loopback.url) as client:
        assert (
            client.uploads.create(request={"file": b"hello\x00world", "title": "greeting", "tags": ["a", "b"]}).size
            == 11
        )
    (sent,) = loopback.requests
    assert sent.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'name="file"; filename="file"' in sent.body and b"hello\x00world" in sent.body
    assert b'name="title"\r\n\r\ngreeting' in sent.body
    # An array of scalars is one part per item (OpenAPI's default), not a JSON text.
    assert b'name="tags"\r\n\r\na\r\n' in sent.body and b'name="tags"\r\n\r\nb\r\n' in sent.body


FORM_ONLY = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Forms, version: "1"}
    paths:
      /notes:
        post:
          operationId: postNote
          requestBody:
            content:
              multipart/form-data:
                schema:
                  type: object
                  properties:
                    title: {type: string}
                    attachment: {type: string, format: binary}
                    meta: {type: object, properties: {k: {type: string}}}
          responses: {"204": {description: ok}}
""")


def test_multipart_body_without_a_file_is_still_multipart(tmp_path, loopback):
    """The document says multipart/form-data: fields alone (or none) are sent as multipart too."""
    from email.parser import BytesParser

    _, _, sdk = sdk_from(tmp_path, FORM_ONLY, "forms", "Forms")
    loopback.on("POST", "/notes", Reply(204))
    with sdk.Forms(server_url=loopback.url) as client:
        client.notes.create(request={"title": 'a "quoted"\nname'})
        client.notes.create(request={})
        client.notes.create(request={"meta": {"k": "v"}})
    boundaries = []
    for sent in loopback.requests:
        content_type = sent.headers["content-type"]
        assert content_type.startswith("multipart/form-data; boundary=")
        boundaries.append(content_type.split("boundary=")[1])
    head = b"Content-Type: " + loopback.requests[0].headers["content-type"].encode() + b"\r\n\r\n"
    message = BytesParser().parsebytes(head + loopback.requests[0].body)
    assert message.is_multipart() and not message.defects
    (part,) = message.get_payload()
    assert part.get_param("name", header="content-disposition") == "title"
    assert part.get_payload() == 'a "quoted"\nname'
    # No field: the closing delimiter alone, as browsers send an empty form.
    assert loopback.requests[1].body == f"--{boundaries[1]}--\r\n".encode()
    # An object is a JSON part (OpenAPI's default content type for objects).
    head = b"Content-Type: " + loopback.requests[2].headers["content-type"].encode() + b"\r\n\r\n"
    (meta,) = BytesParser().parsebytes(head + loopback.requests[2].body).get_payload()
    assert meta.get_content_type() == "application/json" and meta.get_payload() == '{"k": "v"}'


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
        user = client.users.create(request={"name": "Ann", "password": "s3cret"})  # no read-only id to give
        assert user.id == "u1" and user.password is None  # no write-only password comes back
        with pytest.warns(DeprecationWarning, match="legacy"):
            assert client.legacy() is None
    assert loopback.requests[0].json() == {"name": "Ann", "password": "s3cret"}


XML_SPEC = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Xml, version: "1"}
    paths:
      /orders:
        post:
          operationId: createOrder
          tags: [orders]
          requestBody:
            required: true
            content:
              application/xml:
                schema:
                  type: object
                  properties: {id: {type: string}, lines: {type: array, items: {type: string}, xml: {wrapped: true}}}
          responses:
            "201": {description: created}
      /notes:
        post:
          operationId: createNote
          tags: [orders]
          requestBody:
            content: {text/xml: {schema: {$ref: "#/components/schemas/Note"}}}
          responses:
            "204": {description: saved}
    components:
      schemas:
        Note: {type: object, properties: {text: {type: string}}}
""")


def test_a_structured_body_in_another_media_type_is_sent_as_given_and_said(tmp_path, loopback):
    """An XML body (or any media type that is not JSON or a form) whose schema is an object: the
    SDK takes the document to send (bytes, or text for text/*), sends it unchanged with its media
    type, and generation says, at the schema, that the SDK does not build it from the schema."""
    tmp, result, sdk = sdk_from(tmp_path, XML_SPEC, "xmlbodies", "Xml")
    warned = {d.pointer: d.message for d in result.diagnostics if d.severity == "warning"}
    at = "/paths/~1orders/post/requestBody/content/application~1xml/schema"
    assert "the application/xml body is sent as the caller gives it (bytes)" in warned[at]
    notes_at = "/paths/~1notes/post/requestBody/content/text~1xml/schema"
    assert "the text/xml body is sent as the caller gives it (text)" in warned[notes_at]
    loopback.on("POST", "/orders", Reply(201))
    loopback.on("POST", "/notes", Reply(204))
    order = b"<order><id>7</id><lines><line>a</line></lines></order>"
    with sdk.Xml(server_url=loopback.url) as client:
        client.orders.create_order(request=order)
        client.orders.create_note(request="<Note><text>hi</text></Note>")
    sent, note = loopback.requests
    assert (sent.body, sent.headers["content-type"]) == (order, "application/xml")
    assert (note.body, note.headers["content-type"]) == (b"<Note><text>hi</text></Note>", "text/xml")
