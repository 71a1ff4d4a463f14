"""Types of the Dub SDK (errors)."""

from typing import Optional

from ..._runtime import APIError, BaseModel, OpenEnum


class BadRequestErrorCode(OpenEnum):
    """A short code indicating the error code returned."""

    BAD_REQUEST = "bad_request"


class BadRequestError(BaseModel):
    code: BadRequestErrorCode
    """A short code indicating the error code returned."""
    message: str
    """A human readable explanation of what went wrong."""
    doc_url: Optional[str] = None
    """A link to our documentation with more details about this error code"""


class BadRequestData(BaseModel):
    error: BadRequestError


class BadRequest(APIError[BadRequestData]):
    """The server cannot or will not process the request due to something that is perceived to be a client error (e.g., malformed request syntax, invalid request message framing, or deceptive request routing).

    The parsed error body is in `data`; `status_code`, `headers`, `body` and `raw_response`
    describe the response."""

    _data_type = BadRequestData
    _message_path = ("error", "message")
