"""Values every generated module uses: `UNSET`, the model base class, open enums and tagged unions."""

from __future__ import annotations

import enum
import logging
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Collection,
    FrozenSet,
    List,
    Mapping,
    Optional,
    TypeVar,
)

import pydantic

T = TypeVar("T")

# --------------------------------------------------------------------------- UNSET


class Unset(enum.Enum):
    """The type of `UNSET`: "not given", as opposed to `None`, which means "no value"."""

    UNSET = "UNSET"

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET = Unset.UNSET


# --------------------------------------------------------------------------- models


if TYPE_CHECKING:
    from contextvars import ContextVar

    class BaseModel(pydantic.BaseModel):
        """Base of every generated model (defined on first use: see `base_model`)."""

        _send_defaults: ClassVar[FrozenSet[str]]


_BASE_MODEL: Any = None


def base_model() -> Any:
    """The base of every generated model, created when the first model module is imported.

    Creating a pydantic model class loads most of pydantic, so the client itself (`from
    <package> import <Client>`) does not pay for it until models are needed.
    """
    global _BASE_MODEL
    if _BASE_MODEL is not None:
        return _BASE_MODEL

    class BaseModel(pydantic.BaseModel):
        """Base of every generated model.

        Fields are populated by their Python name or their wire name; unknown fields sent by a
        newer server are kept (in `model_extra`) instead of breaking parsing.  Fields whose schema
        has a default count as set, so the default is sent on the wire, while optional fields the
        caller did not give are left out of the request.
        """

        model_config = pydantic.ConfigDict(
            populate_by_name=True, extra="allow", protected_namespaces=()
        )

        _send_defaults: ClassVar[FrozenSet[str]] = frozenset()

        def model_post_init(self, context: Any, /) -> None:
            if self._send_defaults:
                self.__pydantic_fields_set__.update(self._send_defaults)

    # Its annotations are resolved (by `typing.get_type_hints`) in this module.
    BaseModel.__module__ = __name__
    BaseModel.__qualname__ = "BaseModel"
    _BASE_MODEL = BaseModel
    return BaseModel


UNKNOWN_TAG = "~unknown"
"""The `pydantic.Tag` of the member of a tagged union that holds values of tags it does not know."""


class UnknownVariant:
    """A value of a tagged union whose tag this SDK does not know (the API added it after the
    SDK was generated): `tag` is the value of its discriminator, `raw` the data as it was sent.
    It is sent back as it came."""

    __slots__ = ("tag", "raw")

    def __init__(self, tag: Optional[str], raw: Any) -> None:
        self.tag = tag
        self.raw = raw

    def __repr__(self) -> str:
        return f"UnknownVariant(tag={self.tag!r}, raw={self.raw!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UnknownVariant) and (other.tag, other.raw) == (
            self.tag,
            self.raw,
        )

    __hash__ = None  # type: ignore[assignment]

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            cls._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda value: value.raw
            ),
        )

    @classmethod
    def _validate(cls, value: Any) -> UnknownVariant:
        if isinstance(value, cls):
            return value
        return cls(None, value)


_PARSE_LOGGERS: List[ContextVar[Optional[logging.Logger]]] = []


def _parse_logger() -> ContextVar[Optional[logging.Logger]]:
    """The client's `debug_logger` while a response it received is parsed (made on first use:
    importing `contextvars` is left to the clients that log)."""
    if not _PARSE_LOGGERS:
        from contextvars import ContextVar

        _PARSE_LOGGERS.append(ContextVar("parse_logger", default=None))
    return _PARSE_LOGGERS[0]


def unknown_variant(wire: str) -> Any:
    """What turns the data of an unknown member of a union tagged by `wire` into an
    `UnknownVariant`: a warning on the client's debug logger (else a debug line on this
    module's logger)."""

    def read(value: Any) -> Any:
        if isinstance(value, UnknownVariant):
            return value
        tag = value.get(wire) if isinstance(value, Mapping) else None
        told = _parse_logger().get() if _PARSE_LOGGERS else None
        (told.warning if told is not None else logging.getLogger(__name__).debug)(
            "a %r of %r, which this SDK does not know, was kept as UnknownVariant",
            wire,
            tag,
        )
        return UnknownVariant(tag if isinstance(tag, str) else None, value)

    return pydantic.BeforeValidator(read)


def Discriminated(  # noqa: N802 (used like a class)
    wire: str, attr: str, known: Optional[Collection[str]] = None
) -> Any:
    """The discriminator of a tagged union: the variant is chosen by the value of the property
    (`wire` in a mapping, `attr` on a model), matched against each variant's `pydantic.Tag`.
    With the `known` tags, any other value selects the union's `UnknownVariant` member.
    """

    def tag(value: Any) -> Optional[str]:
        if isinstance(value, UnknownVariant):
            return UNKNOWN_TAG
        found = (
            value.get(wire)
            if isinstance(value, Mapping)
            else getattr(value, attr, None)
        )
        if isinstance(found, enum.Enum):
            found = found.value
        if known is not None and found not in known:
            return UNKNOWN_TAG
        return found if isinstance(found, str) else None

    return pydantic.Discriminator(tag)


class OpenEnum(str, enum.Enum):
    """A string enum that accepts values the API adds after the SDK was generated."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member


class OpenIntEnum(int, enum.Enum):
    """An integer enum that accepts values the API adds after the SDK was generated."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = f"VALUE_{value}"
        member._value_ = value
        return member
