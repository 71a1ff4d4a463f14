"""The conformance sweep on its deterministic sample: real documents, their generated SDKs, Prism.

Every operation of each sample document is called through the SDK against Prism, which validates
the request against the document (see benchmarks/conformance.py, which sweeps the whole corpus on
demand). No call may fail by the SDK's fault; the ones that fail by the document's or Prism's are
named, and their number is pinned so that a regression shows.
"""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import conformance  # noqa: E402
import corpus  # noqa: E402


@pytest.mark.parametrize("spec", conformance.SAMPLE, ids=corpus.label)
def test_every_call_of_the_sample_is_right_or_not_the_sdks_fault(tmp_path, spec):
    rows, note = conformance.run_document(corpus.require(spec), tmp_path, 0)
    assert not note, note
    assert rows, "no operation was called"
    sdk_faults = [f"{r.label}: {r.outcome}: {r.reason}" for r in rows if r.outcome != "ok" and r.blame == "sdkforge"]
    assert not sdk_faults, "\n".join(sdk_faults)
    ok = sum(1 for r in rows if r.outcome == "ok")
    assert ok >= EXPECTED_OK[corpus.label(spec)], [f"{r.label}: {r.reason}" for r in rows if r.outcome != "ok"]


# Operations that end ok, per document (the others are the document's or Prism's fault, by the
# sweep's checks: petstore documents no success for 7 operations, polymorphism's oneOf members
# overlap, Prism cannot make an event stream from an object schema).
EXPECTED_OK = {
    "features.yaml": 12,
    "readme-examples/3.0/petstore.yaml": 13,
    "readme-examples/3.0/polymorphism.yaml": 5,
    "readme-examples/3.1/train-travel.yaml": 7,
    "readme-examples/3.0/security.yaml": 14,
    "apis-guru/interzoid.com/getfullnamematch.json": 1,
    "apis-guru/placekit.co.json": 2,
}
