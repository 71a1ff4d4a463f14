"""Stage 6, format: lay out generated Python code with black."""

from __future__ import annotations

from typing import Dict

import black

from .diagnostics import ERROR, Diagnostic, GenerationError

MODE = black.Mode(target_versions={black.TargetVersion.PY39}, line_length=88)


def format_files(files: Dict[str, str]) -> Dict[str, str]:
    """Every `.py` file formatted by black; a template bug that yields invalid code is an error."""
    out = {}
    for path, content in files.items():
        if path.endswith(".py") and content.strip():
            try:
                content = black.format_str(content, mode=MODE)
            except black.InvalidInput as exc:
                raise GenerationError(
                    [Diagnostic(ERROR, f"internal error: generated code for {path} is not valid Python: {exc}")]
                ) from None
        out[path] = content
    return out
