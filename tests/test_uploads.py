"""Uploads: a file field or a binary body takes bytes, an open binary file (streamed, not read whole),
a `pathlib.Path` or a `(filename, content, content_type)` tuple; retries send the file whole again."""

from __future__ import annotations

import asyncio
import io
import textwrap

import pytest
from conftest import Reply, sdk_from

SPEC = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Store, version: "1"}
    servers: [{url: "https://store.example.test"}]
    paths:
      /documents:
        post:
          operationId: uploadDocument
          tags: [documents]
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
          responses:
            "201": {description: stored, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
      /blobs:
        put:
          operationId: putBlob
          tags: [documents]
          requestBody:
            required: true
            content:
              application/octet-stream:
                schema: {type: string, format: binary}
          responses:
            "204": {description: stored}
""")

CONTENT = b"%PDF-1.7 " + bytes(range(256)) * 700  # 179 KB: several chunks


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return sdk_from(tmp_path_factory.mktemp("store"), SPEC, "store", "Store")[2]


def _file_part(body: bytes) -> tuple[bytes, bytes]:
    """(the headers, the content) of the multipart part named `file`."""
    boundary = body.split(b"\r\n", 1)[0]
    for part in body.split(boundary):
        head, _, content = part.partition(b"\r\n\r\n")
        if b'name="file"' in head:
            return head, content[: -len(b"\r\n")]
    raise AssertionError(body[:300])


def test_a_file_field_takes_bytes_files_paths_and_tuples(store, loopback, tmp_path):
    loopback.on("POST", "/documents", Reply(201, {"id": "d"}))
    path = tmp_path / "report.pdf"
    path.write_bytes(CONTENT)
    with store.Store(server_url=loopback.url) as client, open(path, "rb") as opened:
        for file in (CONTENT, opened, path, ("renamed.bin", io.BytesIO(CONTENT), "application/x-custom")):
            assert client.documents.upload_document(request={"file": file, "title": "Q3"}).id == "d"
    heads = []
    for recorded in loopback.requests:
        head, content = _file_part(recorded.body)
        assert content == CONTENT
        heads.append(head)
    assert b'filename="report.pdf"' in heads[1] and b"Content-Type: application/pdf" in heads[1]
    assert b'filename="report.pdf"' in heads[2]
    assert b'filename="renamed.bin"' in heads[3] and b"Content-Type: application/x-custom" in heads[3]


def test_a_file_opened_from_a_path_is_closed_after_the_call(store, loopback, tmp_path, monkeypatch):
    import builtins

    opened = []
    real_open = builtins.open

    def spy(*args, **kwargs):
        handle = real_open(*args, **kwargs)
        opened.append(handle)
        return handle

    loopback.on("POST", "/documents", Reply(201, {"id": "d"}))
    path = tmp_path / "notes.txt"
    path.write_bytes(b"hello")
    with store.Store(server_url=loopback.url) as client:
        monkeypatch.setattr(builtins, "open", spy)
        client.documents.upload_document(request={"file": path})
        monkeypatch.setattr(builtins, "open", real_open)
    assert [h.name for h in opened] == [str(path)] and opened[0].closed


def test_a_retried_upload_sends_the_whole_file_again(store, loopback):
    loopback.on("POST", "/documents", Reply(503), Reply(201, {"id": "d"}))
    loopback.on("PUT", "/blobs", Reply(503), Reply(204))
    retries = store.utils.RetryConfig("backoff", store.utils.BackoffStrategy(1, 5, 1.5, 2000), False)
    with store.Store(server_url=loopback.url, retry_config=retries) as client:
        client.documents.upload_document(request={"file": io.BytesIO(CONTENT)})
        client.documents.put_blob(request=io.BytesIO(CONTENT))
    first, second, third, fourth = loopback.requests
    assert _file_part(first.body)[1] == _file_part(second.body)[1] == CONTENT
    assert third.body == fourth.body == CONTENT


def test_a_binary_body_from_a_file_is_streamed_not_read_whole(store, loopback):
    class Reader(io.BytesIO):
        largest = 0

        def read(self, size=-1):
            Reader.largest = max(Reader.largest, size if size is not None and size >= 0 else 10**9)
            return super().read(size)

    loopback.on("PUT", "/blobs", Reply(204))
    with store.Store(server_url=loopback.url) as client:
        client.documents.put_blob(request=Reader(CONTENT))
    assert loopback.requests[0].body == CONTENT
    assert loopback.requests[0].headers.get("transfer-encoding") == "chunked"
    assert Reader.largest <= 64 * 1024  # read a chunk at a time


def test_uploads_async(store, loopback, tmp_path):
    loopback.on("POST", "/documents", Reply(201, {"id": "d"}))
    loopback.on("PUT", "/blobs", Reply(204))
    path = tmp_path / "a.bin"
    path.write_bytes(CONTENT)

    async def main():
        async with store.Store(server_url=loopback.url) as client:
            await client.documents.upload_document_async(request={"file": path})
            await client.documents.put_blob_async(request=path)

    asyncio.run(main())
    assert _file_part(loopback.requests[0].body)[1] == CONTENT
    assert loopback.requests[1].body == CONTENT


def test_the_readme_says_what_a_file_may_be(tmp_path):
    from conftest import generate_into

    readme = generate_into(tmp_path, SPEC, package="store_doc", sdk_name="Store").files["README.md"]
    assert "## Uploads" in readme and "`documents.upload_document`" in readme and "pathlib.Path" in readme


def test_a_string_is_not_taken_for_a_file(store):
    with store.Store(server_url="http://127.0.0.1:9") as client:
        with pytest.raises(store.models.errors.RequestValidationError, match="binary file"):
            client.documents.upload_document(request={"file": "report.pdf"})
