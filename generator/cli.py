"""The `sdkforge` command line."""

from __future__ import annotations

import dataclasses
import gc
import os
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .diagnostics import ERROR, NOTE, WARNING, Diagnostic, GenerationError
from .load import is_git_ref, is_url
from .naming import base_url_variable
from .options import Options
from .pipeline import Generated, Release, analyze
from .pipeline import generate as run_pipeline
from .settings import CONFIG_FILE, names_changed, resolve
from .source import up_to_date
from .write import WriteResult, compare_output, output_problem, write_output

EXIT_OK, EXIT_DRIFT, EXIT_UNUSABLE = 0, 1, 2


def _spec_location(ctx: click.Context, param: click.Parameter, value: str | None) -> Path | str | None:
    """`--spec`: a URL or a `git:REV:PATH` as it is, anything else a path."""
    if value is None or is_url(value) or is_git_ref(value):
        return value
    return Path(value)


def _overlay_locations(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[Path | str, ...]:
    return tuple(v if is_url(v) else Path(v) for v in value)


_overlay_option = click.option(
    "--overlay",
    "overlays",
    multiple=True,
    callback=_overlay_locations,
    metavar="FILE",
    help="An OpenAPI Overlay 1.0 document applied to the document before it is read (repeatable; applied "
    "in order, after the `overlays` of the settings).",
)


def _options(func: Any) -> Any:
    for decorator in reversed(
        [
            click.option(
                "--spec",
                callback=_spec_location,
                help="OpenAPI document (YAML or JSON): a file, or an http(s) URL such as your server's "
                "/openapi.json. Default: `spec` in the settings.",
            ),
            click.option(
                "--out",
                type=click.Path(path_type=Path),
                help="Output directory of the SDK project. Default: `out` in the settings.",
            ),
            click.option(
                "--package-name",
                help="Python package name of the SDK (e.g. dub). Default: the settings, else the name the output "
                "was generated with, else derived from the document's title.",
            ),
            click.option(
                "--sdk-name",
                help="Class name of the SDK client (e.g. Dub). Default: as for --package-name.",
            ),
            click.option(
                "--config",
                "config_path",
                type=click.Path(path_type=Path),
                help="Settings file. Default: ./sdkforge.yaml, else [tool.sdkforge] in ./pyproject.toml.",
            ),
            _overlay_option,
            click.option("--quiet", "-q", is_flag=True, help="Print errors only."),
        ]
    ):
        func = decorator(func)
    return func


class _Progress:
    """A progress bar on a terminal while large SDKs are formatted (silent otherwise)."""

    THRESHOLD = 200

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.bar: Any = None

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)

    def start(self, total: int) -> None:
        if self.enabled and total >= self.THRESHOLD:
            self.bar = click.progressbar(length=total, label="Formatting", file=sys.stderr)
            self.bar.__enter__()

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.update(1)


def _summarise_warnings(diagnostics: list[Diagnostic]) -> None:
    for note in (d for d in diagnostics if d.severity == NOTE):
        click.echo(f"note: {note.message}", err=True)
    warnings = [d for d in diagnostics if d.severity == WARNING]
    if not warnings:
        return
    groups: dict[str, list[Diagnostic]] = {}
    for d in warnings:
        groups.setdefault(d.message, []).append(d)
    click.echo(f"{len(warnings)} warning(s), {len(groups)} kind(s); every operation was generated:", err=True)
    for message, items in sorted(groups.items(), key=lambda entry: -len(entry[1])):
        click.echo(f"  {len(items)} x {message}", err=True)
        for d in items[:WARNING_EXAMPLES]:
            click.echo(f"      {d.place()}{' #' + d.pointer if d.pointer else ''}", err=True)
        if len(items) > WARNING_EXAMPLES:
            click.echo(f"      ... and {len(items) - WARNING_EXAMPLES} more", err=True)
    click.echo("  (`sdkforge validate` lists each one)", err=True)


WARNING_EXAMPLES = 3


def _out(options: Options) -> Path:
    """The output directory (settings.resolve refuses options without one)."""
    assert options.out is not None
    return options.out


def _fail(exc: GenerationError) -> None:
    for d in exc.diagnostics:
        click.echo(f"sdkforge: {d.render()}", err=True)
    sys.exit(EXIT_UNUSABLE)


class _Guarded(click.Group):
    """Any unexpected exception becomes one clear line and exit code 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        collecting = gc.isenabled()
        gc.disable()  # a short run over long-lived objects: see `pipeline.generate`
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # the reader went away (`sdkforge check | head`): stop quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(1)
        except RecursionError:
            click.echo("sdkforge: error: the document is nested too deeply to process", err=True)
            sys.exit(EXIT_UNUSABLE)
        except Exception as exc:  # a bug in sdkforge: say so, without a traceback
            click.echo(
                f"sdkforge: internal error: {type(exc).__name__}: {exc} (please report this with the document)",
                err=True,
            )
            sys.exit(EXIT_UNUSABLE)
        finally:
            if collecting:
                gc.enable()


@click.group(cls=_Guarded)
@click.version_option(__version__, prog_name="sdkforge")
def main() -> None:
    """sdkforge: generate a typed Python SDK from an OpenAPI document.

    Exit codes: 0 success; 1 drift (check), errors (validate) or breaking changes (diff);
    2 unusable spec or options.
    """


def _prepare(
    spec: Path | None,
    out: Path | None,
    package_name: str | None,
    sdk_name: str | None,
    config_path: Path | None,
    overlays: tuple[Path | str, ...],
) -> Options:
    """The options of `generate` and `check`, with the output directory checked."""
    cli = dict(spec=spec, out=out, package_name=package_name, sdk_name=sdk_name)
    config = resolve(cli, config_path, Path.cwd(), overlays)
    problem = output_problem(_out(config))
    if problem:
        raise GenerationError([Diagnostic(ERROR, problem, "", f"--out {_out(config)}")])
    return config


def _names_note(config: Options, result: Generated) -> None:
    final = dataclasses.replace(config, package_name=result.api.package_name, sdk_name=result.api.client_name)
    for note in names_changed(final):
        click.echo(f"note: {note}", err=True)


@main.command(epilog="Example: sdkforge generate --spec openapi.yaml --out my-sdk")
@_options
@click.option(
    "--bump",
    is_flag=True,
    help="Raise the SDK's version by what changed for its users since the last generation into the "
    "output directory (breaking: major, before 1.0 minor; compatible: minor; else patch), and put "
    "the changes at the top of its CHANGELOG.md.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Overwrite generated files edited by hand with what is generated (the edits it discards are printed), "
    "instead of merging the edits into it.",
)
def generate(
    spec: Path | None,
    out: Path | None,
    package_name: str | None,
    sdk_name: str | None,
    config_path: Path | None,
    overlays: tuple[Path | str, ...],
    quiet: bool,
    bump: bool,
    force: bool,
) -> None:
    """Generate the SDK into the output directory (written whole, or not at all).

    Names given neither as flags, nor in the settings, nor recorded by an earlier generation into
    the directory come from the document's title: `Spotify Web API` gives the package
    `spotify_web_api` and the client `SpotifyWebAPI`.
    """
    try:
        config = _prepare(spec, out, package_name, sdk_name, config_path, overlays)
        with _Progress(enabled=not quiet and sys.stderr.isatty()) as progress:
            result = run_pipeline(config, progress=progress, reuse=True, bump=bump)
    except GenerationError as exc:
        _fail(exc)
        return
    out_dir = _out(config)
    _names_note(config, result)
    try:
        written = write_output(out_dir, result.files, force=force, unchanged=result.unchanged, state=result.state)
    except OSError as exc:  # the place cannot be written (permissions, a full disk)
        _fail(
            GenerationError(
                [Diagnostic(ERROR, f"cannot write the SDK there: {exc.strerror or exc}", "", f"--out {out_dir}")]
            )
        )
        return
    if not quiet:  # (finding each warning's line in a large document takes a moment)
        _summarise_warnings(result.diagnostics)
    _report_edits(out_dir, written, quiet)
    if not quiet:
        click.echo(
            f"Generated {out_dir} (package {result.api.package_name}, client {result.api.client_name}): "
            f"{result.operation_count} operations, {len(result.api.types)} types, "
            f"{len(written.written)} files written, {len(written.unchanged)} unchanged, "
            f"{len(written.removed)} removed, "
            f"{len([d for d in result.diagnostics if d.severity == WARNING])} warnings, {result.seconds:.2f}s"
        )
    if result.release is not None:
        _report_release(result.release, quiet)
    if written.conflicts:
        click.echo(
            f"{len(written.conflicts)} file(s) with conflicts between your edits and the new code, marked "
            "<<<<<<< ... >>>>>>> in place: resolve them, then run `sdkforge generate` again:",
            err=True,
        )
        for rel in written.conflicts:
            click.echo(f"  {out_dir / rel}", err=True)
        sys.exit(EXIT_DRIFT)


def _report_release(release: Release, quiet: bool) -> None:
    if release.version == release.previous:
        click.echo(f"version {release.version} kept: {release.kept_because}", err=True)
        return
    breaking = sum(c.breaking for c in release.changes)
    click.echo(
        f"version {release.previous} -> {release.version} ({len(release.changes)} change(s), {breaking} breaking); "
        "CHANGELOG.md updated",
        err=True,
    )
    if not quiet:
        click.echo(release.notes.rstrip("\n"), err=True)


def _report_edits(out_dir: Path, written: WriteResult, quiet: bool) -> None:
    """What became of the files edited by hand (on standard error)."""
    for rel in written.kept_user_edits:
        click.echo(
            f"kept {out_dir / rel}: edited by hand, with no record of what was generated before to merge with "
            "(use --force to overwrite)",
            err=True,
        )
    for rel in written.restored:
        click.echo(f"restored {out_dir / rel}: a generated file deleted by hand", err=True)
    if not quiet:
        for rel in written.merged:
            click.echo(f"merged your edits to {out_dir / rel} into the new code", err=True)
        for rel in written.edited:
            click.echo(f"kept your edits to {out_dir / rel} (the new code changes nothing there)", err=True)
    for rel, diff in written.discarded.items():
        click.echo(f"--force: discarded your edits to {out_dir / rel}" + (":" if diff and not quiet else ""), err=True)
        if diff and not quiet:
            click.echo(diff.rstrip("\n"), err=True)


@main.command(epilog="Example: sdkforge check --spec openapi.yaml --out my-sdk   (in CI)")
@_options
@click.option(
    "--full",
    is_flag=True,
    help="Generate and compare every file, even when the document, the settings and sdkforge are "
    "those the directory records and its files are as generated.",
)
def check(
    spec: Path | None,
    out: Path | None,
    package_name: str | None,
    sdk_name: str | None,
    config_path: Path | None,
    overlays: tuple[Path | str, ...],
    quiet: bool,
    full: bool,
) -> None:
    """Exit 1 when the output directory differs from what the document generates (for CI).

    It compares with the names the directory was generated with, unless flags or settings say
    otherwise. When the document, its overlays, the settings and sdkforge itself are byte for byte
    those the directory recorded when it was generated (.sdkforge/source), and every generated file
    still has the hash its manifest records, the directory is what generating again would write: it
    says so without generating (--full generates and compares anyway).
    """
    try:
        config = _prepare(spec, out, package_name, sdk_name, config_path, overlays)
        if not full and up_to_date(_out(config), config):
            if not quiet:
                click.echo(f"{config.out} is up to date with {config.spec} (unchanged since it was generated).")
            return
        result = run_pipeline(config)
    except GenerationError as exc:
        _fail(exc)
        return
    _names_note(config, result)
    drift = compare_output(_out(config), result.files)
    if not quiet:
        for rel in drift.edited:
            click.echo(f"edited: {rel} (by hand; the edits apply to what is generated)")
    if drift.clean:
        if not quiet:
            click.echo(f"{config.out} is up to date with {config.spec}.")
        return
    color = sys.stdout.isatty()
    for rel in drift.missing:
        click.echo(f"missing: {rel}")
    for rel in drift.extra:
        click.echo(f"extra: {rel}")
    for rel in drift.differs:
        click.echo(f"differs: {rel}")
        if not quiet:
            for line in drift.diffs[rel].splitlines():
                fg = "green" if line.startswith("+") else "red" if line.startswith("-") else None
                click.echo(click.style(line, fg=fg) if color and fg else line)
    click.echo(f"{config.out} has drifted from {config.spec}: run `sdkforge generate`.", err=True)
    sys.exit(EXIT_DRIFT)


INIT_TEMPLATE = """\
# sdkforge settings: `sdkforge generate` and `sdkforge check` read them from this directory
# (flags on the command line win). Written by `sdkforge init`; see `sdkforge generate --help`.

# The OpenAPI document (a file, relative to this one, or an http(s) URL).
spec: {spec}
# Where the SDK project is written (pyproject.toml, README.md, docs/, src/<package>/).
out: {out}
# The Python package (`import {package}`) and the client class (`from {package} import {client}`),
# derived from the document's title; change them before the first generation.
package_name: {package}
sdk_name: {client}
# The version written into the SDK's pyproject.toml and `__version__`.
sdk_version: 0.1.0
{env_comment}env_var: {env_var}
# Line length of the generated code (laid out as black lays it out at that length).
line_length: 88
# Enums: `open` keeps values the document does not list (a newer server does not break parsing);
# `closed` refuses them.
enums: open
# Operations without a tag: `paths` groups them into resources by their path
# (`client.customers.sources.verify()`); `flat` makes them all methods of the client.
untagged: paths
# The environment variable the client reads its server URL from when none is passed (false: none).
base_url_env: {base_url_env}
"""


@main.command(epilog="Example: sdkforge init --spec https://api.example.com/openapi.json")
@click.option("--spec", callback=_spec_location, required=True, help="The OpenAPI document (a file or an http(s) URL).")
@click.option("--out", default="sdk", show_default=True, help="Output directory to write into the settings.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    default=Path(CONFIG_FILE),
    show_default=True,
    help="The settings file to write.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing settings file.")
def init(spec: Path | str, out: str, config_path: Path, force: bool) -> None:
    """Check a document and write a commented settings file for it, so that plain `sdkforge generate`
    and `sdkforge check` work from then on."""
    if config_path.exists() and not force:
        click.echo(f"sdkforge: {config_path}: error: the file exists (use --force to overwrite it)", err=True)
        sys.exit(EXIT_UNUSABLE)
    try:
        api, diags = analyze(Options(spec=spec), full_validation=None)
    except GenerationError as exc:
        _fail(exc)
        return
    if api is None:
        _fail(GenerationError(diags.located(ERROR)))
        return
    if not is_url(spec):
        spec = os.path.relpath(Path(spec).absolute(), config_path.absolute().parent)
    env_var = api.package_name.upper() + "_API_KEY"
    text = INIT_TEMPLATE.format(
        spec=spec,
        out=out,
        package=api.package_name,
        client=api.client_name,
        env_var=env_var,
        base_url_env=base_url_variable(None, api.package_name),
        env_comment=(
            "# The environment variable the client reads its credential from when none is passed.\n"
            if api.security_schemes
            else "# The API declares no credential; an environment variable for one would be:\n# "
        ),
    )
    config_path.write_text(text, encoding="utf-8")
    click.echo(
        f"Wrote {config_path}: package {api.package_name}, client {api.client_name}; now run `sdkforge generate`."
    )


@main.command("validate", epilog="Example: sdkforge validate openapi.yaml --strict")
@click.argument("spec", callback=_spec_location)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@_overlay_option
def validate_command(spec: Path | str, strict: bool, overlays: tuple[Path | str, ...]) -> None:
    """Report every problem in SPEC with its severity, file:line:column and JSON pointer.

    Exit codes: 0 no errors (warnings allowed unless --strict); 1 errors; 2 unreadable.
    """
    try:
        _, diags = analyze(Options(spec=spec, overlays=overlays))
    except GenerationError as exc:
        _fail(exc)
        return
    located = sorted(diags.located(), key=lambda d: (d.line or 0, d.column or 0, d.pointer))
    for d in located:
        click.echo(d.render())
    errors = [d for d in located if d.severity == ERROR]
    warnings = [d for d in located if d.severity == WARNING]
    click.echo(f"{spec}: {len(errors)} error(s), {len(warnings)} warning(s)", err=True)
    if errors or (strict and warnings):
        sys.exit(EXIT_DRIFT)


@main.command("diff", epilog="Example: sdkforge diff old/openapi.yaml openapi.yaml --format json")
@click.argument("old_spec", callback=_spec_location)
@click.argument("new_spec", callback=_spec_location)
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True)
@_overlay_option
def diff_command(old_spec: Path | str, new_spec: Path | str, fmt: str, overlays: tuple[Path | str, ...]) -> None:
    """What regenerating from NEW_SPEC instead of OLD_SPEC changes for SDK users.

    Either document may be `git:REV:PATH`, read from a git revision of the current directory's
    repository without writing it anywhere (`sdkforge diff git:origin/main:openapi.yaml openapi.yaml`).
    Overlays apply to both documents.

    Exit codes: 0 nothing breaking; 1 something breaking; 2 a document is unusable.
    """
    apis = []
    for spec in (old_spec, new_spec):
        try:
            api, diags = analyze(Options(spec=spec, overlays=overlays), full_validation=False)
        except GenerationError as exc:
            _fail(exc)
            return
        if api is None:
            _fail(GenerationError(diags.located(ERROR)))
            return
        apis.append(api)
    from .diff import diff_apis, render_json, render_markdown  # only this command needs it

    changes = diff_apis(apis[0], apis[1])
    click.echo(render_json(changes) if fmt == "json" else render_markdown(changes), nl=False)
    if any(c.breaking for c in changes):
        sys.exit(EXIT_DRIFT)


def entry() -> None:
    """The `sdkforge` command: `main`, then a prompt exit.

    A run over a large document leaves millions of objects that the interpreter would free one
    by one on the way out, after the work is done and the output is safely on disk: the process
    ends without that (output streams flushed first). For the same reason the cyclic collector
    stays off for the whole run (`_Guarded` turns it back on only for callers that had it on)."""
    gc.disable()
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if exc.code is not None and not isinstance(exc.code, int):
            click.echo(exc.code, err=True)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`sdkforge check | head`): nothing more to say
            pass
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    entry()
