"""Types of the Dub SDK (errors)."""

from typing import Optional

from ..._runtime import APIError, BaseModel, OpenEnum


class NotFoundErrorCode(OpenEnum):
    """A short code indicating the error code returned."""

    NOT_FOUND = "not_found"


class NotFoundError(BaseModel):
    code: NotFoundErrorCode
    """A short code indicating the error code returned."""
    message: str
    """A human readable explanation of what went wrong."""
    doc_url: Optional[str] = None
    """A link to our documentation with more details about this error code"""


class NotFoundData(BaseModel):
    error: NotFoundError


class NotFound(APIError[NotFoundData]):
    """The server cannot find the requested resource.

    The parsed error body is in `data`; `status_code`, `headers`, `body` and `raw_response`
    describe the response."""

    _data_type = NotFoundData
    _message_path = ("error", "message")
