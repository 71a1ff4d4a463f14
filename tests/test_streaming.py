"""Responses that are not one JSON document: binary downloads handed over unread, server-sent
events as sync and async iterators, and several media types for one status."""

from __future__ import annotations

import asyncio
import textwrap
import threading

import pytest
from conftest import Reply, generate_into, python_blocks, sdk_from

SPEC = textwrap.dedent("""
    openapi: 3.1.0
    info: {title: Streams, version: "1"}
    paths:
      /files/{id}:
        get:
          operationId: download
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          responses:
            "200": {description: the file, content: {application/octet-stream: {schema: {type: string, format: binary}}}}
            "404":
              description: missing
              content: {application/json: {schema: {type: object, properties: {message: {type: string}}}}}
      /chat:
        post:
          operationId: chat
          x-speakeasy-sse-sentinel: "[DONE]"
          requestBody:
            content: {application/json: {schema: {type: object, properties: {prompt: {type: string}}}}}
          responses:
            "200":
              description: chunks
              content:
                text/event-stream:
                  schema: {$ref: "#/components/schemas/ChatEvent"}
      /ticks:
        get:
          operationId: ticks
          responses:
            "200":
              description: ticks
              content:
                text/event-stream:
                  schema: {type: object, properties: {n: {type: integer}}, required: [n]}
      /report:
        get:
          operationId: report
          responses:
            "200":
              description: JSON or CSV, as the server likes
              content:
                application/json: {schema: {type: object, properties: {rows: {type: integer}}}}
                text/csv: {schema: {type: string}}
    components:
      schemas:
        ChatEvent:
          type: object
          required: [data]
          properties:
            id: {type: string}
            event: {type: string}
            data: {type: object, properties: {delta: {type: string}}}
            retry: {type: integer}
""")

EVENTS = (
    b": a comment\n\n"
    b'event: delta\nid: 1\ndata: {"delta": "Hel"}\n\n'
    b'event: delta\r\nid: 2\r\ndata: {"delta":\r\ndata:  "lo"}\r\n\r\n'
    b"data: [DONE]\n\n"
    b'data: {"delta": "never seen"}\n\n'
)


@pytest.fixture(scope="module")
def sdk(tmp_path_factory):
    return sdk_from(tmp_path_factory.mktemp("streams"), SPEC, "streams", "Streams")[2]


def test_binary_download_is_handed_over_before_the_body_arrives(sdk, loopback):
    gate = threading.Event()
    body = bytes(range(256)) * 4096  # 1 MiB
    loopback.on(
        "GET", "/files/f1", Reply(200, raw=body, headers={"content-type": "application/octet-stream"}, gate=gate)
    )
    with sdk.Streams(server_url=loopback.url) as client:
        with client.files.download(request={"id": "f1"}) as download:
            # The server holds back half of the body until the gate opens: a client that read
            # the whole body before returning would still be waiting here.
            assert isinstance(download, sdk.utils.BinaryStream)
            assert download.status_code == 200 and download.content_type == "application/octet-stream"
            chunks = download.iter_bytes(65536)
            first = next(chunks)
            assert len(first) == 65536
            gate.set()
            assert first + b"".join(chunks) == body
        assert download.response.is_closed


def test_binary_download_written_to_a_file_and_async(sdk, loopback, tmp_path):
    body = b"\x00\xffpayload" * 1000
    loopback.on("GET", "/files/f2", Reply(200, raw=body, headers={"content-type": "application/octet-stream"}))
    with sdk.Streams(server_url=loopback.url) as client:
        with client.files.download(request={"id": "f2"}) as download:
            assert download.write_to(tmp_path / "f2.bin") == len(body)
    assert (tmp_path / "f2.bin").read_bytes() == body

    async def fetch() -> bytes:
        async with sdk.Streams(server_url=loopback.url) as client:
            async with await client.files.download_async(request={"id": "f2"}) as download:
                assert isinstance(download, sdk.utils.AsyncBinaryStream)
                return b"".join([chunk async for chunk in download.aiter_bytes()])

    assert asyncio.run(fetch()) == body


def test_download_error_is_raised_not_streamed(sdk, loopback):
    loopback.on("GET", "/files/nope", Reply(404, {"message": "no such file"}))
    with sdk.Streams(server_url=loopback.url) as client:
        with pytest.raises(sdk.models.errors.SDKError, match="no such file") as caught:
            client.files.download(request={"id": "nope"})
    assert caught.value.status_code == 404


def test_server_sent_events_envelope_with_sentinel(sdk, loopback):
    loopback.on("POST", "/chat", Reply(200, raw=EVENTS, headers={"content-type": "text/event-stream"}))
    with sdk.Streams(server_url=loopback.url) as client:
        with client.chat(request={"prompt": "hi"}) as stream:
            events = list(stream)
    assert [(e.event, e.id, e.data.delta) for e in events] == [("delta", "1", "Hel"), ("delta", "2", "lo")]
    assert loopback.requests[0].headers["accept"] == "text/event-stream"
    assert loopback.requests[0].json() == {"prompt": "hi"}


def test_server_sent_events_async_and_data_only(sdk, loopback):
    loopback.on(
        "GET",
        "/ticks",
        Reply(
            200,
            raw=b'data: {"n": 1}\n\ndata: {"n": 2}\n\nretry: 5\ndata: {"n": 3}',
            headers={"content-type": "text/event-stream"},
        ),
    )

    async def collect() -> list:
        async with sdk.Streams(server_url=loopback.url) as client:
            stream = await client.ticks.list_async()
            assert isinstance(stream, sdk.utils.AsyncEventStream)
            return [event.n async for event in stream]

    assert asyncio.run(collect()) == [1, 2, 3]  # the last event ends with the stream, not a blank line


def test_malformed_event_data_is_a_validation_error(sdk, loopback):
    loopback.on("GET", "/ticks", Reply(200, raw=b"data: {not json}\n\n", headers={"content-type": "text/event-stream"}))
    with sdk.Streams(server_url=loopback.url) as client:
        with pytest.raises(sdk.models.errors.ResponseValidationError, match="not JSON"):
            list(client.ticks.list())


def test_several_media_types_parsed_by_content_type(sdk, loopback):
    """JSON is asked for and parsed by default; the other documented type on request, as text."""
    csv = Reply(200, raw=b"a,b\n1,2\n", headers={"content-type": "text/csv"})
    loopback.on("GET", "/report", Reply(200, {"rows": 3}), csv, csv)
    with sdk.Streams(server_url=loopback.url) as client:
        assert client.report().rows == 3
        assert client.report(accept="text/csv") == "a,b\n1,2\n"
        raw = client.with_raw_response.report(accept="text/csv")  # the raw twin takes `accept` too
        assert raw.headers["content-type"] == "text/csv" and raw.parse() == "a,b\n1,2\n"
    assert [r.headers["accept"] for r in loopback.requests] == ["application/json", "text/csv", "text/csv"]


def test_streaming_results_are_typed(sdk):
    import inspect
    from importlib import import_module

    module = import_module(sdk.__name__ + ".files")
    files = module.Files
    # Annotations are postponed (the models they name load on a method's first call); they resolve
    # against the module's names, the runtime's among them.
    assert sdk.Streams.chat.__annotations__["return"].startswith("EventStream[")
    assert files.download.__annotations__["return"] == "BinaryStream"
    assert module.BinaryStream is sdk.utils.BinaryStream
    assert "-> AsyncBinaryStream:" in inspect.getsource(files.download_async)


def test_readme_documents_downloads_and_events_with_code_that_compiles(tmp_path):
    readme = generate_into(tmp_path, SPEC, package="streams_doc", sdk_name="Streams").files["README.md"]
    assert "## Downloads" in readme and "## Server-sent events" in readme
    for block in python_blocks(readme):
        compile(block, "README.md", "exec")
