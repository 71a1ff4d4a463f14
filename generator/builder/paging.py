"""Pagination inferred from an operation's shape, for documents that declare none.

A GET operation whose parameters and success response follow one of these patterns, and only
one, pages (its method returns a `Page`):

- link: a `page` query parameter and a documented `Link` response header (GitHub);
- url: the next page's URL in the body (`next`, `next_url`, `nextLink`, `@odata.nextLink`,
  `links.next`, `_links.next.href`);
- cursor: a cursor query parameter (`cursor`, `after`, `page_token`, `pageToken`, ...) and a
  next-cursor field in the body (`next_cursor`, `nextPageToken`, ...); or `starting_after` with
  `has_more` and items that have an `id` (Stripe: the next cursor is the last item's id);
- offset: `offset` and `limit` query parameters and a total in the body (`total`, `total_count`, ...);
- page: a `page` query parameter and a page count in the body (`total_pages`, `page_count`, ...) or a
  page size parameter (`per_page`, `limit`, `page_size`, ...): the pages end at the count, else at a
  page shorter than the size asked for (or an empty one).

The items are the body when it is an array, else its one array field (none or several: not
inferred). `x-sdkforge-pagination: false` on an operation, or the `pagination` setting, turns it off.
"""

from __future__ import annotations

from typing import Any

from .. import ir
from .context import BuildContext

_NEXT_URL = ("next", "next_url", "nextUrl", "next_page_url", "nextPageUrl", "nextLink", "@odata.nextLink")
_LINKS = ("links", "_links", "paging", "pagination")
_CURSOR_PARAMS = (
    "cursor",
    "after",
    "page_token",
    "pageToken",
    "next_token",
    "nextToken",
    "continuation_token",
    "continuationToken",
    "page_after",
)
_NEXT_CURSOR = (
    "next_cursor",
    "nextCursor",
    "next_page_token",
    "nextPageToken",
    "next_token",
    "nextToken",
    "continuation_token",
    "continuationToken",
    "end_cursor",
    "endCursor",
)
_META = ("meta", "metadata", "pagination", "paging", "page_info", "pageInfo", "response_metadata")
_TOTALS = ("total", "total_count", "totalCount", "total_results", "totalResults", "count")
_PAGE_COUNTS = ("total_pages", "totalPages", "page_count", "pageCount", "num_pages", "numPages", "pages")
_LIMIT_PARAMS = ("limit", "per_page", "perPage", "page_size", "pageSize", "size", "max_results", "maxResults")

Path = tuple[str | int, ...]


def infer(
    ctx: BuildContext,
    op: dict[str, Any],
    pointer: str,
    method: str,
    params: tuple[ir.Parameter, ...],
    result: ir.TypeExpr | None,
) -> ir.Pagination | None:
    """The pagination an operation's shape shows (None when it shows none, or more than one)."""
    if method != "get" or result is None or op.get("x-sdkforge-pagination") is False:
        return None
    if not ctx.options.infer_pagination or op.get("operationId") in ctx.options.pagination_exclude:
        return None
    query = {p.wire_name: p for p in params if p.location == "query"}
    if isinstance(result, ir.UnionT):  # a list, or a body some other status documents (GitHub's 301s)
        lists = [v for v in result.variants if isinstance(_named(ctx, v), ir.ListT)]
        if len(lists) != 1:
            return None
        result = lists[0]
    body = _model(ctx, result)
    items = _items(ctx, result, body)
    if items is None:
        return None
    limit = next((name for name in _LIMIT_PARAMS if _is(ctx, query.get(name), "int")), None)
    limit_input: tuple[tuple[ir.PageRole, ir.PageInputPlace, str], ...] = (
        (("limit", "parameters", limit),) if limit else ()
    )
    found: list[ir.Pagination] = []
    if _is(ctx, query.get("page"), "int") and _has_link_header(ctx, op, pointer):
        found.append(ir.Pagination("link", (), items, inferred=True))
    next_url = _next_url(ctx, body)
    if next_url is not None:
        found.append(ir.Pagination("url", (), items, next_url=next_url, inferred=True))
    cursor_param = next((name for name in _CURSOR_PARAMS if _is(ctx, query.get(name), "str")), None)
    next_cursor = _field_path(ctx, body, _NEXT_CURSOR, "str")
    if cursor_param and next_cursor:
        found.append(
            ir.Pagination(
                "cursor", (("cursor", "parameters", cursor_param), *limit_input), items, next_cursor, inferred=True
            )
        )
    has_more = _field_path(ctx, body, ("has_more", "hasMore"), "bool")
    if _is(ctx, query.get("starting_after"), "str") and has_more and _item_has_id(ctx, result, items):
        found.append(
            ir.Pagination(
                "cursor",
                (("cursor", "parameters", "starting_after"), *limit_input),
                items,
                next_cursor=(*items, -1, "id"),
                has_more=has_more,
                inferred=True,
            )
        )
    total = _field_path(ctx, body, _TOTALS, "int")
    if _is(ctx, query.get("offset"), "int") and limit and total:
        found.append(
            ir.Pagination(
                "offset", (("offset", "parameters", "offset"), *limit_input), items, total=total, inferred=True
            )
        )
    pages = _field_path(ctx, body, _PAGE_COUNTS, "int")
    if _is(ctx, query.get("page"), "int") and (pages or limit) and not any(p.kind == "link" for p in found):
        # The pages end at the page count, else at a page shorter than the limit (or empty).
        found.append(
            ir.Pagination("page", (("page", "parameters", "page"), *limit_input), items, num_pages=pages, inferred=True)
        )
    return found[0] if len(found) == 1 else None


def _named(ctx: BuildContext, t: ir.TypeExpr | None) -> ir.TypeExpr | ir.NamedType | None:
    """`t` through nullability and aliases: a named type, or a type expression."""
    t = ir.unalias(ctx.types, t) if t is not None else None
    return ctx.types.get(t.id) if isinstance(t, ir.Ref) else t


def _model(ctx: BuildContext, t: ir.TypeExpr | None) -> ir.ModelDef | None:
    named = _named(ctx, t)
    return named if isinstance(named, ir.ModelDef) else None


def _items(ctx: BuildContext, result: ir.TypeExpr, body: ir.ModelDef | None) -> Path | None:
    """Where a page's items are: () for an array body, else the body's one array field."""
    if isinstance(_named(ctx, result), ir.ListT):
        return ()
    if body is None:
        return None
    arrays = [f for f in body.fields if isinstance(_named(ctx, f.type), ir.ListT)]
    return (arrays[0].wire_name,) if len(arrays) == 1 else None


def _is(ctx: BuildContext, param: ir.Parameter | None, kind: str) -> bool:
    """Whether a parameter is an integer ("int") or a string ("str")."""
    return param is not None and _is_type(ctx, param.type, kind)


def _is_type(ctx: BuildContext, t: ir.TypeExpr, kind: str) -> bool:
    named = _named(ctx, t)
    return isinstance(named, ir.Prim) and named.kind == kind


def _field_path(ctx: BuildContext, body: ir.ModelDef | None, names: tuple[str, ...], kind: str) -> Path | None:
    """The path of the first field named one of `names` of type `kind`, in the body or in one of
    its metadata objects."""
    if body is None:
        return None
    fields = {f.wire_name: f for f in body.fields}
    own = _own_field(ctx, fields, names, kind)
    if own is not None:
        return own
    for meta in _META:
        inner = _model(ctx, fields[meta].type) if meta in fields else None
        found = _field_path(ctx, inner, names, kind) if inner is not None and inner is not body else None
        if found:
            return (meta, *found)
    return None


def _own_field(ctx: BuildContext, fields: dict[str, ir.Field], names: tuple[str, ...], kind: str) -> Path | None:
    """The first of `names` that is a field of type `kind` among `fields`, as a path."""
    return next(((name,) for name in names if name in fields and _is_type(ctx, fields[name].type, kind)), None)


def _next_url(ctx: BuildContext, body: ir.ModelDef | None) -> Path | None:
    if body is None:
        return None
    fields = {f.wire_name: f for f in body.fields}
    own = _own_field(ctx, fields, _NEXT_URL, "str")
    if own is not None:
        return own
    for links in _LINKS:
        inner = _model(ctx, fields[links].type) if links in fields else None
        next_field = next((f for f in inner.fields if f.wire_name == "next"), None) if inner else None
        if next_field is None:
            continue
        if _is_type(ctx, next_field.type, "str"):
            return (links, "next")
        target = _model(ctx, next_field.type)
        if target is not None and any(f.wire_name == "href" and _is_type(ctx, f.type, "str") for f in target.fields):
            return (links, "next", "href")
    return None


def _item_has_id(ctx: BuildContext, result: ir.TypeExpr, items: Path) -> bool:
    t: ir.TypeExpr | ir.NamedType | None = _named(ctx, result)
    for step in items:
        model = t if isinstance(t, ir.ModelDef) else None
        field = next((f for f in model.fields if f.wire_name == step), None) if model else None
        t = _named(ctx, field.type) if field else None
    item = _model(ctx, t.item) if isinstance(t, ir.ListT) else None
    return item is not None and any(f.wire_name == "id" and _is_type(ctx, f.type, "str") for f in item.fields)


def _has_link_header(ctx: BuildContext, op: dict[str, Any], pointer: str) -> bool:
    """Whether a success response of the operation documents a `Link` header."""
    for status, response in (op.get("responses") or {}).items():
        if not str(status).startswith("2"):
            continue
        response, _ = ctx.deref(response, f"{pointer}/responses/{status}")
        headers = response.get("headers") if isinstance(response, dict) else None
        if isinstance(headers, dict) and any(str(name).lower() == "link" for name in headers):
            return True
    return False
