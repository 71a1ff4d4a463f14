"""Types of the Dub SDK (errors)."""

from typing import Optional

from ..._runtime import APIError, BaseModel, OpenEnum


class InviteExpiredErrorCode(OpenEnum):
    """A short code indicating the error code returned."""

    INVITE_EXPIRED = "invite_expired"


class InviteExpiredError(BaseModel):
    code: InviteExpiredErrorCode
    """A short code indicating the error code returned."""
    message: str
    """A human readable explanation of what went wrong."""
    doc_url: Optional[str] = None
    """A link to our documentation with more details about this error code"""


class InviteExpiredData(BaseModel):
    error: InviteExpiredError


class InviteExpired(APIError[InviteExpiredData]):
    """This response is sent when the requested content has been permanently deleted from server, with no forwarding address.

    The parsed error body is in `data`; `status_code`, `headers`, `body` and `raw_response`
    describe the response."""

    _data_type = InviteExpiredData
    _message_path = ("error", "message")
