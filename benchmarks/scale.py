"""Hostile-size documents: generation time must grow linearly with the input, with no recursion errors.

Usage: python benchmarks/scale.py [--quick]

For each dimension (nesting depth, object width, operation count, description length) it generates
synthetic documents of size n, 2n and 4n, runs the whole pipeline (load, validate, build, name,
render, format; not the write) and prints the seconds and the time ratio to the 1x case next to the
size ratio. Linear growth shows as time ratios close to 2 and 4.
"""

from __future__ import annotations

import json
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.options import Options  # noqa: E402
from generator.pipeline import generate  # noqa: E402


def _op(op_id: str, schema_ref: str = "", description: str = "ok") -> dict:
    response: dict = {"description": "ok"}
    if schema_ref:
        response["content"] = {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_ref}"}}}
    return {"operationId": op_id, "description": description, "responses": {"200": response}}


class _Raw(str):
    """JSON text spliced in as is (json.dumps itself recurses, so deep nesting is written by hand)."""


def deep(n: int) -> dict:
    text = '{"type": "string"}'
    for i in range(n):
        text = f'{{"type": "object", "properties": {{"level{i}": {text}}}}}'
    return {"paths": {"/deep": {"get": _op("deep", "Deep")}}, "schemas": {"Deep": _Raw(text)}}


def wide(n: int) -> dict:
    props = {f"field{i}": {"type": "string", "description": f"Field {i}"} for i in range(n)}
    return {
        "paths": {"/wide": {"get": _op("wide", "Wide")}},
        "schemas": {"Wide": {"type": "object", "properties": props}},
    }


def many(n: int) -> dict:
    paths = {
        f"/things{i}/{{id}}": {
            "get": {
                **_op(f"getThing{i}"),
                "tags": [f"group{i % 40}"],
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            }
        }
        for i in range(n)
    }
    return {"paths": paths, "schemas": {}}


def long(n: int) -> dict:
    return {"paths": {"/long": {"get": _op("long", description="lorem ipsum " * (n // 12))}}, "schemas": {}}


DIMENSIONS = {
    "nesting depth": (deep, 200),
    "object width (properties)": (wide, 1250),
    "operations": (many, 5000),
    "description length (bytes)": (long, 256 * 1024),
}


def measure(build, size: int, work: Path) -> float:
    parts = build(size)
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "Scale", "version": "1"},
        "paths": parts["paths"],
        "components": {"schemas": parts["schemas"]},
    }
    spec = work / "spec.json"
    raw = {name: value for name, value in parts["schemas"].items() if isinstance(value, _Raw)}
    text = json.dumps(doc)
    for value in raw.values():
        text = text.replace(json.dumps(value), value)
    spec.write_text(text)
    started = time.perf_counter()
    generate(Options(spec=spec, out=work / "out", package_name="scale", sdk_name="Scale"))
    return time.perf_counter() - started


def main() -> None:
    quick = "--quick" in sys.argv
    print(f"# sdkforge scale benchmark ({platform.python_version()}, {platform.machine()}, {platform.system()})\n")
    print("| dimension | 1x size | 1x s | 2x s (ratio) | 4x s (ratio) |")
    print("| --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        for name, (build, base) in DIMENSIONS.items():
            base = base // 4 if quick else base
            times = [measure(build, base * k, Path(tmp)) for k in (1, 2, 4)]
            print(
                f"| {name} | {base} | {times[0]:.2f} | {times[1]:.2f} ({times[1] / times[0]:.1f}x) "
                f"| {times[2]:.2f} ({times[2] / times[0]:.1f}x) |",
                flush=True,
            )


if __name__ == "__main__":
    main()
