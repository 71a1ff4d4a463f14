"""Types of the Dub SDK (components)."""

import pydantic
from typing_extensions import Annotated

from ..._runtime import BaseModel


class PartnerAnalyticsTimeseries(BaseModel):
    start: str
    """The starting timestamp of the interval"""
    clicks: float = 0
    """The number of clicks in the interval"""
    leads: float = 0
    """The number of leads in the interval"""
    sales: float = 0
    """The number of sales in the interval"""
    sale_amount: Annotated[float, pydantic.Field(alias="saleAmount")] = 0
    """The total amount of sales in the interval, in cents"""
    earnings: float = 0
