"""What one ``instapgids web`` serves and where: its profile or folder, its token and the address it answers to."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from instapgids.language import Language

if TYPE_CHECKING:
    from flask import Flask

LANGUAGE_COOKIE = "instapgids-taal"


@dataclass
class Site:
    """What one ``instapgids web`` serves: one profile, or every profile in a folder."""

    profile: Path | None = None
    folder: Path | None = None
    data_dir: Path | None = None
    language: Language | None = None  # --lang: the language when the browser has not chosen one
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    hosts: frozenset[str] = frozenset()  # the Host headers answered: set by server.bind() once the port is known
    port: int = 0
    any_host: bool = False

    def serve_at(self, app: Flask, host: str, port: int) -> None:
        """The address is known (the port may have been 0): the Host headers and cookie names follow it."""
        self.port = port
        app.config["SESSION_COOKIE_NAME"] = f"instapgids-sessie-{port}"
        names = {host, "127.0.0.1", "localhost", "[::1]"} if is_loopback(host) else {host}
        self.hosts = frozenset(f"{name}:{port}" for name in names)
        # on every address of this machine (0.0.0.0, ::) it goes by any of its names: the token guards it alone
        self.any_host = is_unspecified(host)

    def answers(self, host_header: str) -> bool:
        """Whether a request with this Host header is for this server (not a page elsewhere renamed to it)."""
        return host_header in self.hosts or (self.any_host and host_header.endswith(f":{self.port}"))

    def address(self, host: str) -> str:
        """The address to open, with its token: on a line of its own for the user."""
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{self.port}/?{urlencode({'token': self.token})}"


def is_unspecified(host: str) -> bool:
    import ipaddress

    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def site() -> Site:
    """The site of the application serving this request."""
    from flask import current_app

    found: Site = current_app.config["INSTAPGIDS_SITE"]
    return found


def cookie_name(stem: str) -> str:
    """Cookies are kept per host, not per port: each server's own names, so two servers never mix."""
    return f"instapgids-{stem}-{site().port}"


def render_error(code: int, text: str) -> str:
    """The error page for ``text`` (already in the browser's language), as HTML."""
    from flask import render_template

    return render_template("error.html", code=code, message=text, title=text)
