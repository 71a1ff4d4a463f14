"""How many list operations sdkforge infers pagination for, on the corpus and GitHub's API.

    python3 benchmarks/pagination.py [--sample N]

Analyses every corpus document (the pinned npm packages `npm install` puts under node_modules)
and GitHub's, and prints per document: GET operations, operations that page by an extension,
operations whose pagination was inferred (by kind). `--sample N` then prints N inferred
operations, chosen deterministically across documents, with the evidence (the parameters, the
items path, the next-page source) for checking by hand; benchmarks/RESULTS.md has the verdicts.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import corpus  # noqa: E402

from generator.options import Options  # noqa: E402
from generator.pipeline import analyze  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=0, help="print this many inferred operations to check")
    args = parser.parse_args()
    specs = corpus.all_documents() + [corpus.require(corpus.GITHUB)]
    totals: Counter[str] = Counter()
    inferred_ops = []
    print(f"{'document':60} {'GET':>5} {'declared':>8} {'inferred':>8}  kinds")
    for spec in specs:
        api, _ = analyze(Options(spec=spec), full_validation=False)
        if api is None:
            continue
        ops = [op for r in api.resources for op in r.operations] + list(api.root_operations)
        gets = sum(op.http_method == "GET" for op in ops)
        declared = sum(op.pagination is not None and not op.pagination.inferred for op in ops)
        inferred = [op for op in ops if op.pagination is not None and op.pagination.inferred]
        kinds = Counter(op.pagination.kind for op in inferred if op.pagination is not None)
        totals.update({"documents": 1, "GET": gets, "declared": declared, "inferred": len(inferred), **kinds})
        inferred_ops += [(corpus.label(spec), op) for op in inferred]
        if inferred or declared:
            kinds_text = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
            print(f"{corpus.label(spec)[:60]:60} {gets:5} {declared:8} {len(inferred):8}  {kinds_text}")
    print(
        f"\n{totals['documents']} documents, {totals['GET']} GET operations: {totals['declared']} page by an "
        f"extension, {totals['inferred']} inferred ("
        + ", ".join(f"{k} {totals[k]}" for k in ("link", "url", "cursor", "offset", "page"))
        + ")"
    )
    for name, op in random.Random(17).sample(inferred_ops, min(args.sample, len(inferred_ops))):
        p = op.pagination
        assert p is not None
        query = [q.wire_name for q in op.parameters if q.location == "query"]
        source = p.next_url or p.next_cursor or p.total or p.num_pages or ("Link header" if p.kind == "link" else "")
        print(f"- {name} {op.operation_id or op.path}: {p.kind}; items {p.results}; next from {source}; query {query}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
