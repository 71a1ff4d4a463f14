"""Client-wide options a user sets once: copies with other options, the server from the environment,
idempotency keys and telemetry headers. Everything runs against the loopback server, sync and async."""

from __future__ import annotations

import asyncio
import textwrap
import uuid

import pytest
from conftest import Reply, assert_type_checks, generate_into, sdk_from

SPEC = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Ledger, version: "1"}
    servers: [{url: "https://ledger.example.test"}]
    paths:
      /payments:
        post:
          operationId: createPayment
          tags: [payments]
          parameters:
            - {name: Idempotency-Key, in: header, required: true, schema: {type: string}}
          requestBody:
            required: true
            content:
              application/json:
                schema: {type: object, required: [amount], properties: {amount: {type: integer}}}
          responses:
            "201":
              description: created
              content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}
        get:
          operationId: listPayments
          tags: [payments]
          servers: [{url: "https://production.example.test"}]
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}
""")



def quick_retries(sdk):
    """Retries with waits of a few milliseconds."""
    return sdk.utils.RetryConfig("backoff", sdk.utils.BackoffStrategy(1, 5, 1.5, 2000), False)


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    _, _, module = sdk_from(tmp_path_factory.mktemp("ledger"), SPEC, "ledger", "Ledger")
    return module


def test_with_options_makes_a_copy_that_shares_the_connections(ledger, loopback):
    other = type(loopback)()
    try:
        loopback.on("GET", "/payments", Reply(200, ["a"]), Reply(200, ["b"]))
        other.on("GET", "/payments", Reply(200, ["c"]))
        with ledger.Ledger(server_url=loopback.url, http_headers={"X-Team": "billing"}) as client:
            copy = client.with_options(server_url=other.url, timeout_ms=1_500, http_headers={"X-Trace": "t1"})
            assert type(copy) is ledger.Ledger and copy is not client
            assert copy.payments.list_payments() == ["c"]
            assert client.payments.list_payments() == ["a"]  # the original is unchanged
            assert copy._config.client is client._config.client  # one connection pool
            assert copy._config.timeout_ms == 1_500 and client._config.timeout_ms is None
            copy.close()  # leaves the shared connections open
            assert client.payments.list_payments() == ["b"]
        assert other.requests[0].headers["x-team"] == "billing"  # the client's default headers
        assert other.requests[0].headers["x-trace"] == "t1"
        assert "x-trace" not in loopback.requests[0].headers
        assert loopback.requests[0].headers["x-team"] == "billing"
    finally:
        other.close()


def test_with_options_retry_config_none_turns_retries_off(ledger, loopback):
    loopback.on("GET", "/payments", Reply(503), Reply(200, ["late"]), Reply(503), Reply(200, ["ok"]))
    retrying = quick_retries(ledger)
    with ledger.Ledger(server_url=loopback.url, retry_config=retrying) as client:
        assert client.payments.list_payments() == ["late"]  # retried once
        with pytest.raises(ledger.models.errors.SDKError):
            client.with_options(retry_config=None).payments.list_payments()
        assert client.payments.list_payments() == ["ok"]


def test_with_options_async(ledger, loopback):
    loopback.on("GET", "/payments", Reply(200, ["x"]))

    async def main():
        async with ledger.Ledger(server_url="http://127.0.0.1:9") as client:
            copy = client.with_options(server_url=loopback.url, http_headers={"X-Trace": "a1"})
            return await copy.payments.list_payments_async()

    assert asyncio.run(main()) == ["x"]
    assert loopback.requests[0].headers["x-trace"] == "a1"


def test_the_server_url_comes_from_the_environment(ledger, loopback, monkeypatch):
    """`LEDGER_BASE_URL` is read when no `server_url` is passed; like it, it wins over the server the
    operation declares for itself (a user pointing at staging never reaches production)."""
    loopback.on("GET", "/payments", Reply(200, ["env"]), Reply(200, ["env"]))
    monkeypatch.setenv("LEDGER_BASE_URL", loopback.url)
    with ledger.Ledger() as client:
        assert client.payments.list_payments() == ["env"]
    with ledger.Ledger(server_url=loopback.url + "/") as client:  # an explicit URL wins
        assert client.payments.list_payments() == ["env"]

    async def from_env():
        async with ledger.Ledger() as client:
            return await client.payments.list_payments_async()

    assert asyncio.run(from_env()) == ["env"]
    monkeypatch.delenv("LEDGER_BASE_URL")
    assert ledger.Ledger()._config.server_url == "https://ledger.example.test"
    assert len(loopback.requests) == 3


def test_the_environment_variable_is_a_setting(tmp_path):
    spec = tmp_path / "ledger.yaml"
    spec.write_text(SPEC)
    from generator.options import Options
    from generator.pipeline import generate

    named = generate(Options(spec=spec, package_name="ledger", sdk_name="Ledger", base_url_env="LEDGER_URL"))
    assert 'env_server(server_url, "LEDGER_URL")' in named.files["src/ledger/sdk.py"]
    assert "`LEDGER_URL` environment variable" in named.files["README.md"]
    off = generate(Options(spec=spec, package_name="ledger", sdk_name="Ledger", base_url_env=""))
    assert "env_server" not in off.files["src/ledger/sdk.py"]


def test_an_idempotency_key_is_sent_per_call_and_kept_across_retries(ledger, loopback):
    created = Reply(201, {"id": "p1"})
    loopback.on("POST", "/payments", Reply(503), created, created, created)
    retrying = quick_retries(ledger)
    with ledger.Ledger(server_url=loopback.url, retry_config=retrying) as client:
        assert client.payments.create_payment(request={"request_body": {"amount": 5}}).id == "p1"
        client.payments.create_payment(request={"request_body": {"amount": 6}})
        client.payments.create_payment(request={"idempotency_key": "mine", "request_body": {"amount": 7}})
    keys = [r.headers["idempotency-key"] for r in loopback.requests]
    assert keys[0] == keys[1]  # the retry of the first call repeats its key
    assert len({keys[1], keys[2]}) == 2  # the next call has a fresh one
    assert str(uuid.UUID(keys[2])) == keys[2]
    assert keys[3] == "mine"  # the caller's own key is sent as given


def test_an_idempotency_key_async(ledger, loopback):
    loopback.on("POST", "/payments", Reply(201, {"id": "p1"}), Reply(201, {"id": "p2"}))

    async def main():
        async with ledger.Ledger(server_url=loopback.url) as client:
            await client.payments.create_payment_async(request={"request_body": {"amount": 1}})
            await client.payments.create_payment_async(
                request={"request_body": {"amount": 2}}, http_headers={"idempotency-key": "k2"}
            )

    asyncio.run(main())
    first, second = (r.headers["idempotency-key"] for r in loopback.requests)
    assert uuid.UUID(first) and second == "k2"


def test_telemetry_headers_and_turning_them_off(ledger, loopback):
    import platform

    loopback.on("GET", "/payments", Reply(200, []))
    with ledger.Ledger(server_url=loopback.url) as client:
        client.payments.list_payments()

    async def quietly():
        async with ledger.Ledger(server_url=loopback.url, telemetry=False) as client:
            await client.payments.list_payments_async()

    asyncio.run(quietly())
    told, quiet = (r.headers for r in loopback.requests)
    assert told["x-sdk-lang"] == "python"
    assert told["x-sdk-package-version"] == ledger.__version__
    assert told["x-sdk-runtime-version"] == platform.python_version()
    assert told["x-sdk-os"] == platform.system()
    assert told["user-agent"].startswith("sdkforge/")
    assert not [h for h in quiet if h.startswith("x-sdk-")] and quiet["user-agent"] == told["user-agent"]


def test_the_options_type_check_and_are_documented(tmp_path):
    result = generate_into(tmp_path, SPEC, package="ledger_doc", sdk_name="Ledger")
    readme = result.files["README.md"]
    assert "with_options(" in readme and "`LEDGER_DOC_BASE_URL`" in readme
    assert "## Idempotency" in readme and "`Idempotency-Key`" in readme
    assert "telemetry=False" in readme
    assert "`with_streaming_response` has the same methods" in readme
    assert "## Raw responses" in readme and "client.payments.with_raw_response.list_payments()" in readme
    from generator.write import write_output

    write_output(tmp_path / "out", result.files)
    (tmp_path / "out" / "src" / "ledger_doc" / "example_use.py").write_text(
        textwrap.dedent("""
            from typing import Optional

            from ledger_doc import Ledger

            def main() -> None:
                client = Ledger(http_headers={"X-Team": "t"}, telemetry=False)
                copy: Ledger = client.with_options(timeout_ms=5, retry_config=None)
                copy.payments.create_payment(request={"request_body": {"amount": 1}})
                raw = copy.payments.with_raw_response.create_payment(request={"request_body": {"amount": 1}})
                status: int = raw.status_code
                paid: Optional[str] = raw.parse().id
                print(status, paid, raw.http_response.elapsed)
        """)
    )
    assert_type_checks(tmp_path / "out" / "src", "ledger_doc")


@pytest.mark.parametrize(
    "setting, value, expected",
    [
        ("base_url_env", "LEDGER_URL", "LEDGER_URL"),
        ("base_url_env", False, ""),
        ("idempotency_header", "X-Request-Key", "X-Request-Key"),
    ],
)
def test_settings_name_the_variable_and_the_header(tmp_path, setting, value, expected):
    import yaml

    from generator.settings import resolve

    (tmp_path / "sdkforge.yaml").write_text(yaml.safe_dump({"spec": "api.yaml", "out": "out", setting: value}))
    assert getattr(resolve({}, None, tmp_path), setting) == expected


@pytest.mark.parametrize(
    "setting, value", [("base_url_env", "not a name"), ("idempotency_header", "two words"), ("base_url_env", 3)]
)
def test_bad_settings_are_refused_with_their_name(tmp_path, setting, value):
    import yaml

    from generator.diagnostics import GenerationError
    from generator.settings import resolve

    (tmp_path / "sdkforge.yaml").write_text(yaml.safe_dump({"spec": "api.yaml", "out": "out", setting: value}))
    with pytest.raises(GenerationError) as raised:
        resolve({}, None, tmp_path)
    assert setting in str(raised.value)


def test_with_raw_response_gives_status_headers_and_the_parsed_result(ledger, loopback):
    loopback.on(
        "POST",
        "/payments",
        Reply(201, {"id": "p9"}, headers={"X-Request-Id": "req-1", "X-RateLimit-Remaining": "41"}),
        Reply(422, {"message": "amount too large"}),
    )
    with ledger.Ledger(server_url=loopback.url) as client:
        raw = client.payments.with_raw_response.create_payment(request={"request_body": {"amount": 5}})
        assert isinstance(raw, ledger.utils.RawResponse)
        assert raw.status_code == 201
        assert raw.headers["x-request-id"] == "req-1" and raw.headers["x-ratelimit-remaining"] == "41"
        assert raw.http_response.request.method == "POST"
        parsed = raw.parse()
        assert parsed.id == "p9" and raw.parse() is parsed  # parsed once
        with pytest.raises(ledger.models.errors.SDKError) as failed:  # an error status raises at once
            client.payments.with_raw_response.create_payment(request={"request_body": {"amount": 10**9}})
        assert failed.value.status_code == 422
    assert loopback.requests[0].json() == {"amount": 5}
    assert "idempotency-key" in loopback.requests[0].headers  # the same request as the method's


PING = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Pinger, version: "1"}
    servers: [{url: "https://pinger.example.test"}]
    paths:
      /ping:
        get:
          operationId: ping
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: object, properties: {pong: {type: boolean}}}}}}
""")


def test_with_raw_response_async_and_on_the_client_itself(tmp_path, loopback):
    """An operation left on the client (a lone one-segment path) has its twin on the client."""
    _, _, module = sdk_from(tmp_path, PING, "pinger", "Pinger")
    loopback.on("GET", "/ping", Reply(200, {"pong": True}, headers={"X-Region": "eu"}))

    async def main():
        async with module.Pinger(server_url=loopback.url) as client:
            raw = await client.with_raw_response.ping_async()
            return raw.status_code, raw.headers["x-region"], raw.parse().pong

    assert asyncio.run(main()) == (200, "eu", True)


def test_with_streaming_response_reads_the_body_only_when_asked(ledger, loopback):
    import threading

    gate = threading.Event()
    big = {"id": "p" * 100_000}
    loopback.on("GET", "/payments", Reply(200, ["x", "y"], headers={"X-Request-Id": "r2"}))
    loopback.on("POST", "/payments", Reply(201, big, gate=gate), Reply(404, {"message": "no"}))
    with ledger.Ledger(server_url=loopback.url) as client:
        # The server sends half the body and waits: the call still returns, with the headers.
        with client.payments.with_streaming_response.create_payment(request={"request_body": {"amount": 1}}) as raw:
            assert raw.status_code == 201 and raw.headers["content-type"] == "application/json"
            assert not raw.http_response.is_stream_consumed
            gate.set()
            assert b"".join(raw.iter_bytes()).startswith(b'{"id": "ppp')
        with client.payments.with_streaming_response.list_payments() as listed:
            assert listed.parse() == ["x", "y"] and listed.headers["x-request-id"] == "r2"
        with pytest.raises(ledger.models.errors.SDKError) as failed:  # an error status still raises, parsed
            client.payments.with_streaming_response.create_payment(request={"request_body": {"amount": 2}})
        assert failed.value.status_code == 404 and "no" in str(failed.value)


def test_with_streaming_response_async(ledger, loopback):
    loopback.on("GET", "/payments", Reply(200, ["a"], headers={"X-Total": "1"}))

    async def main():
        async with ledger.Ledger(server_url=loopback.url) as client:
            async with await client.payments.with_streaming_response.list_payments_async() as raw:
                lines = [line async for line in raw.aiter_lines()]
            async with await client.payments.with_streaming_response.list_payments_async() as again:
                parsed = await again.aparse()
            return raw.headers["x-total"], lines, parsed

    assert asyncio.run(main()) == ("1", ['["a"]'], ["a"])
