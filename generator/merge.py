"""Three-way merges of generated files a user edited by hand.

base: what sdkforge generated last time (kept in the output directory's store, see `write`);
ours: the file as the user left it; theirs: what sdkforge generates now. Lines changed on one
side only are taken from that side; lines changed alike on both sides are taken once; lines
changed differently on both sides are a conflict, written between the usual markers
(`<<<<<<<`, `|||||||`, `=======`, `>>>>>>>`) so that nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

OURS_MARKER = "<<<<<<< edited by hand"
BASE_MARKER = "||||||| generated before"
SEPARATOR = "======="
THEIRS_MARKER = ">>>>>>> generated now"


@dataclass(frozen=True)
class Merged:
    text: str
    conflicts: int  # the number of conflicting regions (0: merged cleanly)

    @property
    def clean(self) -> bool:
        return self.conflicts == 0


def _matching(a: list[str], b: list[str]) -> dict[int, int]:
    """For each line of `a` kept unchanged in `b`, its index in `b` (increasing with the index in `a`)."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    pairs: dict[int, int] = {}
    for start_a, start_b, size in matcher.get_matching_blocks():
        for offset in range(size):
            pairs[start_a + offset] = start_b + offset
    return pairs


def merge3(base: str, ours: str, theirs: str) -> Merged:
    """Merge the changes from `base` to `ours` and from `base` to `theirs`, line by line."""
    if ours == base or ours == theirs:
        return Merged(theirs, 0)
    if theirs == base:
        return Merged(ours, 0)
    base_lines, our_lines, their_lines = (text.splitlines(keepends=True) for text in (base, ours, theirs))
    in_ours, in_theirs = _matching(base_lines, our_lines), _matching(base_lines, their_lines)
    out: list[str] = []
    conflicts = 0
    b = o = t = 0  # where the current region starts in base, ours and theirs
    # Lines of base kept by both sides are the fixed points between which the regions lie.
    anchors = [i for i in range(len(base_lines)) if i in in_ours and i in in_theirs]
    for anchor in [*anchors, len(base_lines)]:
        o_end = in_ours[anchor] if anchor < len(base_lines) else len(our_lines)
        t_end = in_theirs[anchor] if anchor < len(base_lines) else len(their_lines)
        region_base, region_ours, region_theirs = base_lines[b:anchor], our_lines[o:o_end], their_lines[t:t_end]
        if region_ours == region_base or region_ours == region_theirs:
            out.extend(region_theirs)
        elif region_theirs == region_base:
            out.extend(region_ours)
        else:
            conflicts += 1
            out.append(OURS_MARKER + "\n")
            out.extend(_terminated(region_ours))
            out.append(BASE_MARKER + "\n")
            out.extend(_terminated(region_base))
            out.append(SEPARATOR + "\n")
            out.extend(_terminated(region_theirs))
            out.append(THEIRS_MARKER + "\n")
        if anchor < len(base_lines):
            out.append(base_lines[anchor])
        b, o, t = anchor + 1, o_end + 1, t_end + 1
    return Merged("".join(out), conflicts)


def _terminated(lines: list[str]) -> list[str]:
    """The lines, the last one ended by a newline (so that a marker after it starts its own line)."""
    if lines and not lines[-1].endswith("\n"):
        return [*lines[:-1], lines[-1] + "\n"]
    return lines
