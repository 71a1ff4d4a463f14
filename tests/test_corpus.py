"""Every real-world document of the corpus: generated, compiled, imported, every operation a method.

(GitHub's document is left to benchmarks/bench.py, which checks all of its 1,223 operations.)
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from conftest import SHARED, assert_type_checks
from generator.build import count_operations
from generator.config import Config
from generator.load import load_document
from generator.refs import Resolver
from generator.pipeline import generate
from generator.write import write_output

CORPUS = SHARED / "corpus"
DOCUMENTS = sorted(
    str(p.relative_to(CORPUS))
    for p in CORPUS.rglob("*")
    if p.is_file() and p.suffix in (".json", ".yaml", ".yml") and "github" not in p.parts
)

CHECK = textwrap.dedent("""
    import json, sys
    import pkg
    from pkg import Client
    expected = json.loads(sys.argv[1])
    client = Client()
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


def operations_in(path) -> int:
    doc = load_document(path)
    return count_operations(doc, Resolver(doc))


def test_the_corpus_is_there():
    assert len(DOCUMENTS) >= 100


@pytest.mark.parametrize("name", DOCUMENTS)
def test_document_generates_compiles_imports_with_every_operation(tmp_path, name):
    result = generate(Config(spec=CORPUS / name, out=tmp_path / "out", package_name="pkg", sdk_name="Client"))
    for rel, content in result.files.items():
        if rel.endswith(".py"):
            compile(content, rel, "exec")
    write_output(tmp_path / "out", result.files)
    expected = [(".".join(r.path), op.name) for r in result.api.resources for op in r.operations]
    expected += [("", op.name) for op in result.api.root_operations]
    assert len(expected) == operations_in(CORPUS / name)  # counted from the document itself
    proc = subprocess.run([sys.executable, "-c", CHECK, json.dumps(expected)], cwd=tmp_path / "out" / "src",
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout) == []


TYPE_CHECKED = [
    SHARED / "reference" / "dub-openapi-2025-02-08.yaml",
    CORPUS / "apis-guru" / "stripe.com.json",
    CORPUS / "apis-guru" / "zoom.us.json",
    CORPUS / "apis-guru" / "plaid.com.json",
    CORPUS / "apis-guru" / "digitalocean.com.json",
]


@pytest.mark.parametrize("spec", TYPE_CHECKED, ids=lambda p: p.name)
def test_large_documents_type_check_strict(tmp_path, spec):
    """mypy --strict finds nothing in the SDKs of the full Dub document and large real-world APIs."""
    result = generate(Config(spec=spec, out=tmp_path / "out", package_name="pkg", sdk_name="Client"))
    write_output(tmp_path / "out", result.files)
    assert_type_checks(tmp_path / "out" / "src", "pkg")
