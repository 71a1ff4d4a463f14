"""The Dub SDK's `operations` types, each imported on first use."""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .createpartner import (
        CreatePartnerCountry,
        CreatePartnerLinkProps,
        CreatePartnerLinkPropsTypedDict,
        CreatePartnerRequestBody,
        CreatePartnerRequestBodyTypedDict,
        CreatePartnerResponseBody,
        CreatePartnerResponseDiscount,
        CreatePartnerResponseDiscountInterval,
        CreatePartnerResponseDiscountType,
        CreatePartnerResponseLink,
        CreatePartnerResponseStatus,
    )
    from .createpartnerlink import (
        CreatePartnerLinkLinkProps,
        CreatePartnerLinkLinkPropsTypedDict,
        CreatePartnerLinkRequestBody,
        CreatePartnerLinkRequestBodyTypedDict,
    )
    from .retrievepartneranalytics import (
        RetrievePartnerAnalyticsGroupBy,
        RetrievePartnerAnalyticsInterval,
        RetrievePartnerAnalyticsRequest,
        RetrievePartnerAnalyticsRequestTypedDict,
        RetrievePartnerAnalyticsResponseBody,
    )
    from .upsertpartnerlink import (
        UpsertPartnerLinkLinkProps,
        UpsertPartnerLinkLinkPropsTypedDict,
        UpsertPartnerLinkRequestBody,
        UpsertPartnerLinkRequestBodyTypedDict,
    )

_MODULES: dict[str, str] = {
    "CreatePartnerCountry": "createpartner",
    "CreatePartnerLinkLinkProps": "createpartnerlink",
    "CreatePartnerLinkLinkPropsTypedDict": "createpartnerlink",
    "CreatePartnerLinkProps": "createpartner",
    "CreatePartnerLinkPropsTypedDict": "createpartner",
    "CreatePartnerLinkRequestBody": "createpartnerlink",
    "CreatePartnerLinkRequestBodyTypedDict": "createpartnerlink",
    "CreatePartnerRequestBody": "createpartner",
    "CreatePartnerRequestBodyTypedDict": "createpartner",
    "CreatePartnerResponseBody": "createpartner",
    "CreatePartnerResponseDiscount": "createpartner",
    "CreatePartnerResponseDiscountInterval": "createpartner",
    "CreatePartnerResponseDiscountType": "createpartner",
    "CreatePartnerResponseLink": "createpartner",
    "CreatePartnerResponseStatus": "createpartner",
    "RetrievePartnerAnalyticsGroupBy": "retrievepartneranalytics",
    "RetrievePartnerAnalyticsInterval": "retrievepartneranalytics",
    "RetrievePartnerAnalyticsRequest": "retrievepartneranalytics",
    "RetrievePartnerAnalyticsRequestTypedDict": "retrievepartneranalytics",
    "RetrievePartnerAnalyticsResponseBody": "retrievepartneranalytics",
    "UpsertPartnerLinkLinkProps": "upsertpartnerlink",
    "UpsertPartnerLinkLinkPropsTypedDict": "upsertpartnerlink",
    "UpsertPartnerLinkRequestBody": "upsertpartnerlink",
    "UpsertPartnerLinkRequestBodyTypedDict": "upsertpartnerlink",
}

__all__ = [
    "CreatePartnerCountry",
    "CreatePartnerLinkLinkProps",
    "CreatePartnerLinkLinkPropsTypedDict",
    "CreatePartnerLinkProps",
    "CreatePartnerLinkPropsTypedDict",
    "CreatePartnerLinkRequestBody",
    "CreatePartnerLinkRequestBodyTypedDict",
    "CreatePartnerRequestBody",
    "CreatePartnerRequestBodyTypedDict",
    "CreatePartnerResponseBody",
    "CreatePartnerResponseDiscount",
    "CreatePartnerResponseDiscountInterval",
    "CreatePartnerResponseDiscountType",
    "CreatePartnerResponseLink",
    "CreatePartnerResponseStatus",
    "RetrievePartnerAnalyticsGroupBy",
    "RetrievePartnerAnalyticsInterval",
    "RetrievePartnerAnalyticsRequest",
    "RetrievePartnerAnalyticsRequestTypedDict",
    "RetrievePartnerAnalyticsResponseBody",
    "UpsertPartnerLinkLinkProps",
    "UpsertPartnerLinkLinkPropsTypedDict",
    "UpsertPartnerLinkRequestBody",
    "UpsertPartnerLinkRequestBodyTypedDict",
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
