"""The generator pipeline: load -> validate -> build -> name -> render -> format (-> write)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Dict, List

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


def generate(config: Config, *, full_validation: bool = True) -> Generated:
    """Everything but writing: returns the files to write, or raises GenerationError."""
    started = time.perf_counter()
    doc = load_document(config.spec)
    diags = Diagnostics(str(config.spec), doc.locate)
    validate(doc.data, diags, full=full_validation, base_uri=doc.path.resolve().as_uri())
    if diags.errors:
        raise GenerationError(diags.located(ERROR))
    api = build(doc, Resolver(doc), diags)
    if diags.errors:
        raise GenerationError(diags.located(ERROR))
    api = name_api(api)
    options = Options(config.package_name, config.sdk_name, config.sdk_version, config.description, config.env_var)
    renderer = Renderer(api, options)
    files = with_manifest(format_files(renderer.render(), preformatted={renderer.runtime_path()}))
    return Generated(files, api, diags.located(), time.perf_counter() - started)
