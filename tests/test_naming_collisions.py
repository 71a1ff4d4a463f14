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
