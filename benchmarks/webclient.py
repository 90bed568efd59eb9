"""A small browser for the web benchmarks: a cookie jar, the CSRF token of the last form, and timed requests.

Used by benchmarks/web.py and benchmarks/web_load.py (standard library only)."""

from __future__ import annotations

import http.client
import re
import time
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class Client:
    """One user: its own connection (keep-alive) and cookies, entered with the address's token."""

    def __init__(self, address: str) -> None:
        parts = urlsplit(address)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.cookies: dict[str, str] = {}
        self.csrf = ""
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        status, _body, _seconds = self.request("GET", f"/?{parts.query}")
        assert status == 303, status

    def request(self, method: str, path: str, form: dict[str, str] | None = None) -> tuple[int, str, float]:
        """(status, body, seconds) of one request; the seconds are those of the whole answer."""
        headers = {"Host": f"{self.host}:{self.port}", "Accept-Language": "nl"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode({"csrf_token": self.csrf, **form})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=headers)
            answer = self.connection.getresponse()
            text = answer.read().decode("utf-8", "replace")
        except (http.client.HTTPException, OSError):
            self.connection.close()  # a fresh connection next time
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
            raise
        seconds = time.perf_counter() - started
        for header in answer.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie(header)
            self.cookies.update({k: m.value for k, m in cookie.items()})
        if found := CSRF.search(text):
            self.csrf = found.group(1)
        return answer.status, text, seconds
