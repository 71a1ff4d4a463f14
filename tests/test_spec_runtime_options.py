"""Runtime behaviour the document asks for: x-speakeasy-retries and server variables."""

from __future__ import annotations

import textwrap

from conftest import Reply, generate_into, import_generated

SPEC = textwrap.dedent("""
    openapi: 3.1.0
    info: {title: Retrying, version: "1"}
    servers:
      - url: "http://{host}:{port}/v1"
        variables:
          host: {default: "127.0.0.1"}
          port: {default: "9"}
    x-speakeasy-retries:
      strategy: backoff
      backoff: {initialInterval: 10, maxInterval: 50, exponent: 1.1, maxElapsedTime: 2000}
      statusCodes: ["5XX"]
      retryConnectionErrors: false
    paths:
      /items:
        get:
          operationId: listItems
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}
      /once:
        get:
          operationId: once
          x-speakeasy-retries: {strategy: none}
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: string}}}}
      /teapot:
        get:
          operationId: teapot
          x-speakeasy-retries:
            strategy: backoff
            statusCodes: [418]
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: string}}}}
""")


def _load(tmp_path):
    result = generate_into(tmp_path, SPEC, package="retrying_sdk", sdk_name="Retrying")
    return import_generated(tmp_path, result, "retrying_sdk")


def test_document_retry_policy_applies_by_default(tmp_path, loopback):
    sdk = _load(tmp_path)
    port = loopback.url.rsplit(":", 1)[1]
    loopback.on("GET", "/v1/items", Reply(502), Reply(504), Reply(200, ["a"]))
    loopback.on("GET", "/v1/once", Reply(503), Reply(200, "x"))
    loopback.on("GET", "/v1/teapot", Reply(418), Reply(200, "tea"))
    with sdk.Retrying(server_variables={"port": port}) as client:
        assert client.items.list() == ["a"]  # 5XX retried without any configuration
        assert len(loopback.requests) == 3
        try:
            client.once()
        except sdk.models.errors.SDKError as error:
            assert error.status_code == 503
        else:
            raise AssertionError("strategy: none must not retry")
        assert len(loopback.requests) == 4
        assert client.teapot() == "tea"  # the operation's own status codes
    assert loopback.requests[0].path == "/v1/items"


def test_server_variables_default_and_override(tmp_path):
    sdk = _load(tmp_path)
    assert sdk.Retrying()._config.server_url == "http://127.0.0.1:9/v1"
    assert sdk.Retrying(server_variables={"host": "example.test"})._config.server_url == "http://example.test:9/v1"
    assert sdk.Retrying(server_url="https://other/")._config.server_url == "https://other"
