"""Real-world documents: generated once each, compiled, imported, every operation a method.

The suite takes a deterministic sample of the corpus (every ReadMe edge-case document and a fixed
set of APIs.guru documents chosen for their variety); `benchmarks/corpus.py` sweeps all of it and
GitHub's document. Documents come from the pinned npm packages (see tests/corpus.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import REFERENCE, assert_type_checks
from corpus import APIS_GURU_DOCUMENTS, apis_guru, label, readme_examples

from generator.builder import count_operations
from generator.load import load_document
from generator.options import Options
from generator.pipeline import generate
from generator.refs import Resolver
from generator.write import write_output

# APIs.guru documents in the suite: the largest, and one of each family of quirks (Swagger-era
# conversions, AWS, Azure, Google discovery documents, 3.1 documents, form bodies, huge enums).
SAMPLE = [
    "stripe.com.json",
    "zoom.us.json",
    "plaid.com.json",
    "digitalocean.com.json",
    "box.com.json",
    "slack.com.json",
    "twilio.com/api.json",
    "vercel.com.json",
    "openai.com.json",
    "notion.com.json",
    "asana.com.json",
    "adyen.com/CheckoutService-v71.json",
    "amazonaws.com/waf.json",
    "azure.com/network-expressRouteGateway.json",
    "googleapis.com/games.json",
    "spotify.com/sonallux.json",
    "wolframalpha.com.json",
]
# Of those, the ones whose SDK `mypy --strict` checks here (all of them: benchmarks/typecheck.py).
TYPE_CHECKED = {"stripe.com.json", "zoom.us.json", "plaid.com.json", "digitalocean.com.json"}

CHECK = textwrap.dedent("""
    import json, sys
    import pkg
    from pkg import Client
    expected = json.loads(sys.argv[1])
    client = Client(server_url="https://api.example.invalid")
    missing = []
    for resource, method in expected:
        owner = client
        for attribute in filter(None, resource.split(".")):
            owner = getattr(owner, attribute)
        for name in (method, method + "_async"):
            if not callable(getattr(owner, name, None)):
                missing.append(f"{resource}.{name}")
    print(json.dumps(missing))
""")


def operations_in(path: Path) -> int:
    doc = load_document(path)
    return count_operations(doc, Resolver(doc))


def check_document(spec: Path, out: Path, type_check: bool) -> None:
    """Generate the SDK of `spec` once and check everything the suite asks of it."""
    result = generate(Options(spec=spec, out=out, package_name="pkg", sdk_name="Client"))
    for rel, content in result.files.items():
        if rel.endswith(".py"):
            compile(content, rel, "exec")
    write_output(out, result.files)
    expected = [(".".join(r.path), op.name) for r in result.api.resources for op in r.operations]
    expected += [("", op.name) for op in result.api.root_operations]
    assert len(expected) == operations_in(spec)  # counted from the document itself
    proc = subprocess.run(
        [sys.executable, "-c", CHECK, json.dumps(expected)],
        cwd=out / "src",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout) == []
    if type_check:
        assert_type_checks(out / "src", "pkg")


def test_the_sample_is_part_of_the_pinned_corpus():
    assert set(SAMPLE) <= set(APIS_GURU_DOCUMENTS)
    assert len(readme_examples()) == 52


@pytest.mark.parametrize("name", SAMPLE)
def test_apis_guru_document(tmp_path, name):
    check_document(apis_guru(name), tmp_path / "out", type_check=name in TYPE_CHECKED)


@pytest.mark.parametrize("spec", readme_examples(), ids=label)
def test_readme_example_document(tmp_path, spec):
    check_document(spec, tmp_path / "out", type_check=False)


def test_the_full_public_dub_document_type_checks(tmp_path):
    check_document(REFERENCE, tmp_path / "out", type_check=True)
