"""Resources from tags and `x-speakeasy-group` (dots nest them), and the README's usage example."""

from __future__ import annotations

import textwrap

import pytest
from conftest import Reply, assert_type_checks, sdk_from

SPEC = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Groups, version: "1"}
    paths:
      /users:
        get:
          operationId: listUsers
          x-speakeasy-group: users
          x-speakeasy-name-override: list
          responses: {"200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}}
      /users/{id}/settings:
        get:
          operationId: getUserSettings
          x-speakeasy-group: users.settings
          x-speakeasy-name-override: get
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          responses: {"200": {description: ok, content: {application/json: {schema: {type: object, properties: {theme: {type: string}}}}}}}
      /users/{id}/settings/audit:
        get:
          operationId: auditSettings
          x-speakeasy-group: admin.users.settings
          tags: [ignored-when-grouped]
          x-speakeasy-usage-example: true
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          responses: {"204": {description: ok}}
      /health:
        get:
          operationId: health
          tags: [ops]
          responses: {"204": {description: ok}}
""")


@pytest.fixture(scope="module")
def groups(tmp_path_factory):
    return sdk_from(tmp_path_factory.mktemp("groups"), SPEC, "groups", "Groups")


def test_dotted_groups_nest_resources(groups, loopback):
    _, _, sdk = groups
    loopback.on("GET", "/users", Reply(200, ["ann"]))
    loopback.on("GET", "/users/u1/settings", Reply(200, {"theme": "dark"}))
    loopback.on("GET", "/users/u1/settings/audit", Reply(204))
    loopback.on("GET", "/health", Reply(204))
    with sdk.Groups(server_url=loopback.url) as client:
        assert client.users.list() == ["ann"]
        assert client.users.settings.get(request={"id": "u1"}).theme == "dark"
        assert client.admin.users.settings.audit_settings(request={"id": "u1"}) is None
        assert client.ops.health() is None
        assert client.users.settings is client.users.settings  # created once, on first use
        assert not hasattr(client, "settings") and not hasattr(client, "ignored_when_grouped")
    assert [r.path for r in loopback.requests] == [
        "/users",
        "/users/u1/settings",
        "/users/u1/settings/audit",
        "/health",
    ]


def test_nested_resources_type_check_and_are_documented(groups):
    tmp, result, _ = groups
    assert_type_checks(tmp / "out" / "src", "groups")
    readme = result.files["README.md"]
    assert "### [users.settings](docs/sdks/" in readme and "### [admin.users.settings](docs/sdks/" in readme


def test_the_usage_example_is_the_marked_operation(groups):
    _, result, _ = groups
    quick_start = result.files["README.md"].split("## Quick start", 1)[1].split("```", 2)[1]
    assert "g_client.admin.users.settings.audit_settings(request={" in quick_start
