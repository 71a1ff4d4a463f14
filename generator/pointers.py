"""JSON pointers (RFC 6901): the one place that escapes and unescapes their tokens."""

from __future__ import annotations


def escape(token: object) -> str:
    """A token as it is written in a pointer (`~` as `~0`, `/` as `~1`)."""
    text = token if type(token) is str else str(token)
    if "~" in text or "/" in text:
        text = text.replace("~", "~0").replace("/", "~1")
    return text


def unescape(token: str) -> str:
    """A token of a pointer as the key it names."""
    if "~" not in token:
        return token
    return token.replace("~1", "/").replace("~0", "~")


def join(pointer: str, *tokens: object) -> str:
    """`pointer` with `tokens` appended, each escaped."""
    for token in tokens:
        pointer = pointer + "/" + escape(token)
    return pointer


def tokens(pointer: str) -> list[str]:
    """The keys a pointer names, in order (`""` names the whole document: no keys)."""
    return [unescape(t) for t in pointer.split("/")[1:]]


def last(pointer: str) -> str:
    """The key the pointer ends with ("" for the whole document)."""
    return unescape(pointer.rsplit("/", 1)[-1]) if "/" in pointer else ""
