"""A tagged union that receives a tag its document does not list: old SDKs keep working when the API
adds a member (an `UnknownVariant` with the tag and the data), unless enums are closed."""

from __future__ import annotations

import asyncio
import logging
import textwrap

import pytest
from conftest import Reply, assert_type_checks, generate_into, import_generated

SPEC = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Events, version: "1"}
    servers: [{url: "https://events.example.test"}]
    paths:
      /events:
        get:
          operationId: listEvents
          tags: [events]
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema: {type: array, items: {$ref: "#/components/schemas/Event"}}
        post:
          operationId: replayEvent
          tags: [events]
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [event]
                  properties: {event: {$ref: "#/components/schemas/Event"}}
          responses:
            "204": {description: replayed}
    components:
      schemas:
        Event:
          oneOf:
            - $ref: "#/components/schemas/Created"
            - $ref: "#/components/schemas/Deleted"
          discriminator: {propertyName: kind}
        Created:
          type: object
          required: [kind, id]
          properties: {kind: {type: string, enum: [created]}, id: {type: string}}
        Deleted:
          type: object
          required: [kind, id]
          properties: {kind: {type: string, enum: [deleted]}, id: {type: string}}
""")

EVENTS = [{"kind": "created", "id": "1"}, {"kind": "archived", "id": "2", "by": "ops"}, {"kind": "deleted", "id": "3"}]


def _sdk(tmp_path, package: str, enums: str = "open"):
    from generator.options import Options
    from generator.pipeline import generate

    spec = tmp_path / "events.yaml"
    spec.write_text(SPEC)
    result = generate(Options(spec=spec, package_name=package, sdk_name="Events", enums=enums))
    return result, import_generated(tmp_path, result, package)


@pytest.fixture(scope="module")
def events(tmp_path_factory):
    return _sdk(tmp_path_factory.mktemp("events"), "events_open")[1]


def test_an_unknown_tag_is_kept_with_its_data(events, loopback, caplog):
    loopback.on("GET", "/events", Reply(200, EVENTS))
    caplog.set_level(logging.DEBUG)
    with events.Events(server_url=loopback.url) as client:
        created, archived, deleted = client.events.list_events()
    assert type(created).__name__ == "Created" and type(deleted).__name__ == "Deleted"
    assert isinstance(archived, events.utils.UnknownVariant)
    assert archived.tag == "archived" and archived.raw == EVENTS[1]
    assert any("'archived'" in r.getMessage() and "UnknownVariant" in r.getMessage() for r in caplog.records)


def test_the_clients_debug_logger_is_warned(events, loopback, caplog):
    loopback.on("GET", "/events", Reply(200, EVENTS))
    logger = logging.getLogger("events-app")
    with caplog.at_level(logging.DEBUG, logger="events-app"):
        with events.Events(server_url=loopback.url, debug_logger=logger) as client:
            client.events.list_events()
    warned = [r for r in caplog.records if r.name == "events-app" and r.levelno == logging.WARNING]
    assert len(warned) == 1 and "'archived'" in warned[0].getMessage()


def test_an_unknown_member_is_sent_back_as_it_came(events, loopback):
    loopback.on("GET", "/events", Reply(200, EVENTS))
    loopback.on("POST", "/events", Reply(204))

    async def main():
        async with events.Events(server_url=loopback.url) as client:
            listed = await client.events.list_events_async()
            await client.events.replay_event_async(request={"event": listed[1]})

    asyncio.run(main())
    assert loopback.requests[1].json() == {"event": EVENTS[1]}


def test_closed_enums_keep_refusing_unknown_tags(tmp_path, loopback):
    _, closed = _sdk(tmp_path, "events_closed", enums="closed")
    loopback.on("GET", "/events", Reply(200, EVENTS))
    with closed.Events(server_url=loopback.url) as client:
        with pytest.raises(closed.models.errors.ResponseValidationError):
            client.events.list_events()
    union = tmp_path / "out" / "src" / "events_closed" / "models" / "components" / "event.py"
    assert "Discriminated(" in union.read_text() and "UnknownVariant" not in union.read_text()


def test_the_union_with_its_unknown_member_type_checks(tmp_path):
    result = generate_into(tmp_path, SPEC, package="events_typed", sdk_name="Events")
    from generator.write import write_output

    write_output(tmp_path / "out", result.files)
    (tmp_path / "out" / "src" / "events_typed" / "example_use.py").write_text(
        textwrap.dedent("""
            from events_typed import Events
            from events_typed.models.components.created import Created
            from events_typed.utils import UnknownVariant

            def names() -> list[str]:
                out = []
                for event in Events().events.list_events():
                    if isinstance(event, UnknownVariant):
                        out.append(f"{event.tag}: {event.raw}")
                    elif isinstance(event, Created):
                        out.append(event.id)
                return out
        """)
    )
    assert_type_checks(tmp_path / "out" / "src", "events_typed")
    assert "`UnknownVariant`" in result.files["README.md"]
