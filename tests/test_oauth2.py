"""OAuth2 beyond client credentials: the password flow, and tokens a user already has (from an
authorization-code flow) renewed with their refresh token on expiry or, once, on a 401."""

from __future__ import annotations

import asyncio
import textwrap
import time
from urllib.parse import parse_qsl

import pytest
from conftest import Reply, sdk_from

SPEC = textwrap.dedent("""
    openapi: 3.0.3
    info: {title: Vault, version: "1"}
    servers: [{url: "https://vault.example.test"}]
    security: [{oauth: []}]
    paths:
      /secrets:
        get:
          operationId: listSecrets
          tags: [secrets]
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}
    components:
      securitySchemes:
        oauth:
          type: oauth2
          flows:
            password: {tokenUrl: "https://auth.example.test/token", scopes: {}}
            authorizationCode:
              authorizationUrl: "https://auth.example.test/authorize"
              tokenUrl: "https://auth.example.test/token"
              scopes: {}
""")


@pytest.fixture(scope="module")
def vault(tmp_path_factory):
    return sdk_from(tmp_path_factory.mktemp("vault"), SPEC, "vault", "Vault")


def _token(access: str, refresh: str) -> Reply:
    return Reply(200, {"access_token": access, "refresh_token": refresh, "expires_in": 3600})


def _form(recorded) -> dict[str, str]:
    return dict(parse_qsl(recorded.body.decode()))


def test_the_password_flow_gets_a_token_once_and_renews_it_after_a_401(vault, loopback):
    _, _, sdk = vault
    loopback.on("POST", "/token", _token("t1", "r1"), _token("t2", "r2"))
    loopback.on("GET", "/secrets", Reply(200, ["a"]), Reply(200, ["b"]), Reply(401), Reply(200, ["c"]))
    saved = []
    credential = sdk.utils.PasswordCredentials(
        "ada", "s3cret", token_url=loopback.url + "/token", on_token=lambda *t: saved.append(t)
    )
    with sdk.Vault(credential, server_url=loopback.url) as client:
        assert client.secrets.list_secrets() == ["a"]
        assert client.secrets.list_secrets() == ["b"]  # the same token, not fetched again
        assert client.secrets.list_secrets() == ["c"]  # 401: renewed with the refresh token, sent again
    token_requests = [r for r in loopback.requests if r.path == "/token"]
    assert [_form(r) for r in token_requests] == [
        {"grant_type": "password", "username": "ada", "password": "s3cret"},
        {"grant_type": "refresh_token", "refresh_token": "r1"},
    ]
    api = [r.headers["authorization"] for r in loopback.requests if r.path == "/secrets"]
    assert api == ["Bearer t1", "Bearer t1", "Bearer t1", "Bearer t2"]
    assert [(a, r) for a, r, _ in saved] == [("t1", "r1"), ("t2", "r2")]
    assert "s3cret" not in repr(credential)


def test_a_second_401_is_an_error_not_a_loop(vault, loopback):
    _, _, sdk = vault
    loopback.on("POST", "/token", _token("t1", "r1"), _token("t2", "r2"))
    loopback.on("GET", "/secrets", Reply(401, {"message": "revoked"}))
    credential = sdk.utils.PasswordCredentials("ada", "pw", token_url=loopback.url + "/token")
    with sdk.Vault(credential, server_url=loopback.url) as client:
        with pytest.raises(sdk.models.errors.SDKError) as failed:
            client.secrets.list_secrets()
    assert failed.value.status_code == 401
    assert [r.path for r in loopback.requests] == ["/token", "/secrets", "/token", "/secrets"]


def test_tokens_you_have_are_used_then_refreshed_when_expired(vault, loopback):
    _, _, sdk = vault
    loopback.on("POST", "/token", _token("fresh", "r2"))
    loopback.on("GET", "/secrets", Reply(200, []))
    saved = []
    valid = sdk.utils.RefreshToken("mine", "r1", expires_at=time.time() + 600, token_url=loopback.url + "/token")
    expired = sdk.utils.RefreshToken(
        "old", "r1", expires_at=time.time() - 5, token_url=loopback.url + "/token", on_token=lambda *t: saved.append(t)
    )
    with sdk.Vault(valid, server_url=loopback.url) as client:
        client.secrets.list_secrets()
    with sdk.Vault(expired, server_url=loopback.url) as client:
        client.secrets.list_secrets()
    assert [r.headers.get("authorization") for r in loopback.requests if r.path == "/secrets"] == [
        "Bearer mine",
        "Bearer fresh",
    ]
    assert _form(next(r for r in loopback.requests if r.path == "/token")) == {
        "grant_type": "refresh_token",
        "refresh_token": "r1",
    }
    assert saved[0][:2] == ("fresh", "r2") and saved[0][2] > time.time() + 3000


def test_a_401_renews_tokens_in_async_calls_too(vault, loopback):
    _, _, sdk = vault
    loopback.on("POST", "/token", _token("t2", "r2"))
    loopback.on("GET", "/secrets", Reply(401), Reply(200, ["ok"]))
    credential = sdk.utils.RefreshToken("t1", "r1", token_url=loopback.url + "/token")

    async def main():
        async with sdk.Vault(credential, server_url=loopback.url) as client:
            return await client.secrets.list_secrets_async()

    assert asyncio.run(main()) == ["ok"]
    assert [r.headers.get("authorization") for r in loopback.requests if r.path == "/secrets"] == [
        "Bearer t1",
        "Bearer t2",
    ]


def test_the_documents_flows_decide_what_the_readme_offers(vault):
    _, result, _ = vault
    readme = result.files["README.md"]
    assert "vault.utils.PasswordCredentials(username, password)" in readme
    assert "vault.utils.RefreshToken(access_token, refresh_token, on_token=save)" in readme
    assert "ClientCredentials(" not in readme  # the document declares no client-credentials flow


def test_the_constructor_takes_the_credentials_of_the_declared_flows(vault):
    import subprocess
    import sys

    from conftest import assert_type_checks, mypy_cache

    out, result, _ = vault
    client = result.files["src/vault/sdk.py"]
    assert "Union[str, Callable[[], str], PasswordCredentials, RefreshToken]" in client
    src = out / "out" / "src"
    (src / "vault" / "example_use.py").write_text(
        "from vault import Vault\nfrom vault.utils import PasswordCredentials\n\n"
        'client = Vault(PasswordCredentials("ada", "pw"))\n'
    )
    assert_type_checks(src, "vault")
    (src / "vault" / "example_use.py").write_text(
        "from vault import Vault\nfrom vault.utils import ClientCredentials\n\n"
        'client = Vault(ClientCredentials("id", "secret"))  # no such flow in the document\n'
    )
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache()), "vault"],
        cwd=src,
        capture_output=True,
        text=True,
    )
    assert 'example_use.py:4: error: Argument 1 to "Vault" has incompatible type "ClientCredentials"' in checked.stdout
