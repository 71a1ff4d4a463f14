"""The generator pipeline: load -> validate -> build -> name -> render -> format (-> write)."""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple, TypeVar

from . import ir
from .build import build
from .config import Config
from .diagnostics import ERROR, Diagnostic, Diagnostics, GenerationError
from .format import format_files
from .load import load_document
from .naming import name_api
from .refs import Resolver
from .render import Options, Renderer
from .validate import validate
from .write import with_manifest


@dataclass
class Generated:
    files: Dict[str, str]
    api: ir.Api
    diagnostics: List[Diagnostic] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def operation_count(self) -> int:
        return sum(len(r.operations) for r in self.api.resources) + len(self.api.root_operations)


T = TypeVar("T")
DEEP_STACK_BYTES = 512 * 1024 * 1024
DEEP_RECURSION_LIMIT = 100_000


def with_deep_stack(fn: Callable[[], T]) -> T:
    """Run `fn` in a thread with a large stack, so deeply nested documents cannot exhaust it."""
    outcome: Dict[str, Any] = {}

    def target() -> None:
        previous = sys.getrecursionlimit()
        sys.setrecursionlimit(max(previous, DEEP_RECURSION_LIMIT))
        try:
            outcome["value"] = fn()
        except BaseException as exc:  # re-raised in the caller's thread
            outcome["error"] = exc
        finally:
            sys.setrecursionlimit(previous)

    old_size = threading.stack_size(DEEP_STACK_BYTES)
    try:
        worker = threading.Thread(target=target, name="sdkforge-pipeline")
        worker.start()
    finally:
        threading.stack_size(old_size)
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]


def analyze(spec: Path, *, full_validation: bool = True) -> Tuple[Optional[ir.Api], Diagnostics]:
    """Load, validate, build and name: the API and every diagnostic (no API when errors stop it).

    Raises GenerationError only when the file cannot be read as a document at all.
    """
    return with_deep_stack(lambda: _analyze(spec, full_validation))


def _analyze(spec: Path, full_validation: bool) -> Tuple[Optional[ir.Api], Diagnostics]:
    doc = load_document(spec)
    diags = Diagnostics(str(spec), doc.locate)
    validate(doc.data, diags, full=full_validation, base_uri=doc.path.resolve().as_uri())
    if diags.errors:
        return None, diags
    api = build(doc, Resolver(doc), diags)
    if diags.errors:
        return None, diags
    return name_api(api), diags


def generate(config: Config, *, full_validation: bool = True, progress: Optional[Any] = None) -> Generated:
    """Everything but writing: returns the files to write, or raises GenerationError."""
    started = time.perf_counter()
    api, diags = analyze(config.spec, full_validation=full_validation)
    if api is None:
        raise GenerationError(diags.located(ERROR))
    options = Options(config.package_name, config.sdk_name, config.sdk_version, config.description, config.env_var)
    renderer = Renderer(api, options)
    files = with_manifest(format_files(renderer.render(), preformatted={renderer.runtime_path()}, progress=progress))
    return Generated(files, api, diags.located(), time.perf_counter() - started)
