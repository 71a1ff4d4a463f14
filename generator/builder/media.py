"""Media types: which are JSON, which one of several an operation uses, and what is sent."""

from __future__ import annotations

from typing import Any

FORM_MEDIA = "application/x-www-form-urlencoded"
MULTIPART_MEDIA = "multipart/form-data"
EVENTS_MEDIA = "text/event-stream"
JSON_MEDIA = "application/json"


def essence(media: str) -> str:
    """A media type without its parameters, in lower case (`application/json; charset=utf-8`)."""
    return media.split(";")[0].strip().lower()


def is_json(media: str) -> bool:
    """Whether a body of this media type is JSON (a wildcard that admits JSON counts)."""
    kind = essence(media)
    return kind == JSON_MEDIA or kind.endswith("+json") or kind == "*/*"


def is_wildcard(media: str) -> bool:
    return "*" in essence(media)


def _rank(media: str) -> int:
    """Preference among the media types of one body: JSON, then other concrete JSON types, then
    other concrete types, then wildcards (never sent as they are)."""
    kind = essence(media)
    if kind == JSON_MEDIA:
        return 0
    if is_wildcard(kind):
        return 3
    return 1 if kind.endswith("+json") else 2


def pick_media(content: Any) -> tuple[str, Any]:
    """The media type (and its entry) an SDK uses among those a `content` map offers."""
    if not isinstance(content, dict) or not content:
        return "", None
    media = min(content, key=lambda m: _rank(str(m)))  # the first of the best rank
    return media, content[media]


def wire_media(media: str, schema: Any) -> str:
    """The concrete media type a body declared as `media` is sent with: itself, unless it is a
    wildcard (`*/*`, `application/*+json`, `text/*`), which is never a valid Content-Type."""
    if not is_wildcard(media):
        return media
    kind = essence(media)
    binary = isinstance(schema, dict) and schema.get("format") == "binary"
    if kind.startswith("text/"):
        return "text/plain"
    if kind.endswith("+json") or (is_json(kind) and not binary):
        return JSON_MEDIA
    return "application/octet-stream"


def body_kind(media: str) -> str:
    kind = essence(media)
    if is_json(media):
        return "json"
    if kind == EVENTS_MEDIA:
        return "events"
    return "text" if kind.startswith("text/") else "binary"
