"""Resources from tags, `x-speakeasy-group` (dots nest them) and, for untagged operations, paths;
and the README's usage example."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from conftest import Reply, assert_type_checks, sdk_from
from corpus import apis_guru

SPEC = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Groups, version: "1"}
    paths:
      /users:
        get:
          operationId: listUsers
          x-speakeasy-group: users
          x-speakeasy-name-override: list
          responses: {"200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}}
      /users/{id}/settings:
        get:
          operationId: getUserSettings
          x-speakeasy-group: users.settings
          x-speakeasy-name-override: get
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          responses: {"200": {description: ok, content: {application/json: {schema: {type: object, properties: {theme: {type: string}}}}}}}
      /users/{id}/settings/audit:
        get:
          operationId: auditSettings
          x-speakeasy-group: admin.users.settings
          tags: [ignored-when-grouped]
          x-speakeasy-usage-example: true
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          responses: {"204": {description: ok}}
      /health:
        get:
          operationId: health
          tags: [ops]
          responses: {"204": {description: ok}}
""")


@pytest.fixture(scope="module")
def groups(tmp_path_factory):
    return sdk_from(tmp_path_factory.mktemp("groups"), SPEC, "groups", "Groups")


def test_dotted_groups_nest_resources(groups, loopback):
    _, _, sdk = groups
    loopback.on("GET", "/users", Reply(200, ["ann"]))
    loopback.on("GET", "/users/u1/settings", Reply(200, {"theme": "dark"}))
    loopback.on("GET", "/users/u1/settings/audit", Reply(204))
    loopback.on("GET", "/health", Reply(204))
    with sdk.Groups(server_url=loopback.url) as client:
        assert client.users.list() == ["ann"]
        assert client.users.settings.get(request={"id": "u1"}).theme == "dark"
        assert client.admin.users.settings.audit_settings(request={"id": "u1"}) is None
        assert client.ops.health() is None
        assert client.users.settings is client.users.settings  # created once, on first use
        assert not hasattr(client, "settings") and not hasattr(client, "ignored_when_grouped")
    assert [r.path for r in loopback.requests] == [
        "/users",
        "/users/u1/settings",
        "/users/u1/settings/audit",
        "/health",
    ]


def test_nested_resources_type_check_and_are_documented(groups):
    tmp, result, _ = groups
    assert_type_checks(tmp / "out" / "src", "groups")
    readme = result.files["README.md"]
    assert "### [users.settings](docs/sdks/" in readme and "### [admin.users.settings](docs/sdks/" in readme


def test_the_usage_example_is_the_marked_operation(groups):
    _, result, _ = groups
    quick_start = result.files["README.md"].split("## Quick start", 1)[1].split("```", 2)[1]
    assert "g_client.admin.users.settings.audit_settings(request={" in quick_start


UNTAGGED = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Payments, version: "1"}
    servers: [{url: "https://api.example.test"}]
    paths:
      /v1/customers:
        get: {operationId: GetCustomers, responses: {"200": {description: ok}}}
        post: {operationId: PostCustomers, responses: {"200": {description: ok}}}
      /v1/customers/search:
        get: {operationId: GetCustomersSearch, responses: {"200": {description: ok}}}
      /v1/customers/{customer}:
        parameters: [{name: customer, in: path, required: true, schema: {type: string}}]
        get: {operationId: GetCustomersCustomer, responses: {"200": {description: ok}}}
        post: {operationId: PostCustomersCustomer, responses: {"200": {description: ok}}}
        delete: {operationId: DeleteCustomersCustomer, responses: {"200": {description: ok}}}
      /v1/customers/{customer}/sources:
        parameters: [{name: customer, in: path, required: true, schema: {type: string}}]
        get: {operationId: GetCustomersCustomerSources, responses: {"200": {description: ok}}}
      /v1/customers/{customer}/sources/{id}:
        parameters:
          - {name: customer, in: path, required: true, schema: {type: string}}
          - {name: id, in: path, required: true, schema: {type: string}}
        get: {operationId: GetCustomersCustomerSourcesId, responses: {"200": {description: ok}}}
      /v1/customers/{customer}/sources/{id}/verify:
        parameters:
          - {name: customer, in: path, required: true, schema: {type: string}}
          - {name: id, in: path, required: true, schema: {type: string}}
        post: {operationId: PostCustomersCustomerSourcesIdVerify, responses: {"200": {description: ok}}}
      /v1/account:
        get: {operationId: GetAccount, responses: {"200": {description: ok}}}
      /v1/charges:
        get: {operationId: GetCharges, tags: [payments], responses: {"200": {description: ok}}}
      /:
        get: {operationId: GetRoot, responses: {"200": {description: ok}}}
""")


def test_untagged_operations_are_grouped_by_their_path(tmp_path, loopback):
    _, result, sdk = sdk_from(tmp_path, UNTAGGED, "payments", "Payments")
    places = {(".".join(r.path), op.name) for r in result.api.resources for op in r.operations}
    places |= {("", op.name) for op in result.api.root_operations}
    assert places == {
        ("customers", "list"),
        ("customers", "create"),
        ("customers", "search"),
        ("customers", "retrieve"),
        ("customers", "update"),
        ("customers", "delete"),
        ("customers.sources", "list"),
        ("customers.sources", "retrieve"),
        ("customers.sources", "verify"),
        ("", "get_account"),  # alone at its path: a method of the client, under its own name
        ("payments", "get_charges"),  # a tag keeps its resource
        ("", "get_root"),  # a path that names nothing stays on the client
    }
    loopback.on("POST", "/v1/customers/c1/sources/s1/verify", Reply(200))
    with sdk.Payments(server_url=loopback.url) as client:
        client.customers.sources.verify(request={"customer": "c1", "id": "s1"})
    assert loopback.requests[0].path == "/v1/customers/c1/sources/s1/verify"


def test_the_flat_layout_is_a_setting(tmp_path):
    from generator.options import Options
    from generator.pipeline import generate

    spec = tmp_path / "untagged.yaml"
    spec.write_text(UNTAGGED)
    api = generate(Options(spec=spec, package_name="flat", sdk_name="Flat", untagged="flat")).api
    assert [r.name for r in api.resources] == ["payments"]
    assert "post_customers_customer_sources_id_verify" in {op.name for op in api.root_operations}


def test_operations_that_would_share_a_name_keep_their_own(tmp_path):
    from generator.options import Options
    from generator.pipeline import generate

    spec = tmp_path / "clash.yaml"
    spec.write_text(textwrap.dedent("""
        openapi: 3.0.3
        info: {title: Clash, version: "1"}
        paths:
          /things/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            get: {operationId: GetThing, responses: {"200": {description: ok}}}
            post: {operationId: PostThing, responses: {"200": {description: ok}}}
            patch: {operationId: PatchThing, responses: {"200": {description: ok}}}
    """))
    api = generate(Options(spec=spec, package_name="clash", sdk_name="Clash")).api
    (things,) = api.resources
    assert sorted(op.name for op in things.operations) == ["patch_thing", "post_thing", "retrieve"]


@pytest.fixture(scope="module")
def stripe():
    """Stripe's SDK, generated (in memory) once for the tests below."""
    from generator.options import Options
    from generator.pipeline import generate

    return generate(Options(spec=apis_guru("stripe.com.json"), package_name="stripe_sdk", sdk_name="Stripe"))


def test_stripes_untagged_operations_become_resources(stripe):
    """Stripe's document has no tags: 452 operations that were one flat list on the client."""
    api = stripe.api
    methods = {(".".join(r.path), op.name): op for r in api.resources for op in r.operations}
    methods |= {("", op.name): op for op in api.root_operations}
    assert len(methods) == 452  # every operation, each under a name of its own
    expected = {
        ("customers", "list"): ("GET", "/v1/customers"),
        ("customers", "search"): ("GET", "/v1/customers/search"),
        ("customers", "retrieve_discount"): ("GET", "/v1/customers/{customer}/discount"),
        ("customers.sources", "verify"): ("POST", "/v1/customers/{customer}/sources/{id}/verify"),
        ("payment_intents", "verify_microdeposits"): ("POST", "/v1/payment_intents/{intent}/verify_microdeposits"),
        ("accounts.login_links", "create"): ("POST", "/v1/accounts/{account}/login_links"),
        ("test_helpers.treasury.inbound_transfers", "fail"): (
            "POST",
            "/v1/test_helpers/treasury/inbound_transfers/{id}/fail",
        ),
        ("disputes", "close"): ("POST", "/v1/disputes/{dispute}/close"),  # only the client has its own close()
        ("", "get_account"): ("GET", "/v1/account"),
    }
    for place, (method, path) in expected.items():
        assert (methods[place].http_method, methods[place].path) == (method, path), place
    assert [op.name for op in api.root_operations] == ["get_account"]


def test_a_large_sdk_loads_only_what_is_used(stripe, tmp_path):
    """Importing Stripe's SDK and making its client load no resource and no model; the first use of
    a resource loads that resource's module only; the first call of an operation loads the models
    it needs, not the others of its resource."""
    from generator.write import write_output

    out = tmp_path / "stripe"
    write_output(out, stripe.files)
    assert (out / "src/stripe_sdk/sdk.py").stat().st_size < 32_000  # no operation is written into it
    code = textwrap.dedent("""
        import sys

        def loaded():
            return sorted(m for m in sys.modules if m.startswith("stripe_sdk") and "._runtime" not in m)

        import httpx, pydantic
        before = set(sys.modules)
        from stripe_sdk import Stripe
        client = Stripe()
        assert loaded() == ["stripe_sdk", "stripe_sdk.sdk"], loaded()
        # Nor anything else beyond httpx and pydantic (pydantic's validators load with models).
        assert not [m for m in set(sys.modules) - before if not m.startswith("stripe_sdk")]
        client.customers.sources
        assert loaded() == [
            "stripe_sdk", "stripe_sdk.customers", "stripe_sdk.customers_sources", "stripe_sdk.sdk"
        ], loaded()
        from stripe_sdk import customers
        customers._delete_discount_op()
        models = [m for m in loaded() if ".models." in m]
        assert "stripe_sdk.models.operations.deletecustomerscustomerdiscount" in models, models
        assert "stripe_sdk.models.operations.getcustomers" not in models, models
        print("ok")
    """)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={"PYTHONPATH": str(out / "src")}
    )
    assert result.stdout.strip() == "ok", result.stderr
