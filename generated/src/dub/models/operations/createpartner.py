"""Types of the Dub SDK (operations)."""

from typing import Optional, Union

import pydantic
from typing_extensions import Annotated, NotRequired, TypedDict

from ..._runtime import BaseModel, OpenEnum


class CreatePartnerCountry(OpenEnum):
    """Country where the partner is based."""

    AF = "AF"
    AL = "AL"
    DZ = "DZ"
    AS = "AS"
    AD = "AD"
    AO = "AO"
    AI = "AI"
    AQ = "AQ"
    AG = "AG"
    AR = "AR"
    AM = "AM"
    AW = "AW"
    AU = "AU"
    AT = "AT"
    AZ = "AZ"
    BS = "BS"
    BH = "BH"
    BD = "BD"
    BB = "BB"
    BY = "BY"
    BE = "BE"
    BZ = "BZ"
    BJ = "BJ"
    BM = "BM"
    BT = "BT"
    BO = "BO"
    BA = "BA"
    BW = "BW"
    BV = "BV"
    BR = "BR"
    IO = "IO"
    BN = "BN"
    BG = "BG"
    BF = "BF"
    BI = "BI"
    KH = "KH"
    CM = "CM"
    CA = "CA"
    CV = "CV"
    KY = "KY"
    CF = "CF"
    TD = "TD"
    CL = "CL"
    CN = "CN"
    CX = "CX"
    CC = "CC"
    CO = "CO"
    KM = "KM"
    CG = "CG"
    CD = "CD"
    CK = "CK"
    CR = "CR"
    CI = "CI"
    HR = "HR"
    CU = "CU"
    CY = "CY"
    CZ = "CZ"
    DK = "DK"
    DJ = "DJ"
    DM = "DM"
    DO = "DO"
    EC = "EC"
    EG = "EG"
    SV = "SV"
    GQ = "GQ"
    ER = "ER"
    EE = "EE"
    ET = "ET"
    FK = "FK"
    FO = "FO"
    FJ = "FJ"
    FI = "FI"
    FR = "FR"
    GF = "GF"
    PF = "PF"
    TF = "TF"
    GA = "GA"
    GM = "GM"
    GE = "GE"
    DE = "DE"
    GH = "GH"
    GI = "GI"
    GR = "GR"
    GL = "GL"
    GD = "GD"
    GP = "GP"
    GU = "GU"
    GT = "GT"
    GN = "GN"
    GW = "GW"
    GY = "GY"
    HT = "HT"
    HM = "HM"
    VA = "VA"
    HN = "HN"
    HK = "HK"
    HU = "HU"
    IS = "IS"
    IN = "IN"
    ID = "ID"
    IR = "IR"
    IQ = "IQ"
    IE = "IE"
    IL = "IL"
    IT = "IT"
    JM = "JM"
    JP = "JP"
    JO = "JO"
    KZ = "KZ"
    KE = "KE"
    KI = "KI"
    KP = "KP"
    KR = "KR"
    KW = "KW"
    KG = "KG"
    LA = "LA"
    LV = "LV"
    LB = "LB"
    LS = "LS"
    LR = "LR"
    LY = "LY"
    LI = "LI"
    LT = "LT"
    LU = "LU"
    MO = "MO"
    MG = "MG"
    MW = "MW"
    MY = "MY"
    MV = "MV"
    ML = "ML"
    MT = "MT"
    MH = "MH"
    MQ = "MQ"
    MR = "MR"
    MU = "MU"
    YT = "YT"
    MX = "MX"
    FM = "FM"
    MD = "MD"
    MC = "MC"
    MN = "MN"
    MS = "MS"
    MA = "MA"
    MZ = "MZ"
    MM = "MM"
    NA = "NA"
    NR = "NR"
    NP = "NP"
    NL = "NL"
    NC = "NC"
    NZ = "NZ"
    NI = "NI"
    NE = "NE"
    NG = "NG"
    NU = "NU"
    NF = "NF"
    MK = "MK"
    MP = "MP"
    NO = "NO"
    OM = "OM"
    PK = "PK"
    PW = "PW"
    PS = "PS"
    PA = "PA"
    PG = "PG"
    PY = "PY"
    PE = "PE"
    PH = "PH"
    PN = "PN"
    PL = "PL"
    PT = "PT"
    PR = "PR"
    QA = "QA"
    RE = "RE"
    RO = "RO"
    RU = "RU"
    RW = "RW"
    SH = "SH"
    KN = "KN"
    LC = "LC"
    PM = "PM"
    VC = "VC"
    WS = "WS"
    SM = "SM"
    ST = "ST"
    SA = "SA"
    SN = "SN"
    SC = "SC"
    SL = "SL"
    SG = "SG"
    SK = "SK"
    SI = "SI"
    SB = "SB"
    SO = "SO"
    ZA = "ZA"
    GS = "GS"
    ES = "ES"
    LK = "LK"
    SD = "SD"
    SR = "SR"
    SJ = "SJ"
    SZ = "SZ"
    SE = "SE"
    CH = "CH"
    SY = "SY"
    TW = "TW"
    TJ = "TJ"
    TZ = "TZ"
    TH = "TH"
    TL = "TL"
    TG = "TG"
    TK = "TK"
    TO = "TO"
    TT = "TT"
    TN = "TN"
    TR = "TR"
    TM = "TM"
    TC = "TC"
    TV = "TV"
    UG = "UG"
    UA = "UA"
    AE = "AE"
    GB = "GB"
    US = "US"
    UM = "UM"
    UY = "UY"
    UZ = "UZ"
    VU = "VU"
    VE = "VE"
    VN = "VN"
    VG = "VG"
    VI = "VI"
    WF = "WF"
    EH = "EH"
    YE = "YE"
    ZM = "ZM"
    ZW = "ZW"
    AX = "AX"
    BQ = "BQ"
    CW = "CW"
    GG = "GG"
    IM = "IM"
    JE = "JE"
    ME = "ME"
    BL = "BL"
    MF = "MF"
    RS = "RS"
    SX = "SX"
    SS = "SS"
    XK = "XK"


class CreatePartnerLinkPropsTypedDict(TypedDict):
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


class CreatePartnerLinkProps(BaseModel):
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


class CreatePartnerRequestBodyTypedDict(TypedDict):
    program_id: str
    """The ID of the program to create a partner for."""
    name: str
    """Full legal name of the partner."""
    email: str
    """Email for the partner in your system. Partners will be able to claim their profile by signing up to Dub Partners with this email."""
    username: str
    """A unique username for the partner in your system. This will be used to create a short link for the partner using your program's default domain."""
    image: NotRequired[Optional[str]]
    """Avatar image for the partner – if not provided, a default avatar will be used."""
    country: NotRequired[Optional[Union[CreatePartnerCountry, str]]]
    """Country where the partner is based."""
    description: NotRequired[Optional[str]]
    """A brief description of the partner and their background."""
    tenant_id: NotRequired[str]
    """The ID of the partner in your system."""
    link_props: NotRequired[CreatePartnerLinkPropsTypedDict]
    """Additional properties that you can pass to the partner's short link. Will be used to override the default link properties for this partner."""


class CreatePartnerRequestBody(BaseModel):
    program_id: Annotated[str, pydantic.Field(alias="programId")]
    """The ID of the program to create a partner for."""
    name: str
    """Full legal name of the partner."""
    email: str
    """Email for the partner in your system. Partners will be able to claim their profile by signing up to Dub Partners with this email."""
    username: str
    """A unique username for the partner in your system. This will be used to create a short link for the partner using your program's default domain."""
    image: Optional[str] = None
    """Avatar image for the partner – if not provided, a default avatar will be used."""
    country: Optional[CreatePartnerCountry] = None
    """Country where the partner is based."""
    description: Optional[str] = None
    """A brief description of the partner and their background."""
    tenant_id: Annotated[Optional[str], pydantic.Field(alias="tenantId")] = None
    """The ID of the partner in your system."""
    link_props: Annotated[
        Optional[CreatePartnerLinkProps], pydantic.Field(alias="linkProps")
    ] = None
    """Additional properties that you can pass to the partner's short link. Will be used to override the default link properties for this partner."""


class CreatePartnerResponseStatus(OpenEnum):
    APPROVED = "approved"
    PENDING = "pending"
    REJECTED = "rejected"


class CreatePartnerResponseLink(BaseModel):
    id: str
    """The unique ID of the short link."""
    domain: str
    """The domain of the short link. If not provided, the primary domain for the workspace will be used (or `dub.sh` if the workspace has no domains)."""
    key: str
    """The short link slug. If not provided, a random 7-character slug will be generated."""
    short_link: Annotated[str, pydantic.Field(alias="shortLink")]
    """The full URL of the short link, including the https protocol (e.g. `https://dub.sh/try`)."""
    url: str
    """The destination URL of the short link."""
    clicks: float = 0
    """The number of clicks on the short link."""
    leads: float = 0
    """The number of leads the short links has generated."""
    sales: float = 0
    """The number of sales the short links has generated."""
    sale_amount: Annotated[float, pydantic.Field(alias="saleAmount")] = 0
    """The total dollar amount of sales the short links has generated (in cents)."""


class CreatePartnerResponseDiscountType(OpenEnum):
    PERCENTAGE = "percentage"
    FLAT = "flat"


class CreatePartnerResponseDiscountInterval(OpenEnum):
    MONTH = "month"
    YEAR = "year"


class CreatePartnerResponseDiscount(BaseModel):
    id: str
    coupon_id: Annotated[Optional[str], pydantic.Field(alias="couponId")]
    coupon_test_id: Annotated[Optional[str], pydantic.Field(alias="couponTestId")]
    amount: float
    type: CreatePartnerResponseDiscountType
    duration: Optional[float]
    interval: Optional[CreatePartnerResponseDiscountInterval]


class CreatePartnerResponseBody(BaseModel):
    id: str
    name: str
    email: Optional[str]
    image: Optional[str]
    country: str
    bio: Optional[str]
    stripe_connect_id: Annotated[Optional[str], pydantic.Field(alias="stripeConnectId")]
    coupon_id: Annotated[Optional[str], pydantic.Field(alias="couponId")] = None
    payouts_enabled: Annotated[bool, pydantic.Field(alias="payoutsEnabled")]
    created_at: Annotated[str, pydantic.Field(alias="createdAt")]
    updated_at: Annotated[str, pydantic.Field(alias="updatedAt")]
    status: CreatePartnerResponseStatus
    links: Optional[list[CreatePartnerResponseLink]]
    discount: Optional[CreatePartnerResponseDiscount] = None
    commission_amount: Annotated[
        Optional[float], pydantic.Field(alias="commissionAmount")
    ]
    earnings: float = 0
    clicks: float = 0
    leads: float = 0
    sales: float = 0
    sales_amount: Annotated[float, pydantic.Field(alias="salesAmount")] = 0
