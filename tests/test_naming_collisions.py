"""Names that collide with builtins, with each other, or with generated names still give an SDK
that imports, works and passes mypy --strict."""

from __future__ import annotations

import datetime
import textwrap

import pytest
from conftest import Reply, assert_type_checks, sdk_from

SPEC = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Clash, version: "1"}
    paths:
      /things:
        get:
          operationId: list
          tags: [things]
          parameters:
            - {name: day, in: query, schema: {type: string, format: date}}
          responses:
            "200":
              description: ok
              content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Thing"}}}}
            "400":
              description: bad
              content: {application/json: {schema: {$ref: "#/components/schemas/error"}}}
        post:
          operationId: dict
          tags: [things]
          requestBody:
            content: {application/json: {schema: {$ref: "#/components/schemas/ListRequest"}}}
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: object, additionalProperties: {type: string}}}}}
      /root:
        get:
          operationId: str
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: array, items: {type: integer}}}}}
    components:
      schemas:
        Thing:
          type: object
          properties:
            date: {type: string, format: date}
            datetime: {type: string, format: date-time}
            list: {type: array, items: {type: string}}
            dict: {type: object, additionalProperties: {type: integer}}
            str: {type: string}
            int: {type: integer}
            pydantic: {type: string}
            later: {type: string, format: date}
        ListRequest:
          type: object
          properties:
            bool: {type: boolean}
            float: {type: number}
        error:
          type: object
          properties:
            message: {type: string}
""")


@pytest.fixture(scope="module")
def clash(tmp_path_factory):
    return sdk_from(tmp_path_factory.mktemp("clash"), SPEC, "clash", "Clash")


def test_colliding_names_type_check(clash):
    tmp, _, _ = clash
    assert_type_checks(tmp / "out" / "src", "clash")


def test_error_class_and_schema_of_the_same_name_are_distinct(clash):
    _, result, sdk = clash
    from clash.models import components, errors

    assert components.Error is not errors.ErrorException
    assert issubclass(errors.ErrorException, sdk.models.errors.SDKError)
    assert errors.ErrorException._data_type is components.Error


def test_fields_and_methods_named_like_builtins_work(clash, loopback):
    _, _, sdk = clash
    loopback.on(
        "GET",
        "/things",
        Reply(
            200,
            [
                {
                    "date": "2026-01-02",
                    "list": ["a"],
                    "dict": {"k": 1},
                    "str": "s",
                    "int": 3,
                    "pydantic": "p",
                    "later": "2026-01-03",
                }
            ],
        ),
        Reply(400, {"message": "nope"}),
    )
    loopback.on("POST", "/things", Reply(200, {"a": "b"}))
    loopback.on("GET", "/root", Reply(200, [1, 2]))
    with sdk.Clash(server_url=loopback.url) as client:
        (thing,) = client.things.list(request={"day": datetime.date(2026, 1, 1)})
        assert thing.date == datetime.date(2026, 1, 2) and thing.later == datetime.date(2026, 1, 3)
        assert (thing.list, thing.dict_, thing.str, thing.int, thing.pydantic_) == (["a"], {"k": 1}, "s", 3, "p")
        with pytest.raises(sdk.models.errors.ErrorException, match="nope"):
            client.things.list()
        assert client.things.dict(request={"bool": True, "float": 1.5}) == {"a": "b"}
        assert client.str_() == [1, 2]
    assert loopback.requests[0].query == [("day", "2026-01-01")]
    assert loopback.requests[2].json() == {"bool": True, "float": 1.5}


LONG = " ".join(["entitlement management access package"] * 12)
LONG_SPEC = textwrap.dedent(f"""
    openapi: 3.0.3
    info: {{title: Long, version: "1"}}
    paths:
      /alpha:
        get:
          operationId: getAlpha
          tags: ["{LONG} alpha"]
          responses:
            "200": {{description: ok, content: {{application/json: {{schema: {{type: string}}}}}}}}
      /beta:
        get:
          operationId: getBeta
          tags: ["{LONG} beta"]
          responses:
            "200": {{description: ok, content: {{application/json: {{schema: {{type: integer}}}}}}}}
""")


def test_very_long_names_give_files_the_file_system_takes(tmp_path, loopback):
    """A resource named by a tag (or a path) hundreds of characters long gets a module and a docs
    page whose names fit a file system (255 bytes a name), distinct and stable."""
    tmp, result, sdk = sdk_from(tmp_path, LONG_SPEC, "longnames", "Long")
    names = {part for path in result.files for part in path.split("/")}
    assert max(len(n.encode()) for n in names) <= 100
    modules = sorted(r.module for r in result.api.resources)
    assert len(modules) == 2 and modules[0] != modules[1]
    (tmp_path / "again").mkdir()
    again = sdk_from(tmp_path / "again", LONG_SPEC, "longnames2", "Long")[1]
    assert sorted(r.module for r in again.api.resources) == modules  # stable
    loopback.on("GET", "/alpha", Reply(200, "a"))
    loopback.on("GET", "/beta", Reply(200, 2))
    with sdk.Long(server_url=loopback.url) as client:
        answers = {getattr(getattr(client, r.name), r.operations[0].name)() for r in result.api.resources}
    assert answers == {"a", 2}
    assert_type_checks(tmp / "out" / "src", "longnames")


MODULE_CYCLE_SPEC = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Cycle, version: "1"}
    paths:
      /branch:
        get:
          operationId: getBranch
          tags: [branches]
          responses:
            "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Branch"}}}}
    components:
      schemas:
        Branch:
          type: object
          properties:
            name: {type: string}
            target: {type: object, properties: {hash: {type: string}}}
            links: {$ref: "#/components/schemas/Ref"}
        Ref:
          type: object
          properties:
            commit: {$ref: "#/components/schemas/Branch/properties/target"}
""")


def test_modules_that_would_import_each_other_are_one_module(tmp_path, loopback):
    """No type refers back to another, but their modules would import each other: `Branch`
    uses `Ref`, which uses `Branch`'s inline `target` type, written in Branch's module. Every
    module imports on its own (first, in a fresh interpreter), and the call works."""
    import subprocess
    import sys

    tmp, result, sdk = sdk_from(tmp_path, MODULE_CYCLE_SPEC, "cyclemods", "Cycle")
    modules = sorted(
        p[len("src/") : -len(".py")].replace("/", ".") for p in result.files if p.startswith("src/cyclemods/models/")
    )
    assert any(m.endswith(".components.branch") for m in modules)
    for module in modules:
        proc = subprocess.run(
            [sys.executable, "-c", f"import {module}"], cwd=tmp / "out" / "src", capture_output=True, text=True
        )
        assert proc.returncode == 0, proc.stderr[-1500:]
    loopback.on(
        "GET", "/branch", Reply(200, {"name": "main", "target": {"hash": "abc"}, "links": {"commit": {"hash": "def"}}})
    )
    with sdk.Cycle(server_url=loopback.url) as client:
        branch = client.branches.get_branch()
    assert branch.target is not None and branch.target.hash == "abc"
    assert branch.links is not None and branch.links.commit is not None and branch.links.commit.hash == "def"
    assert_type_checks(tmp / "out" / "src", "cyclemods")
