"""Diagnostics: problems found in a document, collected as values rather than raised."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

ERROR = "error"
WARNING = "warning"
NOTE = "note"


@dataclass(frozen=True)
class Diagnostic:
    severity: str
    message: str
    pointer: str = ""
    file: str = ""
    line: int | None = None
    column: int | None = None

    def place(self) -> str:
        """file:line:column, as far as known."""
        place = self.file or "<spec>"
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        return place

    def render(self) -> str:
        where = f" at #{self.pointer}" if self.pointer else ""
        return f"{self.place()}: {self.severity}: {self.message}{where}"


@dataclass
class Diagnostics:
    """Collects diagnostics; `locate` maps a JSON pointer to (line, column) in the source file."""

    file: str = ""
    locate: Callable[[str], tuple[int, int] | None] | None = None
    items: list[Diagnostic] = field(default_factory=list)
    _seen: set[Diagnostic] = field(default_factory=set, repr=False)

    def add(self, severity: str, message: str, pointer: str = "") -> None:
        item = Diagnostic(severity, message, pointer, self.file)
        if item not in self._seen:
            self._seen.add(item)
            self.items.append(item)

    def warn(self, message: str, pointer: str = "") -> None:
        self.add(WARNING, message, pointer)

    def note(self, message: str, pointer: str = "") -> None:
        self.add(NOTE, message, pointer)

    def error(self, message: str, pointer: str = "") -> None:
        self.add(ERROR, message, pointer)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == WARNING]

    def located(self, severity: str | None = None) -> list[Diagnostic]:
        """The diagnostics (of one severity, if given) with line and column filled in."""
        out = []
        for d in self.items:
            if severity is not None and d.severity != severity:
                continue
            # (a diagnostic of another file, such as an overlay, comes located)
            position = self.locate(d.pointer) if self.locate and d.line is None and d.file == self.file else None
            if position:
                d = Diagnostic(d.severity, d.message, d.pointer, d.file, position[0], position[1])
            out.append(d)
        return out


class GenerationError(Exception):
    """Generation cannot go on: carries the diagnostics that explain why."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        super().__init__("\n".join(d.render() for d in diagnostics))
