"""Media types: which are JSON, and which one of several an operation uses."""

from __future__ import annotations

from typing import Any

FORM_MEDIA = "application/x-www-form-urlencoded"
MULTIPART_MEDIA = "multipart/form-data"
EVENTS_MEDIA = "text/event-stream"


def is_json(media: str) -> bool:
    media = media.split(";")[0].strip().lower()
    return media == "application/json" or media.endswith("+json") or media == "*/*"


def pick_media(content: Any) -> tuple[str, Any]:
    if not isinstance(content, dict) or not content:
        return "", None
    for media, value in content.items():
        if is_json(media):
            return media, value
    media = next(iter(content))
    return media, content[media]


def body_kind(media: str) -> str:
    kind = media.split(";")[0].strip().lower()
    if is_json(media):
        return "json"
    if kind == EVENTS_MEDIA:
        return "events"
    return "text" if kind.startswith("text/") else "binary"
