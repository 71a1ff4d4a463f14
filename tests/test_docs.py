"""The generated docs follow the seed page's structure, and their examples run as written."""

from __future__ import annotations

import contextlib
import io
import re

from conftest import GENERATED, Reply, partners_page
from dub_payloads import ANALYTICS_COUNT, LINK, PARTNER

DOC = GENERATED / "docs" / "sdks" / "partners" / "README.md"
SECTIONS = {
    "Partners",
    "Overview",
    "Available Operations",
    "create",
    "create_link",
    "upsert_link",
    "analytics",
    "Example Usage",
    "Parameters",
    "Response",
    "Errors",
}


def test_sections_follow_the_seed_page():
    seed = partners_page()["sections"]
    ours = [line.lstrip("#").strip() for line in DOC.read_text().splitlines() if line.startswith("#")]
    assert [s for s in ours if s in SECTIONS] == seed


def test_error_tables_match_the_seed_page():
    seed_rows = [tuple(row) for row in partners_page()["error_rows"]]
    ours = re.findall(r"^\| (errors\.\w+) \| ([^|]+?) \| ([^|]+?) \|$", DOC.read_text(), flags=re.M)
    assert [(e, s, m.replace("\\", "")) for e, s, m in ours] == seed_rows


def test_response_and_request_types_match_the_seed_page():
    doc = DOC.read_text()
    names = partners_page()["types"]
    assert len(names) == 4
    for name in names:
        assert name in doc, name


def test_doc_examples_run_against_a_loopback_server(loopback, dub_sdk):
    loopback.on("POST", "/partners", Reply(201, PARTNER))
    loopback.on("POST", "/partners/links", Reply(201, LINK))
    loopback.on("PUT", "/partners/links/upsert", Reply(200, LINK))
    loopback.on("GET", "/partners/analytics", Reply(200, ANALYTICS_COUNT))
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(), flags=re.S)
    assert len(blocks) == 4
    for block in blocks:
        code = block.replace('token="DUB_API_KEY",', f'token="DUB_API_KEY", server_url="{loopback.url}",', 1)
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(code, "<docs example>", "exec"), {})
    assert [(r.method, r.path) for r in loopback.requests] == [
        ("POST", "/partners"),
        ("POST", "/partners/links"),
        ("PUT", "/partners/links/upsert"),
        ("GET", "/partners/analytics"),
    ]
    assert loopback.requests[0].json()["linkProps"] == {"externalId": "123456", "tagIds": ["clux0rgak00011..."]}


def run_block(code: str, label: str) -> str:
    """Run an example from the docs and return what it printed."""
    with contextlib.redirect_stdout(io.StringIO()) as out:
        exec(compile(code, label, "exec"), {})
    return out.getvalue()


def test_generated_readme_quick_start_runs(loopback, dub_sdk):
    loopback.on("POST", "/partners", Reply(201, PARTNER))
    readme = (GENERATED / "README.md").read_text()
    quick = re.search(r"## Quick start\n\n```python\n(.*?)```", readme, flags=re.S).group(1)
    code = quick.replace('token="DUB_API_KEY",', f'token="DUB_API_KEY", server_url="{loopback.url}",', 1)
    assert "pn_1" in run_block(code, "<readme>")


def test_generated_readme_async_example_runs(loopback, dub_sdk, monkeypatch):
    loopback.on("POST", "/partners", Reply(201, PARTNER))
    monkeypatch.setenv("DUB_API_KEY", "env-token")
    readme = (GENERATED / "README.md").read_text()
    example = re.search(r"```python\n(import asyncio\n.*?)```", readme, flags=re.S).group(1)
    code = example.replace("Dub()", f'Dub(server_url="{loopback.url}")', 1)
    assert "pn_1" in run_block(code, "<readme async>")
    assert loopback.requests[-1].headers["authorization"] == "Bearer env-token"


def test_every_readme_code_block_compiles():
    readme = (GENERATED / "README.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert len(blocks) >= 8
    for block in blocks:
        compile(block, "<readme block>", "exec")


def test_readme_errors_and_hooks_examples_run(loopback, dub_sdk):
    from dub_payloads import error_body

    loopback.on("POST", "/partners", Reply(404, error_body(404, "No such program.")))
    loopback.on("GET", "/partners/analytics", Reply(200, ANALYTICS_COUNT))
    readme = (GENERATED / "README.md").read_text()
    errors_example = re.search(r"## Errors\n.*?```python\n(.*?)```", readme, flags=re.S).group(1)
    hooks_example = re.search(r"## Hooks\n.*?```python\n(.*?)```", readme, flags=re.S).group(1)
    with contextlib.redirect_stdout(io.StringIO()) as out:
        namespace: dict = {}
        exec(compile(hooks_example, "<hooks>", "exec"), namespace)
        client = namespace["d_client"]
        client._config.server_url = loopback.url
        client.partners.analytics(request={"program_id": "p"})
        exec(compile(errors_example.replace("Dub()", f'Dub(server_url="{loopback.url}")'), "<errors>", "exec"), {})
    printed = out.getvalue().splitlines()
    assert loopback.requests[0].headers["x-trace-id"] == "abc123"
    assert printed[0] == "200"  # the after_success hook
    assert printed[1].startswith("404 ") and "No such program." in printed[1]  # the documented error branch
