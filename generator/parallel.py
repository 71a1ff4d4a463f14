"""Rendering on every core: forked copies of the process take chunks of jobs and send back results."""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .format import format_module, needs_formatting
from .incremental import Previous
from .render import Job, Renderer, engine_digest
from .write import content_hash

PARALLEL_MIN_JOBS = 400
_worker_state: dict[str, Any] = {}


def _run_chunk(indices: list[int]) -> list[tuple[int, str | None, str | None, str]]:
    """(job index, content, input digest, content hash) of each job, rendered and formatted; the
    content is None (and the hash "") when the digest is the one the previous generation recorded
    for the file (the parent reads it back)."""
    renderer: Renderer = _worker_state["renderer"]
    jobs = _worker_state["jobs"]
    previous: Previous | None = _worker_state.get("previous")
    out: list[tuple[int, str | None, str | None, str]] = []
    for index in indices:
        key, job = renderer.prepare(jobs[index])
        if previous is not None and key is not None and previous.same_inputs(job[0], key):
            out.append((index, None, key, ""))
        else:
            text = _render(renderer, job)
            out.append((index, text, key, content_hash(text.encode("utf-8"))))
    return out


def _render(renderer: Renderer, job: Job) -> str:
    text = renderer.run(job)
    if needs_formatting(job[0], text, _worker_state["preformatted"]):
        text = format_module(job[0], text, hand_written=job[1] == "text")
    return text


def _take(counter: Any, total: int) -> int | None:
    """The next chunk nobody has taken yet (None when all are taken)."""
    with counter.get_lock():
        taken: int = counter.value
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
            reader = _fork_copy(context, counter, chunks)
            thread = threading.Thread(target=receive, args=(reader,), daemon=True)
            thread.start()
            copies.append((reader.pid, thread))
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


def _fork_copy(context: Any, counter: Any, chunks: list[list[int]]) -> Any:
    """Fork a copy of this process that takes chunks and sends their results until none is left;
    the end of the pipe the results arrive on (its `pid` attribute names the copy)."""
    reader, writer = context.Pipe(duplex=False)
    pid = os.fork()
    if pid == 0:  # the copy: take chunks, send results, and leave without running anything else
        status = 1
        try:
            reader.close()
            while (number := _take(counter, len(chunks))) is not None:
                writer.send((number, _run_chunk(chunks[number])))
            status = 0
        finally:
            os._exit(status)
    writer.close()
    reader.pid = pid
    return reader


@dataclass
class Produced:
    files: dict[str, str]
    inputs: dict[str, str]  # the input digest of each file that has one
    reused: dict[str, str] = field(default_factory=dict)  # files read back from the output: their hashes
    hashes: dict[str, str] = field(default_factory=dict)  # the content hash of every file


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
        # The jobs that need the views of the whole API go first and together: the worker that
        # takes them makes those views while the others render the rest. A resource's module and
        # page go in the same chunk, so one worker makes that resource's view.
        whole: list[int] = []
        by_resource: list[tuple[int, int]] = []
        rest: list[int] = []
        for i, job in enumerate(jobs):
            resource = renderer.resource_of(job)
            if resource is not None:
                by_resource.append((resource, i))
            else:
                (whole if renderer.needs_whole_api(job) else rest).append(i)
        ordered = [i for _, i in sorted(by_resource)] + rest
        chunks = [whole[i : i + 256] for i in range(0, len(whole), 256)] + [
            ordered[i : i + 64] for i in range(0, len(ordered), 64)
        ]
        texts: dict[int, str] = {}
        inputs: dict[str, str] = {}
        reused: dict[str, str] = {}
        hashes: dict[str, str] = {}
        again: list[int] = []

        def collect(done: list[tuple[int, str | None, str | None, str]]) -> None:
            for index, text, key, digest in done:
                path = jobs[index][0]
                if key is not None:
                    inputs[path] = key
                if text is None:
                    assert previous is not None
                    text = previous.read(path)
                    if text is None:  # edited by hand or gone: rendered again below
                        again.append(index)
                        continue
                    reused[path] = digest = previous.hashes[path]
                hashes[path] = digest
                texts[index] = text
                if progress is not None:
                    progress.advance()

        if workers > 1 and len(jobs) >= PARALLEL_MIN_JOBS and "fork" in multiprocessing.get_all_start_methods():
            _share_out(chunks, workers, collect)
        else:
            for chunk in chunks:
                collect(_run_chunk(chunk))
        for index in again:
            texts[index] = text = _render(renderer, renderer.prepare(jobs[index])[1])
            hashes[jobs[index][0]] = content_hash(text.encode("utf-8"))
            if progress is not None:
                progress.advance()
        return Produced({job[0]: texts[i] for i, job in enumerate(jobs)}, inputs, reused, hashes)
    finally:
        _worker_state.clear()
