"""Views of the generated documentation: operation pages, the README's examples, constructor docs."""

from __future__ import annotations

from collections.abc import Callable

from .. import ir
from ..examples import example_literal, format_literal, request_example
from ..naming import RAW_RESPONSE_ATTRIBUTE
from ..options import Options
from ..pystyle import literal
from .operations import OperationViews
from .pytypes import TypeNames
from .views import FieldDoc, OperationDocs, ResourceView


class DocViews:
    """Makes the documentation views of operations and of the client."""

    def __init__(self, api: ir.Api, options: Options, names: TypeNames, operations: OperationViews):
        self.api = api
        self.options = options
        self.types = names.types
        self.names = names
        self.errors = {e.id: e for e in api.errors}
        self.operations = operations

    def op_docs(self, op: ir.Operation, resource: str) -> OperationDocs:
        request_doc = ""
        if op.request_type is not None:
            request_doc = self.doc_type(op.request_type)
        errors = []
        for e in sorted(op.errors, key=lambda e: e.status):
            errors.append((self.errors[e.error_id].name, e.status, e.media_type))
        call = f"{resource}.{op.name}" if resource else op.name
        example = self.example_args(op)
        named = self.types.get(op.request_type.id) if isinstance(op.request_type, ir.Ref) else None
        fields = [self.field_doc(f) for f in named.fields] if isinstance(named, ir.ModelDef) else []
        flat = bool(self.operations.flat_args(op, set(), []))
        optional = not any(f.required for f in fields) if fields else op.body is None or not op.body.required
        raw = f"{resource}.{RAW_RESPONSE_ATTRIBUTE}" if resource else RAW_RESPONSE_ATTRIBUTE
        return OperationDocs(
            name=op.name,
            call=call,
            raw_call=f"{raw}.{op.name}" if ir.has_raw_twin(op) else "",
            summary=op.summary,
            description=op.description or op.summary,
            request_doc=request_doc,
            request_required=op.request_type is not None,
            request_optional=optional,
            flat=flat,
            fields=fields,
            returns=op.result_type is not None,
            result_doc=self.doc_type(op.result_type) if op.result_type is not None else "None",
            errors=errors,
            example=example,
            deprecated=op.deprecated,
        )

    def field_doc(self, f: ir.Field) -> FieldDoc:
        default = "" if f.default is ir.MISSING else literal(f.default)
        return FieldDoc(f.name, self.names.ann(f.type), f.required and f.default is ir.MISSING, default, f.description)

    def example_args(self, op: ir.Operation) -> str:
        """The arguments of the example call in the docs: `request=...`, or keyword arguments."""
        if op.request_type is None:
            return ""
        value = request_example(op, self.types)
        if op.flatten and isinstance(value, dict) and self.operations.flat_args(op, set(), []):
            if not value:
                return ""
            return "\n" + "".join(f"        {k}={format_literal(v, 8)},\n" for k, v in value.items()) + "    "
        literal_text = example_literal(op, self.types)
        return f"request={literal_text}" if literal_text is not None else ""

    def doc_type(self, t: ir.TypeExpr) -> str:
        if isinstance(t, ir.Ref):
            named = self.types[t.id]
            return f"{named.package}.{named.name}"
        return self.names.ann(t)

    def pairs(self, resources: list[ResourceView], api: ir.Api) -> list[tuple[ir.Operation, OperationDocs]]:
        """Each operation with its docs (those of resources already made are not made again)."""
        pairs = [(op, doc) for res, r in zip(resources, api.resources) for op, doc in zip(r.operations, res.docs)]
        return pairs + [(op, self.op_docs(op, "")) for op in api.root_operations]

    def usage(self, resources: list[ResourceView], api: ir.Api) -> OperationDocs | None:
        """The operation the README's quick start calls: the one marked `x-speakeasy-usage-example`,
        else the first one."""
        pairs = self.pairs(resources, api)
        marked = [doc for op, doc in pairs if op.usage_example]
        candidates = marked or [doc for _, doc in pairs]
        return candidates[0] if candidates else None

    def first(
        self, resources: list[ResourceView], api: ir.Api, wanted: Callable[[ir.Operation], bool]
    ) -> OperationDocs | None:
        """The docs of the first operation of a kind, for the README's section on that kind."""
        return next((doc for op, doc in self.pairs(resources, api) if wanted(op)), None)

    def init_doc(self) -> str:
        lines = ["Create a client.", ""]
        for index, s in enumerate(self.api.security_schemes):
            what = s.description or f"The {s.name} credential"
            lines.append(f":param {s.param_name}: {' '.join(what.split())}: a string, or a callable returning one")
            lines.append("    (called for every request).")
            if index == 0 and self.options.env_var:
                lines.append(f"    Defaults to the `{self.options.env_var}` environment variable.")
        server_doc = ":param server_url: Base URL to send requests to, instead of the documented server."
        if self.options.base_url_env:
            server_doc += f"\n    Defaults to the `{self.options.base_url_env}` environment variable."
        lines += [
            server_doc,
            ":param server_idx: Which of `SERVERS` to use when `server_url` is not given.",
        ]
        if any(s.variables for s in self.api.servers):
            lines.append(":param server_variables: Values for the `{variables}` of that server's URL.")
        lines += [
            ":param timeout_ms: Timeout of each request, in milliseconds.",
            ":param retry_config: How to retry failed requests "
            + ("(default: `DEFAULT_RETRY_CONFIG`)." if self.api.retries else "(no retries when not given)."),
            ":param client: An `httpx.Client` to send requests with; the SDK will not close it.",
            ":param async_client: An `httpx.AsyncClient` for the `*_async` methods; not closed either.",
            ":param debug_logger: A logger that receives one debug line per request (secrets redacted).",
            ":param http_headers: Headers to send with every request (a call's own `http_headers` win).",
            ":param telemetry: Whether requests tell the server the SDK's version, the Python version",
            "    and the OS in `X-SDK-*` headers.",
        ]
        for g in self.api.globals:
            what = g.description or f"The `{g.wire_name}` {g.location} parameter"
            lines.append(f":param {g.param_name}: {what.rstrip('.')}: sent by every operation that takes")
            lines.append("    it, unless the call gives its own.")
        return "\n".join(lines)

    def error_statuses(self) -> list[tuple[str, str]]:
        seen: dict[str, list[str]] = {}
        for op in [o for r in self.api.resources for o in r.operations] + list(self.api.root_operations):
            for e in op.errors:
                name = self.errors[e.error_id].name
                if e.status not in seen.setdefault(name, []):
                    seen[name].append(e.status)
        return [(name, ", ".join(statuses)) for name, statuses in seen.items()]
