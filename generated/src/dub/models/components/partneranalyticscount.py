"""Types of the Dub SDK (components)."""

import pydantic
from typing_extensions import Annotated

from ..._runtime import BaseModel


class PartnerAnalyticsCount(BaseModel):
    clicks: float = 0
    """The total number of clicks"""
    leads: float = 0
    """The total number of leads"""
    sales: float = 0
    """The total number of sales"""
    sale_amount: Annotated[float, pydantic.Field(alias="saleAmount")] = 0
    """The total amount of sales, in cents"""
    earnings: float = 0
