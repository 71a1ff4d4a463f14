"""The generated SDK against Prism, a mock server that validates every request against specs/dub.yaml.

Prism is installed by the test command (`npm install`, see package.json). If it cannot start, these
tests fail with the reason: they never skip.
"""

from __future__ import annotations

import re
import socket
import subprocess
import time

import httpx
import pytest
from conftest import ROOT

from generator.examples import request_example
from generator.pipeline import generate
from generator.settings import resolve

PRISM = ROOT / "node_modules" / ".bin" / "prism"


@pytest.fixture(scope="module")
def prism():
    if not PRISM.exists():
        pytest.fail(f"Prism is not installed at {PRISM}: run `npm install` in {ROOT} (the README's test command does)")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [str(PRISM), "mock", "-h", "127.0.0.1", "-p", str(port), str(ROOT / "specs" / "dub.yaml")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = []
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line and process.poll() is not None:
                break
            output.append(line)
            if "Prism is listening" in line:
                break
        if not any("Prism is listening" in line for line in output):
            pytest.fail("Prism did not start:\n" + "".join(output[-30:]))
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def operations():
    """Each partners operation of the IR with the request built from the spec's examples."""
    api = generate(resolve({}, None, ROOT)).api
    types = {t.id: t for t in api.types}
    return {op.name: (op, request_example(op, types)) for r in api.resources for op in r.operations}


EXPECTED = {
    "create": "CreatePartnerResponseBody",
    "create_link": "LinkSchema",
    "upsert_link": "LinkSchema",
    "analytics": "PartnerAnalyticsCount",
}


def test_prism_rejects_an_invalid_request(prism):
    """The check is real: a body without its required fields is refused by Prism with 422."""
    response = httpx.post(f"{prism}/partners/links", json={"url": 5}, headers={"Authorization": "Bearer t"})
    assert response.status_code == 422


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_operation_with_the_spec_examples(prism, operations, dub_sdk, name):
    from dub import Dub

    op, example = operations[name]
    with Dub(token="DUB_API_KEY", server_url=prism) as client:
        result = getattr(client.partners, name)(request=example)
    assert type(result).__name__ == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_operation_async(prism, operations, dub_sdk, name):
    import asyncio

    from dub import Dub

    op, example = operations[name]

    async def main():
        async with Dub(token="DUB_API_KEY", server_url=prism) as client:
            return await getattr(client.partners, f"{name}_async")(request=example)

    assert type(asyncio.run(main())).__name__ == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_documented_error_statuses(prism, operations, dub_sdk, name):
    from dub import Dub
    from dub.models import errors

    op, example = operations[name]
    statuses = sorted(e.status for e in op.errors)
    assert statuses == ["400", "401", "403", "404", "409", "410", "422", "429", "500"]
    with Dub(token="DUB_API_KEY", server_url=prism) as client:
        method = getattr(client.partners, name)
        for status in statuses:
            with pytest.raises(errors.SDKError) as caught:
                method(request=example, http_headers={"Prefer": f"code={status}"})
            error = caught.value
            assert error.status_code == int(status)
            assert (
                type(error).__name__
                == {
                    "400": "BadRequest",
                    "401": "Unauthorized",
                    "403": "Forbidden",
                    "404": "NotFound",
                    "409": "Conflict",
                    "410": "InviteExpired",
                    "422": "UnprocessableEntity",
                    "429": "RateLimitExceeded",
                    "500": "InternalServerError",
                }[status]
            )
            assert re.search(r"\S", error.data.error.message) and error.data.error.message in str(error)
