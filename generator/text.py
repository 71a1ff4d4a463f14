"""Pure string helpers shared by the naming and rendering stages."""

from __future__ import annotations

import functools
import keyword
import re
import unicodedata

_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+[a-z]*")
_PY_BUILTINS_TO_AVOID = {"self", "cls", "None", "True", "False"}


@functools.lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    text = str(text)
    if not text.isascii():  # accents go, letters stay: `Créé` -> `Cree`
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return tuple(_WORDS.findall(text))


@functools.lru_cache(maxsize=65536)
def snake(text: str) -> str:
    """`programId` -> `program_id`; `X-Request-ID` -> `x_request_id`; `AF` -> `af`."""
    parts = words(text)
    return "_".join(p.lower() for p in parts)


@functools.lru_cache(maxsize=65536)
def pascal(text: str) -> str:
    """`createPartner` -> `CreatePartner`; `link_props` -> `LinkProps`."""
    return "".join(p[:1].upper() + p[1:] for p in words(text))


def upper_snake(text: str) -> str:
    return snake(text).upper()


def safe_identifier(name: str, fallback: str) -> str:
    """A valid Python identifier: never empty, never a keyword, never starting with a digit."""
    if not name:
        name = fallback
    if name[0].isdigit():
        name = f"{fallback}_{name}" if fallback[:1].isalpha() else f"v{name}"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in _PY_BUILTINS_TO_AVOID:
        name += "_"
    return name


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word
