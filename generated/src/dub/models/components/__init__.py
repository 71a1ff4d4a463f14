"""The Dub SDK's `components` types, each imported on first use."""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .linkschema import LinkSchema, LinkSchemaGeo
    from .partneranalyticscount import PartnerAnalyticsCount
    from .partneranalyticstimeseries import PartnerAnalyticsTimeseries
    from .partneranalyticstoplinks import PartnerAnalyticsTopLinks
    from .tagschema import TagSchema, TagSchemaColor

_MODULES: dict[str, str] = {
    "LinkSchema": "linkschema",
    "LinkSchemaGeo": "linkschema",
    "PartnerAnalyticsCount": "partneranalyticscount",
    "PartnerAnalyticsTimeseries": "partneranalyticstimeseries",
    "PartnerAnalyticsTopLinks": "partneranalyticstoplinks",
    "TagSchema": "tagschema",
    "TagSchemaColor": "tagschema",
}

__all__ = [
    "LinkSchema",
    "LinkSchemaGeo",
    "PartnerAnalyticsCount",
    "PartnerAnalyticsTimeseries",
    "PartnerAnalyticsTopLinks",
    "TagSchema",
    "TagSchemaColor",
]


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)
