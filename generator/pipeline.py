"""The generator pipeline: load -> validate -> build -> name -> render -> format (-> write).

`analyze` runs the first four stages (the IR and every diagnostic); `generate` renders and formats
the files (on every core, see `parallel`), reusing what the previous generation wrote where its
inputs did not change (see `incremental`). Writing is the caller's (`write.write_output`).
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import gc
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from . import ir, pystyle, release, swagger2
from .builder import build
from .diagnostics import ERROR, Diagnostic, Diagnostics, GenerationError
from .diff import Change, diff_apis, render_markdown, suggested_bump
from .incremental import Previous
from .load import Document, load_document, parse_text
from .naming import base_url_variable, name_api, names_from_title
from .options import Options
from .parallel import produce
from .refs import Resolver
from .render import Renderer
from .source import SOURCE_RECORD, source_digest, source_record
from .validate import validate
from .write import MANIFEST, with_manifest


@dataclass(frozen=True)
class Release:
    """What `generate --bump` decided: the version before and after, and why."""

    previous: str
    version: str
    changes: list[Change]
    notes: str  # the comparison in markdown ("" when there was nothing to compare with)
    kept_because: str = ""  # why the version stayed


@dataclass
class Generated:
    files: dict[str, str]
    api: ir.Api
    report: Diagnostics
    seconds: float = 0.0
    # Files read back unchanged from the output directory: writing has nothing to compare.
    unchanged: set[str] = field(default_factory=set)
    # The generator's records in the output directory besides the manifest (the document read,
    # for the next --bump) and, with --bump, the SDK's CHANGELOG.md: written, never compared.
    state: dict[str, str] = field(default_factory=dict)
    release: Release | None = None

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


FULL_VALIDATION_MAX_BYTES = 2_000_000


@dataclass
class Analysis:
    api: ir.Api | None  # None when errors stop the analysis
    diags: Diagnostics
    # The document as it was read: its text, or with overlays the JSON of the result (kept in the
    # output directory, the next `generate --bump` compares with it), and that text's file name.
    record: str
    record_name: str
    # Whether `$ref`s reached other documents (their content is not in the source digest).
    external: bool = False


def analyze(options: Options, *, full_validation: bool | None = True) -> tuple[ir.Api | None, Diagnostics]:
    """Load, validate, build and name `options.spec`: the API and every diagnostic (no API when
    errors stop it). `full_validation` None: openapi-spec-validator runs on documents up to
    `FULL_VALIDATION_MAX_BYTES` only.

    Raises GenerationError only when the file cannot be read as a document at all.
    """
    analysis = analyze_document(options, full_validation=full_validation)
    return analysis.api, analysis.diags


def analyze_document(
    options: Options, *, full_validation: bool | None = True, document: Document | None = None
) -> Analysis:
    """`analyze`, of `document` when given (instead of loading `options.spec`), keeping the document."""
    return with_deep_stack(lambda: _analyze(options, full_validation, document))


def _analyze(options: Options, full_validation: bool | None, doc: Document | None) -> Analysis:
    doc = doc or load_document(options.spec)
    diags = Diagnostics(str(options.spec), doc.locate)
    record, suffix = doc.text, doc.path.suffix.lower()
    if options.overlays:
        from .overlay import apply_overlays  # (python-jsonpath: only documents with overlays need it)

        doc.data = apply_overlays(doc.data, options.overlays, diags)
        record, suffix = json.dumps(doc.data, ensure_ascii=False) + "\n", ".json"
    record_name = "openapi" + (suffix if suffix in (".json", ".yaml", ".yml") else ".json")
    if swagger2.is_swagger2(doc.data):
        doc.data = swagger2.convert(doc.data)
        diags.note(
            "the document is Swagger 2.0: it was converted to OpenAPI 3.0 (pointers in messages refer to "
            "the converted form)"
        )
    if full_validation is None:
        full_validation = len(doc.text) <= FULL_VALIDATION_MAX_BYTES
        if not full_validation:
            diags.note(
                f"the document is over {FULL_VALIDATION_MAX_BYTES // 1_000_000} MB: openapi-spec-validator was not run "
                "(structure, references and defaults were checked); run `sdkforge validate` for the full check"
            )
    validate(doc.data, diags, full=full_validation, base_uri=doc.url or doc.path.resolve().as_uri())
    if diags.errors:
        return Analysis(None, diags, record, record_name)
    resolver = Resolver(doc)
    api = build(doc, resolver, diags, options)
    if diags.errors:
        return Analysis(None, diags, record, record_name)
    package, client = options.package_name, options.sdk_name
    if not package or not client:
        derived = names_from_title(api.title)
        package, client = package or derived[0], client or derived[1]
    api = ir.evolve(api, package_name=package, client_name=client)
    return Analysis(name_api(api, reserved={client}), diags, record, record_name, len(resolver.docs) > 1)


RUNTIME_LINE_LENGTH = 88


def generate(
    options: Options,
    *,
    full_validation: bool | None = None,
    progress: Any | None = None,
    reuse: bool = False,
    bump: bool = False,
) -> Generated:
    """Everything but writing: returns the files to write, or raises GenerationError.

    With `reuse`, files of the previous generation in `options.out` whose inputs did not change
    are read back instead of being rendered again (what makes regeneration fast). With `bump`,
    the SDK's version is raised by what changed since the document the output records (see
    `release`), and the changes head its CHANGELOG.md."""
    # The document and the IR are millions of objects that live until the end; the collector
    # would traverse them again and again (a quarter of the time on large documents) to find
    # few cycles. It runs once, at the end, instead.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _generate(options, full_validation, progress, reuse, bump)
    finally:
        if collecting:
            gc.enable()


def _generate(
    options: Options, full_validation: bool | None, progress: Any | None, reuse: bool, bump: bool
) -> Generated:
    started = time.perf_counter()
    analysis = analyze_document(options, full_validation=full_validation)
    api, diags = analysis.api, analysis.diags
    if api is None:
        raise GenerationError(diags.located(ERROR))
    options = dataclasses.replace(
        options,
        package_name=api.package_name,
        sdk_name=api.client_name,
        base_url_env=base_url_variable(options.base_url_env, api.package_name),
    )
    state = {f"{release.DOCUMENT_DIR}/{analysis.record_name}": analysis.record}
    decided = _release(options, api, analysis) if bump else None
    if decided is not None and decided.version != decided.previous:
        options = dataclasses.replace(options, sdk_version=decided.version)
        changelog = _read_text(options.out / release.CHANGELOG) if options.out is not None else None
        entry = release.with_entry(changelog, decided.version, _release_date(), decided.notes)
        state[release.CHANGELOG] = entry
    renderer = Renderer(api, options)
    previous, pystyle.LINE_LENGTH = pystyle.LINE_LENGTH, options.line_length
    try:
        # The runtime is kept in black's style at the default line length; at another it is formatted too.
        preformatted = set(renderer.runtime_paths()) if options.line_length == RUNTIME_LINE_LENGTH else set()
        previous_output = Previous(options.out) if reuse and options.out is not None else None
        produced = produce(renderer, renderer.jobs(), preformatted, progress, previous_output)
        names = {"package_name": options.package_name, "sdk_name": options.sdk_name, "sdk_version": options.sdk_version}
        files = with_manifest(produced.files, produced.inputs, produced.hashes, names)
        # What the output depends on (see `source`): "none" when `$ref`s reached other documents.
        state[SOURCE_RECORD] = source_record(None if analysis.external else source_digest(options), files[MANIFEST])
    finally:
        pystyle.LINE_LENGTH = previous
    seconds = time.perf_counter() - started
    return Generated(files, api, diags, seconds, set(produced.reused), state, decided)


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _release_date() -> str:
    """Today's date (UTC), or that of $SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch.isdigit() else None
    return (moment or datetime.datetime.now(datetime.timezone.utc)).date().isoformat()


def _release(options: Options, api: ir.Api, analysis: Analysis) -> Release:
    """The version `generate --bump` gives the SDK: the current one raised by what changed for SDK
    users since the document the output directory records (both read with the current settings)."""
    current = options.sdk_version
    recorded = release.recorded_document(options.out) if options.out is not None else None
    if recorded is None:
        return Release(current, current, [], "", "the output records no earlier document to compare with")
    path, text = recorded
    if text == analysis.record:
        return Release(current, current, [], "", "the document did not change since the last generation")
    # References into other files are followed from where the document is now.
    place = options.spec if isinstance(options.spec, Path) else path
    old_document = Document(place, text, parse_text(path, text, str(path)))
    old_options = dataclasses.replace(options, spec=path, overlays=())
    old = analyze_document(old_options, full_validation=False, document=old_document)
    if old.api is None:
        raise GenerationError(old.diags.located(ERROR))
    changes = diff_apis(old.api, api)
    try:
        version = release.bumped(current, suggested_bump(changes))
    except ValueError as exc:
        raise GenerationError([Diagnostic(ERROR, str(exc), "", "sdk_version")]) from None
    return Release(current, version, changes, render_markdown(changes))
