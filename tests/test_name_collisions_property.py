"""Property test: documents whose names collide with each other, with Python keywords and builtins,
with the runtime's exports and with the SDK's own module names always give an SDK that imports,
calls and passes `mypy --strict`."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys

from conftest import generate_into, import_generated, mypy_cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.reserved import runtime_names

NAMES = sorted(
    {
        "class", "def", "None", "True", "lambda", "async", "match", "list", "dict", "str", "int", "type", "bytes",
        "models", "errors", "sdk", "utils", "_runtime", "components", "operations", "Client", "Webhooks",
        "webhooks", "hooks", "close", "request", "retries", "server_url", "timeout_ms", "http_headers", "self",
        "json", "copy", "model_dump", "model_config", "Field", "Optional", "Union", "Any", "typing", "pydantic",
        "httpx", "date", "datetime", "Error", "error", "items", "keys", "get", "value", "name", "id", "ID", "Id",
        "x-y", "x_y", "XY", "1st", "__init__", "Annotated", "TypeAlias", "Literal", "SERVERS", "USER_AGENT",
        *runtime_names(),
    }
)  # fmt: skip
name = st.sampled_from(NAMES)
_counter = itertools.count()


@st.composite
def documents(draw: st.DrawFn) -> dict:
    schemas = {}
    for schema_name in draw(st.lists(name, min_size=1, max_size=4, unique=True)):
        properties = {p: {"type": draw(st.sampled_from(["string", "integer", "boolean"]))} for p in draw(
            st.lists(name, min_size=1, max_size=4, unique=True))}  # fmt: skip
        schemas[schema_name] = {"type": "object", "properties": properties, "required": list(properties)[:1]}
    schema_refs = [f"#/components/schemas/{s}" for s in schemas]
    paths = {}
    for index, op_id in enumerate(draw(st.lists(name, min_size=1, max_size=4, unique=True))):
        tag = draw(st.sampled_from(NAMES + [""]))
        params = [
            {"name": p, "in": "query", "schema": {"type": "string"}}
            for p in draw(st.lists(name, max_size=3, unique=True))
        ]
        operation: dict = {
            "operationId": op_id,
            "parameters": params,
            "responses": {"200": {"description": "ok", "content": {"application/json": {
                "schema": {"$ref": draw(st.sampled_from(schema_refs))}}}}},
        }  # fmt: skip
        if tag:
            operation["tags"] = [tag]
        if draw(st.booleans()):
            operation["requestBody"] = {
                "content": {"application/json": {"schema": {"$ref": draw(st.sampled_from(schema_refs))}}}
            }
        paths[f"/p{index}"] = {"post": operation}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Clash", "version": "1"},
        "servers": [{"url": "https://api.example.test"}],
        "paths": paths,
        "components": {"schemas": schemas},
    }


# A deterministic dozen in the suite; SDKFORGE_PROPERTY_EXAMPLES=200 explores at random.
EXAMPLES = int(os.environ.get("SDKFORGE_PROPERTY_EXAMPLES", "0"))


@settings(
    max_examples=EXAMPLES or 12,
    deadline=None,
    derandomize=not EXAMPLES,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(document=documents())
def test_colliding_names_give_an_sdk_that_imports_and_type_checks(tmp_path_factory, document):
    tmp = tmp_path_factory.mktemp("clash")
    package = f"clash_{next(_counter)}"
    result = generate_into(tmp, json.dumps(document), name="doc.json", package=package, sdk_name="Clash")
    sdk = import_generated(tmp, result, package)
    client = sdk.Clash()
    for resource in result.api.resources:
        owner = client
        for attribute in resource.path:
            owner = getattr(owner, attribute)
        for op in resource.operations:
            assert callable(getattr(owner, op.name)) and callable(getattr(owner, op.name + "_async"))
    for op in result.api.root_operations:
        assert callable(getattr(client, op.name))
    check = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache()), package],
        cwd=tmp / "out" / "src",
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert check.returncode == 0, json.dumps(document) + "\n" + check.stdout[-3000:]
