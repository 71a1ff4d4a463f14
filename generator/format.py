"""Stage 6, format: lay out generated Python code with black."""

from __future__ import annotations

from typing import Any, Collection, Dict, Optional

import black

from .diagnostics import ERROR, Diagnostic, GenerationError

MODE = black.Mode(target_versions={black.TargetVersion.PY39}, line_length=88)


def format_files(files: Dict[str, str], preformatted: Collection[str] = (), progress: Optional[Any] = None) -> Dict[str, str]:
    """Every `.py` file formatted by black (except those already in black's style).

    A template bug that yields invalid code is reported as an internal error.
    """
    out = {}
    if progress is not None:
        progress.start(len(files))
    for path, content in files.items():
        if progress is not None:
            progress.advance()
        if path.endswith(".py") and content.strip() and path not in preformatted:
            try:
                content = black.format_str(content, mode=MODE)
            except black.InvalidInput as exc:
                raise GenerationError(
                    [Diagnostic(ERROR, f"internal error: generated code for {path} is not valid Python: {exc}")]
                ) from None
        out[path] = content
    return out
