"""specs/dub.yaml states the facts of the public Dub API: same operations, fields, types and statuses."""

from __future__ import annotations

import pytest
import yaml
from conftest import ANALYTICS_FRAGMENT as ANALYTICS
from conftest import REFERENCE, ROOT

PROSE = {"description", "example", "examples", "title", "x-codeSamples"}


def _load(path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _normal(node, root, depth=0):
    """The document's facts under `node`: references resolved, prose dropped."""
    assert depth < 60
    if isinstance(node, dict):
        if "$ref" in node:
            target = root
            for token in node["$ref"].lstrip("#/").split("/"):
                target = target[token.replace("~1", "/")]
            return _normal(target, root, depth + 1)
        # `description: a, b` in a YAML flow mapping splits into a second key with no value: prose too.
        return {
            k: _normal(v, root, depth + 1)
            for k, v in node.items()
            if k not in PROSE and not (v is None and " " in str(k))
        }
    if isinstance(node, list):
        return [_normal(v, root, depth + 1) for v in node]
    return node


@pytest.fixture(scope="module")
def ours():
    return _load(ROOT / "specs" / "dub.yaml")


@pytest.mark.parametrize(
    "path,method", [("/partners", "post"), ("/partners/links", "post"), ("/partners/links/upsert", "put")]
)
def test_operations_match_the_reference(ours, path, method):
    reference = _load(REFERENCE)
    assert _normal(ours["paths"][path][method], ours) == _normal(reference["paths"][path][method], reference)


def test_analytics_matches_the_fragment_plus_shared_errors(ours):
    fragment = _load(ANALYTICS)
    reference = _load(REFERENCE)
    theirs = _normal(fragment["paths"]["/partners/analytics"]["get"], fragment)
    mine = _normal(ours["paths"]["/partners/analytics"]["get"], ours)
    shared_errors = {
        s: _normal(reference["components"]["responses"][s], reference)
        for s in ("400", "401", "403", "404", "409", "410", "422", "429", "500")
    }
    theirs["responses"].update(shared_errors)
    assert mine == theirs


def test_security_and_server(ours):
    reference = _load(REFERENCE)
    assert ours["servers"][0]["url"] == reference["servers"][0]["url"] == "https://api.dub.co"
    assert _normal(ours["components"]["securitySchemes"], ours) == _normal(
        reference["components"]["securitySchemes"], reference
    )
