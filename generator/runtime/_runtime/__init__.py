"""The runtime of an SDK written by sdkforge.

This package is the same in every generated SDK: the generator copies it verbatim, and the
spec-specific modules next to it (the client, its resources, models and errors) only describe
operations and call into it. Its modules import each other relatively, so the SDK can be vendored
under any parent package. Generated code imports every name from here (`from ._runtime import X`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .client import BaseSDK, ClientBase
from .config import SDKConfiguration, env_credential, env_server, fill_server
from .errors import (
    APIError,
    ConfigurationError,
    NoResponseError,
    RequestValidationError,
    ResponseValidationError,
    SDKBaseError,
    SDKError,
)
from .files import FileInput
from .hooks import Hooks
from .operation import ErrorMap, Operation, Pagination, Param
from .pagination import AsyncPage, Page
from .retries import BackoffStrategy, RetryConfig
from .security import (
    ClientCredentials,
    Credential,
    OAuth2Token,
    PasswordCredentials,
    RefreshToken,
    SecurityScheme,
)
from .streams import (
    AsyncBinaryStream,
    AsyncEventStream,
    BinaryStream,
    EventStream,
    RawResponse,
)
from .values import (
    UNKNOWN_TAG,
    UNSET,
    Discriminated,
    OpenEnum,
    OpenIntEnum,
    UnknownVariant,
    Unset,
    unknown_variant,
)

if TYPE_CHECKING:
    from .values import BaseModel

__all__ = [
    "UNKNOWN_TAG",
    "UNSET",
    "APIError",
    "AsyncBinaryStream",
    "AsyncEventStream",
    "AsyncPage",
    "BackoffStrategy",
    "BaseModel",
    "BaseSDK",
    "BinaryStream",
    "ClientBase",
    "ClientCredentials",
    "ConfigurationError",
    "Credential",
    "Discriminated",
    "ErrorMap",
    "EventStream",
    "FileInput",
    "Hooks",
    "NoResponseError",
    "OAuth2Token",
    "OpenEnum",
    "OpenIntEnum",
    "Operation",
    "Page",
    "Pagination",
    "Param",
    "PasswordCredentials",
    "RawResponse",
    "RequestValidationError",
    "ResponseValidationError",
    "RefreshToken",
    "RetryConfig",
    "SDKBaseError",
    "SDKConfiguration",
    "SDKError",
    "SecurityScheme",
    "UnknownVariant",
    "Unset",
    "env_credential",
    "env_server",
    "fill_server",
    "unknown_variant",
]


def __getattr__(name: str) -> Any:
    # The model base class is made on first use: creating a pydantic model class loads most of
    # pydantic, which the client itself (`from <package> import <Client>`) does not need.
    if name == "BaseModel":
        from . import values

        value = globals()["BaseModel"] = values.base_model()
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
