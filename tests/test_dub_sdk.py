"""The generated Dub SDK (the golden tree in generated/), exercised against a real loopback server."""

from __future__ import annotations

import asyncio
import contextlib
import io
import re

import pytest
from conftest import Reply, partners_page
from dub_payloads import ANALYTICS_COUNT, ERRORS, LINK, PARTNER, error_body


def seed_examples() -> dict:
    """The four Python examples of the seed page, verbatim, keyed by the method they call."""
    return dict(partners_page()["examples"])


def run_example(code: str, server_url: str) -> dict:
    """Run an example exactly as written, with only `server_url` pointed at the loopback server."""
    pointed = code.replace('token="DUB_API_KEY",', f'token="DUB_API_KEY", server_url="{server_url}",', 1)
    assert pointed != code
    namespace: dict = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(pointed, "<seed example>", "exec"), namespace)
    namespace["stdout"] = out.getvalue()
    return namespace


def test_seed_has_the_four_examples():
    assert sorted(seed_examples()) == ["analytics", "create", "create_link", "upsert_link"]


def test_seed_create(loopback, dub_sdk):
    from dub.models import operations

    loopback.on("POST", "/partners", Reply(201, PARTNER))
    ns = run_example(seed_examples()["create"], loopback.url)
    res = ns["res"]
    assert isinstance(res, operations.CreatePartnerResponseBody)
    assert res.id == "pn_1" and res.status == operations.CreatePartnerResponseStatus.APPROVED
    assert res.links is not None and res.links[0].short_link == "https://dub.sh/try"
    assert res.model_extra == {"programId": "prog_1"}
    assert "pn_1" in ns["stdout"]
    sent = loopback.requests[-1]
    assert sent.headers["authorization"] == "Bearer DUB_API_KEY"
    assert sent.headers["content-type"] == "application/json"
    assert sent.json() == {
        "programId": "<id>",
        "name": "<value>",
        "email": re.search(r'"email": "([^"]*)"', seed_examples()["create"]).group(1),
        "username": "Aaliyah_Borer",
        "linkProps": {"externalId": "123456", "tagIds": ["clux0rgak00011..."]},
    }


@pytest.mark.parametrize(
    "method,http,path,status",
    [
        ("create_link", "POST", "/partners/links", 201),
        ("upsert_link", "PUT", "/partners/links/upsert", 200),
    ],
)
def test_seed_link_examples(loopback, dub_sdk, method, http, path, status):
    from dub.models import components

    loopback.on(http, path, Reply(status, LINK))
    res = run_example(seed_examples()[method], loopback.url)["res"]
    assert isinstance(res, components.LinkSchema)
    assert res.short_link == "https://dub.sh/try" and res.sale_amount == 1500
    assert res.geo is not None and res.geo.us == "https://example.com/us" and res.geo.in_ == "https://example.com/in"
    assert res.tags is not None and res.tags[0].color == components.TagSchemaColor.RED
    assert res.model_extra == {"folderId": "fold_1"}
    sent = loopback.requests[-1]
    assert sent.method == http
    body = sent.json()
    assert body["programId"] == "<id>" and body["linkProps"] == {
        "externalId": "123456",
        "tagIds": ["clux0rgak00011..."],
    }
    assert set(body) == {"programId", "url", "linkProps"}  # optional fields not given are not sent


def test_seed_analytics(loopback, dub_sdk):
    from dub.models import components

    loopback.on("GET", "/partners/analytics", Reply(200, ANALYTICS_COUNT))
    res = run_example(seed_examples()["analytics"], loopback.url)["res"]
    assert isinstance(res, components.PartnerAnalyticsCount)
    assert (res.clicks, res.leads, res.sale_amount) == (120, 12, 4500)
    sent = loopback.requests[-1]
    assert sent.query == [("programId", "<id>"), ("timezone", "UTC"), ("groupBy", "count")]
    assert sent.body == b""


def test_analytics_union_variants(loopback, dub_sdk):
    from dub import Dub
    from dub.models import components

    timeseries = [{"start": "2025-02-01T00:00:00Z", "clicks": 5}]
    top_links = [
        {
            "link": "l",
            "id": "l",
            "domain": "dub.sh",
            "key": "k",
            "shortLink": "https://dub.sh/k",
            "url": "https://x.y",
            "createdAt": "2025-02-01T00:00:00Z",
            "clicks": 9,
        }
    ]
    loopback.on("GET", "/partners/analytics", Reply(200, timeseries), Reply(200, top_links))
    with Dub(token="t", server_url=loopback.url) as client:
        series = client.partners.analytics(request={"program_id": "p", "group_by": "timeseries", "interval": "30d"})
        links = client.partners.analytics(request={"program_id": "p", "group_by": "top_links"})
    assert isinstance(series, list) and isinstance(series[0], components.PartnerAnalyticsTimeseries)
    assert series[0].clicks == 5
    assert isinstance(links, list) and isinstance(links[0], components.PartnerAnalyticsTopLinks)
    assert links[0].short_link == "https://dub.sh/k"
    assert ("groupBy", "timeseries") in loopback.requests[0].query and ("interval", "30d") in loopback.requests[0].query


def test_model_input_equals_dict_input(loopback, dub_sdk):
    from dub import Dub
    from dub.models import operations

    loopback.on("POST", "/partners/links", Reply(201, LINK))
    model = operations.CreatePartnerLinkRequestBody(
        program_id="prog",
        url="https://a.b",
        link_props=operations.CreatePartnerLinkLinkProps(tag_ids=["t1"], comments=None),
    )
    with Dub(token="t", server_url=loopback.url) as client:
        client.partners.create_link(request=model)
        client.partners.create_link(
            request={"program_id": "prog", "url": "https://a.b", "link_props": {"tag_ids": ["t1"], "comments": None}}
        )
    first, second = (r.json() for r in loopback.requests)
    assert (
        first
        == second
        == {"programId": "prog", "url": "https://a.b", "linkProps": {"tagIds": ["t1"], "comments": None}}
    )


def test_async_twins(loopback, dub_sdk):
    from dub import Dub
    from dub.models import components, errors, operations

    loopback.on("POST", "/partners", Reply(201, PARTNER))
    loopback.on("POST", "/partners/links", Reply(201, LINK))
    loopback.on("PUT", "/partners/links/upsert", Reply(404, error_body(404, "Program not found.")))
    loopback.on("GET", "/partners/analytics", Reply(200, ANALYTICS_COUNT))

    async def main():
        async with Dub(token="t", server_url=loopback.url) as client:
            partner = await client.partners.create_async(
                request={"program_id": "p", "name": "n", "email": "e@x.co", "username": "u"}
            )
            link = await client.partners.create_link_async(request={"program_id": "p", "url": "https://a.b"})
            stats = await client.partners.analytics_async(request={"program_id": "p"})
            with pytest.raises(errors.NotFound) as caught:
                await client.partners.upsert_link_async(request={"program_id": "p", "url": "https://a.b"})
            return partner, link, stats, caught.value

    partner, link, stats, error = asyncio.run(main())
    assert isinstance(partner, operations.CreatePartnerResponseBody)
    assert isinstance(link, components.LinkSchema)
    assert isinstance(stats, components.PartnerAnalyticsCount)
    assert error.status_code == 404 and "Program not found." in str(error)


@pytest.mark.parametrize("status", sorted(ERRORS))
def test_documented_error_statuses(loopback, dub_sdk, status):
    from dub import Dub
    from dub.models import errors

    name, code = ERRORS[status]
    loopback.on(
        "POST", "/partners/links", Reply(status, error_body(status, f"Server says {status}"), {"x-request-id": "req-9"})
    )
    with Dub(token="t", server_url=loopback.url) as client:
        with pytest.raises(getattr(errors, name)) as caught:
            client.partners.create_link(request={"program_id": "p", "url": "https://a.b"})
    e = caught.value
    assert type(e).__name__ == name
    assert isinstance(e, errors.SDKError) and isinstance(e, errors.SDKBaseError) and isinstance(e, errors.DubError)
    assert e.status_code == status
    assert e.headers["x-request-id"] == "req-9"
    assert f"Server says {status}" in e.body
    assert e.raw_response.status_code == status
    assert e.data.error.code.value == code and e.data.error.message == f"Server says {status}"
    assert f"Server says {status}" in str(e) and str(status) in str(e)


def test_undocumented_status_raises_sdk_error(loopback, dub_sdk):
    from dub import Dub
    from dub.models import errors

    loopback.on("POST", "/partners/links", Reply(418, {"teapot": True}))
    with Dub(token="t", server_url=loopback.url) as client:
        with pytest.raises(errors.SDKError) as caught:
            client.partners.create_link(request={"program_id": "p", "url": "https://a.b"})
    assert type(caught.value) is errors.SDKError
    assert caught.value.status_code == 418 and '"teapot"' in caught.value.body


@pytest.mark.parametrize(
    "reply,fragment",
    [
        (Reply(201, {"id": "only-an-id"}), "does not match"),
        (Reply(201, raw=b'{"id": "trunc'), "does not match"),
        (Reply(201, raw=b"<html>oops</html>", headers={"content-type": "text/html"}), "text/html"),
        (Reply(400, {"unexpected": "shape"}), "does not match"),
    ],
)
def test_unusable_responses_raise_sdk_errors(loopback, dub_sdk, reply, fragment):
    from dub import Dub
    from dub.models import errors

    loopback.on("POST", "/partners/links", reply)
    with Dub(token="t", server_url=loopback.url) as client:
        with pytest.raises(errors.ResponseValidationError) as caught:
            client.partners.create_link(request={"program_id": "p", "url": "https://a.b"})
    assert isinstance(caught.value, errors.SDKError)
    assert fragment in str(caught.value)
    assert caught.value.raw_response is not None


def test_connection_refused_raises_no_response_error(dub_sdk):
    import socket

    from dub import Dub
    from dub.models import errors

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    with Dub(token="secret-token", server_url=f"http://127.0.0.1:{port}") as client:
        with pytest.raises(errors.NoResponseError) as caught:
            client.partners.create_link(request={"program_id": "p", "url": "https://a.b"})
    assert "could not connect" in str(caught.value) and "secret-token" not in str(caught.value)


def test_per_call_options_and_credentials(loopback, dub_sdk, monkeypatch):
    from dub import Dub

    loopback.on("GET", "/partners/analytics", Reply(200, ANALYTICS_COUNT))
    tokens = iter(["rotated-1", "rotated-2"])
    with Dub(token=lambda: next(tokens), server_url="http://127.0.0.1:9") as client:
        client.partners.analytics(
            request={"program_id": "p"}, server_url=loopback.url, timeout_ms=5000, http_headers={"X-Trace": "abc"}
        )
        client.partners.analytics(request={"program_id": "p"}, server_url=loopback.url)
        assert "rotated" not in repr(client) and "rotated" not in repr(client._config)
    first, second = loopback.requests
    assert (
        first.headers["authorization"] == "Bearer rotated-1" and second.headers["authorization"] == "Bearer rotated-2"
    )
    assert first.headers["x-trace"] == "abc"
    assert first.headers["user-agent"].startswith("sdkforge/")
    monkeypatch.setenv("DUB_API_KEY", "from-env")
    with Dub(server_url=loopback.url) as client:
        client.partners.analytics(request={"program_id": "p"})
    assert loopback.requests[-1].headers["authorization"] == "Bearer from-env"


def test_injected_client_is_not_closed(loopback, dub_sdk):
    import httpx
    from dub import Dub

    loopback.on("GET", "/partners/analytics", Reply(200, ANALYTICS_COUNT))
    http = httpx.Client()
    with Dub(token="t", server_url=loopback.url, client=http) as client:
        client.partners.analytics(request={"program_id": "p"})
    assert not http.is_closed
    http.close()


def test_debug_logger_redacts_credentials(loopback, dub_sdk, caplog):
    import logging

    from dub import Dub

    loopback.on("GET", "/partners/analytics", Reply(200, ANALYTICS_COUNT))
    logger = logging.getLogger("dub-test")
    with caplog.at_level(logging.DEBUG, logger="dub-test"):
        with Dub(token="very-secret", server_url=loopback.url, debug_logger=logger) as client:
            client.partners.analytics(request={"program_id": "p"})
    text = caplog.text
    assert "GET" in text and "/partners/analytics" in text and "200" in text
    assert "very-secret" not in text and "[redacted]" in text


def test_unknown_enum_values_from_the_server_parse(loopback, dub_sdk):
    from dub import Dub

    partner = {**PARTNER, "status": "suspended"}
    loopback.on("POST", "/partners", Reply(201, partner))
    with Dub(token="t", server_url=loopback.url) as client:
        res = client.partners.create(request={"program_id": "p", "name": "n", "email": "e@x.co", "username": "u"})
    assert res.status == "suspended" and res.status.value == "suspended"
