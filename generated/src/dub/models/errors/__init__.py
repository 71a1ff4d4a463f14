"""The Dub SDK's `errors` types, each imported on first use."""

import importlib
from typing import TYPE_CHECKING

from ..._runtime import NoResponseError, ResponseValidationError, SDKBaseError, SDKError

if TYPE_CHECKING:
    from .badrequest import (
        BadRequest,
        BadRequestData,
        BadRequestError,
        BadRequestErrorCode,
    )
    from .conflict import Conflict, ConflictData, ConflictError, ConflictErrorCode
    from .forbidden import Forbidden, ForbiddenData, ForbiddenError, ForbiddenErrorCode
    from .internalservererror import (
        InternalServerError,
        InternalServerErrorData,
        InternalServerErrorError,
        InternalServerErrorErrorCode,
    )
    from .inviteexpired import (
        InviteExpired,
        InviteExpiredData,
        InviteExpiredError,
        InviteExpiredErrorCode,
    )
    from .notfound import NotFound, NotFoundData, NotFoundError, NotFoundErrorCode
    from .ratelimitexceeded import (
        RateLimitExceeded,
        RateLimitExceededData,
        RateLimitExceededError,
        RateLimitExceededErrorCode,
    )
    from .unauthorized import (
        Unauthorized,
        UnauthorizedData,
        UnauthorizedError,
        UnauthorizedErrorCode,
    )
    from .unprocessableentity import (
        UnprocessableEntity,
        UnprocessableEntityData,
        UnprocessableEntityError,
        UnprocessableEntityErrorCode,
    )

DubError = SDKBaseError
"""Base class of every exception the Dub SDK raises."""

_MODULES: dict[str, str] = {
    "BadRequest": "badrequest",
    "BadRequestData": "badrequest",
    "BadRequestError": "badrequest",
    "BadRequestErrorCode": "badrequest",
    "Conflict": "conflict",
    "ConflictData": "conflict",
    "ConflictError": "conflict",
    "ConflictErrorCode": "conflict",
    "Forbidden": "forbidden",
    "ForbiddenData": "forbidden",
    "ForbiddenError": "forbidden",
    "ForbiddenErrorCode": "forbidden",
    "InternalServerError": "internalservererror",
    "InternalServerErrorData": "internalservererror",
    "InternalServerErrorError": "internalservererror",
    "InternalServerErrorErrorCode": "internalservererror",
    "InviteExpired": "inviteexpired",
    "InviteExpiredData": "inviteexpired",
    "InviteExpiredError": "inviteexpired",
    "InviteExpiredErrorCode": "inviteexpired",
    "NotFound": "notfound",
    "NotFoundData": "notfound",
    "NotFoundError": "notfound",
    "NotFoundErrorCode": "notfound",
    "RateLimitExceeded": "ratelimitexceeded",
    "RateLimitExceededData": "ratelimitexceeded",
    "RateLimitExceededError": "ratelimitexceeded",
    "RateLimitExceededErrorCode": "ratelimitexceeded",
    "Unauthorized": "unauthorized",
    "UnauthorizedData": "unauthorized",
    "UnauthorizedError": "unauthorized",
    "UnauthorizedErrorCode": "unauthorized",
    "UnprocessableEntity": "unprocessableentity",
    "UnprocessableEntityData": "unprocessableentity",
    "UnprocessableEntityError": "unprocessableentity",
    "UnprocessableEntityErrorCode": "unprocessableentity",
}

__all__ = [
    "NoResponseError",
    "ResponseValidationError",
    "SDKBaseError",
    "SDKError",
    "DubError",
    "BadRequest",
    "BadRequestData",
    "BadRequestError",
    "BadRequestErrorCode",
    "Conflict",
    "ConflictData",
    "ConflictError",
    "ConflictErrorCode",
    "Forbidden",
    "ForbiddenData",
    "ForbiddenError",
    "ForbiddenErrorCode",
    "InternalServerError",
    "InternalServerErrorData",
    "InternalServerErrorError",
    "InternalServerErrorErrorCode",
    "InviteExpired",
    "InviteExpiredData",
    "InviteExpiredError",
    "InviteExpiredErrorCode",
    "NotFound",
    "NotFoundData",
    "NotFoundError",
    "NotFoundErrorCode",
    "RateLimitExceeded",
    "RateLimitExceededData",
    "RateLimitExceededError",
    "RateLimitExceededErrorCode",
    "Unauthorized",
    "UnauthorizedData",
    "UnauthorizedError",
    "UnauthorizedErrorCode",
    "UnprocessableEntity",
    "UnprocessableEntityData",
    "UnprocessableEntityError",
    "UnprocessableEntityErrorCode",
]


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)
