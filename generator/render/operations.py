"""Views of operations: the `Operation(...)` constants and methods of resource modules."""

from __future__ import annotations

from collections.abc import Sequence

from .. import ir
from ..ir import DEFAULT_RETRY_CODES
from ..pystyle import literal
from .imports import from_import, relative_module, type_imports
from .pytypes import TypeNames
from .views import ErrorMapView, OperationView, OverloadView, ParamView


def retry_config_expr(policy: ir.RetryPolicy | None, uses: set[str]) -> str:
    """Python for a RetryConfig equal to a documented retry policy ("" when the document has none)."""
    if policy is None:
        return ""
    uses.add("RetryConfig")
    if not policy.enabled:
        return 'RetryConfig("none")'
    uses.add("BackoffStrategy")
    backoff = (
        f"BackoffStrategy(initial_interval={policy.initial_interval}, max_interval={policy.max_interval}, "
        f"exponent={policy.exponent!r}, max_elapsed_time={policy.max_elapsed_time})"
    )
    return f'RetryConfig("backoff", {backoff}, retry_connection_errors={policy.retry_connection_errors})'


# The `:param` lines of the per-call options every method takes.
_CALL_OPTION_LINES = [
    ":param retries: How to retry this call (None: not at all), instead of the client's.",
    ":param server_url: Base URL for this call, instead of the client's.",
    ":param timeout_ms: Timeout of this call, in milliseconds, instead of the client's.",
    ":param http_headers: Headers to add to (or replace in) this call's request.",
]


_HOW_IT_PAGES = {
    "link": "the `Link` header's next URL",
    "url": "the next page's URL the response gives",
    "cursor": "the cursor each page returns",
    "offset": "offset",
    "page": "page number",
}


def _paging_doc(p: ir.Pagination) -> str:
    """What a paginated method's docstring says of its pages."""
    return (
        f"Returns the first page; iterating it yields the items of every page, each fetched when reached "
        f"(by {_HOW_IT_PAGES[p.kind]}); `.pages()` yields the pages."
    )


def _encoding_literal(body: ir.Body | None) -> str:
    if body is None or not body.encoding:
        return ""
    entries = ", ".join(f"{literal(name)}: ({literal(style)}, {explode})" for name, style, explode in body.encoding)
    return "{" + entries + "}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def param_view(p: ir.Parameter) -> ParamView:
    arguments = [literal(p.name), literal(p.wire_name), literal(p.location)]
    default_style = "form" if p.location in ("query", "cookie") else "simple"
    if p.style != default_style:
        arguments.append(f"style={literal(p.style)}")
    if p.explode != (p.style == "form"):
        arguments.append(f"explode={p.explode}")
    return ParamView(", ".join(arguments))


class OperationViews:
    """Makes the views of the operations of a resource module."""

    def __init__(self, api: ir.Api, names: TypeNames):
        self.api = api
        self.types = names.types
        self.names = names
        self.errors = {e.id: e for e in api.errors}

    def view(
        self,
        op: ir.Operation,
        here: str,
        refs: list[tuple[str, str]],
        error_maps: dict[str, ErrorMapView],
        shadow: set[str],
    ) -> OperationView:
        """An operation's view; the named types its signatures use are added to `refs` (imported
        for type checking only), its error map to `error_maps`."""
        # Every method's signature uses these; the function building the `Operation` too.
        uses = {"Operation", "Optional", "Mapping", "Union", "RetryConfig", "UNSET", "Unset", "cache"}
        # The named types the `Operation` holds, imported by its function when first called.
        built: list[tuple[str, str]] = []
        flat_args = self.flat_args(op, shadow, refs, uses)
        request_ann, request_optional, request_type = self._request(op, shadow, refs, uses, bool(flat_args))
        if op.request_type is not None:
            built.extend(self.names.refs(op.request_type))
        result = self.names.ann(op.result_type, shadow=shadow, uses=uses) if op.result_type is not None else "None"
        type_arg = self.names.ann(op.result_type, uses=uses) if op.result_type is not None else "None"
        refs.extend(self.names.refs(op.result_type))
        responses = self._responses(op, uses)
        for r in op.responses:
            if r.type is not None:
                built.extend(self.names.refs(r.type))
        call, result_async = "_request", result
        pagination = ""
        if op.stream == "binary":
            call, result, result_async = "_stream", "BinaryStream", "AsyncBinaryStream"
            uses.update((result, result_async))
        elif op.stream == "events":
            call, result, result_async = "_events", f"EventStream[{result}]", f"AsyncEventStream[{result}]"
            uses.update(("EventStream", "AsyncEventStream"))
        elif op.pagination is not None and op.result_type is not None:
            pagination, item = self.pagination(op)
            refs.extend(self.names.refs(item))
            item_ann = self.names.ann(item, shadow=shadow, uses=uses)
            call, result, result_async = "_page", f"Page[{result}, {item_ann}]", f"AsyncPage[{result}, {item_ann}]"
            uses.update(("Page", "AsyncPage", "Pagination"))
        if op.errors and op.errors_constant not in error_maps:
            error_maps[op.errors_constant] = self._error_map(op, here)
            uses.add("ErrorMap")
        params = [param_view(p) for p in op.parameters]
        if params:
            uses.add("Param")
        if op.deprecated:
            uses.add("warnings")
        if ir.has_raw_twin(op):
            uses.update(("RawResponse", "cached_property"))
        codes = (op.retries or self.api.retries or ir.RetryPolicy(DEFAULT_RETRY_CODES)).status_codes
        doc_parts = [op.summary, op.description if op.description != op.summary else ""]
        if op.deprecated:
            doc_parts.append("Deprecated: this operation may be removed by the API.")
        if pagination and op.pagination is not None:
            doc_parts.append(_paging_doc(op.pagination))
        doc_parts.append(self._param_lines(op, flat_args, request_type))
        accept, overloads = "", list[OverloadView]()
        if op.alternatives and call == "_request":
            accept, overloads, result = self._overloads(op, result, uses)
            result_async = result
        return OperationView(
            name=op.name,
            deprecated=op.deprecated,
            constant=op.constant,
            imports=type_imports(here, built, set(), self.types),
            method=op.http_method,
            path=op.path,
            request_ann=request_ann,
            request_optional=request_optional,
            flat_args=flat_args,
            request_type=request_type,
            has_request=op.request_type is not None,
            result=result,
            result_async=result_async,
            type_arg=type_arg,
            call=call,
            stream=op.stream == "binary",
            events=literal(op.events) if op.events else "",
            sentinel=literal(op.sentinel) if op.sentinel is not None else "",
            pagination=pagination,
            body_attr=literal(op.body_attr) if op.body_attr else "",
            body_media=literal(op.body.media_type) if op.body is not None else "",
            params=params,
            responses=responses,
            errors_const=op.errors_constant,
            security=literal(op.security) if op.security is not None else "",
            retry_codes=literal(codes) if codes != DEFAULT_RETRY_CODES else "",
            retry_config=retry_config_expr(op.retries, uses),
            server_url=literal(op.server_url) if op.server_url else "",
            query="[" + ", ".join(f"({literal(k)}, {literal(v)})" for k, v in op.query) + "]" if op.query else "",
            alternatives=literal(op.alternatives) if op.alternatives else "",
            idempotency_header=literal(op.idempotency_header) if op.idempotency_header else "",
            raw=ir.has_raw_twin(op),
            body_encoding=_encoding_literal(op.body),
            accept=accept,
            overloads=overloads,
            doc="\n\n".join(p for p in doc_parts if p),
            uses=tuple(sorted(uses)),
        )

    def _error_map(self, op: ir.Operation, here: str) -> ErrorMapView:
        """The function mapping an operation's error statuses to their classes."""
        entries, modules = [], dict[str, set[str]]()
        for e in sorted(op.errors, key=lambda e: e.status):
            err = self.errors[e.error_id]
            entries.append(f"{literal(e.status)}: {err.name}")
            modules.setdefault(relative_module(here, f"models.errors.{err.module}"), set()).add(err.name)
        return ErrorMapView(
            op.errors_constant,
            "{" + ", ".join(entries) + "}",
            [from_import(m, names) for m, names in sorted(modules.items())],
        )

    def _overloads(self, op: ir.Operation, result: str, uses: set[str]) -> tuple[str, list[OverloadView], str]:
        """The `accept` annotation, the two typed signatures and the union result of a method whose
        success body comes as JSON (the default, parsed) or as other media types (returned as they
        are)."""
        json_media = next(
            r.media_type for r in op.responses if r.type is not None and r.media_type not in op.alternatives
        )
        kinds = []
        for r in op.responses:
            if r.media_type in op.alternatives and r.type is not None:
                spelled = self.names.ann(r.type, uses=uses)
                if spelled not in kinds:
                    kinds.append(spelled)
        other = kinds[0] if len(kinds) == 1 else f"Union[{', '.join(kinds)}]"
        uses.update(("overload", "Literal", "Union"))
        choices = ", ".join(literal(m) for m in op.alternatives)
        overloads = [
            OverloadView(f"Literal[{literal(json_media)}] = {literal(json_media)}", result, result),
            OverloadView(f"Literal[{choices}]", other, other),
        ]
        return f"str = {literal(json_media)}", overloads, f"Union[{result}, {other}]"

    def _param_lines(self, op: ir.Operation, flat_args: list[tuple[str, str]], request_type: str) -> str:
        """The `:param` lines of a method's docstring."""
        lines = []
        named = self.types.get(op.request_type.id) if isinstance(op.request_type, ir.Ref) else None
        if flat_args and isinstance(named, ir.ModelDef):
            for f in named.fields:
                lines.append(f":param {f.name}: {_one_line(f.description) or 'See the API documentation.'}")
        elif op.request_type is not None:
            what = f"a `{request_type}` or a dict of its fields" if isinstance(named, ir.ModelDef) else "the body"
            described = _one_line(op.body.description) if op.body is not None and op.body_attr == "" else ""
            lines.append(f":param request: {described + ' ' if described else ''}The request: {what}.")
        lines += _CALL_OPTION_LINES
        return "\n".join(lines)

    def _request(
        self, op: ir.Operation, shadow: set[str], refs: list[tuple[str, str]], uses: set[str], flat: bool
    ) -> tuple[str, bool, str]:
        """The annotation of `request=` ("" when there is none, or the method is `flat`), whether it
        may be left out, and the request type the `Operation` validates with."""
        if op.request_type is None:
            return "", False, "None"
        if flat:  # the signature names the fields' types only (see `flat_args`)
            return "", False, self.names.ann(op.request_type, uses=uses)
        refs.extend(self.names.refs(op.request_type, typed_dict=True))
        model_ann = self.names.ann(op.request_type, shadow=shadow, uses=uses)
        td_uses: set[str] = set()
        td_ann = self.names.ann(op.request_type, typed_dict=True, shadow=shadow, uses=td_uses)
        if model_ann == td_ann:
            request_ann = model_ann
        else:
            request_ann = f"Union[{model_ann}, {td_ann}]"
            uses.update(td_uses)
        named = self.types.get(op.request_type.id) if isinstance(op.request_type, ir.Ref) else None
        optional = False
        if isinstance(named, ir.ModelDef):
            optional = not any(f.required and f.default is ir.MISSING for f in named.fields)
        elif op.body is not None:
            optional = not op.body.required
        return request_ann, optional, self.names.ann(op.request_type, uses=uses)

    def _responses(self, op: ir.Operation, uses: set[str]) -> list[tuple[str, str]]:
        """(status, Python for its media type and type, or a dict of those per media type)."""
        by_status: dict[str, list[tuple[str, str]]] = {}
        for r in op.responses:
            tp = self.names.ann(r.type, uses=uses) if r.type is not None else "None"
            by_status.setdefault(r.status, []).append((literal(r.media_type) if r.media_type else "None", tp))
        responses = []
        for status, entries in by_status.items():
            if len(entries) == 1:
                value = f"({entries[0][0]}, {entries[0][1]})"
            else:
                value = "{" + ", ".join(f"{media}: {tp}" for media, tp in entries) + "}"
            responses.append((status, value))
        return responses

    def flat_args(
        self, op: ir.Operation, shadow: set[str], refs: list[tuple[str, str]], uses: set[str] | None = None
    ) -> list[tuple[str, str]]:
        """(name, annotation with default) of each argument of a flattened method; [] when the
        method takes `request=` (also when a field's name is one of the method's own keywords)."""
        named = self.types.get(op.request_type.id) if op.flatten and isinstance(op.request_type, ir.Ref) else None
        if not isinstance(named, ir.ModelDef):
            return []
        args = []
        for f in named.fields:
            refs.extend(self.names.refs(f.type, typed_dict=True))
            annotation = self.names.ann(f.type, typed_dict=True, shadow=shadow, uses=uses)
            if f.required and f.default is ir.MISSING:
                args.append((f.name, annotation))
            else:
                optional = annotation if isinstance(f.type, ir.Nullable) else f"Optional[{annotation}]"
                if uses is not None:
                    uses.add("Optional")
                args.append((f.name, optional + " = None"))
        return args

    def pagination(self, op: ir.Operation) -> tuple[str, ir.TypeExpr]:
        """The `Pagination(...)` expression of an operation (its paths in attribute names, as
        naming made them), and the type of the items its pages hold."""
        p = op.pagination
        assert p is not None and op.result_type is not None
        inputs = ", ".join(f"{literal(role)}: {literal(path)}" for role, path in p.input_attrs)
        parts = [literal(p.kind), "{" + inputs + "}"]
        item: ir.TypeExpr = ir.AnyT()
        if p.results_attrs is not None:
            _, found = ir.follow(self.types, op.result_type, p.results_attrs, by_wire=False)
            found = found.inner if isinstance(found, ir.Nullable) else found
            if isinstance(found, ir.UnionT):  # a list, or what another status's body is
                lists = [v for v in found.variants if isinstance(v, ir.ListT)]
                found = lists[0] if len(lists) == 1 else found
            if isinstance(found, ir.ListT):
                item = found.item
            parts.append(f"results={literal(p.results_attrs)}")
        if p.next_cursor_attrs is not None:
            parts.append(f"next_cursor={literal(p.next_cursor_attrs)}")
        for name in ("num_pages", "next_url", "has_more", "total"):
            steps = getattr(p, name + "_attrs")
            if steps is not None:
                parts.append(f"{name}={literal(steps)}")
        return f"Pagination({', '.join(parts)})", item

    def module(
        self, here: str, ops: Sequence[ir.Operation], shadowed: Sequence[str]
    ) -> tuple[list[OperationView], list[str], list[ErrorMapView], set[str]]:
        """The views of a module's operations, the imports of the named types their signatures use
        (for type checking only: each operation imports what it needs when first called), their
        error maps, and the other names they use."""
        refs: list[tuple[str, str]] = []
        error_maps: dict[str, ErrorMapView] = {}
        shadow = set(shadowed)
        views = [self.view(op, here, refs, error_maps, shadow) for op in ops]
        imports = type_imports(here, refs, set(), self.types)
        return views, sorted(set(imports)), list(error_maps.values()), {name for v in views for name in v.uses}
