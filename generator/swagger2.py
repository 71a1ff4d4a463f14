"""Swagger 2.0 documents, converted to the OpenAPI 3.0 form the rest of the pipeline reads.

Part of stage 1 (load): the conversion is structural and keeps everything a client needs.
`definitions`, `securityDefinitions` move under `components`; `body` and `formData` parameters become
a request body in each media type the operation `consumes`; a response's `schema` becomes its
content in each media type it `produces`; `host`, `basePath` and `schemes` become servers; the
`collectionFormat` of a parameter becomes its style. Local references are rewritten to the new
places; shared parameters and responses are written out where they are used (a shared body
parameter has to become part of a request body anyway). JSON pointers in diagnostics then refer to
the converted document.
"""

from __future__ import annotations

import copy
from typing import Any

from . import pointers

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
_SCHEMA_KEYS = (
    "type",
    "format",
    "items",
    "enum",
    "default",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
    "multipleOf",
)
_COLLECTION_STYLES = {  # collectionFormat -> (style, explode)
    "csv": ("form", False),
    "ssv": ("spaceDelimited", False),
    "pipes": ("pipeDelimited", False),
    "tsv": ("form", False),
    "multi": ("form", True),
}
_VALUES = ("default", "enum", "example", "examples", "required")  # data, not schemas
_REF_PREFIXES = (("#/definitions/", "#/components/schemas/"),)
_OAUTH_FLOWS = {
    "application": "clientCredentials",
    "password": "password",
    "implicit": "implicit",
    "accessCode": "authorizationCode",
}


def is_swagger2(data: Any) -> bool:
    return isinstance(data, dict) and str(data.get("swagger", "")).startswith("2")


def convert(data: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI 3.0 equivalent of a Swagger 2.0 document (the input is not modified)."""
    return _Converter(data).run()


class _Converter:
    def __init__(self, data: dict[str, Any]):
        self.data = data
        self.consumes = _list(data.get("consumes")) or ["application/json"]
        self.produces = _list(data.get("produces")) or ["application/json"]

    def run(self) -> dict[str, Any]:
        data = self.data
        out: dict[str, Any] = {"openapi": "3.0.3"}
        if "info" in data:
            out["info"] = copy.deepcopy(data["info"])
        out["servers"] = self._servers()
        for key in ("tags", "security", "externalDocs"):
            if key in data:
                out[key] = copy.deepcopy(data[key])
        out.update({k: copy.deepcopy(v) for k, v in data.items() if isinstance(k, str) and k.startswith("x-")})
        if isinstance(data.get("paths"), dict):
            out["paths"] = {
                path: self._path_item(item) if isinstance(item, dict) else item for path, item in data["paths"].items()
            }
        elif "paths" in data:
            out["paths"] = copy.deepcopy(data["paths"])
        components: dict[str, Any] = {}
        definitions = data.get("definitions")
        if isinstance(definitions, dict):
            components["schemas"] = {name: _schema(s) for name, s in definitions.items()}
        schemes = data.get("securityDefinitions")
        if isinstance(schemes, dict):
            components["securitySchemes"] = {name: _security_scheme(s) for name, s in schemes.items()}
        if components:
            out["components"] = components
        return out

    def _servers(self) -> list[dict[str, str]]:
        host = self.data.get("host")
        base = str(self.data.get("basePath") or "")
        if not isinstance(host, str) or not host:
            return [{"url": base or "/"}]
        schemes = [s for s in _list(self.data.get("schemes")) if s in ("https", "http")] or ["https"]
        return [{"url": f"{scheme}://{host}{base}"} for scheme in sorted(schemes, key=lambda s: s != "https")]

    def _path_item(self, item: dict[str, Any]) -> dict[str, Any]:
        if "$ref" in item:
            return copy.deepcopy(item)
        shared = [self._resolve(p, "parameters") for p in _list(item.get("parameters"))]
        out: dict[str, Any] = {}
        for key, value in item.items():
            if key in HTTP_METHODS and isinstance(value, dict):
                out[key] = self._operation(value, shared)
            elif key != "parameters":
                out[key] = copy.deepcopy(value)
        plain = [self._parameter(p) for p in shared if isinstance(p, dict) and p.get("in") not in ("body", "formData")]
        if plain:
            out["parameters"] = plain
        return out

    def _operation(self, op: dict[str, Any], shared: list[Any]) -> dict[str, Any]:
        out = {
            k: copy.deepcopy(v)
            for k, v in op.items()
            if k not in ("parameters", "responses", "consumes", "produces", "schemes")
        }
        consumes = _list(op.get("consumes")) or self.consumes
        produces = _list(op.get("produces")) or self.produces
        own = [self._resolve(p, "parameters") for p in _list(op.get("parameters"))]
        own_keys = {(p.get("name"), p.get("in")) for p in own if isinstance(p, dict)}
        # Path-level body and form parameters apply to every operation (unless overridden).
        merged = [
            p
            for p in shared
            if isinstance(p, dict)
            and p.get("in") in ("body", "formData")
            and (p.get("name"), p.get("in")) not in own_keys
        ] + own
        body = next((p for p in merged if isinstance(p, dict) and p.get("in") == "body"), None)
        form = [p for p in merged if isinstance(p, dict) and p.get("in") == "formData"]
        plain = [self._parameter(p) for p in own if isinstance(p, dict) and p.get("in") not in ("body", "formData")]
        if plain:
            out["parameters"] = plain
        if body is not None:
            request: dict[str, Any] = {"content": {m: {"schema": _schema(body.get("schema") or {})} for m in consumes}}
            if body.get("description"):
                request["description"] = body["description"]
            if body.get("required"):
                request["required"] = True
            out["requestBody"] = request
        elif form:
            out["requestBody"] = self._form_body(form, consumes)
        responses = op.get("responses")
        if isinstance(responses, dict):
            out["responses"] = {
                str(status): self._response(self._resolve(r, "responses"), produces) for status, r in responses.items()
            }
        return out

    def _form_body(self, form: list[dict[str, Any]], consumes: list[str]) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        for p in form:
            name = str(p.get("name"))
            properties[name] = _parameter_schema(p)
            if p.get("description"):
                properties[name]["description"] = p["description"]
            if p.get("required"):
                required.append(name)
        files = any(p.get("type") == "file" for p in form)
        media = (
            "multipart/form-data" if files or "multipart/form-data" in consumes else "application/x-www-form-urlencoded"
        )
        schema: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            schema["required"] = required
        return {"content": {media: {"schema": schema}}, "required": bool(required)}

    def _parameter(self, p: dict[str, Any]) -> dict[str, Any]:
        out = {
            k: copy.deepcopy(v)
            for k, v in p.items()
            if k not in _SCHEMA_KEYS and k not in ("collectionFormat", "allowEmptyValue")
        }
        out["schema"] = _parameter_schema(p)
        style = _COLLECTION_STYLES.get(str(p.get("collectionFormat", "csv")))
        if p.get("type") == "array" and style is not None:
            if p.get("in") in ("query", "cookie"):
                out["style"], out["explode"] = style
            else:
                out["style"], out["explode"] = "simple", False
        return out

    def _response(self, response: Any, produces: list[str]) -> Any:
        if not isinstance(response, dict):
            return response
        out: dict[str, Any] = {"description": response.get("description", "")}
        if "schema" in response:
            schema = _schema(response["schema"])
            out["content"] = {m: {"schema": schema} for m in produces}
        headers = response.get("headers")
        if isinstance(headers, dict):
            out["headers"] = {
                name: {
                    "schema": _parameter_schema(h),
                    **({"description": h["description"]} if "description" in h else {}),
                }
                for name, h in headers.items()
                if isinstance(h, dict)
            }
        out.update({k: copy.deepcopy(v) for k, v in response.items() if isinstance(k, str) and k.startswith("x-")})
        return out

    def _resolve(self, value: Any, section: str) -> Any:
        """A shared parameter or response, written out in place (it is converted there)."""
        seen = 0
        while (
            isinstance(value, dict) and isinstance(value.get("$ref"), str) and value["$ref"].startswith(f"#/{section}/")
        ):
            name = pointers.unescape(value["$ref"][len(f"#/{section}/") :])
            value = (self.data.get(section) or {}).get(name, {})
            seen += 1
            if seen > 50:
                return {}
        return value


def _parameter_schema(p: dict[str, Any]) -> dict[str, Any]:
    schema = {k: copy.deepcopy(p[k]) for k in _SCHEMA_KEYS if k in p}
    if schema.get("type") == "file":
        schema = {"type": "string", "format": "binary"}
    converted: dict[str, Any] = _schema(schema)
    return converted


def _schema(schema: Any) -> Any:
    """A Swagger 2.0 schema in OpenAPI 3.0 terms: references moved, `file` as binary, `x-nullable`
    as `nullable`, a discriminator property name as a discriminator object."""
    if isinstance(schema, list):
        return [_schema(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "$ref" and isinstance(value, str):
            out[key] = _moved(value)
        elif key == "discriminator" and isinstance(value, str):
            out[key] = {"propertyName": value}
        elif key == "x-nullable":
            out["nullable"] = bool(value)
        elif key == "type" and value == "file":
            out["type"], out["format"] = "string", "binary"
        elif (
            isinstance(value, (dict, list))
            and key not in _VALUES
            and not (isinstance(key, str) and key.startswith("x-"))
        ):
            out[key] = _schema(value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _moved(ref: str) -> str:
    for old, new in _REF_PREFIXES:
        if ref.startswith(old):
            return new + ref[len(old) :]
    return ref


def _security_scheme(scheme: Any) -> Any:
    if not isinstance(scheme, dict):
        return scheme
    kind = scheme.get("type")
    description = {"description": scheme["description"]} if "description" in scheme else {}
    if kind == "basic":
        return {"type": "http", "scheme": "basic", **description}
    if kind == "apiKey":
        return {"type": "apiKey", "in": scheme.get("in", "header"), "name": scheme.get("name", ""), **description}
    if kind == "oauth2":
        flow: dict[str, Any] = {"scopes": copy.deepcopy(scheme.get("scopes") or {})}
        for key in ("authorizationUrl", "tokenUrl"):
            if key in scheme:
                flow[key] = scheme[key]
        return {
            "type": "oauth2",
            "flows": {_OAUTH_FLOWS.get(str(scheme.get("flow")), "clientCredentials"): flow},
            **description,
        }
    return copy.deepcopy(scheme)


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else []
