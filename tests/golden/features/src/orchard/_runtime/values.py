"""Values every generated module uses: `UNSET`, the model base class, open enums and tagged unions."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any, ClassVar, FrozenSet, Mapping, Optional, TypeVar

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


def Discriminated(wire: str, attr: str) -> Any:  # noqa: N802 (used like a class)
    """The discriminator of a tagged union: the variant is chosen by the value of the property
    (`wire` in a mapping, `attr` on a model), matched against each variant's `pydantic.Tag`.
    """

    def tag(value: Any) -> Optional[str]:
        found = (
            value.get(wire)
            if isinstance(value, Mapping)
            else getattr(value, attr, None)
        )
        if isinstance(found, enum.Enum):
            found = found.value
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
