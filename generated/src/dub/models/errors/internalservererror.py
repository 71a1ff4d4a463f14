"""Types of the Dub SDK (errors)."""

from typing import Optional

from ..._runtime import APIError, BaseModel, OpenEnum


class InternalServerErrorErrorCode(OpenEnum):
    """A short code indicating the error code returned."""

    INTERNAL_SERVER_ERROR = "internal_server_error"


class InternalServerErrorError(BaseModel):
    code: InternalServerErrorErrorCode
    """A short code indicating the error code returned."""
    message: str
    """A human readable explanation of what went wrong."""
    doc_url: Optional[str] = None
    """A link to our documentation with more details about this error code"""


class InternalServerErrorData(BaseModel):
    error: InternalServerErrorError


class InternalServerError(APIError[InternalServerErrorData]):
    """The server has encountered a situation it does not know how to handle.

    The parsed error body is in `data`; `status_code`, `headers`, `body` and `raw_response`
    describe the response."""

    _data_type = InternalServerErrorData
    _message_path = ("error", "message")
