"""Types of the Dub SDK (errors)."""

from typing import Optional

from ..._runtime import APIError, BaseModel, OpenEnum


class RateLimitExceededErrorCode(OpenEnum):
    """A short code indicating the error code returned."""

    RATE_LIMIT_EXCEEDED = "rate_limit_exceeded"


class RateLimitExceededError(BaseModel):
    code: RateLimitExceededErrorCode
    """A short code indicating the error code returned."""
    message: str
    """A human readable explanation of what went wrong."""
    doc_url: Optional[str] = None
    """A link to our documentation with more details about this error code"""


class RateLimitExceededData(BaseModel):
    error: RateLimitExceededError


class RateLimitExceeded(APIError[RateLimitExceededData]):
    """The user has sent too many requests in a given amount of time ("rate limiting")

    The parsed error body is in `data`; `status_code`, `headers`, `body` and `raw_response`
    describe the response."""

    _data_type = RateLimitExceededData
    _message_path = ("error", "message")
