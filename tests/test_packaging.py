"""`pip install .` as a wheel carries the templates and the runtime, and the installed CLI works."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from conftest import GENERATED, ROOT


def test_wheel_install_generates_the_golden_tree(tmp_path):
    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = dist.glob("sdkforge-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "generator/_templates/package/sdk.py.j2" in names
    assert "generator/runtime/_runtime/client.py" in names
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    pip = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
        capture_output=True,
        text=True,
    )
    assert pip.returncode == 0, pip.stderr
    out = tmp_path / "out"
    run = subprocess.run(
        [
            str(venv / "bin" / "sdkforge"),
            "generate",
            "--spec",
            str(ROOT / "specs" / "dub.yaml"),
            "--out",
            str(out),
            "--package-name",
            "dub",
            "--sdk-name",
            "Dub",
            "--config",
            str(ROOT / "sdkforge.yaml"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    for rel in ("src/dub/sdk.py", "src/dub/partners.py", "src/dub/_runtime/client.py", "docs/sdks/partners/README.md"):
        assert (out / rel).read_text() == (GENERATED / rel).read_text(), rel
    # The manifest too: its digests do not depend on where the generator is installed.
    assert (out / ".sdkforge-manifest.json").read_text() == (GENERATED / ".sdkforge-manifest.json").read_text()
