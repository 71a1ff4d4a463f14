"""Response bodies in the shape the Dub API documents (field names from the reference spec)."""

LINK = {
    "id": "link_1",
    "domain": "dub.sh",
    "key": "try",
    "url": "https://necessary-brief.name",
    "trackConversion": False,
    "externalId": "123456",
    "tenantId": None,
    "programId": "prog_1",
    "partnerId": "pn_1",
    "archived": False,
    "expiresAt": None,
    "expiredUrl": None,
    "password": None,
    "proxy": False,
    "title": None,
    "description": None,
    "image": None,
    "video": None,
    "rewrite": False,
    "doIndex": False,
    "ios": None,
    "android": None,
    "geo": {"US": "https://example.com/us", "IN": "https://example.com/in"},
    "publicStats": False,
    "tagId": None,
    "tags": [{"id": "tag_1", "name": "promo", "color": "red"}],
    "webhookIds": [],
    "comments": None,
    "shortLink": "https://dub.sh/try",
    "qrCode": "https://api.dub.co/qr?url=https://dub.sh/try",
    "utm_source": None,
    "utm_medium": None,
    "utm_campaign": None,
    "utm_term": None,
    "utm_content": None,
    "userId": "user_1",
    "workspaceId": "ws_1",
    "clicks": 10,
    "lastClicked": None,
    "leads": 2,
    "sales": 1,
    "saleAmount": 1500,
    "createdAt": "2025-02-08T10:00:00.000Z",
    "updatedAt": "2025-02-08T10:00:00.000Z",
    "projectId": "ws_1",
    "folderId": "fold_1",  # returned by the live API, not in the document: must not break parsing
}

PARTNER = {
    "id": "pn_1",
    "name": "<value>",
    "email": "partner@example.com",
    "image": None,
    "country": "US",
    "bio": None,
    "stripeConnectId": None,
    "couponId": None,
    "payoutsEnabled": False,
    "createdAt": "2025-02-08T10:00:00.000Z",
    "updatedAt": "2025-02-08T10:00:00.000Z",
    "status": "approved",
    "links": [
        {
            "id": "link_1",
            "domain": "dub.sh",
            "key": "try",
            "shortLink": "https://dub.sh/try",
            "url": "https://necessary-brief.name",
            "clicks": 0,
            "leads": 0,
            "sales": 0,
            "saleAmount": 0,
        }
    ],
    "discount": None,
    "commissionAmount": None,
    "earnings": 0,
    "clicks": 0,
    "leads": 0,
    "sales": 0,
    "salesAmount": 0,
    "programId": "prog_1",  # returned by the live API, not in the document
}

ANALYTICS_COUNT = {"clicks": 120, "leads": 12, "sales": 3, "saleAmount": 4500, "earnings": 900}

ERRORS = {
    400: ("BadRequest", "bad_request"),
    401: ("Unauthorized", "unauthorized"),
    403: ("Forbidden", "forbidden"),
    404: ("NotFound", "not_found"),
    409: ("Conflict", "conflict"),
    410: ("InviteExpired", "invite_expired"),
    422: ("UnprocessableEntity", "unprocessable_entity"),
    429: ("RateLimitExceeded", "rate_limit_exceeded"),
    500: ("InternalServerError", "internal_server_error"),
}


def error_body(status: int, message: str) -> dict:
    code = ERRORS[status][1]
    return {"error": {"code": code, "message": message, "doc_url": f"https://dub.co/docs/api-reference/errors#{code}"}}
