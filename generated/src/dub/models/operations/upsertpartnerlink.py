"""Types of the Dub SDK (operations)."""

from typing import Optional, Union

import pydantic
from typing_extensions import Annotated, NotRequired, TypedDict

from ..._runtime import BaseModel


class UpsertPartnerLinkLinkPropsTypedDict(TypedDict):
    """Additional properties that you can pass to the partner's short link. Will be used to override the default link properties for this partner."""

    external_id: NotRequired[Optional[str]]
    """The ID of the link in your database. If set, it can be used to identify the link in future API requests (must be prefixed with 'ext_' when passed as a query parameter). This key is unique across your workspace."""
    tenant_id: NotRequired[Optional[str]]
    """The ID of the tenant that created the link inside your system. If set, it can be used to fetch all links for a tenant."""
    partner_id: NotRequired[Optional[str]]
    """The ID of the partner the short link is associated with."""
    prefix: NotRequired[str]
    """The prefix of the short link slug for randomly-generated keys (e.g. if prefix is `/c/`, generated keys will be in the `/c/:key` format). Will be ignored if `key` is provided."""
    archived: NotRequired[bool]
    """Whether the short link is archived. Defaults to `false` if not provided."""
    tag_ids: NotRequired[Union[str, list[str]]]
    """The unique IDs of the tags assigned to the short link."""
    tag_names: NotRequired[Union[str, list[str]]]
    """The unique name of the tags assigned to the short link (case insensitive)."""
    comments: NotRequired[Optional[str]]
    """The comments for the short link."""
    expires_at: NotRequired[Optional[str]]
    """The date and time when the short link will expire at."""
    expired_url: NotRequired[Optional[str]]
    """The URL to redirect to when the short link has expired."""
    password: NotRequired[Optional[str]]
    """The password required to access the destination URL of the short link."""
    proxy: NotRequired[bool]
    """Whether the short link uses Custom Social Media Cards feature. Defaults to `false` if not provided."""
    title: NotRequired[Optional[str]]
    """The custom link preview title (og:title). Will be used for Custom Social Media Cards if `proxy` is true. Learn more: https://d.to/og"""
    description: NotRequired[Optional[str]]
    """The custom link preview description (og:description). Will be used for Custom Social Media Cards if `proxy` is true. Learn more: https://d.to/og"""
    image: NotRequired[Optional[str]]
    """The custom link preview image (og:image). Will be used for Custom Social Media Cards if `proxy` is true. Learn more: https://d.to/og"""
    video: NotRequired[Optional[str]]
    """The custom link preview video (og:video). Will be used for Custom Social Media Cards if `proxy` is true. Learn more: https://d.to/og"""
    rewrite: NotRequired[bool]
    """Whether the short link uses link cloaking. Defaults to `false` if not provided."""
    ios: NotRequired[Optional[str]]
    """The iOS destination URL for the short link for iOS device targeting."""
    android: NotRequired[Optional[str]]
    """The Android destination URL for the short link for Android device targeting."""
    do_index: NotRequired[bool]
    """Allow search engines to index your short link. Defaults to `false` if not provided. Learn more: https://d.to/noindex"""
    utm_source: NotRequired[Optional[str]]
    """The UTM source of the short link. If set, this will populate or override the UTM source in the destination URL."""
    utm_medium: NotRequired[Optional[str]]
    """The UTM medium of the short link. If set, this will populate or override the UTM medium in the destination URL."""
    utm_campaign: NotRequired[Optional[str]]
    """The UTM campaign of the short link. If set, this will populate or override the UTM campaign in the destination URL."""
    utm_term: NotRequired[Optional[str]]
    """The UTM term of the short link. If set, this will populate or override the UTM term in the destination URL."""
    utm_content: NotRequired[Optional[str]]
    """The UTM content of the short link. If set, this will populate or override the UTM content in the destination URL."""
    ref: NotRequired[Optional[str]]
    """The referral tag of the short link. If set, this will populate or override the `ref` query parameter in the destination URL."""


class UpsertPartnerLinkLinkProps(BaseModel):
    """Additional properties that you can pass to the partner's short link. Will be used to override the default link properties for this partner."""

    external_id: Annotated[Optional[str], pydantic.Field(alias="externalId")] = None
    """The ID of the link in your database. If set, it can be used to identify the link in future API requests (must be prefixed with 'ext_' when passed as a query parameter). This key is unique across your workspace."""
    tenant_id: Annotated[Optional[str], pydantic.Field(alias="tenantId")] = None
    """The ID of the tenant that created the link inside your system. If set, it can be used to fetch all links for a tenant."""
    partner_id: Annotated[Optional[str], pydantic.Field(alias="partnerId")] = None
    """The ID of the partner the short link is associated with."""
    prefix: Optional[str] = None
    """The prefix of the short link slug for randomly-generated keys (e.g. if prefix is `/c/`, generated keys will be in the `/c/:key` format). Will be ignored if `key` is provided."""
    archived: Optional[bool] = None
    """Whether the short link is archived. Defaults to `false` if not provided."""
    tag_ids: Annotated[
        Optional[Union[str, list[str]]], pydantic.Field(alias="tagIds")
    ] = None
    """The unique IDs of the tags assigned to the short link."""
    tag_names: Annotated[
        Optional[Union[str, list[str]]], pydantic.Field(alias="tagNames")
    ] = None
    """The unique name of the tags assigned to the short link (case insensitive)."""
    comments: Optional[str] = None
    """The comments for the short link."""
    expires_at: Annotated[Optional[str], pydantic.Field(alias="expiresAt")] = None
    """The date and time when the short link will expire at."""
    expired_url: Annotated[Optional[str], pydantic.Field(alias="expiredUrl")] = None
    """The URL to redirect to when the short link has expired."""
    password: Optional[str] = None
    """The password required to access the destination URL of the short link."""
    proxy: Optional[bool] = None
    """Whether the short link uses Custom Social Media Cards feature. Defaults to `false` if not provided."""
    title: Optional[str] = None
    """The custom link preview title (og:title). Will be used for Custom Social Media Cards if `proxy` is true. Learn more: https://d.to/og"""
    description: Optional[str] = None
    """The custom link preview description (og:description). Will be used for Custom Social Media Cards if `proxy` is true. Learn more: https://d.to/og"""
    image: Optional[str] = None
    """The custom link preview image (og:image). Will be used for Custom Social Media Cards if `proxy` is true. Learn more: https://d.to/og"""
    video: Optional[str] = None
    """The custom link preview video (og:video). Will be used for Custom Social Media Cards if `proxy` is true. Learn more: https://d.to/og"""
    rewrite: Optional[bool] = None
    """Whether the short link uses link cloaking. Defaults to `false` if not provided."""
    ios: Optional[str] = None
    """The iOS destination URL for the short link for iOS device targeting."""
    android: Optional[str] = None
    """The Android destination URL for the short link for Android device targeting."""
    do_index: Annotated[Optional[bool], pydantic.Field(alias="doIndex")] = None
    """Allow search engines to index your short link. Defaults to `false` if not provided. Learn more: https://d.to/noindex"""
    utm_source: Optional[str] = None
    """The UTM source of the short link. If set, this will populate or override the UTM source in the destination URL."""
    utm_medium: Optional[str] = None
    """The UTM medium of the short link. If set, this will populate or override the UTM medium in the destination URL."""
    utm_campaign: Optional[str] = None
    """The UTM campaign of the short link. If set, this will populate or override the UTM campaign in the destination URL."""
    utm_term: Optional[str] = None
    """The UTM term of the short link. If set, this will populate or override the UTM term in the destination URL."""
    utm_content: Optional[str] = None
    """The UTM content of the short link. If set, this will populate or override the UTM content in the destination URL."""
    ref: Optional[str] = None
    """The referral tag of the short link. If set, this will populate or override the `ref` query parameter in the destination URL."""


class UpsertPartnerLinkRequestBodyTypedDict(TypedDict):
    program_id: str
    """The ID of the program that the partner is enrolled in."""
    partner_id: NotRequired[Optional[str]]
    """The ID of the partner to create a link for. Will take precedence over `tenantId` if provided."""
    tenant_id: NotRequired[Optional[str]]
    """The ID of the partner in your system. If both `partnerId` and `tenantId` are not provided, an error will be thrown."""
    url: str
    """The URL to shorten. Will throw an error if the domain doesn't match the program's default URL domain."""
    key: NotRequired[str]
    """The short link slug. If not provided, a random 7-character slug will be generated."""
    link_props: NotRequired[UpsertPartnerLinkLinkPropsTypedDict]
    """Additional properties that you can pass to the partner's short link. Will be used to override the default link properties for this partner."""


class UpsertPartnerLinkRequestBody(BaseModel):
    program_id: Annotated[str, pydantic.Field(alias="programId")]
    """The ID of the program that the partner is enrolled in."""
    partner_id: Annotated[Optional[str], pydantic.Field(alias="partnerId")] = None
    """The ID of the partner to create a link for. Will take precedence over `tenantId` if provided."""
    tenant_id: Annotated[Optional[str], pydantic.Field(alias="tenantId")] = None
    """The ID of the partner in your system. If both `partnerId` and `tenantId` are not provided, an error will be thrown."""
    url: str
    """The URL to shorten. Will throw an error if the domain doesn't match the program's default URL domain."""
    key: Optional[str] = None
    """The short link slug. If not provided, a random 7-character slug will be generated."""
    link_props: Annotated[
        Optional[UpsertPartnerLinkLinkProps], pydantic.Field(alias="linkProps")
    ] = None
    """Additional properties that you can pass to the partner's short link. Will be used to override the default link properties for this partner."""
