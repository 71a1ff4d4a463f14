"""Stage 6, format: black's style for every generated Python module.

Templates already write black's style (see `pystyle`); `pystyle.finish` splits the long lines they
produce. A module it cannot vouch for goes through black itself, so the output is black-clean either
way and black runs only where needed.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from . import pystyle
from .diagnostics import ERROR, Diagnostic, GenerationError
from .pystyle import finish

if TYPE_CHECKING:
    import black


def _mode() -> black.Mode:
    """Black's settings for the current generation (the line length is a generation option)."""
    import black  # imported when first needed: most generations never need it
    from black.mode import TargetVersion

    return black.Mode(target_versions={TargetVersion.PY39}, line_length=pystyle.LINE_LENGTH)


def format_module(path: str, content: str, hand_written: bool = False) -> str:
    """One module in black's style; a template bug that yields invalid code is an internal error.

    Hand-written modules (the runtime) go to black directly: `finish` only knows template output.
    """
    fast = None if hand_written else finish(content)
    if fast is not None:
        return fast
    import black
    from black.parsing import InvalidInput

    try:
        return black.format_str(content, mode=_mode())
    except InvalidInput as exc:
        raise GenerationError(
            [Diagnostic(ERROR, f"internal error: generated code for {path} is not valid Python: {exc}")]
        ) from None


def needs_formatting(path: str, content: str, preformatted: Collection[str]) -> bool:
    return path.endswith(".py") and bool(content.strip()) and path not in preformatted
