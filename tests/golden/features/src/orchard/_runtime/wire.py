"""Values on the wire: parameters in their styles, form bodies, header values."""

from __future__ import annotations

import datetime as _dt
import enum
from typing import IO, Any, Dict, List, Mapping, Optional, Tuple
from urllib.parse import quote, urljoin

import pydantic

from .files import _Uploads
from .operation import Param


def _wire_value(value: Any) -> str:
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))  # a `number` the caller gave as 2 goes out as 2, not 2.0
    return str(value)


def _as_wire_object(value: Any) -> Any:
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(by_alias=True, exclude_unset=True, mode="json")
    return value


def _serialize_query(param: Param, value: Any) -> List[Tuple[str, str]]:
    value = _as_wire_object(value)
    if isinstance(value, Mapping):
        items = [(str(k), v) for k, v in value.items() if v is not None]
        if param.style == "deepObject":
            return [(f"{param.wire}[{k}]", _wire_value(v)) for k, v in items]
        if param.explode:
            return [(k, _wire_value(v)) for k, v in items]
        return [(param.wire, ",".join(f"{k},{_wire_value(v)}" for k, v in items))]
    if isinstance(value, (list, tuple)):
        if param.explode and param.style == "form":
            return [(param.wire, _wire_value(v)) for v in value]
        sep = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(param.style, ",")
        return [(param.wire, sep.join(_wire_value(v) for v in value))]
    return [(param.wire, _wire_value(value))]


def _serialize_simple(value: Any, explode: bool) -> str:
    value = _as_wire_object(value)
    if isinstance(value, Mapping):
        joiner = "=" if explode else ","
        return ",".join(
            f"{k}{joiner}{_wire_value(v)}" for k, v in value.items() if v is not None
        )
    if isinstance(value, (list, tuple)):
        return ",".join(_wire_value(v) for v in value)
    return _wire_value(value)


def _serialize_path(param: Param, value: Any) -> str:
    """A path parameter in its style (simple, label or matrix), every value percent-encoded, so
    that no value can add a path segment, a query or a fragment."""
    value = _as_wire_object(value)

    def enc(item: Any) -> str:
        return quote(_wire_value(item), safe="")

    name = param.wire
    if param.style == "label":
        prefix, separator = ".", "." if param.explode else ","
    elif param.style == "matrix":
        prefix, separator = ";", ";" if param.explode else ","
    else:
        prefix, separator = "", ","
    if isinstance(value, Mapping):
        members = [(k, v) for k, v in value.items() if v is not None]
        if param.explode:
            text = separator.join(f"{enc(k)}={enc(v)}" for k, v in members)
            return prefix + text
        text = ",".join(f"{enc(k)},{enc(v)}" for k, v in members)
    elif isinstance(value, (list, tuple)):
        if param.style == "matrix" and param.explode:
            return "".join(f";{name}={enc(v)}" for v in value)
        text = separator.join(enc(v) for v in value)
    else:
        text = enc(value)
    if param.style == "matrix":
        return f";{name}={text}"
    return prefix + text


def _own_server(own: Optional[str], client_url: str, custom: bool) -> str:
    """The base URL of an operation: the client's, unless the operation (or its path) declares a
    server of its own and the user did not choose the client's (`custom`); a relative server of
    the operation is resolved against the client's."""
    if not own:
        return client_url
    if "://" in own:
        return client_url if custom else own
    return urljoin(client_url.rstrip("/") + "/", own.lstrip("/"))


def _check_header_value(name: str, value: str) -> str:
    if "\r" in value or "\n" in value:
        raise ValueError(f"header {name!r} must not contain CR or LF characters")
    return value


class _Prepared:
    __slots__ = (
        "method",
        "url",
        "params",
        "headers",
        "content",
        "data",
        "files",
        "uploads",
        "stream_body",
    )

    def __init__(self) -> None:
        self.method = ""
        self.url = ""
        self.params: List[Tuple[str, Any]] = []
        self.headers: Dict[str, str] = {}
        self.content: Optional[bytes] = None
        self.data: Optional[Dict[str, Any]] = None
        self.files: Optional[
            List[Tuple[str, Tuple[Optional[str], Any, Optional[str]]]]
        ] = None
        self.uploads: Optional[_Uploads] = None  # made by the first file the call sends
        self.stream_body: Optional[IO[bytes]] = None  # a binary body sent in chunks


def _uploads(prepared: _Prepared) -> _Uploads:
    """The files of a call (made on first use: most calls send none)."""
    if prepared.uploads is None:
        prepared.uploads = _Uploads()
    return prepared.uploads


def _form_pairs(
    value: Any, encoding: Optional[Mapping[str, Tuple[str, bool]]] = None
) -> List[Tuple[str, str]]:
    """`application/x-www-form-urlencoded` pairs of a body: each property in the style its
    `encoding` gives (deepObject: `key[member]`), by default OpenAPI's form style, exploded
    (arrays as repeated keys, objects as their members' pairs)."""
    if not isinstance(value, Mapping):
        return _deep_pairs(value, "")
    pairs: List[Tuple[str, str]] = []
    for key, item in value.items():
        if item is None:
            continue
        style, explode = (encoding or {}).get(str(key), ("form", True))
        if style == "deepObject":
            pairs.extend(_deep_pairs(item, str(key)))
        elif isinstance(item, Mapping):
            members = [(str(k), v) for k, v in item.items() if v is not None]
            if explode:
                for member, v in members:
                    pairs.extend(_deep_pairs(v, member))
            else:
                flat = ",".join(f"{k},{_wire_value(v)}" for k, v in members)
                pairs.append((str(key), flat))
        elif isinstance(item, (list, tuple)):
            if style == "form" and explode:
                pairs.extend((str(key), _wire_value(v)) for v in item)
            else:
                separator = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(
                    style, ","
                )
                pairs.append((str(key), separator.join(_wire_value(v) for v in item)))
        else:
            pairs.append((str(key), _wire_value(item)))
    return pairs


def _deep_pairs(value: Any, key: str) -> List[Tuple[str, str]]:
    """Pairs of a value in the deepObject style: `key[member]`, `key[index]` for arrays of
    objects, repeated keys for arrays of scalars."""
    if isinstance(value, Mapping):
        pairs: List[Tuple[str, str]] = []
        for member, item in value.items():
            if item is not None:
                pairs.extend(
                    _deep_pairs(item, f"{key}[{member}]" if key else str(member))
                )
        return pairs
    if isinstance(value, (list, tuple)):
        out: List[Tuple[str, str]] = []
        for index, item in enumerate(value):
            nested = isinstance(item, (Mapping, list, tuple))
            out.extend(_deep_pairs(item, f"{key}[{index}]" if nested else key))
        return out
    return [(key, _wire_value(value))]
