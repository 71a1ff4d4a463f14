"""Pagination without vendor extensions: `Link` headers, next URLs in the body, and pagination
inferred from list operations' shape (page numbers, cursors, offsets), against a real server."""

from __future__ import annotations

import asyncio
import inspect
import textwrap

import pytest
from conftest import Reply, assert_type_checks, sdk_from

from generator.options import Options
from generator.pipeline import analyze

SPEC = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Lists, version: "1"}
    security: [{token: []}]
    paths:
      /issues:
        get:
          operationId: listIssues
          tags: [lists]
          parameters:
            - {name: page, in: query, schema: {type: integer}}
            - {name: per_page, in: query, schema: {type: integer}}
          responses:
            "200":
              description: ok
              headers: {Link: {schema: {type: string}}}
              content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Item"}}}}
      /users:
        get:
          operationId: listUsers
          tags: [lists]
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      value: {type: array, items: {$ref: "#/components/schemas/Item"}}
                      "@odata.nextLink": {type: string}
      /charges:
        get:
          operationId: listCharges
          tags: [lists]
          parameters:
            - {name: starting_after, in: query, schema: {type: string}}
            - {name: limit, in: query, schema: {type: integer}}
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      data: {type: array, items: {$ref: "#/components/schemas/Item"}}
                      has_more: {type: boolean}
      /files:
        get:
          operationId: listFiles
          tags: [lists]
          parameters:
            - {name: pageToken, in: query, schema: {type: string}}
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      files: {type: array, items: {$ref: "#/components/schemas/Item"}}
                      nextPageToken: {type: string}
      /records:
        get:
          operationId: listRecords
          tags: [lists]
          parameters:
            - {name: offset, in: query, schema: {type: integer}}
            - {name: limit, in: query, schema: {type: integer}}
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      results: {type: array, items: {$ref: "#/components/schemas/Item"}}
                      meta: {type: object, properties: {total: {type: integer}}}
      /optout:
        get:
          operationId: listOptedOut
          tags: [lists]
          x-sdkforge-pagination: false
          parameters:
            - {name: page, in: query, schema: {type: integer}}
          responses:
            "200":
              description: ok
              headers: {Link: {schema: {type: string}}}
              content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Item"}}}}
      /commit:
        get:
          operationId: getCommit
          tags: [lists]
          parameters:
            - {name: page, in: query, schema: {type: integer}}
            - {name: per_page, in: query, schema: {type: integer}}
          responses:
            "200":
              description: "two lists in one body: which one pages is not clear"
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      files: {type: array, items: {type: string}}
                      parents: {type: array, items: {type: string}}
    components:
      securitySchemes:
        token: {type: http, scheme: bearer}
      schemas:
        Item:
          type: object
          properties: {id: {type: string}}
""")


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("inferred")
    result, sdk = sdk_from(tmp, SPEC, "lists", "Lists")[1:]
    return tmp, result, sdk


def ids(items):
    return [item.id for item in items]


def test_the_link_headers_next_url_is_followed_with_the_credentials(generated, loopback):
    _, _, sdk = generated
    nxt = f'<{loopback.url}/issues?page=2&per_page=2>; rel="next", <{loopback.url}/issues?page=9>; rel="last"'
    loopback.on(
        "GET",
        "/issues",
        Reply(200, [{"id": "a"}, {"id": "b"}], headers={"Link": nxt}),
        Reply(200, [{"id": "c"}], headers={"Link": f'<{loopback.url}/issues?page=1>; rel="first"'}),
    )
    with sdk.Lists(token="t0k", server_url=loopback.url) as client:
        page = client.lists.list_issues(request={"per_page": 2})
        assert isinstance(page, sdk.utils.Page) and page.has_next_page()
        assert ids(page) == ["a", "b", "c"]
    assert [r.query for r in loopback.requests] == [[("per_page", "2")], [("page", "2"), ("per_page", "2")]]
    assert all(r.headers["authorization"] == "Bearer t0k" for r in loopback.requests)


def test_a_next_url_in_the_body_is_followed_async(generated, loopback):
    _, _, sdk = generated
    loopback.on(
        "GET",
        "/users",
        Reply(200, {"value": [{"id": "u1"}], "@odata.nextLink": f"{loopback.url}/users?$skiptoken=X1"}),
        Reply(200, {"value": [{"id": "u2"}]}),
    )

    async def collect():
        async with sdk.Lists(token="t", server_url=loopback.url) as client:
            page = await client.lists.list_users_async()
            return [item.id async for item in page]

    assert asyncio.run(collect()) == ["u1", "u2"]
    assert [r.query for r in loopback.requests] == [[], [("$skiptoken", "X1")]]


def test_a_next_url_on_another_host_is_refused(generated, loopback):
    _, _, sdk = generated
    loopback.on("GET", "/users", Reply(200, {"value": [{"id": "u1"}], "@odata.nextLink": "http://evil.example/users"}))
    with sdk.Lists(token="secret", server_url=loopback.url) as client:
        page = client.lists.list_users()
        with pytest.raises(sdk.models.errors.SDKError, match="on another host"):
            page.next()
    assert len(loopback.requests) == 1


def test_a_cursor_from_the_last_items_id_until_has_more_is_false(generated, loopback):
    _, _, sdk = generated
    loopback.on(
        "GET",
        "/charges",
        Reply(200, {"data": [{"id": "ch_1"}, {"id": "ch_2"}], "has_more": True}),
        Reply(200, {"data": [{"id": "ch_3"}], "has_more": False}),
    )
    with sdk.Lists(token="t", server_url=loopback.url) as client:
        assert ids(client.lists.list_charges(request={"limit": 2})) == ["ch_1", "ch_2", "ch_3"]
    assert [r.query for r in loopback.requests] == [[("limit", "2")], [("starting_after", "ch_2"), ("limit", "2")]]


def test_a_next_page_token_and_an_offset_with_a_total(generated, loopback):
    _, _, sdk = generated
    loopback.on(
        "GET",
        "/files",
        Reply(200, {"files": [{"id": "f1"}], "nextPageToken": "T2"}),
        Reply(200, {"files": [{"id": "f2"}]}),
    )
    loopback.on(
        "GET",
        "/records",
        Reply(200, {"results": [{"id": "r1"}, {"id": "r2"}], "meta": {"total": 3}}),
        Reply(200, {"results": [{"id": "r3"}], "meta": {"total": 3}}),
    )
    with sdk.Lists(token="t", server_url=loopback.url) as client:
        assert ids(client.lists.list_files()) == ["f1", "f2"]
        assert ids(client.lists.list_records(request={"limit": 2})) == ["r1", "r2", "r3"]
    queries = [(r.path, r.query) for r in loopback.requests]
    assert queries == [
        ("/files", []),
        ("/files", [("pageToken", "T2")]),
        ("/records", [("limit", "2")]),
        ("/records", [("offset", "2"), ("limit", "2")]),  # and no third: 3 of 3 items seen
    ]


def test_what_is_not_inferred_and_what_is_said(generated):
    tmp, result, sdk = generated
    lists = sdk.Lists(token="t", server_url="https://x.example").lists
    returns = {
        name: inspect.signature(getattr(lists, name)).return_annotation
        for name in ("list_opted_out", "get_commit", "list_issues")
    }
    assert returns["list_issues"] == "Page[list[Item], Item]"
    assert returns["list_opted_out"] == "list[Item]"  # x-sdkforge-pagination: false
    assert returns["get_commit"] == "GetCommitResponseBody"  # two arrays: which one pages is not clear
    notes = [d.message for d in result.diagnostics if d.severity == "note"]
    assert any(
        n.startswith("pagination inferred for 5 list operation(s) (2 by cursor, 1 by link, 1 by offset, 1 by url)")
        for n in notes
    ), notes
    source = (tmp / "out" / "src" / "lists" / "lists.py").read_text()
    assert "(by the `Link` header's next URL); `.pages()` yields the pages." in source
    assert "(by the cursor each page returns)" in source
    assert_type_checks(tmp / "out" / "src", "lists")


def test_settings_turn_inference_off(tmp_path):
    spec = tmp_path / "lists.yaml"
    spec.write_text(SPEC)

    def paged(**options):
        api, _ = analyze(Options(spec=spec, **options))
        return sorted(op.name for r in api.resources for op in r.operations if op.pagination is not None)

    assert paged() == ["list_charges", "list_files", "list_issues", "list_records", "list_users"]
    assert paged(pagination_exclude=frozenset({"listIssues", "listUsers"})) == [
        "list_charges",
        "list_files",
        "list_records",
    ]
    assert paged(infer_pagination=False) == []
