"""Types of the Dub SDK (errors)."""

from typing import Optional

from ..._runtime import APIError, BaseModel, OpenEnum


class UnprocessableEntityErrorCode(OpenEnum):
    """A short code indicating the error code returned."""

    UNPROCESSABLE_ENTITY = "unprocessable_entity"


class UnprocessableEntityError(BaseModel):
    code: UnprocessableEntityErrorCode
    """A short code indicating the error code returned."""
    message: str
    """A human readable explanation of what went wrong."""
    doc_url: Optional[str] = None
    """A link to our documentation with more details about this error code"""


class UnprocessableEntityData(BaseModel):
    error: UnprocessableEntityError


class UnprocessableEntity(APIError[UnprocessableEntityData]):
    """The request was well-formed but was unable to be followed due to semantic errors.

    The parsed error body is in `data`; `status_code`, `headers`, `body` and `raw_response`
    describe the response."""

    _data_type = UnprocessableEntityData
    _message_path = ("error", "message")
