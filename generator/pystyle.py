"""Black's style, emitted directly.

Running black over a large SDK is the slowest part of generation, so the templates write code the
way black would and this module supplies the pieces they cannot express: literals with black's
quote preference, docstrings normalised as black normalises them, and the splitting of lines longer
than the line length for the few statement shapes templates produce. `finish` returns None when a
module holds something it does not know how black would lay out; only such modules go through black.
The test suite checks the result with `black --check`.
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
import unicodedata
from collections.abc import Callable
from typing import Any, Union

LINE_LENGTH = 88
_ESCAPE_CATEGORIES = ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn")


# ---------------------------------------------------------------- literals


def string_literal(value: str) -> str:
    """A string literal the way black writes it: double quotes unless they need more escapes."""
    text = repr(value)
    if text[0] == '"':
        return text
    if '"' not in value:
        return '"' + text[1:-1].replace("\\'", "'") + '"'
    if "'" in value and value.count('"') <= value.count("'"):
        body = text[1:-1].replace("\\'", "'").replace('"', '\\"')
        return '"' + body + '"'
    return text


def literal(value: Any) -> str:
    """A Python literal for plain data (str, numbers, bools, None, tuples, lists, dicts)."""
    if isinstance(value, str):
        return string_literal(value)
    if isinstance(value, tuple):
        if len(value) == 1:
            return f"({literal(value[0])},)"
        return "(" + ", ".join(literal(v) for v in value) + ")"
    if isinstance(value, list):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(k)}: {literal(v)}" for k, v in value.items()) + "}"
    return repr(value)


# ---------------------------------------------------------------- docstrings


_CONTROL_SEPARATORS = re.compile(r"[\n\t]")
_QUOTE_TO_ESCAPE = re.compile(r'"(?="|$)|(?<=")"')


def _escape(text: str) -> str:
    """Text safe inside a triple-quoted string: backslashes, invisible characters, quote runs."""
    text = str(text).replace("\r\n", "\n")
    if all(part.isprintable() for part in _CONTROL_SEPARATORS.split(text)):
        text = text.replace("\\", "\\\\")
    else:
        out = []
        for ch in text:
            if ch == "\\":
                out.append("\\\\")
            elif ch in "\n\t" or ch == " ":
                out.append(ch)
            elif unicodedata.category(ch) in _ESCAPE_CATEGORIES:
                code = ord(ch)
                out.append(
                    f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
                )
            else:
                out.append(ch)
        text = "".join(out)
    # Escape each double quote that touches another one or ends the text: no `"""` can form.
    return _QUOTE_TO_ESCAPE.sub('\\\\"', text) if '"' in text else text


def _black_docstring(value: str, indent: str) -> str:
    """What black makes of the docstring literal `value` (triple double quotes, no prefix)."""
    body = value[3:-3]
    started_empty = not body
    if "\n" in value:
        lines = [
            line if not line[:1].isspace() else line[: len(line) - len(line.lstrip())].expandtabs(4) + line.lstrip()
            for line in re.split(r"\r\n|\r|\n", body)
        ]
        margin = min((len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()), default=sys.maxsize)
        trimmed = [lines[0].strip()]
        if margin < sys.maxsize:
            last = len(lines) - 2
            for i, line in enumerate(lines[1:]):
                stripped = line[margin:].rstrip()
                trimmed.append(indent + stripped if stripped or i == last else "")
        body = "\n".join(trimmed)
    else:
        body = body.strip()
    if body:
        if body[0] == '"':
            body = " " + body
        if body[-1] == '"':
            body += " "
    elif not started_empty:
        body = " "
    lines = body.splitlines()
    last_length = len(lines[-1]) if body and not body.endswith("\n") else 0
    if len(lines) > 1 and last_length + 3 > LINE_LENGTH and len(indent) + 3 <= LINE_LENGTH:
        if value[-4] == "\n":
            return '"""' + body + '"""'
        return '"""' + body + "\n" + indent + '"""'
    return '"""' + body + '"""'


def docstring(text: str, indent: str) -> str:
    """A complete `\"\"\"...\"\"\"` literal, laid out as black lays out docstrings at `indent`."""
    return _docstring(text, indent, LINE_LENGTH)


@functools.lru_cache(maxsize=1 << 14)
def _docstring(text: str, indent: str, line_length: int) -> str:
    """`docstring`, cached: API documents repeat descriptions ("The unique identifier of ...")."""
    escaped = _escape(text).strip()
    naive = (
        '"""'
        + "\n".join(line if i == 0 or not line.strip() else indent + line for i, line in enumerate(escaped.split("\n")))
        + '"""'
    )
    once = _black_docstring(naive, indent)
    return _black_docstring(once, indent)  # black's output is its own fixed point: reach it


# ---------------------------------------------------------------- long lines

_TRIVIAL_TAIL = re.compile(r"^[\]\)\}](?: = [A-Za-z0-9_.]+| = -?[0-9.]+)?,?:?$")
_ATOM = re.compile(r"^[A-Za-z0-9_.]+$")
_EMPTY_CALL = re.compile(r"^[A-Za-z0-9_.]+\(\),?$")
_SUBSCRIPT = re.compile(r"^([A-Za-z0-9_.]+)\[([A-Za-z0-9_.]+)\]$")
_BARE_ANNOTATION = re.compile(r"^(\s*[A-Za-z_][A-Za-z0-9_]*): ([A-Za-z_][A-Za-z0-9_.]*)$")
_GENERIC_HEADER = re.compile(
    r"^(\s*[A-Za-z_][A-Za-z0-9_]*): ([A-Za-z_][A-Za-z0-9_.]*)\[(.*)\] = ([A-Za-z_][A-Za-z0-9_.]*)\($"
)
_TYPE_ANNOTATION = re.compile(r"^\s*[A-Za-z_][A-Za-z0-9_]*: [A-Za-z_][A-Za-z0-9_.\[\], ]*\]$")
_ATOM_ANNOTATED = re.compile(r"^(\s*[A-Za-z_][A-Za-z0-9_]*): ([A-Za-z_][A-Za-z0-9_.]*) = ([A-Za-z_][A-Za-z0-9_.]*)$")
_ATOM_ASSIGNMENT = re.compile(
    r"^(\s*[A-Za-z_][A-Za-z0-9_]*(?::.*?)?) = (-?[A-Za-z0-9_.]+|\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')$"
)


# The tokens bracket scanning looks at: a string literal (a lone quote: one left open), a
# bracket, a comma, or a comment's start.
_TOKENS = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|["\'#()\[\]{},]')


def _scan(line: str) -> list[tuple[int, int]] | None:
    """Bracket pairs (open index, close index) of a line, ignoring brackets inside strings."""
    pairs = []
    stack: list[int] = []
    for token in _TOKENS.finditer(line):
        ch = token.group()
        if ch in _OPEN:
            stack.append(token.start())
        elif ch in _CLOSE:
            if not stack:
                return None
            pairs.append((stack.pop(), token.start()))
        elif ch in _LONE:
            return None  # a comment, or a string left open
    return pairs if not stack else None


def _split_top_level(body: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for token in _TOKENS.finditer(body):
        ch = token.group()
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(body[start : token.start()])
            start = token.end()
    parts.append(body[start:])
    return [p.strip() for p in parts if p.strip()]


_OPEN = frozenset("([{")
_CLOSE = frozenset(")]}")
_LONE = frozenset("\"'#")


class _NotThisShape:
    """What a shape's splitter returns for a line of another shape."""


_PASS = _NotThisShape()
_Split = Union[list[str], None, _NotThisShape]


def split_line(line: str, in_type: bool = False) -> list[str] | None:
    """Black's right-hand split of a too-long line, for the shapes templates produce; None if unsure.

    `in_type`: the line is (part of) a bare type annotation, `name: Outer[Inner[...]]`, which black
    splits at each bracket even when the innermost name still does not fit."""
    if len(line) <= LINE_LENGTH:
        return [line]
    stripped = line.lstrip()
    indent = line[: len(line) - len(stripped)]
    for shape in _SHAPES:
        result = shape(line, stripped, indent)
        if not isinstance(result, _NotThisShape):
            return result
    return _split_brackets(line, stripped, indent, in_type)


def _split_import(line: str, stripped: str, indent: str) -> _Split:
    if not (stripped.startswith("from ") and " import " in stripped and "(" not in stripped):
        return _PASS
    module, _, names = stripped.partition(" import ")
    items = [n.strip() for n in names.split(",") if n.strip()]
    return [f"{indent}{module} import ("] + [f"{indent}    {n}," for n in items] + [f"{indent})"]


def _split_assignment(line: str, stripped: str, indent: str) -> _Split:
    assignment = _ATOM_ASSIGNMENT.match(line)
    if not assignment or _scan(assignment.group(1)) is None:
        return _PASS
    # Black prefers wrapping a right-hand side in parentheses when the left side then fits.
    head = assignment.group(1) + " = ("
    value = indent + "    " + assignment.group(2)
    if ":" not in assignment.group(1) and len(value) > LINE_LENGTH:
        return [line]  # a plain assignment whose value would not fit anyway is left alone
    if len(head) <= LINE_LENGTH:
        return [head, value, indent + ")"]
    annotated = _ATOM_ANNOTATED.match(line)
    if not (annotated and _ATOM.match(assignment.group(2))):
        return _PASS
    # `name: LongType = LongType.MEMBER`: black wraps the annotation, then the value if it does
    # not fit after the closing parenthesis.
    name, annotation, value_text = annotated.groups()
    wrapped = indent + "    " + annotation
    last_line = f"{indent}) = {value_text}"
    if len(wrapped) > LINE_LENGTH:
        return None
    if len(last_line) <= LINE_LENGTH:
        return [f"{name}: (", wrapped, last_line]
    return [f"{name}: (", wrapped, indent + ") = (", indent + "    " + value_text, indent + ")"]


def _split_return_annotation(line: str, stripped: str, indent: str) -> _Split:
    """The return annotation closing a parameter list that is already exploded."""
    if not (stripped.startswith(") -> ") and stripped.endswith(":")):
        return _PASS
    returned = stripped[5:-1]
    if _ATOM.match(returned):
        wrapped = indent + "    " + returned
        return [line] if len(wrapped) > LINE_LENGTH else [indent + ") -> (", wrapped, indent + "):"]
    split = split_line(indent + "_" + stripped[1:])
    return None if split is None else [indent + ")" + split[0][len(indent) + 1 :]] + split[1:]


def _split_bare_return(line: str, stripped: str, indent: str) -> _Split:
    """`def name() -> Returned:` (no parameters): black wraps the return annotation in parentheses,
    and splits its subscript when it does not fit even then."""
    if not (stripped.startswith("def ") and stripped.endswith(":") and "() -> " in stripped):
        return _PASS
    head, _, returned = stripped[:-1].partition("() -> ")
    wrapped = indent + "    " + returned
    if _scan(wrapped) is None:
        return None
    if len(wrapped) <= LINE_LENGTH:
        return [f"{indent}{head}() -> (", wrapped, indent + "):"]
    generic = _SUBSCRIPT.match(returned)
    if not generic:
        return None
    outer, inner = generic.groups()
    pad = indent + "    "
    return [f"{indent}{head}() -> (", f"{pad}{outer}[", f"{pad}    {inner}", f"{pad}]", indent + "):"]


def _split_self_only(line: str, stripped: str, indent: str) -> _Split:
    """`def name(self) -> Name:`: black explodes the parameter list (with a trailing comma)."""
    if not (stripped.startswith("def ") and stripped.endswith(":") and "(self) -> " in stripped):
        return _PASS
    head, _, returned = stripped[:-1].partition("(self) -> ")
    if not _ATOM.match(returned):
        return None
    closing = split_line(f"{indent}) -> {returned}:")
    return None if closing is None else [f"{indent}{head}(", f"{indent}    self,", *closing]


def _unsplittable_call(line: str, stripped: str, indent: str) -> _Split:
    """`name()` (an argument, say): empty brackets are not split, so black leaves the line long."""
    return [line] if _EMPTY_CALL.match(stripped) else _PASS


def _split_definition_header(line: str, stripped: str, indent: str) -> _Split:
    """A definition header opening exploded parameters: nothing left to split."""
    if stripped.endswith("(") and _scan(line[:-1]) == [] and stripped.startswith(("def ", "async def ", "class ")):
        return [line]
    return _PASS


def _split_bare_annotation(line: str, stripped: str, indent: str) -> _Split:
    """`name: LongTypeName` without brackets: black wraps the annotation in parentheses."""
    bare = _BARE_ANNOTATION.match(line)
    if not bare:
        return _PASS
    wrapped = indent + "    " + bare.group(2)
    return [f"{bare.group(1)}: (", wrapped, indent + ")"] if len(wrapped) <= LINE_LENGTH else [line]


def _split_generic_header(line: str, stripped: str, indent: str) -> _Split:
    """`NAME: Generic[T] = Call(` opening an exploded call: black splits the subscript."""
    header = _GENERIC_HEADER.match(line)
    if not header:
        return _PASS
    inner = split_line(indent + "    " + header.group(3))
    last = f"{indent}] = {header.group(4)}("
    if inner is None or len(header.group(1)) + len(header.group(2)) + 2 > LINE_LENGTH or len(last) > LINE_LENGTH:
        return None
    return [f"{header.group(1)}: {header.group(2)}["] + inner + [last]


_PARAMETER_DEFAULT = re.compile(r"^(\s+[A-Za-z_][A-Za-z0-9_]*): ([A-Za-z_][A-Za-z0-9_.]*)\[(.+)\] = ([^,\[\]()]+),$")


def _split_parameter_default(line: str, stripped: str, indent: str) -> _Split:
    """`name: Outer[Inner] = default,`, a parameter of an exploded signature: black splits the
    subscript (and leaves an inner name that still does not fit long)."""
    parameter = _PARAMETER_DEFAULT.match(line)
    if not parameter:
        return _PASS
    inner = split_line(indent + "    " + parameter.group(3), in_type=True)
    head, last = f"{parameter.group(1)}: {parameter.group(2)}[", f"{indent}] = {parameter.group(4)},"
    if inner is None or len(head) > LINE_LENGTH or len(last) > LINE_LENGTH:
        return None
    return [head, *inner, last]


def _split_parameters(line: str, stripped: str, indent: str) -> _Split:
    """`def name(a, b=c) -> Returned:` on one line: black splits a definition at its parameter
    list (its first bracket), on one line of their own when they fit, else one per line."""
    if not (stripped.startswith(("def ", "async def ")) and stripped.endswith(":")):
        return _PASS
    pairs = _scan(line)
    if not pairs:
        return None
    opening = line.index("(")
    closing = next((close for open_, close in pairs if open_ == opening), -1)
    if closing < 0:
        return None
    head, body, tail = line[: opening + 1], line[opening + 1 : closing].strip(), indent + line[closing:]
    if len(head) > LINE_LENGTH or len(tail) > LINE_LENGTH or not _DEFINITION_TAIL.match(tail):
        return None
    pad = indent + "    "
    elements = _split_top_level(body)
    joined = pad + ", ".join(elements)
    if len(elements) > 1 and not body.endswith(",") and len(joined) <= LINE_LENGTH:
        return [head, joined, tail]
    inside = [pad + element + "," for element in elements]
    # A parameter still too long is left so when black has nothing to split in it.
    if any(len(part) > LINE_LENGTH and not _ATOM_PARAMETER.match(part) for part in inside):
        return None
    return [head, *inside, tail]


_DEFINITION_TAIL = re.compile(r"^\s*\)(?: -> [A-Za-z0-9_.]+)?:$")
_ATOM_PARAMETER = re.compile(r"^\s*[A-Za-z_][A-Za-z0-9_]*(?:: [A-Za-z0-9_.]+)?(?: = [A-Za-z0-9_.]+)?,$")


_SHAPES: tuple[Callable[[str, str, str], _Split], ...] = (
    _split_import,
    _split_assignment,
    _split_return_annotation,
    _split_bare_return,
    _split_self_only,
    _split_parameters,
    _unsplittable_call,
    _split_definition_header,
    _split_bare_annotation,
    _split_generic_header,
    _split_parameter_default,
)


def _split_brackets(line: str, stripped: str, indent: str, in_type: bool) -> list[str] | None:
    """The general case: split at the last opening bracket, one element per line when needed."""
    pairs = _scan(line)
    if pairs is None:
        return None
    if not pairs:
        if re.match(r"^\s*[A-Za-z_][A-Za-z0-9_]*: .* = ", line):
            return None  # black may parenthesise both sides: let it lay out the statement
        return [line]  # nothing black could split: it leaves the line long
    opening, closing = max(pairs, key=lambda p: p[1])
    tail = line[closing:]
    if not _TRIVIAL_TAIL.match(tail):
        return None
    head = line[: opening + 1]
    body = line[opening + 1 : closing].strip()
    if not body or head.rstrip().endswith("= (") or (len(head) > LINE_LENGTH and not stripped.startswith("class ")):
        return None
    pad = indent + "    "
    elements = _split_top_level(body)
    # A literal collection (not a call or a subscript) that black splits is always exploded.
    is_literal = opening == 0 or not (line[opening - 1].isalnum() or line[opening - 1] in "_])")
    # What a subscript holds are types: black splits them at each bracket, even when the
    # innermost name still does not fit.
    in_type = in_type or (line[opening] == "[" and not is_literal)
    inside: list[str] | None
    if is_literal and (len(elements) > 1 or body.endswith(",")):
        inside = _one_per_line(elements, pad)
    elif len(elements) == 1 and not body.endswith(","):
        in_type = in_type or bool(_TYPE_ANNOTATION.match(line))
        if _ATOM.match(elements[0]) and len(pad + elements[0]) > LINE_LENGTH and not in_type:
            return None
        inside = split_line(pad + elements[0], in_type)
    else:
        joined = pad + ", ".join(elements)
        fits = not body.endswith(",") and len(joined) <= LINE_LENGTH
        inside = [joined] if fits else _one_per_line(elements, pad, in_type)
    closing_line = indent + tail
    if inside is None or len(closing_line) > LINE_LENGTH:
        return None
    return [head, *inside, closing_line]


def _one_per_line(elements: list[str], pad: str, in_type: bool = False) -> list[str] | None:
    """Each element on its own line(s), with a trailing comma (None when one cannot be laid out)."""
    lines: list[str] = []
    for element in elements:
        sub = split_line(pad + element + ",", in_type)
        if sub is None:
            return None
        lines += sub
    return lines


_DEFINITION = re.compile(r"^(?:class |def |async def |@)")


_STRING_LITERALS = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')


@functools.lru_cache(maxsize=1 << 16)
def _bracket_delta(line: str) -> int:
    """Brackets a line opens minus those it closes, outside string literals (cached: both passes
    over a module ask, and generated modules repeat many lines)."""
    if "'" in line or '"' in line:
        line = _STRING_LITERALS.sub("", line)
    return line.count("(") + line.count("[") + line.count("{") - line.count(")") - line.count("]") - line.count("}")


def _blank_lines(lines: list[str]) -> list[str]:  # noqa: C901 (one pass over every line: kept in one frame for speed)
    """Black's empty lines between logical lines (as black's EmptyLineTracker decides them for the
    statements templates write): two around top-level definitions and one around nested ones, one
    after imports and after docstrings, none at the start of a block, inside brackets or at the end
    of the file, and otherwise what was written, capped at two (one inside blocks)."""
    out: list[str] = []
    append = out.append
    pending = 0
    prev_stripped = ""  # the previous logical line's first physical line, without indentation
    prev_depth = 0
    prev_opens_block = False
    prev_is_docstring = False
    definitions: list[int] = []  # depths of the class/def blocks we are in
    brackets = 0
    in_string = False
    for line in lines:
        if in_string:
            append(line)
            if line.count('"""') % 2:
                in_string = False
            continue
        stripped = line.lstrip()
        if not stripped:
            if brackets == 0:
                pending += 1
            continue
        if brackets > 0:
            append(line)
            brackets += _bracket_delta(line)
            pending = 0
            if line.count('"""') % 2:
                in_string = True
            continue
        depth = len(line) - len(stripped)
        left_definition = False
        while definitions and depth <= definitions[-1]:
            definitions.pop()
            left_definition = True
        if not out:
            wanted = 0
        elif prev_opens_block and depth > prev_depth:
            wanted = 0
        elif prev_stripped[:1] == "@":
            wanted = 0
        elif left_definition or _DEFINITION.match(stripped):
            wanted = 2 if depth == 0 else 1
        elif prev_is_docstring and depth == prev_depth:
            wanted = 1
        elif prev_stripped.startswith(_IMPORTS) and depth == prev_depth and not stripped.startswith(_IMPORTS):
            wanted = 1
        else:
            wanted = min(pending, 2 if depth == 0 else 1)
        first_in_block = not out or (prev_opens_block and depth > prev_depth)
        if wanted:
            out.extend([""] * wanted)
        append(line)
        prev_is_docstring = first_in_block and stripped.startswith('"""')
        if stripped.startswith(_BLOCKS):
            definitions.append(depth)
        prev_stripped, prev_depth = stripped, depth
        prev_opens_block = line.rstrip().endswith(":")
        pending = 0
        if '"""' in line and line.count('"""') % 2:
            in_string = True
            continue
        if line[-1:] in _OPENERS or line.rstrip()[-1:] in _OPENERS:
            # At the top of a statement, only a line ending with an opening bracket leaves one open
            # (the templates write black's layout: a bracket split over lines ends its first line).
            brackets += _bracket_delta(line)
    return out


_IMPORTS = ("import ", "from ")
_BLOCKS = ("class ", "def ", "async def ")
_OPENERS = ("(", "[", "{")


_ENCLOSING = ("", "class _:\n", "class _:\n    def _(self):\n")


def _black_statement(text: str) -> list[str] | None:
    """Black's layout of one complete statement at module or class level, formatted on its own."""
    import black
    from black.mode import TargetVersion
    from black.parsing import InvalidInput

    stripped = text.lstrip()
    depth = (len(text) - len(stripped)) // 4
    if depth > 2 or len(text) - len(stripped) != depth * 4:
        return None
    # A definition's header is formatted with a stand-in body, dropped afterwards; a statement in
    # a class or a method, inside stand-in ones.
    header = stripped.startswith(_BLOCKS) and text.endswith(":")
    body = "\n" + " " * (depth * 4 + 4) + "pass" if header else ""
    source = _ENCLOSING[depth] + text + body + "\n"
    try:
        formatted = black.format_str(
            source, mode=black.Mode(target_versions={TargetVersion.PY39}, line_length=LINE_LENGTH)
        )
    except InvalidInput:
        return None
    lines = formatted.rstrip("\n").split("\n")[depth:]
    return lines[:-1] if header else lines


def finish(code: str) -> str | None:
    """`code` with its long lines split as black splits them, or None when black must do it.

    A complete statement at module or class level that `split_line` does not know is handed to
    black on its own, so one odd line does not send a whole (possibly huge) module through black.
    Only the long lines are looked at one by one (most modules have few): where docstrings open
    and close is found once, the bracket depth only when a line needs black.
    """
    lines = _blank_lines(code.split("\n"))
    # Lines opening or closing a docstring (a line holding one must start or end with its quotes).
    toggles: list[int] = []
    for index in [i for i, line in enumerate(lines) if '"""' in line]:
        line = lines[index]
        count, stripped = line.count('"""'), line.strip()
        if count > 2 or not (stripped.startswith('"""') or stripped.endswith('"""')):
            return None
        if count == 1:
            toggles.append(index)
    limit = LINE_LENGTH
    long_lines = [i for i, line in enumerate(lines) if len(line) > limit]
    if not long_lines:
        return "\n".join(lines) + "\n"
    out: list[str] = []
    done = 0  # lines[:done] are in `out`
    depth = _Depth(lines, toggles)
    for index in long_lines:
        line = lines[index]
        if index < done or '"""' in line or bisect.bisect_left(toggles, index) % 2:
            continue  # part of a statement black laid out, or of a docstring: kept as it is
        split, end = split_line(line), index + 1
        if split is None and depth.before(index) == 0:
            opened = _bracket_delta(line)
            while opened > 0 and end < len(lines) and '"""' not in lines[end]:
                opened += _bracket_delta(lines[end])
                end += 1
            if opened == 0:
                split = _black_statement("\n".join(lines[index:end]))
                depth.skip(index, end)
        if split is None:
            return None
        out.extend(lines[done:index])
        out.extend(split)
        done = end
    out.extend(lines[done:])
    return "\n".join(out) + "\n"


class _Depth:
    """The bracket depth at the start of a line, counted forward as far as asked."""

    def __init__(self, lines: list[str], toggles: list[int]):
        self.lines, self.toggles = lines, toggles
        self.at, self.depth = 0, 0

    def before(self, index: int) -> int:
        lines, brackets = self.lines, self.depth
        for number in range(self.at, index):
            line = lines[number]
            if '"""' in line or bisect.bisect_left(self.toggles, number) % 2:
                continue  # a docstring's line
            # At the top of a statement only a line ending with an opening bracket leaves one open.
            if brackets or line.rstrip()[-1:] in _OPENERS:
                brackets += _bracket_delta(line)
        self.at, self.depth = max(self.at, index), brackets
        return brackets

    def skip(self, start: int, end: int) -> None:
        """Lines `start` to `end` are one balanced statement: the depth after them is the one before."""
        self.depth = self.before(start)
        self.at = end
