"""Webhooks: verify the signature of a request an API sent, and parse its payload.

Two signing schemes: Standard Webhooks (`webhook-id`, `webhook-timestamp` and `webhook-signature`
headers; HMAC-SHA256 of `id.timestamp.body` with a `whsec_` base64 secret; timestamps older or
newer than the tolerance are refused, against replays) and GitHub's (`X-Hub-Signature-256`:
`sha256=` and the hex HMAC-SHA256 of the body). Signatures are compared in constant time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import importlib
import json
import time
from dataclasses import dataclass
from typing import Any, Mapping, Optional, Sequence, Tuple, Union

import pydantic

DEFAULT_TOLERANCE_SECONDS = 300


class WebhookVerificationError(Exception):
    """The request's signature is missing, malformed, wrong or too old: do not trust its body."""


class WebhookPayloadError(ValueError):
    """A verified request whose body is not JSON, or does not match its payload's schema."""


@dataclass(frozen=True)
class UnknownWebhook:
    """A verified payload of a kind this SDK does not know (the API added it later)."""

    event: str
    """The event header's value, or "" when the API sends none."""
    data: Any
    """The JSON body, parsed."""


@dataclass(frozen=True)
class Route:
    """How a webhook's payload is recognised, and where its model is (imported when first met)."""

    event: str
    match: Tuple[Tuple[str, str], ...]
    module: str
    name: str


def _header(headers: Mapping[str, str], name: str) -> Optional[str]:
    lowered = name.lower()
    for key, value in headers.items():
        if key.lower() == lowered:
            return value
    return None


def _raw(body: Union[bytes, str]) -> bytes:
    return body.encode("utf-8") if isinstance(body, str) else bytes(body)


def verify_standard(
    body: Union[bytes, str],
    headers: Mapping[str, str],
    secret: str,
    tolerance: int = DEFAULT_TOLERANCE_SECONDS,
    now: Optional[float] = None,
) -> None:
    """Check a Standard Webhooks signature; raises WebhookVerificationError when it does not hold."""
    msg_id = _header(headers, "webhook-id")
    stamp = _header(headers, "webhook-timestamp")
    signatures = _header(headers, "webhook-signature")
    if not msg_id or not stamp or not signatures:
        raise WebhookVerificationError(
            "missing webhook-id, webhook-timestamp or webhook-signature header"
        )
    try:
        sent = int(stamp)
    except ValueError:
        raise WebhookVerificationError(
            f"webhook-timestamp {stamp!r} is not a number"
        ) from None
    current = time.time() if now is None else now
    if abs(current - sent) > tolerance:
        raise WebhookVerificationError(
            f"webhook-timestamp is {int(current - sent)} s from now (more than {tolerance} s)"
        )
    key_text = secret[len("whsec_") :] if secret.startswith("whsec_") else secret
    try:
        key = base64.b64decode(key_text, validate=True)
    except ValueError:
        raise WebhookVerificationError(
            "the secret is not a whsec_ base64 key"
        ) from None
    signed = msg_id.encode() + b"." + stamp.encode() + b"." + _raw(body)
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest())
    for candidate in signatures.split():
        version, _, value = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(value.encode(), expected):
            return
    raise WebhookVerificationError("no webhook-signature matches the body")


def verify_github(
    body: Union[bytes, str], headers: Mapping[str, str], secret: str
) -> None:
    """Check GitHub's X-Hub-Signature-256; raises WebhookVerificationError when it does not hold."""
    signature = _header(headers, "x-hub-signature-256")
    if not signature or not signature.startswith("sha256="):
        raise WebhookVerificationError(
            "missing or malformed X-Hub-Signature-256 header"
        )
    digest = hmac.new(secret.encode("utf-8"), _raw(body), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(signature[len("sha256=") :].encode(), digest.encode()):
        raise WebhookVerificationError("X-Hub-Signature-256 does not match the body")


def parse(
    body: Union[bytes, str],
    headers: Mapping[str, str],
    routes: Sequence[Route],
    event_header: str,
    package: str,
) -> Any:
    """The payload as the model of the webhook it is (an UnknownWebhook for any other)."""
    try:
        data = json.loads(_raw(body))
    except ValueError as exc:
        raise WebhookPayloadError(f"the webhook's body is not JSON: {exc}") from None
    event = (_header(headers, event_header) or "") if event_header else ""
    for route in routes:
        if route.event and route.event != event:
            continue
        if not isinstance(data, dict) and route.match:
            continue
        if all(
            isinstance(data, dict) and str(data.get(k)) == v for k, v in route.match
        ):
            model: Any = getattr(
                importlib.import_module(route.module, package), route.name
            )
            try:
                if isinstance(model, type) and issubclass(model, pydantic.BaseModel):
                    return model.model_validate(data)
                return pydantic.TypeAdapter(model).validate_python(data)  # a union
            except ValueError as exc:  # pydantic's ValidationError
                raise WebhookPayloadError(
                    f"the {route.name} payload does not match its schema: {exc}"
                ) from exc
    return UnknownWebhook(event, data)
