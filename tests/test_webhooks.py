"""Webhooks: payload models, `verify` and `unwrap` for Standard Webhooks and GitHub's signatures,
with and without a client."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import textwrap
import time

import pytest
from conftest import assert_type_checks, sdk_from

STANDARD = textwrap.dedent("""
    openapi: 3.1.0
    info: {title: Billing, version: "1"}
    servers: [{url: "https://billing.example"}]
    paths: {}
    webhooks:
      invoicePaid:
        post:
          description: An invoice was paid.
          requestBody:
            content:
              application/json:
                schema:
                  type: object
                  required: [type, data]
                  properties:
                    type: {const: invoice.paid}
                    data: {type: object, required: [invoice_id, amount], properties: {invoice_id: {type: string}, amount: {type: integer}}}
          responses: {"200": {description: ok}}
      customerDeleted:
        post:
          requestBody:
            content:
              application/json:
                schema: {$ref: "#/components/schemas/CustomerDeleted"}
          responses: {"200": {description: ok}}
    components:
      schemas:
        CustomerDeleted:
          type: object
          properties:
            type: {type: string, enum: [customer.deleted]}
            customer_id: {type: string}
""")

GITHUB_STYLE = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Hub, version: "1"}
    servers: [{url: "https://hub.example"}]
    paths:
      /webhooks:
        get:
          operationId: listHooks
          tags: [webhooks]
          responses: {"200": {description: ok}}
    x-webhooks:
      issues-opened:
        post:
          parameters:
            - {name: X-Github-Event, in: header, example: issues, schema: {type: string}}
            - {name: X-Hub-Signature-256, in: header, schema: {type: string}}
          requestBody:
            content:
              application/json:
                schema: {$ref: "#/components/schemas/issues-opened"}
          responses: {"200": {description: ok}}
      issues-closed:
        post:
          parameters:
            - {name: X-Github-Event, in: header, example: issues, schema: {type: string}}
          requestBody:
            content:
              application/json:
                schema: {$ref: "#/components/schemas/issues-closed"}
          responses: {"200": {description: ok}}
      ping:
        post:
          parameters:
            - {name: X-Github-Event, in: header, example: ping, schema: {type: string}}
          requestBody:
            content:
              application/json:
                schema: {type: object, properties: {zen: {type: string}}}
          responses: {"200": {description: ok}}
      review-requested:
        post:
          parameters:
            - {name: X-Github-Event, in: header, example: pull_request, schema: {type: string}}
          requestBody:
            content:
              application/json:
                schema:
                  oneOf:
                    - {type: object, required: [action, reviewer], properties: {action: {type: string, enum: [review_requested]}, reviewer: {type: string}}}
                    - {type: object, required: [action, team], properties: {action: {type: string, enum: [review_requested]}, team: {type: string}}}
          responses: {"200": {description: ok}}
    components:
      schemas:
        issues-opened:
          type: object
          required: [action, number]
          properties: {action: {type: string, enum: [opened]}, number: {type: integer}}
        issues-closed:
          type: object
          required: [action, number]
          properties: {action: {type: string, enum: [closed]}, number: {type: integer}}
""")

KEY = b"a very secret key of the billing API"
SECRET = "whsec_" + base64.b64encode(KEY).decode()


def standard_headers(body: bytes, msg_id: str = "msg_1", at: int | None = None, key: bytes = KEY) -> dict[str, str]:
    stamp = str(int(time.time()) if at is None else at)
    signature = base64.b64encode(hmac.new(key, f"{msg_id}.{stamp}.".encode() + body, hashlib.sha256).digest())
    return {"Webhook-Id": msg_id, "Webhook-Timestamp": stamp, "Webhook-Signature": f"v0,xx v1,{signature.decode()}"}


@pytest.fixture(scope="module")
def billing(tmp_path_factory):
    return sdk_from(tmp_path_factory.mktemp("billing"), STANDARD, "billing", "Billing")


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    return sdk_from(tmp_path_factory.mktemp("hub"), GITHUB_STYLE, "hub", "Hub")


def test_standard_webhooks_are_verified_and_parsed_without_a_client(billing):
    tmp, _, sdk = billing
    from billing.webhooks import UnknownWebhook, WebhookVerificationError, unwrap, verify

    body = json.dumps({"type": "invoice.paid", "data": {"invoice_id": "in_1", "amount": 250}}).encode()
    event = unwrap(body, standard_headers(body), secret=SECRET)
    assert type(event).__name__ == "InvoicePaidWebhook" and event.data.amount == 250
    deleted = json.dumps({"type": "customer.deleted", "customer_id": "cus_9"})
    assert type(unwrap(deleted, standard_headers(deleted.encode()), secret=SECRET)).__name__ == "CustomerDeleted"
    later = json.dumps({"type": "invoice.voided", "data": {}}).encode()
    unknown = unwrap(later, standard_headers(later), secret=SECRET)
    assert isinstance(unknown, UnknownWebhook) and unknown.data["type"] == "invoice.voided"

    tampered = body.replace(b"250", b"999")
    cases = {
        "no webhook-signature matches": (tampered, standard_headers(body)),
        "from now (more than 300 s)": (body, standard_headers(body, at=int(time.time()) - 301)),
        "missing webhook-id": (body, {}),
        "no webhook-signature matches the body": (body, standard_headers(body, key=b"another key")),
    }
    for reason, (sent, headers) in cases.items():
        with pytest.raises(WebhookVerificationError, match=re.escape(reason)):
            verify(sent, headers, secret=SECRET)
    verify(body, standard_headers(body, at=int(time.time()) - 1000), secret=SECRET, tolerance=2000)


def test_a_payload_that_breaks_its_schema_is_an_error_not_a_model(billing):
    from billing.webhooks import WebhookPayloadError, parse

    with pytest.raises(WebhookPayloadError, match="InvoicePaidWebhook payload does not match its schema"):
        parse(json.dumps({"type": "invoice.paid", "data": {"amount": "lots"}}), {})
    with pytest.raises(WebhookPayloadError, match="not JSON"):
        parse(b"<xml/>", {})


def test_github_signatures_and_events_with_the_client(hub):
    tmp, result, sdk = hub
    secret = "It's a Secret to Everybody"
    body = json.dumps({"action": "closed", "number": 7}).encode()
    signature = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    with sdk.Hub() as client:
        event = client.webhooks.unwrap(
            body, {"X-GitHub-Event": "issues", "X-Hub-Signature-256": signature}, secret=secret
        )
        assert type(event).__name__ == "IssuesClosed" and event.number == 7
        assert type(client.webhooks_).__name__ == "WebhooksResource"  # the `webhooks` tag moved aside
        ping = json.dumps({"zen": "Keep it simple."}).encode()
        pong = client.webhooks.parse(ping, {"x-github-event": "ping"})
        assert type(pong).__name__ == "PingWebhook" and pong.zen == "Keep it simple."
        # A payload that is one of several shapes: recognised by the action its shapes share.
        review = client.webhooks.parse(
            '{"action": "review_requested", "team": "core"}', {"X-GitHub-Event": "pull_request"}
        )
        assert review.team == "core"
        other = client.webhooks.parse('{"action": "dismissed"}', {"X-GitHub-Event": "pull_request"})
        assert isinstance(other, sdk.webhooks.UnknownWebhook) and other.event == "pull_request"
        with pytest.raises(sdk.webhooks.WebhookVerificationError, match="does not match"):
            client.webhooks.verify(body + b" ", {"X-Hub-Signature-256": signature}, secret=secret)
        with pytest.raises(sdk.webhooks.WebhookVerificationError, match="missing or malformed"):
            client.webhooks.verify(body, {"X-Hub-Signature-256": "sha1=abc"}, secret=secret)
    source = (tmp / "out" / "src" / "hub" / "webhooks.py").read_text()
    assert "verify_github" in source and "WebhookPayload = Union[" in source
    assert_type_checks(tmp / "out" / "src", "hub")


def test_webhook_models_and_module_type_check(billing):
    tmp, _, _ = billing
    assert_type_checks(tmp / "out" / "src", "billing")
