"""The records templates read: every string already spelled, every decision already made.

Templates loop and branch over these and print their fields; they compute nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class FieldView:
    """A field of a model (and of its TypedDict twin)."""

    name: str
    annotation: str
    default: str | None
    doc: str
    td_annotation: str
    td_required: bool


@dataclass(frozen=True)
class ItemView:
    """One definition of a model module."""

    kind: Literal["model", "enum", "alias", "error"]
    name: str
    doc: str = ""
    fields: list[FieldView] = field(default_factory=list)
    typed_dict_name: str = ""
    send_defaults: str = ""
    base: str = ""
    members: list[tuple[str, str]] = field(default_factory=list)
    annotation: str = ""
    td_annotation: str = ""
    data_type: str = ""
    message_path: str = ""
    recursive: bool = False
    str_name: str = "str"
    extra: str = ""  # the type of additional properties, when the document types them


@dataclass(frozen=True)
class ModuleView:
    """A model module: its imports and definitions, in definition order."""

    package: str
    module: str
    imports: list[str]  # of the named types it refers to
    items: list[ItemView]
    uses: tuple[str, ...]  # other names it needs imported (`Optional`, `BaseModel`, ...), sorted


@dataclass(frozen=True)
class ParamView:
    """A parameter as the runtime's `Param` takes it: the arguments, spelled (style and explode
    only where they are not OpenAPI's defaults for the location)."""

    arguments: str


@dataclass(frozen=True)
class OverloadView:
    """One typed signature of a method that returns other media types on request (`accept=`)."""

    accept: str  # the annotation (and default) of `accept`
    result: str
    result_async: str


@dataclass(frozen=True)
class ErrorMapView:
    """A module function mapping error statuses to the error classes it imports when called."""

    name: str
    mapping: str  # a Python dict literal
    imports: list[str]


@dataclass(frozen=True)
class OperationView:
    """The function building an operation's `Operation(...)` and its two methods (sync and `_async`)."""

    name: str
    deprecated: bool
    constant: str  # the function's name
    imports: list[str]  # what the function imports when first called (the types the `Operation` holds)
    method: str
    path: str
    request_ann: str  # the annotation of `request=` ("" when the method takes none)
    request_optional: bool
    flat_args: list[tuple[str, str]]  # (name, annotation with default) of a flattened method
    request_type: str
    has_request: bool
    result: str
    result_async: str
    type_arg: str  # the `Operation[...]` type argument
    call: str  # the runtime entry point: _request, _stream, _events or _page
    stream: bool
    events: str
    sentinel: str
    pagination: str
    body_attr: str
    body_media: str
    params: list[ParamView]
    responses: list[tuple[str, str]]  # (status, Python for what the status maps to)
    errors_const: str
    security: str
    retry_codes: str
    retry_config: str
    server_url: str
    query: str  # constant query parameters (a list literal), "" when none
    body_encoding: str  # a form body's non-default property styles (a dict literal), "" when none
    alternatives: str  # media types returned as they are on request (a tuple literal), "" when none
    idempotency_header: str  # the header's name (a literal), "" when the operation has none
    raw: bool  # the method has a `with_raw_response` twin (it returns a plain result)
    accept: str  # the annotation of the method's `accept` keyword, "" when it has none
    overloads: list[OverloadView]
    doc: str
    uses: tuple[str, ...]  # names the function and methods need imported, sorted


@dataclass(frozen=True)
class FieldDoc:
    """A field of a request, as an operation's page lists it."""

    name: str
    type: str
    required: bool
    default: str  # the Python literal of the default ("" when none)
    description: str


@dataclass(frozen=True)
class OperationDocs:
    """What an operation's documentation (its page and the README) shows."""

    name: str
    call: str  # `resource.method`, or `method` on the client
    raw_call: str  # `resource.with_raw_response.method` ("" when the method has no raw twin)
    summary: str
    description: str
    request_doc: str
    request_required: bool  # the method takes `request=` (or flattened arguments)
    request_optional: bool  # ... which may be left out
    flat: bool  # the method takes the request's fields as arguments
    fields: list[FieldDoc]  # the request's fields (empty when it is not an object)
    returns: bool  # the method returns something (else the examples do not print a result)
    result_doc: str
    errors: list[tuple[str, str, str]]  # (error class, status, media type)
    example: str
    deprecated: bool


@dataclass(frozen=True)
class ChildView:
    """A resource nested in another (or in the client), as its parent's attribute."""

    name: str
    class_name: str
    module: str
    doc: str


@dataclass(frozen=True)
class ResourceView:
    """A resource module (or the client's own operations) and its documentation page."""

    name: str
    class_name: str
    module: str
    doc: str
    title: str
    operations: list[OperationView]
    # Imported for type checking only: the named types its signatures use, its children's classes.
    type_imports: list[str]
    raw_class_name: str  # the class of its `with_raw_response` ("" for none)
    error_maps: list[ErrorMapView]
    children: list[ChildView]
    top: bool
    path: str  # attribute path from the client, dotted
    docs: list[OperationDocs]
    uses: tuple[str, ...]  # names its module needs imported (besides named types and errors), sorted


@dataclass(frozen=True)
class GlobalView:
    """A global parameter as the client's constructor takes it."""

    param: str  # the constructor's keyword
    annotation: str
    key: str  # the Python literal of its (wire name, location)


@dataclass(frozen=True)
class SchemeView:
    """A security scheme as the client's constructor and the README present it."""

    name: str  # as in the document
    param: str  # the constructor's keyword
    kind: str
    description: str
    example: str
    label: str  # what the README calls it
    placement: str  # where the README says it is sent
    runtime: str  # the runtime's `SecurityScheme(...)` for it
    oauth2: list[str]  # for OAuth2: how to build a credential for each flow the document declares
    annotation: str  # what the constructor's keyword takes (besides None)


@dataclass(frozen=True)
class WebhookView:
    """A webhook the SDK parses: how its payload is recognised, and the model it is."""

    name: str  # the document's key
    summary: str
    event: str
    match: tuple[tuple[str, str], ...]
    module: str  # the model's module, relative to the package (`.models.components.x`)
    class_name: str


@dataclass(frozen=True)
class ServerView:
    url: str
    description: str
    variables: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ErrorView:
    name: str
    description: str


@dataclass(frozen=True)
class FakeRouteView:
    """An operation as the `testing` module's fake serves it."""

    name: str  # `resource.method`
    method: str
    path: str
    module: str  # the module whose function builds its `Operation` (relative to the package)
    builder: str
    status: int
    body: str | None  # the default answer's JSON


@dataclass(frozen=True)
class FakeMethodView:
    name: str
    route: str  # the route's name
    returns: str  # the annotation of what it returns (its page's body, for a paged method)


@dataclass(frozen=True)
class FakeResourceView:
    """A class of `fake.on`: a resource's methods, and its nested resources as properties."""

    class_name: str
    methods: tuple[FakeMethodView, ...]
    children: tuple[tuple[str, str], ...]  # (attribute, class name)
