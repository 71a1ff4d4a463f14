"""Every call right: what the document says is what goes on the wire, and what comes back is parsed.

Each test is one class of bug a real user met with an SDK generated from a document the project had
not seen: the call "succeeded" and did the wrong thing, crashed before sending, or raised on a
success. Everything runs against the loopback server.
"""

from __future__ import annotations

import textwrap

import pytest
from conftest import Reply, assert_type_checks, sdk_from

ACTIONS = textwrap.dedent("""
    openapi: 3.1.0
    info: {title: Actions, version: "1"}
    servers: [{url: "https://api.example.test"}]
    paths:
      /actions:
        post:
          operationId: createAction
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  oneOf:
                    - $ref: "#/components/schemas/CancelFlowRun"
                    - $ref: "#/components/schemas/PauseDeployment"
                  discriminator: {propertyName: type}
          responses:
            "201": {description: created, content: {application/json: {schema: {$ref: "#/components/schemas/Created"}}}}
      /variables:
        get:
          operationId: listVariables
          parameters:
            - {name: sort, in: query, schema: {$ref: "#/components/schemas/VariableSort", default: NAME_ASC}}
            - {name: limit, in: query, schema: {type: integer, default: 10}}
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}
        post:
          operationId: filterVariables
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: "#/components/schemas/VariableFilter"}
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}
    components:
      schemas:
        CancelFlowRun:
          type: object
          properties:
            type: {type: string, const: cancel-flow-run, default: cancel-flow-run}
            reason: {type: string}
        PauseDeployment:
          type: object
          required: [type, deployment_id]
          properties:
            type: {type: string, enum: [pause-deployment]}
            deployment_id: {type: string}
        Created:
          type: object
          properties:
            id: {type: string}
        VariableSort:
          type: string
          enum: [NAME_ASC, NAME_DESC, CREATED_DESC]
        VariableFilter:
          type: object
          properties:
            sort: {$ref: "#/components/schemas/VariableSort", default: CREATED_DESC}
            offset:
              allOf:
                - {type: integer}
                - {default: 0}
            names:
              allOf: [{$ref: "#/components/schemas/Names"}]
              default: [a]
        Names:
          type: array
          items: {type: string}
""")


@pytest.fixture
def actions(tmp_path):
    return sdk_from(tmp_path, ACTIONS, "actions", "Actions")[2]


def test_const_properties_are_typed_defaulted_and_always_sent(actions, loopback):
    from actions.models.components import CancelFlowRun, PauseDeployment

    loopback.on("POST", "/actions", Reply(201, {"id": "a1"}))
    with actions.Actions(server_url=loopback.url) as client:
        client.actions.create(request=CancelFlowRun())
        client.actions.create(request=PauseDeployment(deployment_id="d1"))
        client.actions.create(request={"type": "cancel-flow-run", "reason": "stop"})
    assert [r.json() for r in loopback.requests] == [
        {"type": "cancel-flow-run"},
        {"type": "pause-deployment", "deployment_id": "d1"},  # a one-value enum a discriminator uses
        {"type": "cancel-flow-run", "reason": "stop"},
    ]
    assert CancelFlowRun().type == "cancel-flow-run"
    assert CancelFlowRun.model_fields["type"].annotation is not None
    with pytest.raises(ValueError):
        CancelFlowRun(type="something-else")


def test_defaults_beside_references_in_all_of_wrappers_and_on_parameters_are_sent(actions, loopback):
    loopback.on("GET", "/variables", Reply(200, []))
    loopback.on("POST", "/variables", Reply(200, []))
    with actions.Actions(server_url=loopback.url) as client:
        client.variables.list()
        client.variables.filter(request={})
    assert loopback.requests[0].query == [("sort", "NAME_ASC"), ("limit", "10")]
    assert loopback.requests[1].json() == {"sort": "CREATED_DESC", "offset": 0, "names": ["a"]}


SERVERS = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Servers, version: "1"}
    servers: [{url: "https://production.example.test"}]
    paths:
      /pods:
        servers: [{url: "https://path-server.example.test"}]
        get:
          operationId: listPods
          servers: [{url: "https://operation-server.example.test"}]
          responses: {"200": {description: ok}}
      /nodes:
        servers: [{url: "https://path-server.example.test"}]
        get:
          operationId: listNodes
          responses: {"200": {description: ok}}
      /#X-Amz-Target=Pods.Describe:
        post:
          operationId: describePods
          parameters:
            - {name: X-Amz-Target, in: header, required: true, schema: {type: string, enum: [Pods.Describe]}}
          responses: {"200": {description: ok}}
      /services?funcs=GetLatest&mobile=1:
        get:
          operationId: latestServices
          parameters:
            - {name: page, in: query, schema: {type: integer}}
          responses: {"200": {description: ok}}
""")


def test_the_clients_server_url_wins_over_servers_the_operations_declare(tmp_path, loopback):
    _, _, sdk = sdk_from(tmp_path, SERVERS, "srv", "Srv")
    loopback.on("GET", "/pods", Reply(200))
    loopback.on("GET", "/nodes", Reply(200))
    with sdk.Srv(server_url=loopback.url) as client:  # staging: production must never be reached
        client.pods.list()
        client.nodes.list()
        client.pods.list(server_url=loopback.url + "/")  # per call
    assert [r.path for r in loopback.requests] == ["/pods", "/nodes", "/pods"]
    # Without a client URL, an operation's own server comes first, then its path's.
    from srv import nodes, pods

    assert pods._list_op().server_url == "https://operation-server.example.test"
    assert nodes._list_op().server_url == "https://path-server.example.test"


def test_a_fragment_in_the_path_is_dropped_and_one_valued_required_parameters_are_constants(tmp_path, loopback):
    """AWS documents write their target into the path as a fragment (never sent) and declare it
    as a required header of one value: that header is sent without the caller giving it."""
    _, result, sdk = sdk_from(tmp_path, SERVERS, "srvf", "Srvf")
    assert any("fragment" in d.message for d in result.diagnostics)
    loopback.on("POST", "/", Reply(200))
    with sdk.Srvf(server_url=loopback.url) as client:
        client.describe_pods()
    assert loopback.requests[0].path == "/" and loopback.requests[0].headers["x-amz-target"] == "Pods.Describe"


def test_a_query_string_written_into_the_path_is_sent(tmp_path, loopback):
    _, result, sdk = sdk_from(tmp_path, SERVERS, "srvq", "Srvq")
    warnings = [d for d in result.diagnostics if "query string" in d.message]
    assert len(warnings) == 1 and warnings[0].pointer == "/paths/~1services?funcs=GetLatest&mobile=1"
    loopback.on("GET", "/services", Reply(200))
    with sdk.Srvq(server_url=loopback.url) as client:
        client.services.latest(request={"page": 2})
    assert loopback.requests[0].query == [("funcs", "GetLatest"), ("mobile", "1"), ("page", "2")]


MEDIA = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Media, version: "1"}
    paths:
      /things:
        post:
          operationId: createThing
          requestBody:
            required: true
            content:
              application/*+json: {schema: {$ref: "#/components/schemas/Thing"}}
              application/json: {schema: {$ref: "#/components/schemas/Thing"}}
          responses:
            "201":
              description: created
              content:
                application/json: {schema: {$ref: "#/components/schemas/Thing"}}
                application/yaml: {schema: {$ref: "#/components/schemas/Thing"}}
                application/vnd.kubernetes.protobuf: {schema: {$ref: "#/components/schemas/Thing"}}
        put:
          operationId: replaceThing
          requestBody:
            required: true
            content:
              "*/*": {schema: {$ref: "#/components/schemas/Thing"}}
          responses:
            "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Thing"}}}}
      /blobs:
        put:
          operationId: putBlob
          requestBody:
            required: true
            content:
              "*/*": {schema: {type: string, format: binary}}
          responses: {"204": {description: stored}}
    components:
      schemas:
        Thing:
          type: object
          properties:
            name: {type: string}
""")


def test_no_wildcard_is_ever_sent_as_a_content_type(tmp_path, loopback):
    _, _, sdk = sdk_from(tmp_path, MEDIA, "media", "Media")
    loopback.on("POST", "/things", Reply(201, {"name": "a"}))
    loopback.on("PUT", "/things", Reply(200, {"name": "a"}))
    loopback.on("PUT", "/blobs", Reply(204))
    with sdk.Media(server_url=loopback.url) as client:
        client.things.create(request={"name": "a"})
        client.things.replace(request={"name": "a"})
        client.blobs.replace(request=b"\x00\x01")
    types = [r.headers["content-type"] for r in loopback.requests]
    assert types == ["application/json", "application/json", "application/octet-stream"]
    assert loopback.requests[1].json() == {"name": "a"} and loopback.requests[2].body == b"\x00\x01"


def test_several_response_media_types_ask_for_json_and_return_the_model(tmp_path, loopback):
    _, _, sdk = sdk_from(tmp_path, MEDIA, "mediar", "Mediar")
    from mediar.models.components import Thing

    loopback.on("POST", "/things", Reply(201, {"name": "a"}))
    with sdk.Mediar(server_url=loopback.url) as client:
        thing = client.things.create(request={"name": "a"})
        assert isinstance(thing, Thing) and thing.name == "a"
        # The other documented media types, as raw bytes, on request.
        loopback.on("POST", "/things", Reply(201, raw=b"name: a\n", headers={"content-type": "application/yaml"}))
        raw = client.things.create(request={"name": "a"}, accept="application/yaml")
        assert raw == b"name: a\n"
    assert loopback.requests[0].headers["accept"] == "application/json"
    assert loopback.requests[1].headers["accept"] == "application/yaml"
    # Typed users need not narrow a Union: the type checker knows which one they get.
    usage = textwrap.dedent("""
        from mediar import Mediar
        from mediar.models.components import Thing

        def use(client: Mediar) -> None:
            thing: Thing = client.things.create(request={"name": "a"})
            raw: bytes = client.things.create(request={"name": "a"}, accept="application/vnd.kubernetes.protobuf")
            print(thing.name, len(raw))
    """)
    (tmp_path / "out" / "src" / "usage.py").write_text(usage)
    assert_type_checks(tmp_path / "out" / "src", "usage.py")


UNTYPED = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Loose, version: "1"}
    paths:
      /batch:
        post:
          operationId: batch
          requestBody:
            required: true
            content:
              application/json:
                schema: {items: {type: string}}
          responses:
            default: {description: the result, content: {application/json: {schema: {type: object, properties: {done: {type: integer}}}}}}
      /hooks:
        post:
          operationId: createHook
          requestBody:
            content:
              application/json:
                schema: {description: anything at all}
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
      /pings:
        post:
          operationId: ping
          responses:
            "200": {description: ok, content: {application/json: {}}}
""")


@pytest.fixture
def loose(tmp_path):
    return sdk_from(tmp_path, UNTYPED, "loose", "Loose")[2]


def test_untyped_request_bodies_are_sent(loose, loopback):
    loopback.on("POST", "/batch", Reply(200, {"done": 2}))
    loopback.on("POST", "/hooks", Reply(200, {"id": "h"}))
    with loose.Loose(server_url=loopback.url) as client:
        assert client.batch(request=["a", "b"]).done == 2
        # A resource never takes the name of the client's own attributes (`hooks`, `close`, ...).
        assert client.hooks_.create(request={"url": "https://x.test"}).id == "h"
        assert type(client.hooks).__name__ == "Hooks"
    assert [r.json() for r in loopback.requests] == [["a", "b"], {"url": "https://x.test"}]


def test_a_default_response_describes_success_when_no_2xx_is_documented(loose, loopback):
    loopback.on("POST", "/batch", Reply(200, {"done": 1}), Reply(500, {"done": 0}))
    with loose.Loose(server_url=loopback.url) as client:
        assert client.batch(request=[]).done == 1
        from loose.models import errors

        with pytest.raises(errors.SDKError) as caught:
            client.batch(request=[])
        assert caught.value.status_code == 500


def test_an_undocumented_2xx_is_success_parsed_with_the_one_success_schema(loose, loopback):
    loopback.on("POST", "/hooks", Reply(201, {"id": "h2"}), Reply(202, raw=b""))
    with loose.Loose(server_url=loopback.url) as client:
        assert client.hooks_.create(request={}).id == "h2"
        assert client.hooks_.create(request={}) is None  # accepted, no body


def test_an_empty_json_response_without_a_schema_is_none(loose, loopback):
    loopback.on("POST", "/pings", Reply(200, raw=b""), Reply(200, {"pong": True}))
    with loose.Loose(server_url=loopback.url) as client:
        assert client.pings.create() is None
        assert client.pings.create() == {"pong": True}


def test_bad_input_raises_the_sdks_own_error_which_is_also_a_value_error(actions, loopback):
    from actions.models import errors

    with actions.Actions(server_url=loopback.url) as client:
        with pytest.raises(errors.RequestValidationError) as caught:
            client.variables.filter(request={"sort": "SIDEWAYS", "offset": "many"})
    error = caught.value
    assert isinstance(error, errors.ActionsError) and isinstance(error, ValueError)
    assert "offset" in str(error)
    import pydantic

    assert isinstance(error.__cause__, pydantic.ValidationError)
    assert loopback.requests == []  # nothing was sent
