"""Types of the Dub SDK (components)."""

from typing import Optional

import pydantic
from typing_extensions import Annotated

from ..._runtime import BaseModel


class PartnerAnalyticsTopLinks(BaseModel):
    link: str
    """The unique ID of the short link

    Deprecated: this is kept for compatibility and may be removed by the API."""
    id: str
    """The unique ID of the short link"""
    domain: str
    """The domain of the short link"""
    key: str
    """The key of the short link"""
    short_link: Annotated[str, pydantic.Field(alias="shortLink")]
    """The short link URL"""
    url: str
    """The destination URL of the short link"""
    created_at: Annotated[str, pydantic.Field(alias="createdAt")]
    """The creation timestamp of the short link"""
    comments: Optional[str] = None
    """The comments of the short link"""
    clicks: float = 0
    """The number of clicks from this link"""
    leads: float = 0
    """The number of leads from this link"""
    sales: float = 0
    """The number of sales from this link"""
    sale_amount: Annotated[float, pydantic.Field(alias="saleAmount")] = 0
    """The total amount of sales from this link, in cents"""
    earnings: float = 0
