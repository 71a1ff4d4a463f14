"""Shared fixtures: paths, a scripted HTTP server on loopback, and the generated SDK on sys.path."""

from __future__ import annotations

import json
import sys
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import parse_qsl, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GENERATED = ROOT / "generated"
SEED = SHARED / "seed" / "partners-README.md"
REFERENCE = SHARED / "reference" / "dub-openapi-2025-02-08.yaml"


@dataclass
class Recorded:
    method: str
    path: str
    query: List[Tuple[str, str]]
    headers: Dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Reply:
    status: int
    body: Any = None
    headers: Dict[str, str] = field(default_factory=dict)
    raw: Optional[bytes] = None


class Loopback:
    """A real HTTP server on 127.0.0.1 that answers from a script and records every request."""

    def __init__(self) -> None:
        self.routes: Dict[Tuple[str, str], List[Reply]] = {}
        self.requests: List[Recorded] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                server.requests.append(
                    Recorded(self.command, parts.path, parse_qsl(parts.query, keep_blank_values=True),
                             {k.lower(): v for k, v in self.headers.items()}, body)
                )
                queue = server.routes.get((self.command, parts.path))
                reply = (queue.pop(0) if len(queue) > 1 else queue[0]) if queue else Reply(404, {"error": "no route"})
                payload = reply.raw if reply.raw is not None else (b"" if reply.body is None else json.dumps(reply.body).encode())
                self.send_response(reply.status)
                headers = {"content-type": "application/json", **reply.headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
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
    from generator.config import Config
    from generator.pipeline import generate

    spec = tmp / name
    spec.write_text(spec_text, encoding="utf-8")
    return generate(Config(spec=spec, out=tmp / "out", package_name=package, sdk_name=sdk_name))
