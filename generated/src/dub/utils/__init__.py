"""Configuration helpers of the Dub SDK: retries, OAuth2 client credentials, UNSET."""

from .._runtime import UNSET, BackoffStrategy, ClientCredentials, RetryConfig, Unset

__all__ = ["BackoffStrategy", "ClientCredentials", "RetryConfig", "UNSET", "Unset"]
