"""HTTP to the LRS with httpx: Basic auth, the xAPI version header, timeouts, and retries
with backoff on what may pass (a lost connection, a timeout, 5xx, 429). Imported only when
something is really sent, so that nothing else in Porukka loads a network library.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Sequence
from typing import Any

import httpx

from .config import XapiConfig

VERSION_HEADER = {"X-Experience-API-Version": "1.0.3"}


class LrsError(Exception):
    """The LRS said no, or could not be reached; `cause` is a short key of why."""

    def __init__(self, cause: str, status: int | None, detail: str) -> None:
        self.cause = cause
        self.status = status
        self.detail = detail
        super().__init__(f"{cause} ({status}): {detail}" if status else f"{cause}: {detail}")


class LrsAuthError(LrsError):
    """401 or 403: the user name, the password or the user's rights."""


class LrsRejected(LrsError):
    """400, 409, 413 or 422: something in these statements; others may still go."""


class LrsUnavailable(LrsError):
    """No answer, or 5xx/429, after every retry."""


def _detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except (ValueError, json.JSONDecodeError):
        return response.text[:300]
    if isinstance(body, dict) and "detail" in body:
        return str(body["detail"])[:300]
    return json.dumps(body, ensure_ascii=False)[:300]


class LrsClient:
    def __init__(self, config: XapiConfig, *, sleep: Callable[[float], None] = time.sleep,
                 transport: httpx.BaseTransport | None = None) -> None:
        if not config.endpoint:
            raise ValueError("no LRS endpoint is configured")
        auth = (config.user or "", config.password or "") if config.user else None
        self.retries = config.retries
        self.sleep = sleep
        self.http = httpx.Client(
            base_url=config.endpoint, auth=auth, headers=VERSION_HEADER,
            timeout=httpx.Timeout(config.timeout, connect=min(10.0, config.timeout)),
            transport=transport,
        )

    def close(self) -> None:
        self.http.close()

    def _request(self, method: str, url: str, **kw: Any) -> httpx.Response:
        last: LrsError | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(min(30.0, 0.5 * 2 ** (attempt - 1)) * random.uniform(0.75, 1.25))
            try:
                response = self.http.request(method, url, **kw)
            except httpx.TransportError as exc:
                last = LrsUnavailable("unreachable", None, f"{type(exc).__name__}: {exc}")
                continue
            if response.status_code >= 500 or response.status_code == 429:
                last = LrsUnavailable("server-error", response.status_code, _detail(response))
                continue
            return response
        assert last is not None
        raise last

    def _check(self, response: httpx.Response) -> None:
        code = response.status_code
        if code < 300:
            return
        if code in (401, 403):
            raise LrsAuthError("auth", code, _detail(response))
        if code in (400, 409, 413, 422):
            raise LrsRejected("rejected", code, _detail(response))
        raise LrsError("http", code, _detail(response))

    def post_statements(self, statements: Sequence[dict[str, Any]]) -> int:
        """Store the statements; the status (200: stored, 204: all were there already)."""
        body = json.dumps(list(statements), ensure_ascii=False).encode("utf-8")
        response = self._request("POST", "statements", content=body,
                                 headers={"Content-Type": "application/json"})
        self._check(response)
        return response.status_code

    def get_statement(self, statement_id: str, *, voided: bool = False) -> dict[str, Any] | None:
        key = "voidedStatementId" if voided else "statementId"
        response = self._request("GET", "statements", params={key: statement_id})
        if response.status_code == 404:
            return None
        self._check(response)
        body = response.json()
        if isinstance(body, dict) and "statements" in body:
            found = body["statements"]
            return found[0] if found else None
        return body if isinstance(body, dict) else None

    def about(self) -> int:
        """Whether the endpoint answers as an LRS (GET about: the status)."""
        return self._request("GET", "about").status_code
