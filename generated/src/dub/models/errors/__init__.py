"""The Dub SDK's `errors` types, each imported on first use."""

import importlib
from typing import TYPE_CHECKING, Dict, List

from ..._runtime import NoResponseError, ResponseValidationError, SDKBaseError, SDKError

if TYPE_CHECKING:
    from .badrequest import BadRequest
    from .badrequest import BadRequestData
    from .badrequest import BadRequestError
    from .badrequest import BadRequestErrorCode
    from .conflict import Conflict
    from .conflict import ConflictData
    from .conflict import ConflictError
    from .conflict import ConflictErrorCode
    from .forbidden import Forbidden
    from .forbidden import ForbiddenData
    from .forbidden import ForbiddenError
    from .forbidden import ForbiddenErrorCode
    from .internalservererror import InternalServerError
    from .internalservererror import InternalServerErrorData
    from .internalservererror import InternalServerErrorError
    from .internalservererror import InternalServerErrorErrorCode
    from .inviteexpired import InviteExpired
    from .inviteexpired import InviteExpiredData
    from .inviteexpired import InviteExpiredError
    from .inviteexpired import InviteExpiredErrorCode
    from .notfound import NotFound
    from .notfound import NotFoundData
    from .notfound import NotFoundError
    from .notfound import NotFoundErrorCode
    from .ratelimitexceeded import RateLimitExceeded
    from .ratelimitexceeded import RateLimitExceededData
    from .ratelimitexceeded import RateLimitExceededError
    from .ratelimitexceeded import RateLimitExceededErrorCode
    from .unauthorized import Unauthorized
    from .unauthorized import UnauthorizedData
    from .unauthorized import UnauthorizedError
    from .unauthorized import UnauthorizedErrorCode
    from .unprocessableentity import UnprocessableEntity
    from .unprocessableentity import UnprocessableEntityData
    from .unprocessableentity import UnprocessableEntityError
    from .unprocessableentity import UnprocessableEntityErrorCode

DubError = SDKBaseError
"""Base class of every exception the Dub SDK raises."""

_MODULES: Dict[str, str] = {
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


def __dir__() -> List[str]:
    return list(__all__)
