"""The Partners operations of the Dub SDK."""

from typing import Mapping, Optional, Union

from ._runtime import UNSET, BaseSDK, Operation, Param, RetryConfig, Unset
from .models.components.linkschema import LinkSchema
from .models.errors.badrequest import BadRequest
from .models.errors.conflict import Conflict
from .models.errors.forbidden import Forbidden
from .models.errors.internalservererror import InternalServerError
from .models.errors.inviteexpired import InviteExpired
from .models.errors.notfound import NotFound
from .models.errors.ratelimitexceeded import RateLimitExceeded
from .models.errors.unauthorized import Unauthorized
from .models.errors.unprocessableentity import UnprocessableEntity
from .models.operations.createpartner import (
    CreatePartnerRequestBody,
    CreatePartnerRequestBodyTypedDict,
    CreatePartnerResponseBody,
)
from .models.operations.createpartnerlink import (
    CreatePartnerLinkRequestBody,
    CreatePartnerLinkRequestBodyTypedDict,
)
from .models.operations.retrievepartneranalytics import (
    RetrievePartnerAnalyticsRequest,
    RetrievePartnerAnalyticsRequestTypedDict,
    RetrievePartnerAnalyticsResponseBody,
)
from .models.operations.upsertpartnerlink import (
    UpsertPartnerLinkRequestBody,
    UpsertPartnerLinkRequestBodyTypedDict,
)

_ERRORS = {
    "400": BadRequest,
    "401": Unauthorized,
    "403": Forbidden,
    "404": NotFound,
    "409": Conflict,
    "410": InviteExpired,
    "422": UnprocessableEntity,
    "429": RateLimitExceeded,
    "500": InternalServerError,
}

_CREATE: Operation[CreatePartnerResponseBody]
_CREATE = Operation(
    "POST",
    "/partners",
    request_type=CreatePartnerRequestBody,
    body_media="application/json",
    responses={
        "201": ("application/json", CreatePartnerResponseBody),
    },
    errors=_ERRORS,
    security=(("token",),),
)

_CREATE_LINK: Operation[LinkSchema]
_CREATE_LINK = Operation(
    "POST",
    "/partners/links",
    request_type=CreatePartnerLinkRequestBody,
    body_media="application/json",
    responses={
        "201": ("application/json", LinkSchema),
    },
    errors=_ERRORS,
    security=(("token",),),
)

_UPSERT_LINK: Operation[LinkSchema]
_UPSERT_LINK = Operation(
    "PUT",
    "/partners/links/upsert",
    request_type=UpsertPartnerLinkRequestBody,
    body_media="application/json",
    responses={
        "200": ("application/json", LinkSchema),
    },
    errors=_ERRORS,
    security=(("token",),),
)

_ANALYTICS: Operation[RetrievePartnerAnalyticsResponseBody]
_ANALYTICS = Operation(
    "GET",
    "/partners/analytics",
    request_type=RetrievePartnerAnalyticsRequest,
    params=[
        Param("program_id", "programId", "query", "form", True),
        Param("partner_id", "partnerId", "query", "form", True),
        Param("tenant_id", "tenantId", "query", "form", True),
        Param("interval", "interval", "query", "form", True),
        Param("start", "start", "query", "form", True),
        Param("end", "end", "query", "form", True),
        Param("timezone", "timezone", "query", "form", True),
        Param("group_by", "groupBy", "query", "form", True),
    ],
    responses={
        "200": ("application/json", RetrievePartnerAnalyticsResponseBody),
    },
    errors=_ERRORS,
    security=(("token",),),
)


class Partners(BaseSDK):
    """Manage the partners of your programs and their links."""

    def create(
        self,
        *,
        request: Union[CreatePartnerRequestBody, CreatePartnerRequestBodyTypedDict],
        retries: Union[RetryConfig, None, Unset] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> CreatePartnerResponseBody:
        """Create a new partner

        Create a new partner for a program. If partner exists, automatically enrolls them.
        """
        return self._request(
            _CREATE,
            request,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )

    async def create_async(
        self,
        *,
        request: Union[CreatePartnerRequestBody, CreatePartnerRequestBodyTypedDict],
        retries: Union[RetryConfig, None, Unset] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> CreatePartnerResponseBody:
        """Create a new partner

        Create a new partner for a program. If partner exists, automatically enrolls them.
        """
        return await self._request_async(
            _CREATE,
            request,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )

    def create_link(
        self,
        *,
        request: Union[
            CreatePartnerLinkRequestBody, CreatePartnerLinkRequestBodyTypedDict
        ],
        retries: Union[RetryConfig, None, Unset] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> LinkSchema:
        """Create a link for a partner

        Create a new link for a partner that is enrolled in your program."""
        return self._request(
            _CREATE_LINK,
            request,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )

    async def create_link_async(
        self,
        *,
        request: Union[
            CreatePartnerLinkRequestBody, CreatePartnerLinkRequestBodyTypedDict
        ],
        retries: Union[RetryConfig, None, Unset] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> LinkSchema:
        """Create a link for a partner

        Create a new link for a partner that is enrolled in your program."""
        return await self._request_async(
            _CREATE_LINK,
            request,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )

    def upsert_link(
        self,
        *,
        request: Union[
            UpsertPartnerLinkRequestBody, UpsertPartnerLinkRequestBodyTypedDict
        ],
        retries: Union[RetryConfig, None, Unset] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> LinkSchema:
        """Upsert a link for a partner

        Upsert a link for a partner that is enrolled in your program. If a link with the same URL already exists, return it (or update it if there are any changes). Otherwise, a new link will be created.
        """
        return self._request(
            _UPSERT_LINK,
            request,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )

    async def upsert_link_async(
        self,
        *,
        request: Union[
            UpsertPartnerLinkRequestBody, UpsertPartnerLinkRequestBodyTypedDict
        ],
        retries: Union[RetryConfig, None, Unset] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> LinkSchema:
        """Upsert a link for a partner

        Upsert a link for a partner that is enrolled in your program. If a link with the same URL already exists, return it (or update it if there are any changes). Otherwise, a new link will be created.
        """
        return await self._request_async(
            _UPSERT_LINK,
            request,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )

    def analytics(
        self,
        *,
        request: Union[
            RetrievePartnerAnalyticsRequest, RetrievePartnerAnalyticsRequestTypedDict
        ],
        retries: Union[RetryConfig, None, Unset] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> RetrievePartnerAnalyticsResponseBody:
        """Retrieve analytics for a partner

        Retrieve analytics for a partner within a program. The response type vary based on the `groupBy` query parameter.
        """
        return self._request(
            _ANALYTICS,
            request,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )

    async def analytics_async(
        self,
        *,
        request: Union[
            RetrievePartnerAnalyticsRequest, RetrievePartnerAnalyticsRequestTypedDict
        ],
        retries: Union[RetryConfig, None, Unset] = UNSET,
        server_url: Optional[str] = None,
        timeout_ms: Optional[int] = None,
        http_headers: Optional[Mapping[str, str]] = None,
    ) -> RetrievePartnerAnalyticsResponseBody:
        """Retrieve analytics for a partner

        Retrieve analytics for a partner within a program. The response type vary based on the `groupBy` query parameter.
        """
        return await self._request_async(
            _ANALYTICS,
            request,
            retries=retries,
            server_url=server_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
        )
