"""Shared fixtures: paths, a scripted HTTP server on loopback, and the generated SDK on sys.path."""

from __future__ import annotations

import json
import os
import socket
import struct
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Public Dub facts (see fixtures/dub/SOURCE.md): the reference document and the seed page's facts.
REFERENCE = FIXTURES / "dub" / "dub-openapi-2025-02-08.yaml"
ANALYTICS_FRAGMENT = FIXTURES / "dub" / "dub-partner-analytics-2025-02.yaml"
PARTNERS_PAGE = FIXTURES / "dub" / "partners-page.json"


def partners_page() -> dict[str, Any]:
    """The facts of the seed page: sections, error rows, type names and its four examples."""
    return json.loads(PARTNERS_PAGE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@dataclass
class Recorded:
    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Reply:
    """A scripted answer. `delay` seconds pass before it; `action` misbehaves: "reset" closes the
    connection with a TCP reset instead of answering, "truncate" sends half the announced body."""

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None
    delay: float = 0.0
    action: str = ""
    gate: threading.Event | None = None  # when given: half the body, then wait for it, then the rest


class Loopback:
    """A real HTTP server on 127.0.0.1 that answers from a script and records every request."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], list[Reply]] = {}
        self.requests: list[Recorded] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _body(self) -> bytes:
                if self.headers.get("transfer-encoding", "").lower() == "chunked":  # a streamed upload
                    chunks = []
                    while True:
                        size = int(self.rfile.readline().split(b";")[0], 16)
                        chunk = self.rfile.read(size + 2)[:size]  # each chunk ends with CRLF
                        if not size:
                            return b"".join(chunks)
                        chunks.append(chunk)
                length = int(self.headers.get("content-length") or 0)
                return self.rfile.read(length) if length else b""

            def _serve(self) -> None:
                body = self._body()
                parts = urlsplit(self.path)
                server.requests.append(
                    Recorded(
                        self.command,
                        parts.path,
                        parse_qsl(parts.query, keep_blank_values=True),
                        {k.lower(): v for k, v in self.headers.items()},
                        body,
                    )
                )
                queue = server.routes.get((self.command, parts.path))
                reply = (queue.pop(0) if len(queue) > 1 else queue[0]) if queue else Reply(404, {"error": "no route"})
                payload = (
                    reply.raw
                    if reply.raw is not None
                    else (b"" if reply.body is None else json.dumps(reply.body).encode())
                )
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.action == "reset":
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.close_connection = True
                    self.connection.close()
                    return
                self.send_response(reply.status)
                headers = {"content-type": "application/json", **reply.headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                if reply.action == "truncate":
                    self.wfile.write(payload[: len(payload) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if reply.gate is not None:
                    self.wfile.write(payload[: len(payload) // 2])
                    self.wfile.flush()
                    reply.gate.wait(10)
                    self.wfile.write(payload[len(payload) // 2 :])
                    return
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

            def log_message(self, *args: Any) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: Any, client_address: Any) -> None:
                # A client that gave up (timeout, reset) is part of the script, not an error.
                pass

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self.thread.start()

    def on(self, method: str, path: str, *replies: Reply) -> None:
        self.routes[(method, path)] = list(replies)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def loopback():
    server = Loopback()
    yield server
    server.close()


@pytest.fixture(scope="session")
def dub_sdk():
    """The committed golden SDK, importable as `dub`."""
    src = str(GENERATED / "src")
    if src not in sys.path:
        sys.path.insert(0, src)
    import dub

    return dub


def generate_into(tmp: Path, spec_text: str, name: str = "spec.yaml", package: str = "sdk", sdk_name: str = "Client"):
    """Run the pipeline on an inline document; returns the Generated result (files in memory)."""
    from generator.options import Options
    from generator.pipeline import generate

    spec = tmp / name
    spec.write_text(spec_text, encoding="utf-8")
    return generate(Options(spec=spec, out=tmp / "out", package_name=package, sdk_name=sdk_name))


def import_generated(tmp: Path, result, package: str):
    """Write a generation's files under `tmp/out` and import its package (fresh, even if seen before)."""
    import importlib

    from generator.write import write_output

    write_output(tmp / "out", result.files)
    src = str(tmp / "out" / "src")
    if src not in sys.path:
        sys.path.insert(0, src)
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        del sys.modules[name]
    return importlib.import_module(package)


def mypy_cache() -> Path:
    """A mypy cache per test worker: what the generated SDKs import (pydantic, httpx) is analysed
    once per worker instead of once per check. (mypy notices when a module it cached changed.)"""
    import tempfile

    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return Path(tempfile.gettempdir()) / f"sdkforge-tests-mypy-{os.getuid()}-{worker}"


def assert_type_checks(src: Path, package: str) -> None:
    """`mypy --strict` finds no error in a generated package (under `src`)."""
    import subprocess

    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache()), package],
        cwd=src,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "Success: no issues found" in proc.stdout


def python_blocks(markdown: str) -> list[str]:
    """The ```python blocks of a Markdown text."""
    import re

    return re.findall(r"```python\n(.*?)```", markdown, flags=re.S)


def sdk_from(tmp: Path, spec_text: str, package: str, sdk_name: str):
    """Generate an SDK from an inline document into `tmp` and import it: (tmp, result, package module)."""
    result = generate_into(tmp, spec_text, package=package, sdk_name=sdk_name)
    return tmp, result, import_generated(tmp, result, package)
