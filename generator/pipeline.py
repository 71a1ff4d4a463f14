"""The generator pipeline: load -> validate -> build -> name -> render -> format (-> write)."""

from __future__ import annotations

import functools
import gc
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TypeVar

from . import ir, pystyle, swagger2
from .build import BuildOptions, build
from .config import Config
from .diagnostics import ERROR, Diagnostic, Diagnostics, GenerationError
from .format import format_module, needs_formatting
from .load import load_document
from .naming import name_api
from .refs import Resolver
from .render import Job, Options, Renderer, engine_digest
from .validate import validate
from .write import content_hash, read_manifest, with_manifest


@dataclass
class Generated:
    files: dict[str, str]
    api: ir.Api
    report: Diagnostics
    seconds: float = 0.0
    # Files read back unchanged from the output directory: writing has nothing to compare.
    unchanged: set[str] = field(default_factory=set)

    @functools.cached_property
    def diagnostics(self) -> list[Diagnostic]:
        """Every diagnostic, with its line and column (found in the document text when first asked for)."""
        return self.report.located()

    @property
    def operation_count(self) -> int:
        return sum(len(r.operations) for r in self.api.resources) + len(self.api.root_operations)


T = TypeVar("T")
DEEP_STACK_BYTES = 512 * 1024 * 1024
DEEP_RECURSION_LIMIT = 100_000


def with_deep_stack(fn: Callable[[], T]) -> T:
    """Run `fn` in a thread with a large stack, so deeply nested documents cannot exhaust it."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        previous = sys.getrecursionlimit()
        if "small_stack" not in outcome:
            sys.setrecursionlimit(max(previous, DEEP_RECURSION_LIMIT))
        try:
            outcome["value"] = fn()
        except BaseException as exc:  # re-raised in the caller's thread
            outcome["error"] = exc
        finally:
            sys.setrecursionlimit(previous)

    try:
        old_size = threading.stack_size(DEEP_STACK_BYTES)
    except (ValueError, RuntimeError):  # a platform that refuses large stacks: keep Python's limit
        old_size = threading.stack_size()
        outcome["small_stack"] = True
    try:
        worker = threading.Thread(target=target, name="sdkforge-pipeline")
        worker.start()
    finally:
        threading.stack_size(old_size)
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]


# openapi-spec-validator needs about a second per megabyte: on larger documents `generate` keeps to
# its own checks (structure, references, defaults), and `validate` runs everything.
FULL_VALIDATION_MAX_BYTES = 2_000_000


def analyze(
    spec: Path, *, full_validation: bool | None = True, options: BuildOptions | None = None
) -> tuple[ir.Api | None, Diagnostics]:
    """Load, validate, build and name: the API and every diagnostic (no API when errors stop it).

    Raises GenerationError only when the file cannot be read as a document at all.
    """
    return with_deep_stack(lambda: _analyze(spec, full_validation, options or BuildOptions()))


def _analyze(spec: Path, full_validation: bool | None, options: BuildOptions) -> tuple[ir.Api | None, Diagnostics]:
    doc = load_document(spec)
    diags = Diagnostics(str(spec), doc.locate)
    if swagger2.is_swagger2(doc.data):
        doc.data = swagger2.convert(doc.data)
        diags.note("the document is Swagger 2.0: it was converted to OpenAPI 3.0 (pointers in messages refer to "
                   "the converted form)")
    if full_validation is None:
        full_validation = len(doc.text) <= FULL_VALIDATION_MAX_BYTES
        if not full_validation:
            diags.note(
                f"the document is over {FULL_VALIDATION_MAX_BYTES // 1_000_000} MB: openapi-spec-validator was not run "
                "(structure, references and defaults were checked); run `sdkforge validate` for the full check"
            )
    validate(doc.data, diags, full=full_validation, base_uri=doc.path.resolve().as_uri())
    if diags.errors:
        return None, diags
    api = build(doc, Resolver(doc), diags, options)
    if diags.errors:
        return None, diags
    return name_api(api, reserved={options.sdk_name} - {""}), diags


PARALLEL_MIN_JOBS = 400
RUNTIME_LINE_LENGTH = 88
_worker_state: dict[str, Any] = {}


def _run_chunk(indices: list[int]) -> list[tuple[int, str | None, str | None]]:
    """(job index, content, input digest) of each job, rendered and formatted; the content is None
    when the digest is the one the previous generation recorded for the file (the parent reads it back)."""
    renderer: Renderer = _worker_state["renderer"]
    jobs = _worker_state["jobs"]
    previous: Previous | None = _worker_state.get("previous")
    out: list[tuple[int, str | None, str | None]] = []
    for index in indices:
        key, job = renderer.prepare(jobs[index])
        if previous is not None and key is not None and previous.same_inputs(job[0], key):
            out.append((index, None, key))
        else:
            out.append((index, _render(renderer, job), key))
    return out


def _render(renderer: Renderer, job: Job) -> str:
    text = renderer.run(job)
    if needs_formatting(job[0], text, _worker_state["preformatted"]):
        text = format_module(job[0], text, hand_written=job[1] == "text")
    return text


def _take(counter: Any, total: int) -> int | None:
    """The next chunk nobody has taken yet (None when all are taken)."""
    with counter.get_lock():
        taken = counter.value
        if taken >= total:
            return None
        counter.value = taken + 1
        return taken


def _share_out(chunks: list[list[int]], workers: int, collect: Callable[[list[Any]], None]) -> None:
    """Run every chunk in `workers` forked copies of this process, and collect the results here.

    Each copy takes the next chunk nobody has taken until none is left, and sends its results
    chunk by chunk; a thread per copy receives them as they come. A chunk a copy took but never
    delivered (it failed, or was killed by the system) is run here afterwards: the output is
    complete, and a failure raises its error here, where a pool would wait forever."""
    context = multiprocessing.get_context("fork")
    try:
        counter = context.Value("i", 0)
    except OSError:  # no shared memory for the counter (a container without /dev/shm): one process
        for chunk in chunks:
            collect(_run_chunk(chunk))
        return
    arrived: queue.SimpleQueue[tuple[int, list[Any]] | None] = queue.SimpleQueue()
    delivered: set[int] = set()
    copies: list[tuple[int, threading.Thread]] = []

    def receive(connection: Any) -> None:
        with connection:
            while True:
                try:
                    arrived.put(connection.recv())
                except (EOFError, OSError):  # the copy is done (or gone)
                    arrived.put(None)
                    return

    try:
        for _ in range(workers):
            reader, writer = context.Pipe(duplex=False)
            pid = os.fork()
            if pid == 0:  # a copy: take chunks, send results, and leave without running anything else
                status = 1
                try:
                    reader.close()
                    while (number := _take(counter, len(chunks))) is not None:
                        writer.send((number, _run_chunk(chunks[number])))
                    status = 0
                finally:
                    os._exit(status)
            writer.close()
            thread = threading.Thread(target=receive, args=(reader,), daemon=True)
            thread.start()
            copies.append((pid, thread))
        running = len(copies)
        while running:
            item = arrived.get()
            if item is None:
                running -= 1
                continue
            delivered.add(item[0])
            collect(item[1])
    except BaseException:
        for pid, _ in copies:
            os.kill(pid, signal.SIGKILL)
        raise
    finally:
        for pid, thread in copies:
            os.waitpid(pid, 0)
            thread.join()
    for number, chunk in enumerate(chunks):
        if number not in delivered:
            collect(_run_chunk(chunk))


@dataclass
class Produced:
    files: dict[str, str]
    inputs: dict[str, str]  # the input digest of each file that has one
    reused: dict[str, str] = field(default_factory=dict)  # files read back from the output: their hashes


def produce(
    renderer: Renderer,
    jobs: list[Job],
    preformatted: set[str],
    progress: Any | None = None,
    previous: Previous | None = None,
) -> Produced:
    """Render and format every job (on every core when there are many and the platform can fork).

    With `previous`, a file whose input digest did not change is read back from the output
    directory (by this process, while the workers go on) instead of being rendered."""
    workers = min(os.cpu_count() or 1, 8)
    if progress is not None:
        progress.start(len(jobs))
    if previous is None or not previous.inputs:
        renderer.preload()  # else most files are read back, and workers compile what they need
    engine_digest()  # once, before the workers fork
    _worker_state.update(renderer=renderer, jobs=jobs, preformatted=preformatted, previous=previous)
    try:
        # The jobs that need the views of the whole API go first and together (up to a few hundred
        # per chunk): the worker that takes them makes those views while the others render models.
        whole = [i for i, job in enumerate(jobs) if renderer.needs_whole_api(job)]
        rest = [i for i, job in enumerate(jobs) if not renderer.needs_whole_api(job)]
        chunks = [whole[i : i + 256] for i in range(0, len(whole), 256)] + [rest[i : i + 64] for i in range(0, len(rest), 64)]
        texts: dict[int, str] = {}
        inputs: dict[str, str] = {}
        reused: dict[str, str] = {}
        again: list[int] = []

        def collect(done: list[tuple[int, str | None, str | None]]) -> None:
            for index, text, key in done:
                path = jobs[index][0]
                if key is not None:
                    inputs[path] = key
                if text is None:
                    assert previous is not None
                    text = previous.read(path)
                    if text is None:  # edited by hand or gone: rendered again below
                        again.append(index)
                        continue
                    reused[path] = previous.hashes[path]
                texts[index] = text
                if progress is not None:
                    progress.advance()

        if workers > 1 and len(jobs) >= PARALLEL_MIN_JOBS and "fork" in multiprocessing.get_all_start_methods():
            _share_out(chunks, workers, collect)
        else:
            for chunk in chunks:
                collect(_run_chunk(chunk))
        for index in again:
            texts[index] = _render(renderer, renderer.prepare(jobs[index])[1])
            if progress is not None:
                progress.advance()
        return Produced({job[0]: texts[i] for i, job in enumerate(jobs)}, inputs, reused)
    finally:
        _worker_state.clear()


class Previous:
    """What the previous generation into the output directory recorded: the input digest and the
    content hash of each file. A file is reused when its digest is unchanged and nobody edited it."""

    def __init__(self, out: Path):
        self.out = out
        manifest = read_manifest(out)
        inputs, hashes = manifest.get("inputs"), manifest.get("files")
        self.inputs: dict[str, str] = inputs if isinstance(inputs, dict) else {}
        self.hashes: dict[str, str] = hashes if isinstance(hashes, dict) else {}

    def same_inputs(self, path: str, key: str) -> bool:
        return bool(key) and self.inputs.get(path) == key

    def read(self, path: str) -> str | None:
        """The file as the previous generation wrote it (None when it is gone or was edited)."""
        try:
            data = (self.out / path).read_bytes()
        except OSError:
            return None
        if content_hash(data) != self.hashes.get(path):
            return None  # edited by hand: generate it again (and let `write` decide)
        return data.decode("utf-8")

    def reuse(self, path: str, key: str) -> str | None:
        """The previous file when `key` is the digest it was made from, and nobody edited it."""
        return self.read(path) if self.same_inputs(path, key) else None


def generate(
    config: Config, *, full_validation: bool | None = None, progress: Any | None = None, reuse: bool = False
) -> Generated:
    """Everything but writing: returns the files to write, or raises GenerationError.

    With `reuse`, files of the previous generation in `config.out` whose inputs did not change
    are read back instead of being rendered again (what makes regeneration fast)."""
    # The document and the IR are millions of objects that live until the end; the collector
    # would traverse them again and again (a quarter of the time on large documents) to find
    # few cycles. It runs once, at the end, instead.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _generate(config, full_validation, progress, reuse)
    finally:
        if collecting:
            gc.enable()


def _generate(config: Config, full_validation: bool | None, progress: Any | None, reuse: bool) -> Generated:
    started = time.perf_counter()
    api, diags = analyze(config.spec, full_validation=full_validation,
                         options=BuildOptions(config.enums == "closed", config.max_method_params, config.sdk_name))
    if api is None:
        raise GenerationError(diags.located(ERROR))
    options = Options(config.package_name, config.sdk_name, config.sdk_version, config.description, config.env_var)
    renderer = Renderer(api, options)
    previous, pystyle.LINE_LENGTH = pystyle.LINE_LENGTH, config.line_length
    try:
        # The runtime is kept in black's style at the default line length; at another it is formatted too.
        preformatted = set(renderer.runtime_paths()) if config.line_length == RUNTIME_LINE_LENGTH else set()
        previous_output = Previous(config.out) if reuse else None
        produced = produce(renderer, renderer.jobs(), preformatted, progress, previous_output)
        files = with_manifest(produced.files, produced.inputs, produced.reused)
    finally:
        pystyle.LINE_LENGTH = previous
    return Generated(files, api, diags, time.perf_counter() - started, set(produced.reused))
