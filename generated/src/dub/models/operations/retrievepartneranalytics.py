"""Types of the Dub SDK (operations)."""

from typing import ClassVar, FrozenSet, Optional, Union

import pydantic
from typing_extensions import Annotated, NotRequired, TypeAlias, TypedDict

from ..._runtime import BaseModel, OpenEnum
from ..components.partneranalyticscount import PartnerAnalyticsCount
from ..components.partneranalyticstimeseries import PartnerAnalyticsTimeseries
from ..components.partneranalyticstoplinks import PartnerAnalyticsTopLinks


class RetrievePartnerAnalyticsInterval(OpenEnum):
    VALUE_24H = "24h"
    VALUE_7D = "7d"
    VALUE_30D = "30d"
    VALUE_90D = "90d"
    VALUE_1Y = "1y"
    MTD = "mtd"
    QTD = "qtd"
    YTD = "ytd"
    ALL = "all"
    ALL_UNFILTERED = "all_unfiltered"


class RetrievePartnerAnalyticsGroupBy(OpenEnum):
    TOP_LINKS = "top_links"
    TIMESERIES = "timeseries"
    COUNT = "count"


RetrievePartnerAnalyticsResponseBody: TypeAlias = Union[
    PartnerAnalyticsCount,
    list[PartnerAnalyticsTimeseries],
    list[PartnerAnalyticsTopLinks],
]


class RetrievePartnerAnalyticsRequestTypedDict(TypedDict):
    program_id: str
    """The ID of the program to retrieve analytics for."""
    partner_id: NotRequired[str]
    """The ID of the partner to retrieve analytics for."""
    tenant_id: NotRequired[str]
    """The ID of the tenant that created the link inside your system."""
    interval: NotRequired[Union[RetrievePartnerAnalyticsInterval, str]]
    """The interval to retrieve analytics for. If undefined, defaults to 24h."""
    start: NotRequired[str]
    """The start date and time when to retrieve analytics from. Takes precedence over `interval`."""
    end: NotRequired[str]
    """The end date and time when to retrieve analytics from. If not provided, defaults to the current date. Takes precedence over `interval`."""
    timezone: NotRequired[str]
    """The IANA time zone code for aligning timeseries granularity (e.g. America/New_York). Defaults to UTC."""
    group_by: NotRequired[Union[RetrievePartnerAnalyticsGroupBy, str]]
    """The parameter to group the analytics data points by. Defaults to `count` if undefined."""


class RetrievePartnerAnalyticsRequest(BaseModel):
    _send_defaults: ClassVar[FrozenSet[str]] = frozenset({"timezone", "group_by"})

    program_id: Annotated[str, pydantic.Field(alias="programId")]
    """The ID of the program to retrieve analytics for."""
    partner_id: Annotated[Optional[str], pydantic.Field(alias="partnerId")] = None
    """The ID of the partner to retrieve analytics for."""
    tenant_id: Annotated[Optional[str], pydantic.Field(alias="tenantId")] = None
    """The ID of the tenant that created the link inside your system."""
    interval: Optional[RetrievePartnerAnalyticsInterval] = None
    """The interval to retrieve analytics for. If undefined, defaults to 24h."""
    start: Optional[str] = None
    """The start date and time when to retrieve analytics from. Takes precedence over `interval`."""
    end: Optional[str] = None
    """The end date and time when to retrieve analytics from. If not provided, defaults to the current date. Takes precedence over `interval`."""
    timezone: str = "UTC"
    """The IANA time zone code for aligning timeseries granularity (e.g. America/New_York). Defaults to UTC."""
    group_by: Annotated[
        RetrievePartnerAnalyticsGroupBy, pydantic.Field(alias="groupBy")
    ] = RetrievePartnerAnalyticsGroupBy.COUNT
    """The parameter to group the analytics data points by. Defaults to `count` if undefined."""
