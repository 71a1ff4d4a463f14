"""Global parameters (`x-speakeasy-globals`): set once on the client, sent by every operation that
takes a parameter of that name and location, unless the call gives its own."""

from __future__ import annotations

import asyncio
import textwrap

import pytest
from conftest import Reply, assert_type_checks, sdk_from

SPEC = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Links, version: "1"}
    servers: [{url: "https://links.example.test"}]
    x-speakeasy-globals:
      parameters:
        - {name: workspaceId, in: query, description: The workspace to act in., schema: {type: string}}
        - $ref: "#/components/parameters/Tenant"
    paths:
      /links:
        get:
          operationId: listLinks
          tags: [links]
          parameters:
            - {name: workspaceId, in: query, required: true, schema: {type: string}}
            - {name: limit, in: query, schema: {type: integer}}
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}
      /links/{id}:
        get:
          operationId: getLink
          tags: [links]
          parameters:
            - {name: id, in: path, required: true, schema: {type: string}}
            - $ref: "#/components/parameters/Tenant"
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: string}}}}
    components:
      parameters:
        Tenant: {name: X-Tenant, in: header, required: true, schema: {type: string}}
""")


@pytest.fixture(scope="module")
def links(tmp_path_factory):
    return sdk_from(tmp_path_factory.mktemp("links"), SPEC, "links", "Links")


def test_global_values_are_sent_unless_the_call_gives_its_own(links, loopback):
    _, _, sdk = links
    loopback.on("GET", "/links", Reply(200, ["a"]))
    loopback.on("GET", "/links/l1", Reply(200, "l1"))
    with sdk.Links(server_url=loopback.url, workspace_id="ws_1", x_tenant="acme") as client:
        assert client.links.list_links() == ["a"]
        client.links.list_links(request={"limit": 5})
        client.links.list_links(request={"workspace_id": "ws_2"})  # the call's own value wins
        assert client.links.get_link(request={"id": "l1"}) == "l1"
    queries = [dict(r.query) for r in loopback.requests]
    assert queries[:3] == [{"workspaceId": "ws_1"}, {"workspaceId": "ws_1", "limit": "5"}, {"workspaceId": "ws_2"}]
    assert loopback.requests[3].headers["x-tenant"] == "acme"
    assert "x-tenant" not in loopback.requests[0].headers  # only where the operation takes it


def test_global_values_async_and_left_out_when_not_set(links, loopback):
    _, _, sdk = links
    loopback.on("GET", "/links", Reply(200, []))

    async def main():
        async with sdk.Links(server_url=loopback.url, workspace_id="ws_9") as client:
            await client.links.list_links_async()
        async with sdk.Links(server_url=loopback.url) as client:
            await client.links.list_links_async()

    asyncio.run(main())
    assert [dict(r.query) for r in loopback.requests] == [{"workspaceId": "ws_9"}, {}]


def test_the_constructor_documents_and_types_them(links):
    out, result, _ = links
    client = result.files["src/links/sdk.py"]
    assert "workspace_id: Optional[str] = None" in client and "x_tenant: Optional[str] = None" in client
    assert ":param workspace_id: The workspace to act in: sent by every operation that takes" in client
    assert_type_checks(out / "out" / "src", "links")
    assert "The client also takes `workspace_id`, `x_tenant`" in result.files["README.md"]


def test_globals_can_come_from_the_settings(tmp_path, loopback):
    """For a document without the extension: `globals` in sdkforge.yaml."""
    import yaml

    from generator.pipeline import generate
    from generator.settings import resolve

    spec = SPEC.split("x-speakeasy-globals:")[0] + "paths:" + SPEC.split("\npaths:")[1]
    assert "x-speakeasy-globals" not in spec
    (tmp_path / "links.yaml").write_text(spec)
    settings = {
        "spec": "links.yaml",
        "out": "out",
        "package_name": "links_cfg",
        "sdk_name": "Links",
        "globals": [{"name": "workspaceId", "in": "query"}, {"name": "limit", "in": "query", "type": "integer"}],
    }
    (tmp_path / "sdkforge.yaml").write_text(yaml.safe_dump(settings))
    options = resolve({}, None, tmp_path)
    result = generate(options)
    from conftest import import_generated

    sdk = import_generated(tmp_path, result, "links_cfg")
    loopback.on("GET", "/links", Reply(200, []))
    with sdk.Links(server_url=loopback.url, workspace_id="ws", limit=3) as client:
        client.links.list_links()
    assert dict(loopback.requests[0].query) == {"workspaceId": "ws", "limit": "3"}
    (tmp_path / "sdkforge.yaml").write_text(yaml.safe_dump({**settings, "globals": [{"name": "x", "in": "body"}]}))
    from generator.diagnostics import GenerationError

    with pytest.raises(GenerationError, match="globals must be"):
        resolve({}, None, tmp_path)
