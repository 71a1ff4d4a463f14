"""`x-speakeasy-pagination`: pages iterate across every page, sync and async, for page numbers,
offsets and cursors."""

from __future__ import annotations

import asyncio
import textwrap

import pytest
from conftest import REFERENCE, Reply, generate_into, import_generated, python_blocks, sdk_from
from dub_payloads import LINK

SPEC = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Pages, version: "1"}
    paths:
      /links:
        get:
          operationId: listLinks
          x-speakeasy-pagination:
            type: offsetLimit
            inputs: [{name: page, in: parameters, type: page}, {name: pageSize, in: parameters, type: limit}]
            outputs: {results: $}
          parameters:
            - {name: page, in: query, schema: {type: number}}
            - {name: pageSize, in: query, schema: {type: number}}
          responses:
            "200":
              description: ok
              content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Link"}}}}
      /events:
        get:
          operationId: listEvents
          x-speakeasy-pagination:
            type: offsetLimit
            inputs: [{name: offset, in: parameters, type: offset}, {name: limit, in: parameters, type: limit}]
            outputs: {results: $.data.events}
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
                      data:
                        type: object
                        properties:
                          events: {type: array, items: {type: object, properties: {seq: {type: integer}}}}
      /users/search:
        post:
          operationId: searchUsers
          x-speakeasy-pagination:
            type: cursor
            inputs: [{name: after, in: requestBody, type: cursor}]
            outputs: {results: "$.users", nextCursor: "$.meta.next_cursor"}
          requestBody:
            content:
              application/json:
                schema: {type: object, properties: {query: {type: string}, after: {type: string}}}
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      users: {type: array, items: {type: string}}
                      meta: {type: object, properties: {next_cursor: {type: string, nullable: true}}}
      /broken:
        get:
          operationId: broken
          x-speakeasy-pagination: {type: seek, outputs: {nextUrl: $.next}}
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: object}}}}
    components:
      schemas:
        Link:
          type: object
          properties: {id: {type: string}}
""")


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return sdk_from(tmp_path_factory.mktemp("pages"), SPEC, "pages", "Pages")[1:]


def test_page_numbers_iterate_until_an_empty_page(generated, loopback):
    _, sdk = generated
    loopback.on("GET", "/links", Reply(200, [{"id": "a"}, {"id": "b"}]), Reply(200, [{"id": "c"}]), Reply(200, []))
    with sdk.Pages(server_url=loopback.url) as client:
        page = client.links.list()
        assert isinstance(page, sdk.utils.Page) and [link.id for link in page.items] == ["a", "b"]
        assert [link.id for link in page] == ["a", "b", "c"]
    assert [r.query for r in loopback.requests] == [[], [("page", "2")], [("page", "3")]]


def test_the_seed_style_loop_and_a_short_page_ending_the_iteration(generated, loopback):
    _, sdk = generated
    loopback.on("GET", "/links", Reply(200, [{"id": "a"}, {"id": "b"}]), Reply(200, [{"id": "c"}]))
    with sdk.Pages(server_url=loopback.url) as client:
        res = client.links.list(request={"page": 1, "pageSize": 2})
        seen = []
        while res is not None:
            seen.append([link.id for link in res.items])
            res = res.next()
    # The second page holds fewer items than the page size: it is the last, nothing more is asked.
    assert seen == [["a", "b"], ["c"]]
    assert [r.query for r in loopback.requests] == [
        [("page", "1"), ("pageSize", "2")],
        [("page", "2"), ("pageSize", "2")],
    ]


def test_offsets_advance_by_the_items_received_async(generated, loopback):
    _, sdk = generated
    loopback.on(
        "GET",
        "/events",
        Reply(200, {"data": {"events": [{"seq": 1}, {"seq": 2}, {"seq": 3}]}}),
        Reply(200, {"data": {"events": [{"seq": 4}]}}),
    )

    async def collect() -> list:
        async with sdk.Pages(server_url=loopback.url) as client:
            page = await client.events.list_async(request={"limit": 3})
            assert isinstance(page, sdk.utils.AsyncPage)
            return [event.seq async for event in page]

    assert asyncio.run(collect()) == [1, 2, 3, 4]
    assert [r.query for r in loopback.requests] == [[("limit", "3")], [("offset", "3"), ("limit", "3")]]


def test_cursor_in_the_body_follows_until_no_cursor(generated, loopback):
    _, sdk = generated
    loopback.on(
        "POST",
        "/users/search",
        Reply(200, {"users": ["ann", "bob"], "meta": {"next_cursor": "c1"}}),
        Reply(200, {"users": ["cy"], "meta": {"next_cursor": None}}),
    )
    with sdk.Pages(server_url=loopback.url) as client:
        pages = list(client.users.search(request={"query": "a"}).pages())
    assert [p.items for p in pages] == [["ann", "bob"], ["cy"]]
    assert not pages[-1].has_next_page()
    assert [r.json() for r in loopback.requests] == [{"query": "a"}, {"query": "a", "after": "c1"}]


def test_unsupported_pagination_returns_one_page_with_a_warning(generated):
    result, sdk = generated
    assert any("x-speakeasy-pagination" in w.pointer and "not supported" in w.message for w in result.diagnostics)
    import typing

    assert typing.get_type_hints(sdk.Pages.broken)["return"] == dict[str, typing.Any]


def test_the_full_dub_spec_pages_links(tmp_path, loopback):
    sdk = import_generated(
        tmp_path, generate_into(tmp_path, REFERENCE.read_text(), package="dubfull", sdk_name="Dub"), "dubfull"
    )
    loopback.on("GET", "/links", Reply(200, [LINK, LINK]), Reply(200, [LINK]), Reply(200, []))
    with sdk.Dub(token="t", server_url=loopback.url) as client:
        res = client.links.list(request={"pageSize": 2})
        count = 0
        while res is not None:
            count += len(res.items)
            res = res.next()
        # pageSize defaults to 100 in the document: a page of fewer links is the last one.
        loopback.on("GET", "/links", Reply(200, [LINK]))
        assert [link.short_link for link in client.links.list(request={"page": 4})] == ["https://dub.sh/try"]
    assert count == 3
    # A short page is the last: after [2 links, 1 link] nothing more is asked.
    sent = [[(k, v) for k, v in r.query if k in ("page", "pageSize")] for r in loopback.requests]
    assert sent == [
        [("page", "1"), ("pageSize", "2")],
        [("page", "2"), ("pageSize", "2")],
        [("page", "4"), ("pageSize", "100")],
    ]


def test_readme_documents_pagination_with_code_that_compiles(generated):
    result, _ = generated
    readme = result.files["README.md"]
    assert "## Pagination" in readme and "for item in p_client.links.list(" in readme
    for block in python_blocks(readme):
        compile(block, "README.md", "exec")
