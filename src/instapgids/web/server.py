"""Serving the pages with waitress (pure Python, also on Windows): bind, say where, open the browser, stop on Ctrl-C."""

from __future__ import annotations

import errno
import threading
from collections.abc import Callable
from typing import Any

from flask import Flask

from instapgids.errors import UserError
from instapgids.language import _
from instapgids.web.app import create_app
from instapgids.web.site import Site, is_loopback

THREADS = 8


def bind(site: Site, host: str, port: int) -> tuple[Flask, Any]:
    """The application and a waitress server listening on host:port (port 0: a free one), not yet running."""
    from waitress.server import create_server

    app = create_app(site)
    if host == "localhost":  # one address: waitress would listen on 127.0.0.1 and ::1, each on its own free port
        host = "127.0.0.1"
    try:
        server = create_server(
            app, host=host, port=port, threads=THREADS, ident="instapgids", clear_untrusted_proxy_headers=True
        )
    except OSError as exc:
        if exc.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1)):
            raise UserError(
                _(
                    "Het adres {host}:{port} is al in gebruik. Kies een andere poort met --port, of laat --port weg."
                ).format(host=host, port=port)
            ) from None
        raise UserError(
            _("instapgids web kan niet luisteren op {host}:{port}: {reason}").format(
                host=host, port=port, reason=exc.strerror or exc
            )
        ) from None
    listening = server.effective_listen[0] if hasattr(server, "effective_listen") else (host, server.effective_port)
    site.serve_at(app, host, int(listening[1]))
    return app, server


def serve(site: Site, host: str, port: int, *, browser: bool, say: Callable[[str], None]) -> int:
    """Serve until Ctrl-C; 0 when stopped that way."""
    _app, server = bind(site, host, port)
    try:  # from here on, Ctrl-C stops the server cleanly, wherever it comes
        address = site.address(host)
        say(_("instapgids web luistert. Open dit adres in uw browser (de toegangscode hoort erbij):"))
        say(address)
        if not is_loopback(host):
            say(
                _(
                    "Let op: instapgids web luistert op {host}, niet alleen op deze computer. Wie het adres met de "
                    "toegangscode kent, ziet en wijzigt uw profielen: de toegangscode is de enige bescherming."
                ).format(host=host)
            )
        say(_("Stoppen: Ctrl+C."))
        if browser:  # beside the server: a browser that is slow to start never holds up the pages
            threading.Thread(target=_open, args=(address, say), daemon=True).start()
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    say(_("instapgids web is gestopt."))
    return 0


def _open(address: str, say: Callable[[str], None]) -> None:
    import webbrowser

    try:
        opened = webbrowser.open(address)
    except Exception:  # webbrowser.Error, or a browser that fails to start
        opened = False
    if not opened:
        say(_("Er kon geen browser geopend worden. Open het adres hierboven zelf in uw browser."))
