"""The renderer: every output file as an independent job, and each job rendered with its view."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from .. import __version__, ir, pystyle
from ..examples import format_literal
from ..options import Options
from ..pystyle import literal
from .docs import DocViews
from .engine import engine_digest, environment, runtime_files
from .fakes import fake_views
from .imports import from_import, model_module_path, module_imports, type_imports
from .models import ModelViews
from .operations import OperationViews, retry_config_expr
from .pytypes import TypeNames
from .views import ChildView, ErrorView, GlobalView, ResourceView, SchemeView, ServerView, WebhookView


class Job(NamedTuple):
    """One output file: `kind` is "text" (written as `template` holds it), "template", "module" (a
    Python module whose imports are added) or "model" (a model module)."""

    path: str
    kind: str
    template: str
    arguments: dict[str, Any]


# What model, per-resource and package-index templates may read besides their own view (see
# `Renderer.prepare`): their output depends on nothing else.
LOCAL_CONTEXT = ("package", "sdk_name", "client_var", "schemes", "generated_note", "client_args")
# Templates that read only a few names of the base context (and, for the testing module, the
# fakes' views): what each reads, so that it is the digest of its input too.
BASE_ONLY: dict[str, tuple[str, ...]] = {
    "pyproject.toml.j2": ("package", "sdk_version", "title"),
    "package/__init__.py.j2": ("package_doc", "sdk_name"),
    "package/utils.py.j2": ("generated_note", "sdk_name"),
    "package/testing.py.j2": ("generated_note", "package", "sdk_name", "title"),
    "package/webhooks.py.j2": (
        "generated_note",
        "package",
        "title",
        "webhook_event_header",
        "webhook_payloads",
        "webhook_signature",
        "webhooks",
    ),
}
SELF_CONTAINED = {
    "package/models.py.j2",
    "package/resource.py.j2",
    "resource.md.j2",
    "package/lazy_init.py.j2",
    "package/models_init.py.j2",
    *BASE_ONLY,
}
# Of those, the ones that need no view of a resource or an operation.
WITHOUT_API_VIEWS = SELF_CONTAINED - {"package/resource.py.j2", "resource.md.j2"}


def _example_server_argument(api: ir.Api) -> str:
    """`server_url=...` for the examples when the document's first server is relative (the client
    cannot be made without one then); "" otherwise."""
    url = api.servers[0].url if api.servers else "/"
    if "://" in url:
        return ""
    return f"server_url={literal('https://api.example.com' + url.rstrip('/'))}"


# The runtime's credential class for each OAuth2 flow the SDK can get tokens with.
OAUTH2_CLASSES = {
    "clientCredentials": "ClientCredentials(client_id, client_secret)",
    "password": "PasswordCredentials(username, password)",
    "authorizationCode": "RefreshToken(access_token, refresh_token, on_token=save)",
}
_SCHEME_LABELS = {
    "oauth2": "OAuth2",
    "basic": 'HTTP basic: `"user:password"` or a `(user, password)` tuple',
    "bearer": "bearer token",
    "apikey": "API key",
}


def oauth2_classes(s: ir.SecurityScheme) -> list[str]:
    """The runtime's credential classes for the OAuth2 flows a scheme declares."""
    return [OAUTH2_CLASSES[flow].split("(")[0] for flow in s.flows]


def credential_annotation(s: ir.SecurityScheme) -> str:
    """What the constructor takes for a scheme: for OAuth2, a token or the credential classes of
    the flows the document declares; else any credential."""
    if not s.flows:
        return "Credential"
    return "Union[" + ", ".join(["str", "Callable[[], str]", *oauth2_classes(s)]) + "]"


def scheme_view(s: ir.SecurityScheme) -> SchemeView:
    arguments = [literal(s.kind)]
    if s.location != "header":
        arguments.append(f"location={literal(s.location)}")
    if s.param != "Authorization":
        arguments.append(f"param={literal(s.param)}")
    if s.token_url:
        arguments.append(f"token_url={literal(s.token_url)}")
    in_authorization = s.kind in ("bearer", "basic", "oauth2")
    label = _SCHEME_LABELS.get(s.kind, s.kind)
    if s.flows:
        label += " (" + ", ".join(f"`{name}`" for name in oauth2_classes(s)) + ", or a token)"
    return SchemeView(
        name=s.name,
        param=s.param_name,
        kind=s.kind,
        description=s.description,
        example=s.example or ("USER:PASSWORD" if s.kind == "basic" else s.name.upper()),
        label=label,
        oauth2=[OAUTH2_CLASSES[flow] for flow in s.flows],
        annotation=credential_annotation(s),
        placement="`Authorization` header" if in_authorization else f"`{s.param}` {s.location}",
        runtime=f"SecurityScheme({', '.join(arguments)})",
    )


def _type_checking(lines: list[str], uses: set[str]) -> list[str]:
    """Import lines for an `if TYPE_CHECKING:` block, in isort's order (adds the name to `uses`)."""
    if lines:
        uses.add("TYPE_CHECKING")
    return sorted(set(lines), key=lambda line: line.split()[1])


class Renderer:
    def __init__(self, api: ir.Api, options: Options):
        self.api = api
        self.options = options
        self.names = TypeNames({t.id: t for t in api.types})
        self.models = ModelViews(api)
        self.operations = OperationViews(api, self.names)
        self.docs = DocViews(api, options, self.names, self.operations)
        self.env = environment()
        # Where a module's imports go. Random, so that no text of the document can imitate it.
        self.marker = f"# imports-{uuid.uuid4().hex}"
        self._ctx: dict[str, Any] = {}
        self._type_digests: dict[str, str] = {}
        self._resource_views: dict[int, ResourceView] = {}
        self._view_texts: dict[int, str] = {}
        self._nested: dict[tuple[str, ...], list[ChildView]] | None = None

    def runtime_paths(self) -> dict[str, Path]:
        """Where each runtime module goes in the SDK (copied verbatim: the files are kept in black's
        style in this repository)."""
        return {f"src/{self.options.package_name}/_runtime/{path.name}": path for path in runtime_files()}

    def jobs(self) -> list[Job]:
        """Every output file as a job (path, kind, template or text, arguments), in a stable order.

        Jobs are independent of each other, so they can be run in any order or in parallel.
        """
        opts = self.options
        src = f"src/{opts.package_name}"
        ctx = self._ctx = self._base_context()
        jobs: list[Job] = [
            Job("pyproject.toml", "template", "pyproject.toml.j2", {}),
            Job("README.md", "template", "README.md.j2", {}),
        ]
        # Resources are named by index: their views are made where the file is rendered.
        for index, res in enumerate(self.api.resources):
            jobs.append(Job(f"docs/sdks/{res.module}/README.md", "template", "resource.md.j2", {"resource": index}))
        if self.api.root_operations:
            jobs.append(Job("docs/sdks/root/README.md", "template", "resource.md.j2", {"resource": "root"}))
        jobs += [
            Job(f"{src}/__init__.py", "template", "package/__init__.py.j2", {}),
            Job(f"{src}/py.typed", "text", "", {}),
            *[Job(rel, "text", path.read_text(encoding="utf-8"), {}) for rel, path in self.runtime_paths().items()],
            Job(f"{src}/utils/__init__.py", "template", "package/utils.py.j2", {}),
            Job(f"{src}/sdk.py", "module", "package/sdk.py.j2", {"runtime_from": "._runtime"}),
        ]
        if ctx["webhooks"]:
            jobs.append(Job(f"{src}/webhooks.py", "template", "package/webhooks.py.j2", {}))
        jobs.append(Job(f"{src}/testing.py", "template", "package/testing.py.j2", {"fakes": True}))
        for index, res in enumerate(self.api.resources):
            jobs.append(
                Job(
                    f"{src}/{res.module}.py",
                    "module",
                    "package/resource.py.j2",
                    {"runtime_from": "._runtime", "resource": index},
                )
            )
        jobs.append(
            Job(
                f"{src}/models/__init__.py",
                "template",
                "package/models_init.py.j2",
                {"packages": ctx["model_packages"]},
            )
        )
        for package in ctx["model_packages"]:
            exports = []
            for (group_package, module), (members, errors) in self.models.groups.items():
                if group_package != package:
                    continue
                for t in members:
                    exports.append((t.name, module))
                    if getattr(t, "typed_dict_name", ""):
                        exports.append((t.typed_dict_name, module))  # type: ignore[union-attr]
                exports += [(e.name, module) for e in errors]
            grouped_exports: dict[str, list[str]] = {}
            for export, module in exports:
                grouped_exports.setdefault(module, []).append(export)
            imports = [from_import(f".{module}", names) for module, names in sorted(grouped_exports.items())]
            jobs.append(
                Job(
                    f"{src}/models/{package}/__init__.py",
                    "template",
                    "package/lazy_init.py.j2",
                    {
                        "exports": sorted(exports),
                        "type_imports": imports,
                        "model_package": package,
                        "runtime_exports": ctx["error_base_exports"] if package == "errors" else [],
                        "error_base_alias": ctx["error_base_alias"] if package == "errors" else "",
                    },
                )
            )
        for package, module in self.models.groups:
            jobs.append(
                Job(
                    f"{src}/models/{package}/{module}.py",
                    "model",
                    "package/models.py.j2",
                    {"runtime_from": "..._runtime", "key": (package, module)},
                )
            )
        return jobs

    def needs_whole_api(self, job: Job) -> bool:
        """Whether a job reads the views of every resource and operation (see `_whole_context`)."""
        return job[1] != "text" and job[2] not in WITHOUT_API_VIEWS and self.resource_of(job) is None

    @staticmethod
    def resource_of(job: Job) -> int | None:
        """The resource whose view a job reads (by index), for a resource's module or page."""
        which = job[3].get("resource")
        return which if isinstance(which, int) else None

    def preload(self) -> None:
        """Compile every template now (before worker processes fork, so they share the result)."""
        for name in self.env.list_templates(extensions=["j2"]):
            self.env.get_template(name)

    def prepare(self, job: Job) -> tuple[str | None, Job]:
        """The digest of everything a job's output depends on (None for jobs that read the whole
        API: those are always rendered), and the job with its view built where that was needed.

        Per-resource files and package indexes see only their view and `LOCAL_CONTEXT`; a model
        module's view is made from its own types and errors and the types they refer to directly
        (`module_types`). So the digest of those (with the generator's own code and the line
        length) determines the output: a regeneration reuses a file whose digest did not change."""
        path, kind, what, arguments = job
        if what not in SELF_CONTAINED:
            return None, job
        local = [(name, self._ctx[name]) for name in BASE_ONLY.get(what, LOCAL_CONTEXT)]
        if kind == "model" and "key" in arguments:
            members, errors = self.models.groups[arguments["key"]]
            made_of = [t.id for t in members] + [
                self._type_digest(t) for t in self.models.module_types(members, errors).values()
            ]
            text = repr(
                (engine_digest(), pystyle.LINE_LENGTH, path, what, sorted(arguments.items()), local, made_of, errors)
            )
        else:
            index = self.resource_of(job)
            arguments = self._resolve(arguments)
            job = Job(path, kind, what, arguments)
            spelled = dict(arguments)
            if index is not None:  # a resource's view (most of the text), spelled once for its module and page
                spelled["resource"] = self._view_text(index)
            text = repr((engine_digest(), pystyle.LINE_LENGTH, path, what, sorted(spelled.items()), local))
        return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest(), job

    def _view_text(self, index: int) -> str:
        found = self._view_texts.get(index)
        if found is None:
            found = self._view_texts[index] = repr(self._resource_view(index))
        return found

    def _type_digest(self, named: ir.NamedType) -> str:
        found = self._type_digests.get(named.id)
        if found is None:
            found = self._type_digests[named.id] = hashlib.blake2b(
                repr(named).encode("utf-8"), digest_size=16
            ).hexdigest()
        return found

    def run(self, job: Job) -> str:
        path, kind, what, arguments = job
        if kind == "text":
            return what
        if kind == "model" or what in SELF_CONTAINED:
            context = {name: self._ctx[name] for name in BASE_ONLY.get(what, LOCAL_CONTEXT)}
            arguments = self._resolve(arguments)
        else:
            context = self._whole_context()
        if kind == "model":
            arguments = dict(arguments)
            arguments["module"] = self.models.module(*arguments.pop("key"))
            kind = "module"
        if kind == "module":
            arguments = dict(arguments)
            runtime_from = arguments.pop("runtime_from")
            if "module" in arguments:
                uses = arguments["module"].uses
            elif "resource" in arguments:
                uses = arguments["resource"].uses
            else:
                uses = context["client_uses"]
            return self._module(what, runtime_from, uses, **arguments, **context)
        return self._t(what, **arguments, **context)

    def render(self) -> dict[str, str]:
        return {job[0]: self.run(job) for job in self.jobs()}

    def _t(self, name: str, **ctx: Any) -> str:
        return self.env.get_template(name).render(**ctx)

    def _module(self, name: str, runtime_from: str, uses: Iterable[str], **ctx: Any) -> str:
        """A Python module: the template's text, with the imports of the names its view uses put at
        the marker."""
        body = self._t(name, imports_marker=self.marker, **ctx)
        head, marker, rest = body.partition(self.marker + "\n")
        if not marker:
            return body
        block = module_imports(uses, runtime_from)
        return head + block + "\n" + rest

    def _webhook_views(self) -> list[WebhookView]:
        """The webhooks whose payload is a named type, the most specific first (an event and body
        fields to match before an event alone, before nothing)."""
        types = self.names.types
        views = []
        for hook in self.api.webhooks:
            payload = hook.payload.inner if isinstance(hook.payload, ir.Nullable) else hook.payload
            model = types.get(payload.id) if isinstance(payload, ir.Ref) else None
            if isinstance(model, (ir.ModelDef, ir.AliasDef)):
                module = "." + model_module_path(model.package, model.module)
                summary = " ".join(hook.summary.split())
                views.append(WebhookView(hook.name, summary, hook.event, hook.match, module, model.name))
        return sorted(views, key=lambda v: (not v.event, -len(v.match)))

    def _base_context(self) -> dict[str, Any]:
        """What every template may read that is quick to make (no operation views)."""
        api, opts = self.api, self.options
        schemes = [scheme_view(s) for s in api.security_schemes]
        server_arg = _example_server_argument(api)
        client_args = [f"{s.param}={format_literal(s.example, 4)}" for s in schemes[:1]]
        client_args += [server_arg] if server_arg else []
        generated_note = f"Generated by sdkforge from the OpenAPI document of {api.title}: do not edit by hand."
        model_packages = sorted({t.package for t in api.types} | ({"errors"} if api.errors else set()) | {"errors"})
        error_base_exports = [
            "ConfigurationError",
            "NoResponseError",
            "RequestValidationError",
            "ResponseValidationError",
            "SDKBaseError",
            "SDKError",
        ]
        webhooks = self._webhook_views()
        return dict(
            webhooks=webhooks,
            webhook_payloads=sorted({(w.module, w.class_name) for w in webhooks}),
            webhook_signature=api.webhook_signature,
            webhook_event_header=api.webhook_event_header,
            title=api.title,
            package=opts.package_name,
            sdk_name=opts.sdk_name,
            sdk_version=opts.sdk_version,
            description=opts.description or api.description or api.title,
            generator_version=__version__,
            env_var=opts.env_var,
            base_url_env=opts.base_url_env,
            open_values=not opts.closed_enums,
            idempotency_headers=sorted(
                {o.idempotency_header for r in api.resources for o in r.operations if o.idempotency_header}
                | {o.idempotency_header for o in api.root_operations if o.idempotency_header}
            ),
            client_var=api.client_variable,
            servers=[ServerView(s.url, s.description, dict(s.variables)) for s in api.servers],
            has_server_variables=any(s.variables for s in api.servers),
            default_retry=retry_config_expr(api.retries, set()),
            schemes=schemes,
            default_security=literal(api.default_security),
            model_packages=model_packages,
            error_base_alias=api.error_base_alias,
            error_base_exports=error_base_exports,
            errors=[ErrorView(e.name, e.description) for e in api.errors],
            error_statuses=self.docs.error_statuses(),
            package_doc=f"{opts.description or api.description or api.title}\n\n{generated_note}",
            generated_note=generated_note,
            client_args=client_args,
            server_arg=server_arg,
            server_prefix=server_arg + ", " if server_arg else "",
            client_doc=f"{opts.description or api.description or api.title}\n\n"
            f"Use it as a context manager (`with {opts.sdk_name}(...) as client:` or\n"
            f"`async with {opts.sdk_name}(...) as client:`) to close the connections it opened.",
            init_doc=self.docs.init_doc(),
        )

    def _whole_context(self) -> dict[str, Any]:
        """The full context: the base one plus the views of every resource and operation.

        Made on first use, by the process that renders a file needing it (the README, the client,
        the resources); model modules never do, so a worker busy with those does not make it."""
        if "resources" in self._ctx:
            return self._ctx
        api, opts = self.api, self.options
        resources = [self._resource_view(index) for index in range(len(api.resources))]
        root_ops, root_imports, root_maps, root_uses = self.operations.module(
            "sdk", api.root_operations, api.root_shadowed
        )
        top_resources = [r for r in resources if r.top]
        client_imports = root_imports + [from_import(f".{r.module}", [r.class_name]) for r in top_resources]
        global_views, global_refs = [], list[tuple[str, str]]()
        for g in api.globals:
            annotation = self.names.ann(g.type, uses=root_uses)
            global_refs.extend(self.names.refs(g.type))
            key = literal((g.wire_name, g.location))
            global_views.append(GlobalView(g.param_name, annotation, key))
        client_imports += type_imports("sdk", global_refs, set(), self.names.types)
        if self._ctx["webhooks"]:
            client_imports.append(from_import(".webhooks", ["Webhooks"]))
        self._ctx.update(
            resources=resources,
            top_resources=top_resources,
            usage=self.docs.usage(resources, api),
            paged_op=self.docs.first(
                resources, api, lambda op: op.pagination is not None and op.result_type is not None
            ),
            download_op=self.docs.first(resources, api, lambda op: op.stream == "binary"),
            raw_op=self.docs.first(resources, api, ir.has_raw_twin),
            upload_op=self.docs.first(resources, api, lambda op: ir.takes_files(op, self.names.types)),
            events_op=self.docs.first(resources, api, lambda op: op.stream == "events"),
            root_ops=root_ops,
            root_raw_class_name=api.root_raw_class_name,
            global_params=global_views,
            client_type_imports=_type_checking(client_imports, root_uses),
            root_error_maps=root_maps,
            root_resource=ResourceView(
                name="",
                class_name=opts.sdk_name,
                module="root",
                doc=api.description,
                title=opts.sdk_name,
                operations=root_ops,
                type_imports=_type_checking(root_imports, root_uses),
                raw_class_name=api.root_raw_class_name,
                error_maps=root_maps,
                children=[],
                top=True,
                path="",
                docs=[self.docs.op_docs(o, "") for o in api.root_operations],
                uses=tuple(sorted(root_uses)),
            ),
            client_uses=tuple(sorted(root_uses | self._client_uses(bool(top_resources)))),
        )
        return self._ctx

    def _resource_view(self, index: int) -> ResourceView:
        """The view of one resource (made once: a worker rendering some resources makes only theirs)."""
        found = self._resource_views.get(index)
        if found is not None:
            return found
        res = self.api.resources[index]
        ops, imports, maps, uses = self.operations.module(res.module, res.operations, res.shadowed)
        attr_path = ".".join(res.path or (res.name,))
        children = self._children().get(res.path or (res.name,), [])
        imports += [from_import(f".{c.module}", [c.class_name]) for c in children]
        uses |= {"BaseSDK", "cached_property"} if children else {"BaseSDK"}
        view = self._resource_views[index] = ResourceView(
            name=res.name,
            class_name=res.class_name,
            module=res.module,
            doc=res.description or f"Operations on {res.tag}.",
            title=res.tag,
            operations=ops,
            type_imports=_type_checking(imports, uses),
            raw_class_name=res.raw_class_name,
            error_maps=maps,
            children=children,
            top=len(res.path) <= 1,
            path=attr_path,
            docs=[self.docs.op_docs(o, attr_path) for o in res.operations],
            uses=tuple(sorted(uses)),
        )
        return view

    def _children(self) -> dict[tuple[str, ...], list[ChildView]]:
        """The resources nested in each resource, by the path of the one they are nested in."""
        if self._nested is None:
            self._nested = {}
            for c in self.api.resources:
                if c.path:
                    view = ChildView(c.name, c.class_name, c.module, c.description or f"Operations on {c.tag}.")
                    self._nested.setdefault(c.path[:-1], []).append(view)
        return self._nested

    def _client_uses(self, has_resources: bool) -> set[str]:
        """The names the client module (sdk.py.j2) itself needs imported."""
        uses = {"ClientBase", "SDKConfiguration", "SecurityScheme", "Optional", "RetryConfig", "Mapping"}
        uses.update(("httpx", "logging"))
        if self.options.base_url_env:
            uses.add("env_server")
        if self.api.security_schemes:
            for scheme in self.api.security_schemes:
                if scheme.flows:
                    uses.update(("Union", "Callable", *oauth2_classes(scheme)))
                else:
                    uses.add("Credential")
            if self.options.env_var:
                uses.add("env_credential")
        if any(s.variables for s in self.api.servers):
            uses.add("fill_server")
        if has_resources:
            uses.add("cached_property")
        retry_config_expr(self.api.retries, uses)
        return uses

    def _resolve(self, arguments: dict[str, Any]) -> dict[str, Any]:
        """A job's arguments with the resource it names (an index, or "root") replaced by its view."""
        if arguments.get("fakes") is True:  # the testing module: the views of its fakes
            return {name: value for name, value in arguments.items() if name != "fakes"} | fake_views(
                self.api, self.names
            )
        which = arguments.get("resource")
        if which is None or isinstance(which, ResourceView):
            return arguments
        if which == "root":
            return {**arguments, "resource": self._whole_context()["root_resource"]}
        return {**arguments, "resource": self._resource_view(which)}
