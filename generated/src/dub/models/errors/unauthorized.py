"""Types of the Dub SDK (errors)."""

from typing import Optional

from ..._runtime import APIError, BaseModel, OpenEnum


class UnauthorizedErrorCode(OpenEnum):
    """A short code indicating the error code returned."""

    UNAUTHORIZED = "unauthorized"


class UnauthorizedError(BaseModel):
    code: UnauthorizedErrorCode
    """A short code indicating the error code returned."""
    message: str
    """A human readable explanation of what went wrong."""
    doc_url: Optional[str] = None
    """A link to our documentation with more details about this error code"""


class UnauthorizedData(BaseModel):
    error: UnauthorizedError


class Unauthorized(APIError[UnauthorizedData]):
    """Although the HTTP standard specifies "unauthorized", semantically this response means "unauthenticated". That is, the client must authenticate itself to get the requested response.

    The parsed error body is in `data`; `status_code`, `headers`, `body` and `raw_response`
    describe the response."""

    _data_type = UnauthorizedData
    _message_path = ("error", "message")
