"""The Dub SDK's `operations` types, each imported on first use."""

import importlib
from typing import TYPE_CHECKING, Dict, List

if TYPE_CHECKING:
    from .createpartner import CreatePartnerCountry
    from .createpartnerlink import CreatePartnerLinkLinkProps
    from .createpartnerlink import CreatePartnerLinkLinkPropsTypedDict
    from .createpartner import CreatePartnerLinkProps
    from .createpartner import CreatePartnerLinkPropsTypedDict
    from .createpartnerlink import CreatePartnerLinkRequestBody
    from .createpartnerlink import CreatePartnerLinkRequestBodyTypedDict
    from .createpartner import CreatePartnerRequestBody
    from .createpartner import CreatePartnerRequestBodyTypedDict
    from .createpartner import CreatePartnerResponseBody
    from .createpartner import CreatePartnerResponseDiscount
    from .createpartner import CreatePartnerResponseDiscountInterval
    from .createpartner import CreatePartnerResponseDiscountType
    from .createpartner import CreatePartnerResponseLink
    from .createpartner import CreatePartnerResponseStatus
    from .retrievepartneranalytics import RetrievePartnerAnalyticsGroupBy
    from .retrievepartneranalytics import RetrievePartnerAnalyticsInterval
    from .retrievepartneranalytics import RetrievePartnerAnalyticsRequest
    from .retrievepartneranalytics import RetrievePartnerAnalyticsRequestTypedDict
    from .retrievepartneranalytics import RetrievePartnerAnalyticsResponseBody
    from .upsertpartnerlink import UpsertPartnerLinkLinkProps
    from .upsertpartnerlink import UpsertPartnerLinkLinkPropsTypedDict
    from .upsertpartnerlink import UpsertPartnerLinkRequestBody
    from .upsertpartnerlink import UpsertPartnerLinkRequestBodyTypedDict

_MODULES: Dict[str, str] = {
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


def __dir__() -> List[str]:
    return list(__all__)
