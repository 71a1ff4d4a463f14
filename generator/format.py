"""Stage 6, format: black's style for every generated Python module.

Templates already write black's style (see `pystyle`); `pystyle.finish` splits the long lines they
produce. A module it cannot vouch for goes through black itself, so the output is black-clean either
way and black runs only where needed.
"""

from __future__ import annotations

from typing import Any, Collection, Dict, Optional

import black

from .diagnostics import ERROR, Diagnostic, GenerationError
from .pystyle import LINE_LENGTH, finish

MODE = black.Mode(target_versions={black.TargetVersion.PY39}, line_length=LINE_LENGTH)


def format_files(
    files: Dict[str, str], preformatted: Collection[str] = (), progress: Optional[Any] = None
) -> Dict[str, str]:
    """Every `.py` file in black's style; a template bug that yields invalid code is an internal error."""
    out = {}
    if progress is not None:
        progress.start(len(files))
    for path, content in files.items():
        if progress is not None:
            progress.advance()
        if path.endswith(".py") and content.strip() and path not in preformatted:
            fast = finish(content)
            if fast is not None:
                content = fast
            else:
                try:
                    content = black.format_str(content, mode=MODE)
                except black.InvalidInput as exc:
                    raise GenerationError(
                        [Diagnostic(ERROR, f"internal error: generated code for {path} is not valid Python: {exc}")]
                    ) from None
        out[path] = content
    return out
