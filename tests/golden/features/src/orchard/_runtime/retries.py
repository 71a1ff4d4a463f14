"""Retries: the configuration a user gives, and the state of one call's attempts."""

from __future__ import annotations

import datetime as _dt
import random
import time
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence, Tuple

import httpx

DEFAULT_RETRY_STATUS_CODES: Tuple[str, ...] = ("429", "500", "502", "503", "504")

# --------------------------------------------------------------------------- retries


@dataclass
class BackoffStrategy:
    """Exponential backoff; every interval is in milliseconds."""

    initial_interval: int = 500
    max_interval: int = 60_000
    exponent: float = 1.5
    max_elapsed_time: int = 3_600_000


@dataclass
class RetryConfig:
    """How to retry a request: `RetryConfig("backoff", BackoffStrategy(...), retry_connection_errors)`."""

    strategy: str = "backoff"
    backoff: Optional[BackoffStrategy] = None
    retry_connection_errors: bool = False

    def __post_init__(self) -> None:
        if self.backoff is None:
            self.backoff = BackoffStrategy()


def _status_matches(status: int, patterns: Iterable[str]) -> bool:
    text = str(status)
    for pattern in patterns:
        if pattern == text or (
            len(pattern) == 3 and pattern[1:].upper() == "XX" and pattern[0] == text[0]
        ):
            return True
    return False


def _retry_after_ms(response: httpx.Response) -> Optional[float]:
    value = response.headers.get("retry-after")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value) * 1000.0
    try:
        import email.utils

        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.timezone.utc)
    return max(
        0.0, (when - _dt.datetime.now(_dt.timezone.utc)).total_seconds() * 1000.0
    )


class _RetryState:
    """Decides, attempt after attempt, whether and how long to wait before the next try."""

    __slots__ = ("config", "codes", "started", "attempt")

    def __init__(self, config: Optional[RetryConfig], codes: Sequence[str]) -> None:
        self.config = (
            config if config is not None and config.strategy == "backoff" else None
        )
        self.codes = codes
        self.started = time.monotonic()
        self.attempt = 0

    def _delay(self, hint_ms: Optional[float]) -> Optional[float]:
        """Seconds to sleep before the next attempt, or None when no attempt is left."""
        if self.config is None or self.config.backoff is None:
            return None
        backoff = self.config.backoff
        if hint_ms is None:
            hint_ms = backoff.initial_interval * (backoff.exponent**self.attempt)
            hint_ms += random.uniform(0, 0.25 * hint_ms)
        delay_ms = min(hint_ms, float(backoff.max_interval))
        elapsed_ms = (time.monotonic() - self.started) * 1000.0
        if elapsed_ms + delay_ms > backoff.max_elapsed_time:
            return None
        self.attempt += 1
        return delay_ms / 1000.0

    def after_response(self, response: httpx.Response) -> Optional[float]:
        if self.config is None or not _status_matches(response.status_code, self.codes):
            return None
        return self._delay(_retry_after_ms(response))

    def after_exception(self) -> Optional[float]:
        if self.config is None or not self.config.retry_connection_errors:
            return None
        return self._delay(None)
