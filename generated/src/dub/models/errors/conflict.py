"""Types of the Dub SDK (errors)."""

from typing import Optional

from ..._runtime import APIError, BaseModel, OpenEnum


class ConflictErrorCode(OpenEnum):
    """A short code indicating the error code returned."""

    CONFLICT = "conflict"


class ConflictError(BaseModel):
    code: ConflictErrorCode
    """A short code indicating the error code returned."""
    message: str
    """A human readable explanation of what went wrong."""
    doc_url: Optional[str] = None
    """A link to our documentation with more details about this error code"""


class ConflictData(BaseModel):
    error: ConflictError


class Conflict(APIError[ConflictData]):
    """This response is sent when a request conflicts with the current state of the server.

    The parsed error body is in `data`; `status_code`, `headers`, `body` and `raw_response`
    describe the response."""

    _data_type = ConflictData
    _message_path = ("error", "message")
