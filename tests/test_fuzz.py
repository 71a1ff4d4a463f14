"""Property test: random valid documents always generate, compile and import.

Documents are built by hypothesis: nested objects, unions, enums, arbitrary unicode names and texts.
"""

from __future__ import annotations

import importlib
import itertools
import json
import sys

from conftest import generate_into
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.write import write_output

texts = st.text(max_size=40)
names = st.text(min_size=1, max_size=16)
scalars = st.sampled_from(
    [
        {"type": "string"},
        {"type": "integer"},
        {"type": "number"},
        {"type": "boolean"},
        {"type": "string", "format": "date-time"},
        {"type": "string", "nullable": True},
        {},
    ]
)


def schemas(depth: int = 3):
    enum = st.lists(st.text(max_size=12), min_size=1, max_size=5, unique=True).map(
        lambda v: {"type": "string", "enum": v}
    )
    leaf = st.one_of(scalars, enum)
    if depth == 0:
        return leaf
    child = schemas(depth - 1)
    obj = st.builds(
        lambda props, req, desc: {
            "type": "object",
            "description": desc,
            "properties": props,
            **({"required": sorted(props)[:req]} if props else {}),
        },
        st.dictionaries(names, child, max_size=5),
        st.integers(0, 3),
        texts,
    )
    union = st.lists(child, min_size=2, max_size=3).map(lambda v: {"oneOf": v})
    array = child.map(lambda item: {"type": "array", "items": item})
    return st.one_of(leaf, obj, union, array)


operations = st.fixed_dictionaries(
    {
        "operationId": names,
        "summary": texts,
        "description": texts,
        "tags": st.lists(names, max_size=1),
        "parameters": st.lists(
            st.fixed_dictionaries(
                {"name": names, "in": st.sampled_from(["query", "header"]), "schema": scalars, "description": texts}
            ),
            max_size=3,
        ),
        "requestBody": st.fixed_dictionaries(
            {"content": st.fixed_dictionaries({"application/json": st.fixed_dictionaries({"schema": schemas(2)})})}
        ),
        "responses": st.fixed_dictionaries(
            {
                "200": st.fixed_dictionaries(
                    {
                        "description": texts,
                        "content": st.fixed_dictionaries(
                            {"application/json": st.fixed_dictionaries({"schema": schemas(2)})}
                        ),
                    }
                )
            }
        ),
    }
)

documents = st.builds(
    lambda title, ops, components: {
        "openapi": "3.0.3",
        "info": {"title": title, "description": title, "version": "1"},
        "paths": {f"/p{i}": {"post": op} for i, op in enumerate(ops)},
        "components": {"schemas": components},
    },
    texts,
    st.lists(operations, min_size=1, max_size=3),
    st.dictionaries(names, schemas(3), max_size=4),
)

_counter = itertools.count()


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(document=documents)
def test_random_documents_generate_compile_and_import(tmp_path_factory, document):
    tmp = tmp_path_factory.mktemp("fuzz")
    package = f"fuzz_{next(_counter)}"
    result = generate_into(
        tmp, json.dumps(document, ensure_ascii=False), name="doc.json", package=package, sdk_name="Fuzz"
    )
    operation_count = sum(len(item) for item in document["paths"].values())
    assert result.operation_count == operation_count
    for rel, content in result.files.items():
        if rel.endswith(".py"):
            compile(content, rel, "exec")
    write_output(tmp / "out", result.files)
    sys.path.insert(0, str(tmp / "out" / "src"))
    try:
        sdk = importlib.import_module(package)
        for rel in result.files:
            if rel.endswith(".py") and not rel.endswith("__init__.py"):
                importlib.import_module(rel[len("src/") : -3].replace("/", "."))
        client = sdk.Fuzz(server_url="https://api.example.invalid")
        methods = [m for m in dir(client) if not m.startswith("_")]
        assert methods
    finally:
        sys.path.remove(str(tmp / "out" / "src"))
