"""The `sdkforge` command line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

import click

from . import __version__
from .config import resolve
from .diagnostics import WARNING, Diagnostic, GenerationError
from .pipeline import generate as run_pipeline
from .write import compare_output, write_output

EXIT_OK, EXIT_DRIFT, EXIT_UNUSABLE = 0, 1, 2


def _options(func: Any) -> Any:
    for decorator in reversed(
        [
            click.option("--spec", type=click.Path(path_type=Path), help="OpenAPI document (YAML or JSON)."),
            click.option("--out", type=click.Path(path_type=Path), help="Output directory of the SDK project."),
            click.option("--package-name", help="Python package name of the SDK (e.g. dub)."),
            click.option("--sdk-name", help="Class name of the SDK client (e.g. Dub)."),
            click.option("--config", "config_path", type=click.Path(path_type=Path),
                         help="Settings file (default: ./sdkforge.yaml, or [tool.sdkforge] in ./pyproject.toml)."),
            click.option("--quiet", "-q", is_flag=True, help="Print errors only."),
        ]
    ):
        func = decorator(func)
    return func


def _summarise_warnings(diagnostics: List[Diagnostic], quiet: bool) -> None:
    warnings = [d for d in diagnostics if d.severity == WARNING]
    if not warnings or quiet:
        return
    shown = warnings[:20]
    click.echo(f"{len(warnings)} warning(s):", err=True)
    for d in shown:
        click.echo(f"  {d.render()}", err=True)
    if len(warnings) > len(shown):
        click.echo(f"  ... and {len(warnings) - len(shown)} more (see `sdkforge validate`)", err=True)


def _fail(exc: GenerationError) -> None:
    for d in exc.diagnostics:
        click.echo(f"sdkforge: {d.render()}", err=True)
    sys.exit(EXIT_UNUSABLE)


@click.group()
@click.version_option(__version__, prog_name="sdkforge")
def main() -> None:
    """sdkforge: generate a typed Python SDK from an OpenAPI document.

    Exit codes: 0 success; 1 drift found (check); 2 unusable spec or options.
    """


@main.command()
@_options
@click.option("--force", is_flag=True, help="Overwrite generated files that were edited by hand.")
def generate(spec: Optional[Path], out: Optional[Path], package_name: Optional[str], sdk_name: Optional[str],
             config_path: Optional[Path], quiet: bool, force: bool) -> None:
    """Generate the SDK into the output directory."""
    try:
        config = resolve(dict(spec=spec, out=out, package_name=package_name, sdk_name=sdk_name), config_path, Path.cwd())
        result = run_pipeline(config)
    except GenerationError as exc:
        _fail(exc)
        return
    written = write_output(config.out, result.files, force=force)
    _summarise_warnings(result.diagnostics, quiet)
    for rel in written.kept_user_edits:
        click.echo(f"kept {config.out / rel}: edited by hand (use --force to overwrite)", err=True)
    if not quiet:
        click.echo(
            f"Generated {config.out}: {result.operation_count} operations, {len(result.api.types)} types, "
            f"{len(written.written)} files written, {len(written.unchanged)} unchanged, {len(written.removed)} removed, "
            f"{len([d for d in result.diagnostics if d.severity == WARNING])} warnings, {result.seconds:.2f}s"
        )


@main.command()
@_options
def check(spec: Optional[Path], out: Optional[Path], package_name: Optional[str], sdk_name: Optional[str],
          config_path: Optional[Path], quiet: bool) -> None:
    """Exit 1 when the output directory differs from what the spec generates (for CI)."""
    try:
        config = resolve(dict(spec=spec, out=out, package_name=package_name, sdk_name=sdk_name), config_path, Path.cwd())
        result = run_pipeline(config)
    except GenerationError as exc:
        _fail(exc)
        return
    drift = compare_output(config.out, result.files)
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


if __name__ == "__main__":  # pragma: no cover
    main()
