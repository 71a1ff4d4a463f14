"""The intermediate representation: plain, immutable data with every name already resolved.

`build` produces it from an OpenAPI document (with preferred names), `naming` makes the names final
and unique, and the templates read nothing else.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Callable, Literal, TypeVar, Union

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_options: Any) -> Any:
        return lambda decorator: decorator


_C = TypeVar("_C")


@dataclass_transform(frozen_default=True)
def record(cls: type[_C]) -> type[_C]:
    """A frozen dataclass whose constructor stores the fields directly and whose repr is plain.

    A frozen dataclass's own `__init__` sets each field through `object.__setattr__`, which
    costs more than everything else the builder does for a field: large documents make tens of
    thousands of records. Instances are still immutable, compared and hashed by value."""
    cls = dataclasses.dataclass(frozen=True, init=False, repr=False)(cls)
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    params = [f.name if f.default is dataclasses.MISSING else f"{f.name}=_d_{f.name}" for f in fields]
    body = "".join(f"    d[{f.name!r}] = {f.name}\n" for f in fields) or "    pass\n"
    shown = ", ".join(f"{f.name}={{self.{f.name}!r}}" for f in fields)
    source = (
        f"def __init__(self, {', '.join(params)}):\n    d = self.__dict__\n{body}"
        # Records form a tree (named types are referred to by id), so the repr needs no guard
        # against cycles; it is what regeneration digests, so it is kept cheap.
        f'def __repr__(self):\n    return f"{cls.__name__}({shown})"\n'
    )
    namespace = {f"_d_{f.name}": f.default for f in fields if f.default is not dataclasses.MISSING}
    exec(source, namespace)  # noqa: S102 (generated from the field list above)
    for name in ("__init__", "__repr__"):
        method: Callable[..., Any] = namespace[name]
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)
    return cls


# ---------------------------------------------------------------- closed vocabularies

# "file": binary content to upload (bytes, a binary file, a path, or (filename, content, type)).
PrimKind = Literal["str", "int", "float", "bool", "bytes", "file", "date", "datetime", "none"]
EnumKind = Literal["str", "int"]
Location = Literal["path", "query", "header", "cookie"]
ParamStyle = Literal["form", "simple", "label", "matrix", "spaceDelimited", "pipeDelimited", "deepObject"]
HttpMethod = Literal["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"]
StreamKind = Literal["", "binary", "events"]
PageKind = Literal["offset", "page", "cursor", "link", "url"]
PageRole = Literal["offset", "page", "limit", "cursor"]
PageInputPlace = Literal["parameters", "requestBody"]
SchemeKind = Literal["bearer", "basic", "apikey", "oauth2"]
SchemeLocation = Literal["header", "query", "cookie"]

# Statuses retried when neither the document nor the user says which.
DEFAULT_RETRY_CODES: tuple[str, ...] = ("429", "500", "502", "503", "504")

# ---------------------------------------------------------------- type expressions


@record
class Prim:
    """A scalar."""

    kind: PrimKind


@record
class AnyT:
    pass


@record
class Ref:
    """A named type (model, enum or union alias) by its id."""

    id: str


@record
class ListT:
    item: TypeExpr


@record
class MapT:
    value: TypeExpr


@record
class UnionT:
    variants: tuple[TypeExpr, ...]
    # With a discriminator: the property (wire name) and, per variant, the values that select it.
    discriminator: str = ""
    tags: tuple[tuple[str, ...], ...] = ()
    # A tagged union that keeps values of tags it does not list (as `UnknownVariant`) instead of
    # failing to parse them: the default, unless enums are closed.
    open: bool = False


@record
class LiteralT:
    value: Any


@record
class Nullable:
    inner: TypeExpr


@record
class TupleT:
    """An array of a fixed length with a type per position (`prefixItems` with `items: false`)."""

    items: tuple[TypeExpr, ...]


TypeExpr = Union[Prim, AnyT, Ref, ListT, MapT, UnionT, LiteralT, Nullable, TupleT]


_D = TypeVar("_D")


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()

# ---------------------------------------------------------------- named types


@record
class Field:
    wire_name: str
    name: str
    type: TypeExpr
    required: bool
    nullable: bool
    default: Any = MISSING
    description: str = ""
    deprecated: bool = False
    read_only: bool = False
    write_only: bool = False


@record
class ModelDef:
    """An object schema: a pydantic model (and, when used as input, a TypedDict twin)."""

    id: str
    name: str
    package: str
    module: str
    fields: tuple[Field, ...]
    description: str = ""
    deprecated: bool = False
    extra_type: TypeExpr | None = None
    is_input: bool = False
    typed_dict_name: str = ""
    # Builtin type names its fields take (`str`, `list`, ...): spelled otherwise inside the class.
    shadowed: tuple[str, ...] = ()


@record
class EnumMember:
    name: str
    value: Any


@record
class EnumDef:
    id: str
    name: str
    package: str
    module: str
    members: tuple[EnumMember, ...]
    value_kind: EnumKind
    description: str = ""
    open: bool = True  # values the document does not list are kept (as pseudo-members), not refused


@record
class AliasDef:
    """A named type that is not a class: a union, a list, or a map at the top of a schema."""

    id: str
    name: str
    package: str
    module: str
    type: TypeExpr
    description: str = ""
    is_input: bool = False
    typed_dict_name: str = ""


NamedType = Union[ModelDef, EnumDef, AliasDef]

# ---------------------------------------------------------------- operations


@record
class Parameter:
    wire_name: str
    name: str
    location: Location
    style: ParamStyle
    explode: bool
    required: bool
    type: TypeExpr
    description: str = ""
    default: Any = MISSING
    deprecated: bool = False
    example: Any = MISSING


@record
class Body:
    media_type: str
    type: TypeExpr
    required: bool
    description: str = ""
    example: Any = MISSING
    # A form body's properties written in another style than form, exploded (from `encoding`):
    # (wire name, style, explode).
    encoding: tuple[tuple[str, ParamStyle, bool], ...] = ()


@record
class Response:
    status: str
    media_type: str  # "" when the response has no body
    type: TypeExpr | None
    description: str = ""
    example: Any = MISSING  # the document's example of the body (wire-shaped)


@record
class ErrorDef:
    """An error class: raised for an error status, carrying its parsed body as `data`."""

    id: str
    name: str
    module: str
    data_type: TypeExpr
    message_path: tuple[str, ...]
    description: str = ""


@record
class ErrorResponse:
    status: str
    error_id: str
    media_type: str


@record
class Pagination:
    """How an operation pages (`x-speakeasy-pagination`, or inferred), with paths in wire names;
    `naming` adds them in attribute names.

    kind: offset, page, cursor, link (the `Link` header's next URL) or url (a next URL in the body).
    inputs: (role, "parameters" or "requestBody", wire name), role
    being offset, page, limit or cursor.  Paths lead into the response body (str keys, int indexes).
    """

    kind: PageKind
    inputs: tuple[tuple[PageRole, PageInputPlace, str], ...]
    results: tuple[str | int, ...] | None = None
    next_cursor: tuple[str | int, ...] | None = None
    num_pages: tuple[str | int, ...] | None = None
    next_url: tuple[str | int, ...] | None = None  # kind url: where the next page's URL is
    has_more: tuple[str | int, ...] | None = None  # a flag: false on the last page
    total: tuple[str | int, ...] | None = None  # the number of items on all pages (kind offset)
    inferred: bool = False  # found from the operation's shape, not declared
    # After naming: each input's path on the request, and the output paths, as attribute names.
    input_attrs: tuple[tuple[PageRole, tuple[str | int, ...]], ...] = ()
    results_attrs: tuple[str | int, ...] | None = None
    next_cursor_attrs: tuple[str | int, ...] | None = None
    num_pages_attrs: tuple[str | int, ...] | None = None
    next_url_attrs: tuple[str | int, ...] | None = None
    has_more_attrs: tuple[str | int, ...] | None = None
    total_attrs: tuple[str | int, ...] | None = None


@record
class Operation:
    pointer: str
    operation_id: str
    name: str
    http_method: HttpMethod
    path: str
    summary: str
    description: str
    deprecated: bool
    parameters: tuple[Parameter, ...]
    body: Body | None
    request_type: TypeExpr | None  # what `request=` takes; None when the operation takes nothing
    body_attr: str  # attribute of the request holding the body; "" when the request is the body
    responses: tuple[Response, ...]
    result_type: TypeExpr | None
    errors: tuple[ErrorResponse, ...]
    security: tuple[tuple[str, ...], ...] | None
    constant: str = ""  # the module function that builds its `Operation` (on first call)
    retries: RetryPolicy | None = None
    server_url: str = ""  # a server of the operation's own (or its path's), overriding the client's
    stream: StreamKind = ""  # "binary": the body is handed over unread; "events": server-sent events
    events: str = ""  # for "events": "envelope" or "data", then ":json" or ":text" (how `data` decodes)
    sentinel: str | None = None  # an event `data` value that ends the stream
    pagination: Pagination | None = None
    # Constant query parameters written into the path of the document (`/services?funcs=Latest`).
    query: tuple[tuple[str, str], ...] = ()
    # Media types of the success body other than JSON, which the method returns as they are when
    # asked for them (`accept=`); without them it asks for JSON and returns the model.
    alternatives: tuple[str, ...] = ()
    # A header parameter that makes the request safe to repeat: a fresh key is sent per call.
    idempotency_header: str = ""
    usage_example: bool = False  # x-speakeasy-usage-example: the operation the README shows first
    errors_constant: str = ""  # the module function mapping its error statuses to classes
    flatten: bool = False  # x-speakeasy-max-method-params: the request's fields are method arguments
    # For an untagged operation grouped by its path: the name its place there suggests (`list`,
    # `retrieve`, `verify`); the naming pass decides whether it takes it.
    place_name: str = ""


@record
class Resource:
    name: str  # attribute on its parent (the client, or the resource it is nested in)
    class_name: str
    module: str
    tag: str
    description: str
    operations: tuple[Operation, ...]
    path: tuple[str, ...] = ()  # attribute names from the client down to this resource (ends with `name`)
    shadowed: tuple[str, ...] = ()  # builtin type names its methods take
    # The class of its `with_raw_response` (its methods returning the raw response); "" when no
    # method returns a plain result (they all stream or page).
    raw_class_name: str = ""


@record
class GlobalParam:
    """A parameter set once on the client (`x-speakeasy-globals`) and sent by every operation that
    declares one of the same name and location, unless the call gives it."""

    wire_name: str
    location: Location
    type: TypeExpr
    description: str = ""
    param_name: str = ""  # the client constructor's keyword (decided by naming)


@record
class Server:
    url: str
    description: str = ""
    variables: tuple[tuple[str, str], ...] = ()  # (name, default)


@record
class RetryPolicy:
    """`x-speakeasy-retries`: which statuses are retried, and the default strategy (None: no default)."""

    status_codes: tuple[str, ...]
    initial_interval: int = 500
    max_interval: int = 60000
    exponent: float = 1.5
    max_elapsed_time: int = 3600000
    retry_connection_errors: bool = False
    enabled: bool = True


@record
class Webhook:
    """A request the API sends to its users' servers (OpenAPI 3.1 `webhooks`, or `x-webhooks`)."""

    name: str  # the document's key (`branch-protection-rule-created`)
    pointer: str
    summary: str
    payload: TypeExpr  # the type of its JSON body
    event: str = ""  # what the event-type header says for it ("" when no header tells)
    # Body fields with one allowed value (wire name, value): what tells it from the others.
    match: tuple[tuple[str, str], ...] = ()


WebhookSignature = Literal["standard", "github"]


@record
class SecurityScheme:
    name: str  # as in the document
    param_name: str  # constructor keyword
    kind: SchemeKind
    location: SchemeLocation = "header"
    param: str = "Authorization"
    description: str = ""
    example: str = ""
    token_url: str = ""  # oauth2: where tokens come from
    # oauth2: the flows the document declares that the SDK can use ("clientCredentials",
    # "password", "authorizationCode"), in that order.
    flows: tuple[str, ...] = ()


@record
class Api:
    title: str
    description: str
    version: str
    servers: tuple[Server, ...]
    security_schemes: tuple[SecurityScheme, ...]
    default_security: tuple[tuple[str, ...], ...]
    resources: tuple[Resource, ...]
    root_operations: tuple[Operation, ...]
    types: tuple[NamedType, ...]
    errors: tuple[ErrorDef, ...]
    retries: RetryPolicy | None = None
    # The SDK's own names (decided by naming: given in the options, or from the title).
    package_name: str = ""
    client_name: str = ""
    client_variable: str = ""  # the client's variable in examples (`d_client`)
    error_base_alias: str = ""  # `<Client>Error`, the errors package's name for the base error ("" if taken)
    root_raw_class_name: str = ""  # the client's `with_raw_response` class (see Resource)
    root_shadowed: tuple[str, ...] = ()  # builtin type names the client's own methods take
    globals: tuple[GlobalParam, ...] = ()
    webhooks: tuple[Webhook, ...] = ()
    # How webhook requests are signed (Standard Webhooks, or GitHub's X-Hub-Signature-256), and
    # the header naming a webhook's event type ("" when none does).
    webhook_signature: WebhookSignature = "standard"
    webhook_event_header: str = ""


def evolve(obj: _D, **changes: Any) -> _D:
    """A copy of a (frozen) IR record with some attributes changed.

    `dataclasses.replace` does the same through `__init__`, which costs ten times more: naming
    renames tens of thousands of fields on a large document."""
    new = object.__new__(type(obj))
    new.__dict__.update(obj.__dict__)
    new.__dict__.update(changes)
    return new


def children(t: TypeExpr) -> tuple[TypeExpr, ...]:
    """The type expressions directly inside `t`."""
    kind = type(t)
    if kind is ListT:
        return (t.item,)  # type: ignore[union-attr]
    if kind is MapT:
        return (t.value,)  # type: ignore[union-attr]
    if kind is Nullable:
        return (t.inner,)  # type: ignore[union-attr]
    if kind is UnionT:
        return t.variants  # type: ignore[union-attr]
    if kind is TupleT:
        return t.items  # type: ignore[union-attr]
    return ()


def walk(t: TypeExpr | None) -> Iterator[TypeExpr]:
    """`t` and every type expression inside it, outermost first (named types are not entered)."""
    if t is None:
        return
    stack = [t]
    while stack:
        current = stack.pop()
        yield current
        inner = children(current)
        if inner:
            stack.extend(reversed(inner))


def refs_of(t: TypeExpr | None) -> list[str]:
    """Ids of the named types a type expression mentions, in order."""
    return [current.id for current in walk(t) if isinstance(current, Ref)]


def unalias(types: Mapping[str, NamedType], t: TypeExpr) -> TypeExpr:
    """`t` through nullability and aliases (a cycle of aliases stops after 50 steps)."""
    for _ in range(50):
        if isinstance(t, Nullable):
            t = t.inner
        elif isinstance(t, Ref) and isinstance(types.get(t.id), AliasDef):
            t = types[t.id].type  # type: ignore[union-attr]
        else:
            break
    return t


def follow(
    types: dict[str, NamedType], t: TypeExpr, steps: tuple[str | int, ...], by_wire: bool
) -> tuple[tuple[str | int, ...], TypeExpr]:
    """Walk a path of keys into a type: the path in attribute names (where the type is a model;
    keys are matched by wire name when `by_wire`, else by attribute name), and the type it ends
    at (Any once the path leaves what the document types)."""
    out: list[str | int] = []
    current: TypeExpr = t
    for step in steps:
        current = unalias(types, current)
        named = types.get(current.id) if isinstance(current, Ref) else None
        if isinstance(step, int):
            out.append(step)
            current = current.item if isinstance(current, ListT) else AnyT()
        elif isinstance(named, ModelDef):
            match = next((f for f in named.fields if (f.wire_name if by_wire else f.name) == step), None)
            out.append(match.name if match is not None else step)
            current = match.type if match is not None else AnyT()
        else:
            out.append(step)
            current = current.value if isinstance(current, MapT) else AnyT()
    return tuple(out), current


_LEAVES = (Prim, AnyT, LiteralT)


def dependencies(named: NamedType) -> list[str]:
    """Ids of the named types a named type mentions, in order (with repeats)."""
    if isinstance(named, ModelDef):
        found: list[str] = []
        for f in named.fields:
            t = f.type
            if type(t) is Ref:
                found.append(t.id)
            elif type(t) not in _LEAVES:  # most fields are scalars: no call for those
                found.extend(refs_of(t))
        return found + (refs_of(named.extra_type) if named.extra_type is not None else [])
    if isinstance(named, AliasDef):
        return refs_of(named.type)
    return []


def has_raw_twin(op: Operation) -> bool:
    """Whether a method has a `with_raw_response` twin: it returns its parsed result, not a stream,
    events or pages (whose results carry their response already)."""
    return op.stream == "" and (op.pagination is None or op.result_type is None)


def takes_files(op: Operation, types: dict[str, NamedType]) -> bool:
    """Whether an operation uploads files: a binary body, or a body with a file field."""
    if op.body is None:
        return False
    body = types.get(op.body.type.id) if isinstance(op.body.type, Ref) else None
    roots = [f.type for f in body.fields] if isinstance(body, ModelDef) else [op.body.type]
    return any(isinstance(t, Prim) and t.kind == "file" for root in roots for t in walk(root))
