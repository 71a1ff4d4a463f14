"""`<package>.testing`: a fake of the API for users' own tests (a real client over an in-process
transport), and the generated README's pytest example, run."""

from __future__ import annotations

import asyncio
import textwrap

import httpx
import pytest
from conftest import GENERATED, assert_type_checks, python_blocks, sdk_from

SPEC = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Pets, version: "1"}
    servers: [{url: "https://pets.example/v1"}]
    security: [{key: []}]
    paths:
      /pets:
        get:
          operationId: listPets
          tags: [pets]
          parameters:
            - {name: limit, in: query, schema: {type: integer}}
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema: {type: array, items: {$ref: "#/components/schemas/Pet"}}
                  example: [{id: 1, name: Rex, tag: dog}]
        post:
          operationId: createPet
          tags: [pets]
          requestBody:
            required: true
            content: {application/json: {schema: {$ref: "#/components/schemas/NewPet"}}}
          responses:
            "201":
              description: created
              content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}
            "409":
              description: taken
              content: {application/json: {schema: {$ref: "#/components/schemas/Problem"}}}
      /pets/{petId}:
        get:
          operationId: getPet
          tags: [pets]
          parameters:
            - {name: petId, in: path, required: true, schema: {type: integer}}
            - {name: X-Trace, in: header, schema: {type: string}}
          responses:
            "200":
              description: ok
              content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}
        put:
          operationId: uploadPhoto
          tags: [pets]
          parameters:
            - {name: petId, in: path, required: true, schema: {type: integer}}
          requestBody:
            required: true
            content:
              multipart/form-data:
                schema: {type: object, required: [photo], properties: {photo: {type: string, format: binary}}}
          responses:
            "204": {description: stored}
        delete:
          operationId: deletePet
          tags: [pets]
          parameters:
            - {name: petId, in: path, required: true, schema: {type: integer}}
          responses:
            "204": {description: gone}
    components:
      securitySchemes:
        key: {type: apiKey, in: header, name: X-Api-Key}
      schemas:
        NewPet:
          type: object
          required: [name]
          properties: {name: {type: string}, tag: {type: string}}
        Pet:
          type: object
          required: [id, name]
          properties: {id: {type: integer}, name: {type: string}, tag: {type: string}}
        Problem:
          type: object
          required: [detail]
          properties: {detail: {type: string}}
""")


@pytest.fixture(scope="module")
def pets(tmp_path_factory):
    return sdk_from(tmp_path_factory.mktemp("fakes"), SPEC, "pets", "Pets")


def test_default_answers_come_from_examples_then_from_the_schemas(pets):
    _, _, sdk = pets
    from pets.testing import MockPets, mock_client

    client = mock_client()
    assert isinstance(client, sdk.Pets) and isinstance(client, MockPets)
    listed = client.pets.list_pets(request={"limit": 5})
    assert [(p.id, p.name, p.tag) for p in listed] == [(1, "Rex", "dog")]  # the document's example
    made = client.pets.create_pet(request={"name": "Tom"})
    assert (made.id, made.name) == (0, "string")  # synthesized: the required fields
    assert client.pets.delete_pet(request={"pet_id": 3}) is None
    calls = client.fake.calls
    assert [c.operation for c in calls] == ["pets.list_pets", "pets.create_pet", "pets.delete_pet"]
    assert calls[0].request.limit == 5 and calls[1].request.name == "Tom" and calls[2].request.pet_id == 3
    assert calls[0].http.headers["x-api-key"] == "test-credential"


def test_answers_set_by_a_test_are_typed_and_recorded_async(pets):
    _, _, sdk = pets
    from pets.models.components import Pet
    from pets.testing import mock_client

    client = mock_client()
    client.fake.on.pets.get_pet(returns=Pet(id=7, name="Kitty"))

    async def run():
        return await client.pets.get_pet_async(request={"pet_id": 7, "x_trace": "t-1"})

    pet = asyncio.run(run())
    assert (pet.id, pet.name) == (7, "Kitty")
    (call,) = client.fake.calls_of("pets.get_pet")
    assert call.request.pet_id == 7 and call.request.x_trace == "t-1"
    client.fake.on.pets.create_pet(status=409, returns={"detail": "name taken"})
    with pytest.raises(sdk.models.errors.SDKError) as raised:
        client.pets.create_pet(request={"name": "Tom"})
    assert raised.value.status_code == 409 and raised.value.data.detail == "name taken"
    client.fake.on.pets.delete_pet(raises=httpx.ConnectError("network down"))
    with pytest.raises(sdk.models.errors.NoResponseError):
        client.pets.delete_pet(request={"pet_id": 1}, retries=None)


def test_a_request_that_breaks_the_schema_is_answered_422(pets):
    _, _, sdk = pets
    from pets.models.components import NewPet
    from pets.testing import mock_client

    client = mock_client()
    wrong = NewPet.model_construct(name=["not", "a", "string"])  # bypasses the SDK's own checks
    with pytest.raises(sdk.models.errors.SDKError) as raised:
        client.pets.create_pet(request=wrong)
    assert raised.value.status_code == 422 and "does not match the API's schema" in raised.value.body
    assert client.fake.calls[0].operation == "pets.create_pet" and client.fake.calls[0].request is None


def test_a_file_upload_is_recorded_not_refused(pets):
    from pets.testing import mock_client

    client = mock_client()
    assert client.pets.upload_photo(request={"pet_id": 4, "request_body": {"photo": b"\x89PNG"}}) is None
    (call,) = client.fake.calls
    assert call.operation == "pets.upload_photo" and call.request.pet_id == 4
    assert b"\x89PNG" in call.http.content


def test_the_testing_module_type_checks(pets):
    tmp, _, _ = pets
    assert_type_checks(tmp / "out" / "src", "pets")


def test_the_generated_readmes_pytest_example_runs(dub_sdk):
    """The README of the Dub SDK (the golden tree) shows a pytest test using the fake: it passes."""
    readme = (GENERATED / "README.md").read_text()
    (block,) = [b for b in python_blocks(readme) if "mock_client" in b]
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)
    tests = [f for name, f in namespace.items() if name.startswith("test_")]
    assert len(tests) == 1
    tests[0]()


NAMES_SPEC = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Questions, version: "1"}
    paths:
      /answers:
        post:
          operationId: createAnswer
          tags: [answers]
          requestBody:
            required: true
            content: {application/json: {schema: {$ref: "#/components/schemas/Answer"}}}
          responses:
            "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Answer"}}}}
      /calls:
        get:
          operationId: listCalls
          tags: [answers]
          responses:
            "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Call"}}}}
    components:
      schemas:
        Answer:
          type: object
          properties:
            text: {type: string}
            kinds:
              type: array
              default: [invoice, order]
              items: {type: string, enum: [invoice, order, receipt]}
        Call: {type: object, properties: {id: {type: string}}}
""")


def test_types_named_like_the_fakes_own_names_and_enum_list_defaults(tmp_path):
    """Found in SDKs of documents outside the corpus: a schema named `Answer` (the fakes' own
    class) broke the testing module, and a list default of enum values was typed as strings.
    Both type-check, and the fake answers with the document's types."""
    tmp, result, sdk = sdk_from(tmp_path, NAMES_SPEC, "questions", "Questions")
    from questions.models.components import Answer, AnswerKind
    from questions.testing import Call, mock_client

    kinds = Answer(text="x").kinds
    assert kinds == [AnswerKind.INVOICE, AnswerKind.ORDER] and all(type(k) is AnswerKind for k in kinds)
    client = mock_client()
    client.fake.on.answers.create_answer(returns=Answer(text="yes"))
    assert client.answers.create_answer(request={"text": "q"}).text == "yes"
    (call,) = client.fake.calls
    assert isinstance(call, Call) and call.request.text == "q"
    assert "CallModel" in {t.name for t in result.api.types}  # the testing module's `Call` is the fakes'
    assert_type_checks(tmp / "out" / "src", "questions")
