"""The generated runtime under faults: retries, Retry-After, timeouts, resets, bad bodies, hooks.

Every scenario runs twice, through the sync method and through its `_async` twin, against a real
loopback server scripted to misbehave.
"""

from __future__ import annotations

import asyncio
import email.utils
import socket
import time

import pytest
from conftest import Reply
from dub_payloads import LINK, error_body

BODY = {"program_id": "p", "url": "https://a.b"}
PATH = "/partners/links"


def fast_retries(dub, initial=10, max_interval=1000, max_elapsed=5000, connection_errors=False):
    from dub.utils import BackoffStrategy, RetryConfig

    return RetryConfig("backoff", BackoffStrategy(initial, max_interval, 1.5, max_elapsed), connection_errors)


def call(client, mode, **kwargs):
    """`client.partners.create_link(...)`, sync or async."""
    if mode == "sync":
        return client.partners.create_link(request=BODY, **kwargs)

    async def run():
        try:
            return await client.partners.create_link_async(request=BODY, **kwargs)
        finally:
            await client.aclose()

    return asyncio.run(run())


@pytest.fixture(params=["sync", "async"])
def mode(request):
    return request.param


def timed(fn):
    started = time.monotonic()
    try:
        return fn(), time.monotonic() - started
    except Exception as exc:  # returned so the caller can assert on class and timing together
        return exc, time.monotonic() - started


def test_503_then_200_is_retried(loopback, dub_sdk, mode):
    from dub import Dub
    from dub.models import components

    loopback.on("POST", PATH, Reply(503, {"error": "busy"}), Reply(201, LINK))
    client = Dub(token="t", server_url=loopback.url, retry_config=fast_retries(dub_sdk))
    result = call(client, mode)
    assert isinstance(result, components.LinkSchema)
    assert len(loopback.requests) == 2


def test_429_honours_retry_after_seconds(loopback, dub_sdk, mode):
    from dub import Dub

    loopback.on("POST", PATH, Reply(429, error_body(429, "slow down"), {"retry-after": "1"}), Reply(201, LINK))
    client = Dub(token="t", server_url=loopback.url, retry_config=fast_retries(dub_sdk, initial=10, max_interval=5000))
    result, elapsed = timed(lambda: call(client, mode))
    assert not isinstance(result, Exception), result
    assert len(loopback.requests) == 2
    assert 0.95 <= elapsed < 3.0


def test_retry_after_http_date_and_cap_by_max_interval(loopback, dub_sdk, mode):
    from dub import Dub

    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    loopback.on("POST", PATH, Reply(503, None, {"retry-after": when}), Reply(201, LINK))
    client = Dub(token="t", server_url=loopback.url, retry_config=fast_retries(dub_sdk, max_interval=300))
    result, elapsed = timed(lambda: call(client, mode))
    assert not isinstance(result, Exception), result
    assert 0.25 <= elapsed < 1.5  # 30 s asked for, capped at max_interval (300 ms)


def test_retries_stop_at_max_elapsed_time(loopback, dub_sdk, mode):
    from dub import Dub
    from dub.models import errors

    loopback.on("POST", PATH, Reply(503, {"error": "down"}))
    client = Dub(token="t", server_url=loopback.url, retry_config=fast_retries(dub_sdk, initial=50, max_elapsed=400))
    error, elapsed = timed(lambda: call(client, mode))
    assert type(error) is errors.SDKError and error.status_code == 503
    assert 2 <= len(loopback.requests) <= 8
    assert elapsed < 1.0


def test_per_call_retries_none_disables_retries(loopback, dub_sdk, mode):
    from dub import Dub
    from dub.models import errors

    loopback.on("POST", PATH, Reply(500, error_body(500, "boom")), Reply(201, LINK))
    client = Dub(token="t", server_url=loopback.url, retry_config=fast_retries(dub_sdk))
    error = call_error(client, mode, retries=None)
    assert isinstance(error, errors.InternalServerError) and "boom" in str(error)
    assert len(loopback.requests) == 1


def call_error(client, mode, **kwargs):
    try:
        call(client, mode, **kwargs)
    except Exception as exc:
        return exc
    raise AssertionError("no error raised")


def test_slow_response_times_out_and_per_call_timeout_wins(loopback, dub_sdk, mode):
    from dub import Dub
    from dub.models import errors

    loopback.on("POST", PATH, Reply(201, LINK, delay=1.5))
    client = Dub(token="t", server_url=loopback.url, timeout_ms=10_000)
    error, elapsed = timed(lambda: call(client, mode, timeout_ms=200))
    assert isinstance(error, errors.NoResponseError) and "timed out" in str(error)
    assert isinstance(error.__cause__, Exception)
    assert elapsed < 1.2


def test_connection_reset(loopback, dub_sdk, mode):
    from dub import Dub
    from dub.models import errors

    loopback.on("POST", PATH, Reply(201, LINK, action="reset"))
    error = call_error(Dub(token="t", server_url=loopback.url), mode)
    assert isinstance(error, errors.NoResponseError) and error.__cause__ is not None


def test_connection_errors_retried_only_when_asked(loopback, dub_sdk, mode):
    from dub import Dub
    from dub.models import components

    loopback.on("POST", PATH, Reply(201, LINK, action="reset"), Reply(201, LINK))
    client = Dub(token="t", server_url=loopback.url, retry_config=fast_retries(dub_sdk, connection_errors=True))
    assert isinstance(call(client, mode), components.LinkSchema)
    assert len(loopback.requests) == 2


def test_truncated_body(loopback, dub_sdk, mode):
    from dub import Dub
    from dub.models import errors

    loopback.on("POST", PATH, Reply(201, LINK, action="truncate"))
    error = call_error(Dub(token="t", server_url=loopback.url), mode)
    assert isinstance(error, errors.NoResponseError) and "before the response was complete" in str(error)


def test_html_502(loopback, dub_sdk, mode):
    from dub import Dub
    from dub.models import errors

    page = b"<html><body><h1>502 Bad Gateway</h1>" + b"x" * 500 + b"</body></html>"
    loopback.on("POST", PATH, Reply(502, raw=page, headers={"content-type": "text/html"}))
    error = call_error(Dub(token="t", server_url=loopback.url), mode)
    assert type(error) is errors.SDKError and error.status_code == 502
    assert "text/html" in str(error) and "<html>" not in str(error) and "502" in str(error)
    assert error.body.startswith("<html>")


def test_wrong_shape_and_non_json(loopback, dub_sdk, mode):
    from dub import Dub
    from dub.models import errors

    loopback.on("POST", PATH, Reply(201, {"id": 1}), Reply(201, raw=b"not json"))
    client = Dub(token="t", server_url=loopback.url)
    first = call_error(client, mode)
    second = call_error(Dub(token="t", server_url=loopback.url), mode)
    for error in (first, second):
        assert isinstance(error, errors.ResponseValidationError) and error.status_code == 201
        assert error.__cause__ is not None


def test_refused_port(dub_sdk, mode):
    from dub import Dub
    from dub.models import errors

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    error = call_error(Dub(token="secret", server_url=f"http://127.0.0.1:{port}"), mode)
    assert isinstance(error, errors.NoResponseError) and "could not connect" in str(error)
    assert "secret" not in str(error)


def test_hooks(loopback, dub_sdk, mode):
    from dub import Dub
    from dub.models import errors

    loopback.on("POST", PATH, Reply(201, LINK), Reply(404, error_body(404, "gone")))
    client = Dub(token="t", server_url=loopback.url)
    seen = []

    @client.hooks.before_request
    def tag(request):
        request.headers["x-hooked"] = "yes"
        return request

    client.hooks.after_success(lambda response: seen.append(("success", response.status_code)))
    client.hooks.after_error(
        lambda response, exc: seen.append(("error", response.status_code if response else type(exc).__name__))
    )
    call(client, mode)
    error = call_error(client, mode)
    assert isinstance(error, errors.NotFound)
    assert seen == [("success", 201), ("error", 404)]
    assert [r.headers.get("x-hooked") for r in loopback.requests] == ["yes", "yes"]


def test_after_error_hook_sees_transport_failures(dub_sdk, mode):
    from dub import Dub
    from dub.models import errors

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = Dub(token="t", server_url=f"http://127.0.0.1:{port}")
    seen = []
    client.hooks.after_error(lambda response, exc: seen.append((response, type(exc))))
    assert isinstance(call_error(client, mode), errors.NoResponseError)
    assert seen == [(None, errors.NoResponseError)]


def test_debug_log_redacts_cookies_and_api_keys(loopback, dub_sdk, caplog):
    import logging

    from dub import Dub

    loopback.on("POST", PATH, Reply(201, LINK, headers={"set-cookie": "session=abc123"}))
    logger = logging.getLogger("faults")
    with caplog.at_level(logging.DEBUG, logger="faults"):
        with Dub(token="tok-123", server_url=loopback.url, debug_logger=logger) as client:
            client.partners.create_link(request=BODY, http_headers={"Cookie": "id=cookie-456"})
    assert "POST" in caplog.text and "201" in caplog.text and " ms" in caplog.text
    for secret in ("tok-123", "cookie-456", "abc123"):
        assert secret not in caplog.text
