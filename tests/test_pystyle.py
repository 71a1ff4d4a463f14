"""sdkforge writes black's style itself; black must agree, byte for byte."""

from __future__ import annotations

import ast

import black
import pytest
from corpus import apis_guru, readme_example
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.format import _mode
from generator.options import Options
from generator.pipeline import analyze
from generator.pystyle import docstring, finish, literal, split_line
from generator.render import Renderer


@given(st.text(max_size=200), st.sampled_from(["", "    ", "        "]))
@settings(max_examples=300, deadline=None)
def test_docstrings_are_black_stable_and_keep_their_text(text, indent):
    depth = len(indent) // 4
    prefix = "".join("    " * i + f"def f{i}():\n" for i in range(depth))
    code = prefix + indent + docstring(text, indent) + "\n"
    assert black.format_str(code, mode=_mode()) == code
    tree = ast.parse(code)
    node = tree
    for _ in range(depth):
        node = node.body[0]
    value = ast.get_docstring(node, clean=False) if depth else tree.body[0].value.value
    # Black may re-indent lines and pad the ends; the words and their order are the document's.
    assert value.split() == text.split()


@given(
    st.one_of(
        st.text(max_size=30),
        st.integers(),
        st.booleans(),
        st.none(),
        st.lists(st.text(max_size=5), max_size=3).map(tuple),
    )
)
@settings(max_examples=300, deadline=None)
def test_literals_are_black_stable_and_exact(value):
    code = f"x = {literal(value)}\n"
    assert ast.literal_eval(literal(value)) == value
    if len(code) <= 88:
        assert black.format_str(code, mode=_mode()) == code


@pytest.mark.parametrize(
    "line",
    [
        '    group_by: Annotated[RetrievePartnerAnalyticsGroupBy, pydantic.Field(alias="groupBy")] = RetrievePartnerAnalyticsGroupBy.COUNT',
        "    a_rather_long_field_name: Optional[list[SomeVeryLongTypeNameThatGoesOnAndOn]] = None",
        "    some_field: NotRequired[Union[FirstVeryLongTypeName, SecondVeryLongTypeName, ThirdName]]",
        "from .models.operations.somemodule import FirstName, SecondName, ThirdName, FourthName",
        '        "200": ("application/json", AVeryLongResponseBodyTypeNameThatNeedsSplittingHere),',
        '    _send_defaults: ClassVar[FrozenSet[str]] = frozenset({"per_page", "page", "sort", "direction"})',
        "    reviewer_type: CodeSecurityConfigurationSecretScanningDelegatedBypassOptionsReviewerType",
        'VERY_LONG_CONSTANT_NAME_FOR_A_SERVER_URL = "https://example.com/a/rather/long/path/segment"',
    ],
)
def test_long_lines_split_as_black_splits_them(line):
    split = split_line(line)
    assert split is not None
    code = "\n".join(split) + "\n"
    if line.lstrip().startswith('"'):
        code = "class A:\n    x = {\n" + code + "    }\n"  # a member of an exploded dict
    elif line.startswith("    "):
        code = "class A:\n" + code
    assert black.format_str(code, mode=_mode()) == code


_LONG = "DeviceManagementDeviceCompliancePolicySettingStateSummariesDeviceCompli_7ed77740"


@pytest.mark.parametrize(
    "code",
    [
        # The function building an operation, its return annotation wrapped, then its subscript split.
        "def _admin_conversations_archive_op() -> Operation[AdminConversationsArchiveResponse]:\n    pass\n",
        f"def _a_long_operation_name_op() -> Operation[{_LONG}]:\n    pass\n",
        f"def _op() -> Operation[Union[{_LONG}, {_LONG}]]:\n    pass\n",  # left to black, this statement only
        # A nested resource's property, and the statement building it.
        f"class A:\n    def states(self) -> {_LONG}:\n        return {_LONG}(self._config)\n",
        f"class A:\n    def states(self) -> {_LONG}{_LONG}:\n        pass\n",
        # An argument that cannot be split.
        f"class A:\n    def f(self):\n        return self._request(\n            _{_LONG.lower()}_op(),\n"
        "            request,\n        )\n",
    ],
)
def test_definitions_and_statements_in_methods_split_as_black_does(code):
    finished = finish(code)
    assert finished is not None  # the module does not go through black as a whole
    assert finished == black.format_str(code, mode=_mode())


def test_brackets_in_docstrings_do_not_hide_a_statement_black_must_lay_out():
    """A statement pystyle hands to black is found at bracket depth 0, docstrings' brackets aside."""
    name = "MeCalendarsCalendarCalendarViewEventInstancesEventAttachmentsCreateUplo_7bdc38a0"
    code = (
        '"""A module whose docstring opens a bracket ( and never closes it.\n\nNor this one: [\n"""\n\n'
        "from typing import Any, Optional, TypeAlias, Union\n\nVALUES = [\n    1,\n    2,\n]\n\n\n"
        'class A:\n    """Another ( unclosed bracket, on a line of its own below:\n\n    {\n    """\n\n'
        "    x: int = 1\n\n\n"
        f"{name}: TypeAlias = Union[MicrosoftGraphUploadSession, Optional[dict[str, Any]]]\n"
    )
    finished = finish(code)
    assert finished is not None  # the module does not go through black as a whole
    assert finished == black.format_str(code, mode=_mode())


SAMPLE = [
    "apis-guru/slack.com.json",
    "apis-guru/vercel.com.json",
    "apis-guru/box.com.json",
    "apis-guru/twilio.com/api.json",
    "apis-guru/digitalocean.com.json",
    "readme/3.0/petstore.yaml",
    "readme/3.1/train-travel.yaml",
    "readme/3.0/polymorphism.yaml",
]


def _document(name: str):
    kind, rest = name.split("/", 1)
    if kind == "apis-guru":
        return apis_guru(rest)
    version, file = rest.split("/")
    return readme_example(version, file)


@pytest.mark.parametrize("name", SAMPLE)
def test_generated_modules_equal_blacks_output(name):
    spec = _document(name)
    api, _ = analyze(Options(spec=spec), full_validation=False)
    files = Renderer(api, Options(spec=spec, package_name="pkg", sdk_name="Client")).render()
    checked = 0
    for rel, content in files.items():
        if not rel.endswith(".py") or "/_runtime/" in rel:
            continue
        fast = finish(content)
        if fast is None:
            continue  # black formats these itself
        assert black.format_str(fast, mode=_mode()) == fast, rel
        checked += 1
    assert checked > 0


@pytest.mark.parametrize("shape", ["annotated-assignment", "nested-annotation", "definition", "annotated-field"])
def test_long_annotation_shapes_split_exactly_as_black_does(shape):
    """Random long lines of the shapes pystyle splits itself, against black's own layout."""
    import random
    import string

    rng = random.Random(7)

    def word(n: int) -> str:
        return "".join(rng.choice(string.ascii_letters) for _ in range(n)).capitalize()

    checked = 0
    for _ in range(600):
        indent = rng.choice(["", "    "])
        name = "n" + word(rng.randint(1, 40)).lower()
        if shape == "annotated-assignment":
            line = f"{indent}{name}: {word(rng.randint(5, 100))} = {word(rng.randint(5, 100))}.{word(rng.randint(1, 20)).upper()}"
        elif shape == "nested-annotation":
            annotation = word(rng.randint(5, 100))
            for _ in range(rng.randint(1, 3)):
                annotation = f"{rng.choice(['NotRequired', 'list', 'Optional'])}[{annotation}]"
            line = f"{indent}{name}: {annotation}{rng.choice(['', ' = None'])}"
        elif shape == "definition":  # a method's signature written on one line
            parameters = ["self"] * rng.randint(0, 1) + [
                f"{word(rng.randint(1, 12)).lower()}: {word(rng.randint(3, 70))}"
                + rng.choice(["", " = None", f" = {rng.randint(0, 9)}", ' = "a, b"'])
                for _ in range(rng.randint(1, 4))
            ]
            returned = rng.choice(["", " -> None", f" -> {word(rng.randint(3, 60))}"])
            line = f"{indent}{rng.choice(['def', 'async def'])} {name}({', '.join(parameters)}){returned}:"
        else:  # a model's field under its wire name, a list of a long name
            annotation = f"Optional[list[{word(rng.randint(30, 100))}]]"
            line = f'{indent}{name}: Annotated[{annotation}, pydantic.Field(alias="${name}")] = None'
        ours = split_line(line)
        if len(line) <= 88 or ours is None:
            continue
        body = "\n" + indent + "    pass" if shape == "definition" else ""
        source = ("class _:\n" if indent else "") + line + body + "\n"
        expected = black.format_str(source, mode=_mode()).rstrip("\n").split("\n")
        expected = expected[:-1] if body else expected
        assert ours == (expected[1:] if indent else expected), line
        checked += 1
    assert checked > 200
