"""The generated package as code: typed, formatted, small, vendorable, lazily imported."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import textwrap

import pytest
from conftest import GENERATED, ROOT, mypy_cache

SRC = GENERATED / "src" / "dub"
# Both golden trees: Dub's and the feature document's.
PACKAGES = {"dub": SRC, "orchard": ROOT / "tests" / "golden" / "features" / "src" / "orchard"}


@pytest.mark.parametrize("package", sorted(PACKAGES))
@pytest.mark.parametrize("python", ["3.10", "3.13"])  # the oldest and newest mypy targets
def test_mypy_strict_passes_on_the_generated_package(python, package):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--python-version",
            python,
            str(PACKAGES[package]),
        ],
        capture_output=True,
        text=True,
        cwd=PACKAGES[package].parent,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


def test_python_3_9_compatible_syntax_and_annotations():
    """Python 3.9 is supported: its grammar, and no `X | Y` annotations (pydantic evaluates them)."""
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), feature_version=(3, 9))
        for node in ast.walk(tree):
            annotation = getattr(node, "annotation", None) or getattr(node, "returns", None)
            if annotation is not None and not isinstance(annotation, ast.Constant):
                assert not any(isinstance(n, ast.BinOp) for n in ast.walk(annotation)), f"{path}:{node.lineno}"


def test_seed_style_usage_type_checks(tmp_path):
    """What a user writes (dict input, model input, result attributes) passes mypy --strict."""
    user = tmp_path / "usage.py"
    user.write_text(textwrap.dedent("""
        from dub import Dub
        from dub.models import components, errors, operations
        from dub.utils import BackoffStrategy, RetryConfig

        def main() -> str:
            with Dub(token="DUB_API_KEY", retry_config=RetryConfig("backoff", BackoffStrategy(1, 2, 1.5, 10), False)) as d:
                link: components.LinkSchema = d.partners.create_link(request={
                    "program_id": "<id>", "url": "https://a.b",
                    "link_props": {"external_id": "123456", "tag_ids": ["t"]},
                }, retries=None, timeout_ms=100)
                body = operations.CreatePartnerRequestBody(program_id="p", name="n", email="e", username="u")
                partner: operations.CreatePartnerResponseBody = d.partners.create(request=body)
                stats: operations.RetrievePartnerAnalyticsResponseBody = d.partners.analytics(request={"program_id": "p"})
                try:
                    d.partners.upsert_link(request={"program_id": "p", "url": "u"})
                except errors.NotFound as e:
                    return e.data.error.message
                return link.short_link + partner.id + str(stats)
    """))
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache()), str(user)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"MYPYPATH": str(GENERATED / "src"), "PATH": ""},
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_black_check_passes(package, tmp_path):
    """black's defaults (an empty configuration: this repository's settings exclude the golden trees)."""
    (tmp_path / "black.toml").write_text("")
    command = [
        sys.executable,
        "-m",
        "black",
        "--check",
        "--config",
        str(tmp_path / "black.toml"),
        str(PACKAGES[package]),
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    assert "would be left unchanged" in result.stderr and "would reformat" not in result.stderr
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_no_unused_or_unsorted_imports(package):
    """pyflakes and isort rules (through ruff, with its defaults, not this repository's settings):
    generated modules import exactly what they use, in isort's order."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--isolated",
            "--no-cache",
            "--select",
            "F,E9,I,B",
            "--target-version",
            "py39",
            str(PACKAGES[package]),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_only_relative_self_imports():
    offenders = []
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "dub":
                offenders.append(f"{path}:{node.lineno}")
            if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "dub" for a in node.names):
                offenders.append(f"{path}:{node.lineno}")
    assert not offenders


def test_runtime_is_copied_verbatim():
    from generator.render import RUNTIME_DIR

    copied = sorted(p.name for p in (SRC / "_runtime").glob("*.py"))
    assert copied == sorted(p.name for p in RUNTIME_DIR.glob("*.py")) and "client.py" in copied
    for name in copied:
        assert (SRC / "_runtime" / name).read_text() == (RUNTIME_DIR / name).read_text()


def test_generated_methods_are_thin():
    """Each operation method is a docstring and one call into the runtime."""
    tree = ast.parse((SRC / "partners.py").read_text())
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Partners")
    functions = [n for n in cls.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    assert [f.name for f in functions if f.decorator_list] == ["with_raw_response", "with_streaming_response"]
    methods = [f for f in functions if not f.decorator_list]
    assert sorted(m.name for m in methods) == sorted(
        [
            "create",
            "create_async",
            "create_link",
            "create_link_async",
            "upsert_link",
            "upsert_link_async",
            "analytics",
            "analytics_async",
        ]
    )
    for m in methods:
        statements = [s for s in m.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
        assert len(statements) == 1 and isinstance(statements[0], ast.Return), m.name
        kwonly = [a.arg for a in m.args.kwonlyargs]
        assert kwonly == ["request", "retries", "server_url", "timeout_ms", "http_headers"]


def test_vendored_copy_imports_without_dub_installed(tmp_path):
    vendor = tmp_path / "acme" / "_vendor"
    vendor.mkdir(parents=True)
    (tmp_path / "acme" / "__init__.py").write_text("")
    (vendor / "__init__.py").write_text("")
    shutil.copytree(SRC, vendor / "dub", ignore=shutil.ignore_patterns("__pycache__"))
    code = textwrap.dedent("""
        import sys
        from acme._vendor.dub import Dub
        from acme._vendor.dub.models import components, errors, operations
        assert operations.CreatePartnerRequestBody.__module__.startswith("acme._vendor.dub.")
        assert issubclass(errors.NotFound, errors.SDKError)
        client = Dub(token="x", server_url="http://127.0.0.1:9")
        assert type(client.partners).__module__ == "acme._vendor.dub.partners"
        assert components.LinkSchema.model_validate({"id": "x"} | {}).__class__.__name__ if False else True
        assert "dub" not in sys.modules
        print("ok")
    """)
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": ""},
    )
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


def test_models_and_resources_load_lazily():
    code = textwrap.dedent("""
        import sys
        from dub import Dub
        loaded = [m for m in sys.modules if m.startswith("dub.models.") or m == "dub.partners"]
        assert loaded == [], loaded
        client = Dub(token="x")
        client.partners
        assert "dub.partners" in sys.modules
        # A resource's models load on the first call of an operation that needs them.
        assert not [m for m in sys.modules if m.startswith("dub.models.")]
        from dub import partners
        partners._create_link_op()
        assert "dub.models.components.tagschema" in sys.modules  # reached through LinkSchema
        assert "dub.models.operations.createpartner" not in sys.modules  # another operation's
        print("ok")
    """)
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(GENERATED / "src"), "PATH": ""},
    )
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


def test_every_generated_module_says_where_it_comes_from():
    """Each module the generator writes (not the runtime, copied as it is) opens with a docstring
    naming the document it was generated from."""
    modules = [p for p in SRC.rglob("*.py") if "_runtime" not in p.parts]
    assert len(modules) > 20
    for path in modules:
        doc = ast.get_docstring(ast.parse(path.read_text()))
        assert doc and "Generated by sdkforge from the OpenAPI document of Dub.co API" in doc, path


def test_calls_read_with_keywords_where_positions_would_be_unreadable():
    """`Param` takes the attribute, wire name and location positionally (style and explode only
    where OpenAPI's defaults do not apply); nothing in a resource passes more than three positional
    arguments to the runtime."""
    tree = ast.parse((SRC / "partners.py").read_text())
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]
    params = [c for c in calls if c.func.id == "Param"]
    assert len(params) == 8
    assert all(len(c.args) == 3 and not c.keywords for c in params)  # all query parameters, form style
    assert all(len(c.args) <= 3 for c in calls if c.func.id in ("Param", "Operation", "SecurityScheme"))


def test_method_docstrings_document_every_argument():
    tree = ast.parse((SRC / "partners.py").read_text())
    resource = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Partners")
    methods = [
        n for n in resource.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and not n.decorator_list
    ]
    assert len(methods) == 8
    for method in methods:
        doc = ast.get_docstring(method)
        arguments = [a.arg for a in method.args.kwonlyargs]
        assert arguments[0] == "request"
        for name in arguments:
            assert f":param {name}: " in doc, (method.name, name)


def test_flattened_arguments_are_documented_with_their_fields(tmp_path):
    from conftest import generate_into

    spec = textwrap.dedent("""
        openapi: 3.0.3
        info: {title: Flat, version: "1"}
        x-speakeasy-max-method-params: 4
        paths:
          /items/{id}:
            get:
              operationId: getItem
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}, description: The item's id.}
                - {name: fields, in: query, style: form, explode: false, schema: {type: array, items: {type: string}}}
              responses: {"200": {description: ok}}
    """)
    result = generate_into(tmp_path, spec, package="flat", sdk_name="Flat")
    code = result.files["src/flat/items.py"]
    assert ":param id: The item's id." in code and ":param fields: " in code and ":param request:" not in code
    # The path parameter's style and the unexploded query list are spelled; the defaults are not.
    assert 'Param("id", "id", "path")' in code
    assert 'Param("fields", "fields", "query", explode=False)' in code
