"""Configuration helpers of the Dub SDK: retries and the UNSET marker."""

from .._runtime import UNSET, BackoffStrategy, RetryConfig, Unset

__all__ = ["BackoffStrategy", "RetryConfig", "UNSET", "Unset"]
