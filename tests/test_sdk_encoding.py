"""What the generated SDK puts on the wire: user data cannot change the request's structure."""

from __future__ import annotations

import textwrap

import pytest
from conftest import Reply, generate_into, import_generated

SPEC = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Files, version: "1"}
    servers: [{url: "https://files.example.test"}]
    components:
      securitySchemes:
        key: {type: apiKey, in: query, name: api_key}
        session: {type: apiKey, in: cookie, name: sid}
    security: [{key: []}]
    paths:
      /files/{name}:
        get:
          operationId: getFile
          parameters:
            - {name: name, in: path, required: true, schema: {type: string}}
            - {name: q, in: query, schema: {type: string}}
            - {name: tags, in: query, schema: {type: array, items: {type: string}}}
            - {name: ids, in: query, style: pipeDelimited, explode: false, schema: {type: array, items: {type: integer}}}
            - {name: filter, in: query, style: deepObject, schema: {type: object, properties: {kind: {type: string}, size: {type: integer}}}}
            - {name: X-Note, in: header, schema: {type: string}}
            - {name: pref, in: cookie, schema: {type: string}}
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: object, properties: {ok: {type: boolean}}}}}}
      /session:
        get:
          operationId: whoami
          security: [{session: []}]
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: string}}}}
""")


@pytest.fixture(scope="module")
def files_sdk(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("files")
    return import_generated(tmp, generate_into(tmp, SPEC, package="files_sdk", sdk_name="Files"), "files_sdk")


def test_path_values_cannot_change_the_path(loopback, files_sdk):
    loopback.on("GET", "/files/..%2Fadmin%3Fx%3D1%23frag", Reply(200, {"ok": True}))
    with files_sdk.Files(key="k-1", server_url=loopback.url) as client:
        assert client.files.retrieve(request={"name": "../admin?x=1#frag"}).ok is True
    (sent,) = loopback.requests
    assert sent.path == "/files/..%2Fadmin%3Fx%3D1%23frag"
    assert sent.query == [("api_key", "k-1")]  # no `x=1` smuggled in


def test_query_values_round_trip_reserved_characters(loopback, files_sdk):
    loopback.on("GET", "/files/f", Reply(200, {"ok": True}))
    with files_sdk.Files(key="k&x=1", server_url=loopback.url) as client:
        client.files.retrieve(
            request={
                "name": "f",
                "q": "a&b=c d#e",
                "tags": ["x y", "z&w"],
                "ids": [1, 2, 3],
                "filter": {"kind": "a=b", "size": 5},
            }
        )
    (sent,) = loopback.requests
    assert sent.query == [
        ("q", "a&b=c d#e"),
        ("tags", "x y"),
        ("tags", "z&w"),
        ("ids", "1|2|3"),
        ("filter[kind]", "a=b"),
        ("filter[size]", "5"),
        ("api_key", "k&x=1"),
    ]


def test_header_values_with_cr_or_lf_are_refused_before_sending(loopback, files_sdk):
    loopback.on("GET", "/files/f", Reply(200, {"ok": True}))
    with files_sdk.Files(key="k", server_url=loopback.url) as client:
        for bad in ("a\r\nX-Injected: 1", "a\nb", "a\rb"):
            with pytest.raises(ValueError, match="CR or LF"):
                client.files.retrieve(request={"name": "f", "x_note": bad})
            with pytest.raises(ValueError, match="CR or LF"):
                client.files.retrieve(request={"name": "f"}, http_headers={"X-Other": bad})
    assert loopback.requests == []


def test_cookie_values_are_encoded_and_credentials_stay_in_their_place(loopback, files_sdk):
    loopback.on("GET", "/files/f", Reply(200, {"ok": True}))
    loopback.on("GET", "/session", Reply(200, "me"))
    with files_sdk.Files(key="query-key", session="s; evil=1", server_url=loopback.url) as client:
        client.files.retrieve(request={"name": "f", "pref": "dark; admin=true"})
        assert client.whoami() == "me"
    files, session = loopback.requests
    assert files.headers["cookie"] == "pref=dark%3B%20admin%3Dtrue"
    assert "authorization" not in files.headers and ("api_key", "query-key") in files.query
    assert session.headers["cookie"] == "sid=s%3B%20evil%3D1"
    assert session.query == [] and "authorization" not in session.headers


def test_tls_verification_is_on_by_default(files_sdk):
    client = files_sdk.Files(key="super-secret-value")
    pool = client._config.client._transport._pool
    assert pool._ssl_context.verify_mode.name == "CERT_REQUIRED"
    for text in (repr(client), str(client), repr(client._config), str(client._config)):
        assert "super-secret-value" not in text


OBJECT = {"role": "admin", "firstName": "Alex"}


@pytest.mark.parametrize(
    "style,explode,value,expected",
    [
        ("simple", False, 5, "5"),
        ("simple", False, [3, 4, 5], "3,4,5"),
        ("simple", True, OBJECT, "role=admin,firstName=Alex"),
        ("simple", False, OBJECT, "role,admin,firstName,Alex"),
        ("label", False, 5, ".5"),
        ("label", False, [3, 4, 5], ".3,4,5"),
        ("label", True, [3, 4, 5], ".3.4.5"),
        ("label", True, OBJECT, ".role=admin.firstName=Alex"),
        ("label", False, OBJECT, ".role,admin,firstName,Alex"),
        ("matrix", False, 5, ";id=5"),
        ("matrix", False, [3, 4, 5], ";id=3,4,5"),
        ("matrix", True, [3, 4, 5], ";id=3;id=4;id=5"),
        ("matrix", True, OBJECT, ";role=admin;firstName=Alex"),
        ("matrix", False, OBJECT, ";id=role,admin,firstName,Alex"),
        ("label", False, "a/b.c?d", ".a%2Fb.c%3Fd"),
        ("matrix", False, "x;y=z", ";id=x%3By%3Dz"),
    ],
)
def test_path_parameter_styles(dub_sdk, style, explode, value, expected):
    """The OpenAPI specification's own style examples, through the runtime every SDK gets."""
    from dub import _runtime

    assert _runtime.wire._serialize_path(_runtime.Param("id", "id", "path", style, explode), value) == expected


OAUTH = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Machines, version: "1"}
    components:
      securitySchemes:
        oauth:
          type: oauth2
          flows:
            clientCredentials: {tokenUrl: "https://auth.example.test/token", scopes: {read: read things}}
    security: [{oauth: [read]}]
    paths:
      /things:
        get:
          operationId: listThings
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}
""")


def test_oauth2_client_credentials_fetch_and_reuse_a_token(tmp_path, loopback):
    import base64
    from urllib.parse import parse_qsl

    sdk = import_generated(
        tmp_path, generate_into(tmp_path, OAUTH, package="machines", sdk_name="Machines"), "machines"
    )
    from machines.utils import ClientCredentials

    loopback.on("POST", "/token", Reply(200, {"access_token": "tok-1", "token_type": "bearer", "expires_in": 3600}))
    loopback.on("GET", "/things", Reply(200, ["a"]))
    credentials = ClientCredentials("id-1", "shh", token_url=loopback.url + "/token", scopes=["read"])
    with sdk.Machines(oauth=credentials, server_url=loopback.url) as client:
        assert client.things.list() == ["a"]
        assert client.things.list() == ["a"]
        assert "shh" not in repr(credentials) and "shh" not in repr(client._config)
    token_requests = [r for r in loopback.requests if r.path == "/token"]
    assert len(token_requests) == 1  # fetched once, then reused
    (token,) = token_requests
    assert token.headers["authorization"] == "Basic " + base64.b64encode(b"id-1:shh").decode()
    assert parse_qsl(token.body.decode()) == [("grant_type", "client_credentials"), ("scope", "read")]
    assert [r.headers["authorization"] for r in loopback.requests if r.path == "/things"] == ["Bearer tok-1"] * 2


@pytest.mark.parametrize(
    "location,style,explode",
    [("query", "form", True), ("cookie", "form", True), ("path", "simple", False), ("header", "simple", False)],
)
def test_param_defaults_follow_openapi_for_each_location(dub_sdk, location, style, explode):
    from dub import _runtime

    param = _runtime.Param("a", "a", location)
    assert (param.style, param.explode) == (style, explode)
    assert _runtime.Param("a", "a", "query", style="deepObject").explode is False
    assert _runtime.Param("a", "a", "query", explode=False).style == "form"
