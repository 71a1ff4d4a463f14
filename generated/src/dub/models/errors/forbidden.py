"""Types of the Dub SDK (errors)."""

from typing import Optional

from ..._runtime import APIError, BaseModel, OpenEnum


class ForbiddenErrorCode(OpenEnum):
    """A short code indicating the error code returned."""

    FORBIDDEN = "forbidden"


class ForbiddenError(BaseModel):
    code: ForbiddenErrorCode
    """A short code indicating the error code returned."""
    message: str
    """A human readable explanation of what went wrong."""
    doc_url: Optional[str] = None
    """A link to our documentation with more details about this error code"""


class ForbiddenData(BaseModel):
    error: ForbiddenError


class Forbidden(APIError[ForbiddenData]):
    """The client does not have access rights to the content; that is, it is unauthorized, so the server is refusing to give the requested resource. Unlike 401 Unauthorized, the client's identity is known to the server.

    The parsed error body is in `data`; `status_code`, `headers`, `body` and `raw_response`
    describe the response."""

    _data_type = ForbiddenData
    _message_path = ("error", "message")
