"""Hooks run around every request."""

from __future__ import annotations

from typing import Callable, List, Optional

import httpx

# --------------------------------------------------------------------------- hooks

BeforeRequestHook = Callable[[httpx.Request], Optional[httpx.Request]]
AfterSuccessHook = Callable[[httpx.Response], Optional[httpx.Response]]
AfterErrorHook = Callable[[Optional[httpx.Response], Optional[BaseException]], None]


class Hooks:
    """Callables run around every request, registered with the methods below (also as decorators).

    - `before_request(hook)`: `hook(request)` may return a replacement `httpx.Request`; it runs
      before every attempt.
    - `after_success(hook)`: `hook(response)` may return a replacement `httpx.Response`; it runs
      for a final response with a status below 400.
    - `after_error(hook)`: `hook(response, exception)` runs for a final error status (with the
      response) or when no response came (with the exception); it cannot suppress the error.
    """

    def __init__(self) -> None:
        self._before: List[BeforeRequestHook] = []
        self._success: List[AfterSuccessHook] = []
        self._error: List[AfterErrorHook] = []

    def before_request(self, hook: BeforeRequestHook) -> BeforeRequestHook:
        self._before.append(hook)
        return hook

    def after_success(self, hook: AfterSuccessHook) -> AfterSuccessHook:
        self._success.append(hook)
        return hook

    def after_error(self, hook: AfterErrorHook) -> AfterErrorHook:
        self._error.append(hook)
        return hook

    def _run_before(self, request: httpx.Request) -> httpx.Request:
        for hook in self._before:
            request = hook(request) or request
        return request

    def _run_after(self, response: httpx.Response) -> httpx.Response:
        if response.status_code >= 400:
            for error_hook in self._error:
                error_hook(response, None)
            return response
        for hook in self._success:
            response = hook(response) or response
        return response

    def _run_error(self, exc: BaseException) -> None:
        for hook in self._error:
            hook(None, exc)
