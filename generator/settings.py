"""Settings: command-line flags over `sdkforge.yaml` (or `[tool.sdkforge]` in pyproject.toml), as `Options`."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

from .diagnostics import ERROR, Diagnostic, GenerationError
from .load import is_url
from .naming import class_name_problem, package_name_problem, suggested_class_name, suggested_package_name
from .options import Options
from .release import higher
from .write import MANIFEST, recorded_names, recorded_version

CONFIG_FILE = "sdkforge.yaml"
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_HEADER_NAME = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
_KEYS = {
    "spec",
    "out",
    "package_name",
    "sdk_name",
    "sdk_version",
    "description",
    "env_var",
    "line_length",
    "enums",
    "max_method_params",
    "untagged",
    "base_url_env",
    "idempotency_header",
    "globals",
    "overlays",
    "pagination",
    "webhook_signature",
}


_GLOBAL_TYPES = ("string", "integer", "number", "boolean")


def _globals(value: Any) -> tuple[tuple[str, str, str], ...]:
    """The `globals` setting: a list of {name, in (query, header or path), type (a JSON type,
    default string)}, as (name, location, type)."""
    if value is None:
        return ()
    problem = "globals must be a list of {name, in: query|header|path, type: string|integer|number|boolean}"
    if not isinstance(value, list):
        raise _fail(problem)
    out = []
    for entry in value:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise _fail(f"{problem}; not {entry!r}")
        location, kind = entry.get("in"), entry.get("type", "string")
        if location not in ("query", "header", "path") or kind not in _GLOBAL_TYPES:
            raise _fail(f"{problem}; not {entry!r}")
        out.append((entry["name"], str(location), str(kind)))
    return tuple(out)


def _pagination(value: Any) -> tuple[bool, frozenset[str]]:
    """The `pagination` setting: {infer: true|false, exclude: [operationId, ...]}."""
    if value is None:
        return True, frozenset()
    problem = "pagination must be a mapping {infer: true|false, exclude: [operationId, ...]}"
    if not isinstance(value, dict) or set(value) - {"infer", "exclude"}:
        raise _fail(f"{problem}, not {value!r}")
    infer, exclude = value.get("infer", True), value.get("exclude", [])
    if not isinstance(infer, bool) or not isinstance(exclude, list) or not all(isinstance(e, str) for e in exclude):
        raise _fail(f"{problem}, not {value!r}")
    return infer, frozenset(exclude)


def _option_error(option: str, message: str) -> GenerationError:
    """An error in an option or setting, named as the user wrote it (`--package-name`)."""
    return GenerationError([Diagnostic(ERROR, message, "", option)])


def names_changed(options: Options) -> list[str]:
    """What a run is told about names that differ from those the output was generated with."""
    if options.out is None:
        return []
    recorded = recorded_names(options.out)
    notes = []
    for key, label in (("package_name", "package"), ("sdk_name", "client class")):
        before, now = recorded.get(key), getattr(options, key)
        if before and now and before != now:
            notes.append(f"the {label} is {now!r}; {options.out} was generated with {before!r}")
    return notes


def _fail(message: str, file: str = "") -> GenerationError:
    return GenerationError([Diagnostic(ERROR, message, "", file)])


def read_config_file(path: Path | None, cwd: Path) -> dict[str, Any]:
    """Settings from an explicit file, else `sdkforge.yaml`, else `pyproject.toml` [tool.sdkforge]."""
    candidates = [path] if path is not None else [cwd / CONFIG_FILE]
    for candidate in candidates:
        if candidate.is_file():
            import yaml  # (only a settings file needs it)

            try:
                data = yaml.safe_load(candidate.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError as exc:
                raise _fail(f"invalid YAML: {exc}", str(candidate)) from None
            if not isinstance(data, dict):
                raise _fail("the configuration must be a mapping", str(candidate))
            return _relative({k.replace("-", "_"): v for k, v in data.items()}, candidate.parent, str(candidate))
        if path is not None:
            raise _fail("configuration file not found", str(candidate))
    pyproject = cwd / "pyproject.toml"
    if pyproject.is_file():
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # black depends on tomli there
            import tomli as tomllib
        try:
            table = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}).get("sdkforge")
        except ValueError as exc:
            raise _fail(f"invalid TOML: {exc}", str(pyproject)) from None
        if isinstance(table, dict):
            return _relative({k.replace("-", "_"): v for k, v in table.items()}, cwd, str(pyproject))
    return {}


def _relative(data: dict[str, Any], base: Path, file: str) -> dict[str, Any]:
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise _fail(f"unknown setting(s): {', '.join(unknown)} (known: {', '.join(sorted(_KEYS))})", file)
    for key in ("spec", "out"):
        if key in data and not is_url(str(data[key])):
            data[key] = Path(os.path.normpath(base / str(data[key])))
    if "overlays" in data:
        overlays = data["overlays"]
        if isinstance(overlays, str):
            overlays = [overlays]
        if not isinstance(overlays, list) or not all(isinstance(o, str) and o for o in overlays):
            raise _fail(f"overlays must be a list of overlay files, not {overlays!r}", file)
        data["overlays"] = tuple(o if is_url(o) else Path(os.path.normpath(base / o)) for o in overlays)
    data["_file"] = file  # where the settings came from, for messages about them
    return data


def resolve(cli: dict[str, Any], config_path: Path | None, cwd: Path, overlays: tuple[Path | str, ...] = ()) -> Options:
    """The options of a run: command-line flags, over the settings file, over what the output
    directory's manifest recorded (the names it was generated with). Names given nowhere are left
    empty: the pipeline derives them from the document's title. `overlays` (`--overlay`) are
    applied after those of the settings."""
    settings = read_config_file(config_path, cwd)
    settings_file = settings.pop("_file", "")
    sources = {k: f"{k} in {settings_file}" for k in settings}
    given = {k: v for k, v in cli.items() if v is not None}
    settings.update(given)
    sources.update({k: "--" + k.replace("_", "-") for k in given})
    missing = [k for k in ("spec", "out") if not settings.get(k)]
    if missing:
        raise _fail(f"missing {' and '.join('--' + m for m in missing)} (give it, or set it in {CONFIG_FILE})")
    recorded = recorded_names(Path(settings["out"]))
    for key in ("package_name", "sdk_name"):
        if not settings.get(key) and recorded.get(key):
            settings[key] = recorded[key]
            sources[key] = f"{key} recorded in {Path(settings['out']) / MANIFEST}"
    package = str(settings.get("package_name") or "")
    problem = package_name_problem(package) if package else ""
    if problem:
        suggestion = suggested_package_name(package)
        raise _option_error(sources["package_name"], f"{package!r} {problem}; use {suggestion!r}, for example")
    sdk_name = str(settings.get("sdk_name") or "")
    problem = class_name_problem(sdk_name) if sdk_name else ""
    if problem:
        suggestion = suggested_class_name(sdk_name)
        raise _option_error(sources["sdk_name"], f"{sdk_name!r} {problem}; use {suggestion!r}, for example")
    line_length = settings.get("line_length", 88)
    if isinstance(line_length, bool) or not isinstance(line_length, int) or not 40 <= line_length <= 240:
        raise _fail(f"line_length must be a whole number from 40 to 240, not {line_length!r}")
    enums = settings.get("enums", "open")
    if enums not in ("open", "closed"):
        raise _fail(f"enums must be 'open' or 'closed', not {enums!r}")
    max_params = settings.get("max_method_params", 0)
    if isinstance(max_params, bool) or not isinstance(max_params, int) or max_params < 0:
        raise _fail(f"max_method_params must be a whole number, not {max_params!r}")
    untagged = settings.get("untagged", "paths")
    if untagged not in ("paths", "flat"):
        raise _fail(f"untagged must be 'paths' (resources by path) or 'flat' (all on the client), not {untagged!r}")
    base_url_env = settings.get("base_url_env")
    if base_url_env is False:
        base_url_env = ""
    elif base_url_env is not None and not (isinstance(base_url_env, str) and _ENV_NAME.match(base_url_env)):
        raise _fail(f"base_url_env must be an environment variable's name (or false for none), not {base_url_env!r}")
    idempotency = settings.get("idempotency_header", "Idempotency-Key")
    if not isinstance(idempotency, str) or not _HEADER_NAME.match(idempotency):
        raise _fail(f"idempotency_header must be a header name, not {idempotency!r}")
    infer_pagination, pagination_exclude = _pagination(settings.get("pagination"))
    webhook_signature = settings.get("webhook_signature", "")
    if webhook_signature not in ("", "standard", "github"):
        raise _fail(f"webhook_signature must be 'standard' or 'github', not {webhook_signature!r}")
    return Options(
        infer_pagination=infer_pagination,
        webhook_signature=webhook_signature,
        pagination_exclude=pagination_exclude,
        global_params=_globals(settings.get("globals")),
        overlays=tuple(settings.get("overlays", ())) + overlays,
        base_url_env=base_url_env,
        idempotency_header=idempotency,
        line_length=line_length,
        enums=enums,
        untagged=untagged,
        max_method_params=max_params,
        spec=settings["spec"] if is_url(str(settings["spec"])) else Path(settings["spec"]),
        out=Path(settings["out"]),
        package_name=package,
        sdk_name=sdk_name,
        sdk_version=higher(str(settings.get("sdk_version") or "0.1.0"), recorded_version(Path(settings["out"]))),
        description=str(settings.get("description") or ""),
        env_var=str(settings.get("env_var") or ""),
    )
