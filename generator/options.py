"""The options of a generation: one immutable record, read by every stage that needs one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

EnumPolicy = Literal["open", "closed"]
UntaggedLayout = Literal["paths", "flat"]


@dataclass(frozen=True)
class Options:
    """What to generate from which document, and how.

    Made from command-line flags over the settings file (`settings.resolve`); the analysis reads
    `enums`, `max_method_params` and `sdk_name`, rendering reads the names, version and line
    length, writing reads `out`.
    """

    spec: Path | str  # a file, or an http(s) URL
    # Overlay documents (OpenAPI Overlay 1.0) applied in order to the document before it is read.
    overlays: tuple[Path | str, ...] = ()
    out: Path | None = None  # where the SDK project is written (and read back when regenerating)
    package_name: str = ""  # "" until decided: given, recorded, or derived from the document's title
    sdk_name: str = ""
    sdk_version: str = "0.1.0"
    description: str = ""
    env_var: str = ""  # environment variable read when no credential is passed
    line_length: int = 88
    # "closed": values an enum does not list are errors, unless x-speakeasy-unknown-values: allow.
    enums: EnumPolicy = "open"
    max_method_params: int = 0  # the default of x-speakeasy-max-method-params
    # Operations without a tag or group: "paths" groups them into resources by their path
    # (`client.customers.sources.verify()`), "flat" leaves them all on the client.
    untagged: UntaggedLayout = "paths"
    # The environment variable the client reads its server URL from when none is passed: None
    # for `<PACKAGE>_BASE_URL` (decided with the package name), "" for none.
    base_url_env: str | None = None
    # A header parameter that makes a request safe to repeat; the SDK sends a fresh key per call.
    idempotency_header: str = "Idempotency-Key"
    # Pagination inferred from list operations' shape (see builder/paging.py), except for these
    # operationIds.
    infer_pagination: bool = True
    pagination_exclude: frozenset[str] = frozenset()
    # How webhook requests are signed ("standard", "github"; "" to follow the document).
    webhook_signature: str = ""
    # Global parameters besides the document's `x-speakeasy-globals`: (name, location, JSON type).
    global_params: tuple[tuple[str, str, str], ...] = ()

    @property
    def closed_enums(self) -> bool:
        return self.enums == "closed"
