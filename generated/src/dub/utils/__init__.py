"""Helpers of the Dub SDK: retries, OAuth2 client credentials, UNSET, pages and streams."""

from .._runtime import (
    UNSET,
    AsyncBinaryStream,
    AsyncEventStream,
    AsyncPage,
    BackoffStrategy,
    BinaryStream,
    ClientCredentials,
    EventStream,
    Page,
    RetryConfig,
    Unset,
)

__all__ = [
    "AsyncBinaryStream",
    "AsyncEventStream",
    "AsyncPage",
    "BackoffStrategy",
    "BinaryStream",
    "ClientCredentials",
    "EventStream",
    "Page",
    "RetryConfig",
    "UNSET",
    "Unset",
]
