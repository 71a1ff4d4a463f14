"""Generated documentation that runs: what the docs show a user is code that works as written."""

from __future__ import annotations

import base64
import contextlib
import io
import re
import textwrap

import pytest
from conftest import Reply, python_blocks, sdk_from

SPEC = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Shelf, version: "1"}
    servers: [{url: /api}]
    security: [{basic: []}]
    paths:
      /books/{id}:
        delete:
          operationId: deleteBook
          parameters: [{name: id, in: path, required: true, schema: {type: string}, example: b1}]
          responses:
            "204": {description: gone}
            default:
              description: what went wrong
              content: {application/json: {schema: {type: object, properties: {message: {type: string}}}}}
      /books:
        post:
          operationId: addBook
          summary: ""
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [title]
                  properties:
                    title: {type: string, description: "The title, as printed.", example: Dune}
                    copies: {type: integer, default: 1, description: How many to shelve.}
          responses:
            "201": {description: added, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
            4XX:
              description: refused
              content: {application/json: {schema: {type: object, properties: {message: {type: string}}}}}
    components:
      securitySchemes:
        basic: {type: http, scheme: basic}
""")


@pytest.fixture
def shelf(tmp_path):
    return sdk_from(tmp_path, SPEC, "shelf", "Shelf")


def _run(code: str, url: str) -> str:
    pointed = code.replace('server_url="https://api.example.com/api"', f'server_url="{url}/api"')
    assert pointed != code, code  # the example passes server_url: the documented server is relative
    with contextlib.redirect_stdout(io.StringIO()) as out:
        exec(compile(pointed, "<docs example>", "exec"), {})
    return out.getvalue()


def test_every_operation_page_example_runs_as_written(shelf, loopback):
    _, result, _ = shelf
    loopback.on("DELETE", "/api/books/b1", Reply(204))
    loopback.on("POST", "/api/books", Reply(201, {"id": "n1"}))
    page = result.files["docs/sdks/books/README.md"]
    blocks = python_blocks(page)
    assert len(blocks) == 2
    for block in blocks:
        _run(block, loopback.url)
    assert [(r.method, r.path) for r in loopback.requests] == [("DELETE", "/api/books/b1"), ("POST", "/api/books")]
    auth = loopback.requests[0].headers["authorization"]
    assert auth == "Basic " + base64.b64encode(b"USER:PASSWORD").decode()
    # An operation that returns nothing is not shown checking or printing a result.
    delete_example = next(b for b in blocks if ".books.delete(" in b)
    assert "res" not in delete_example and "assert" not in delete_example


def test_readme_examples_pass_server_url_when_the_documented_server_is_relative(shelf, loopback):
    _, result, sdk = shelf
    loopback.on("DELETE", "/api/books/b1", Reply(204))
    readme = result.files["README.md"]
    quick_start = python_blocks(readme)[0]
    assert "server_url=" in quick_start
    _run(quick_start, loopback.url)
    assert [(r.method, r.path) for r in loopback.requests] == [("DELETE", "/api/books/b1")]
    with pytest.raises(sdk.models.errors.ConfigurationError, match="relative.*server_url"):
        sdk.Shelf(basic=("u", "p"))


def test_operation_pages_list_the_requests_fields(shelf):
    _, result, _ = shelf
    page = result.files["docs/sdks/books/README.md"]
    rows = re.findall(r"^\| `(\w+)` \| (\w+) \| (:\w+:) \| ([^|]*) \| ([^|]*) \|$", page, flags=re.M)
    assert ("title", "str", ":heavy_check_mark:", "", "The title, as printed.") in [
        tuple(c.strip() for c in r) for r in rows
    ]
    assert ("copies", "int", ":heavy_minus_sign:", "1", "How many to shelve.") in [
        tuple(c.strip() for c in r) for r in rows
    ]


def test_empty_summaries_leave_no_dangling_dash(shelf):
    _, result, _ = shelf
    for rel in ("README.md", "docs/sdks/books/README.md"):
        for line in result.files[rel].splitlines():
            assert not re.search(r"\) - \s*$", line), (rel, line)
            assert not line.rstrip().endswith(" -"), (rel, line)


def test_basic_credentials_say_their_form_and_take_a_tuple(shelf, loopback):
    _, result, sdk = shelf
    assert '`"user:password"` or a `(user, password)` tuple' in result.files["README.md"]
    loopback.on("DELETE", "/api/books/b2", Reply(204))
    with sdk.Shelf(basic=("ann", "s3cret"), server_url=loopback.url + "/api") as client:
        assert client.books.delete(request={"id": "b2"}) is None
    assert loopback.requests[0].headers["authorization"] == "Basic " + base64.b64encode(b"ann:s3cret").decode()


def test_errors_of_default_and_range_responses_have_readable_names(shelf):
    _, result, sdk = shelf
    names = {e.name for e in result.api.errors}
    assert names == {"DeleteBookError", "AddBookClientError"}
    assert hasattr(sdk.models.errors, "DeleteBookError") and hasattr(sdk.models.errors, "AddBookClientError")
