"""The Flask application and its safety rules.

- The access token (``secrets``) is needed on the first visit as ``?token=``; the answer sets it in an
  HttpOnly, SameSite=Strict cookie and sends the browser on without the token in the address. A request
  without the token, or with a wrong one, gets 403.
- Only the served address is answered (``Host`` must be it): a page elsewhere that renames its host to
  127.0.0.1 (DNS rebinding) gets 400.
- Every form carries a CSRF token (Flask-WTF); a POST without it or with a wrong one gets 403 and changes
  nothing (the check runs before the page).
- Every answer sends a strict Content-Security-Policy (nothing inline, nothing from elsewhere, no frames).
"""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import urlencode

from flask import Flask, Response, g, redirect, request
from flask_wtf.csrf import CSRFError, CSRFProtect

from instapgids import api, language
from instapgids.language import N_, Language, _
from instapgids.web.site import LANGUAGE_COOKIE, Site, cookie_name, render_error, site

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",  # the pages hold the user's answers
}


def create_app(site: Site) -> Flask:
    """The application for ``site``; its pages are those of ``pages``."""
    from instapgids.web import pages

    app = Flask(__name__, static_folder="static", static_url_path="/static")
    app.config.update(
        SECRET_KEY=secrets.token_bytes(32),  # signs the CSRF session cookie; new on every start
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        WTF_CSRF_TIME_LIMIT=None,  # a form left open for an afternoon still works
        WTF_CSRF_SSL_STRICT=False,  # plain http on this machine: the Referer check is for https
        MAX_CONTENT_LENGTH=64 * 1024,
        INSTAPGIDS_SITE=site,
    )
    app.jinja_env.add_extension("jinja2.ext.i18n")
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda message: _(message), ngettext=lambda one, many, n: _(one if n == 1 else many), newstyle=False
    )
    app.jinja_env.globals["url_with"] = url_with
    # order matters: the host and the token before Flask-WTF's CSRF check (registered by CSRFProtect)
    app.before_request(_check_host)
    app.before_request(_check_token)
    app.before_request(_choose_language)
    CSRFProtect(app)
    app.teardown_request(_restore_language)
    app.after_request(_safety_headers)
    app.register_error_handler(CSRFError, _csrf_failed)
    app.register_error_handler(api.Error, _library_error)
    for code in (400, 403, 404, 405, 413):
        app.register_error_handler(code, _error_page)
    pages.register(app)
    return app


def _check_host() -> Response | None:
    if not site().answers(request.host):
        return _refuse(400, N_("Dit adres hoort niet bij deze instapgids."))
    return None


def _check_token() -> Response | None:
    expected = site().token
    given = request.args.get("token")
    if given is not None and request.method == "GET":
        if not secrets.compare_digest(given.encode(), expected.encode()):
            return _refuse(403, N_("Deze toegangscode klopt niet. Open het adres dat instapgids web toonde."))
        args = {k: v for k, v in request.args.items(multi=True) if k != "token"}
        answer = redirect(request.path + (f"?{urlencode(args)}" if args else ""), code=303)
        answer.set_cookie(cookie_name("toegang"), expected, httponly=True, samesite="Strict", path="/")
        return answer  # type: ignore[return-value]
    held = request.cookies.get(cookie_name("toegang"), "")
    if not secrets.compare_digest(held.encode(), expected.encode()):
        return _refuse(403, N_("Geen toegang. Open het adres met de toegangscode dat instapgids web toonde."))
    return None


def choose_language() -> Language:
    """The browser's choice (the switch), else --lang, else Accept-Language, else Dutch."""
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if language.is_language(chosen):
        return chosen
    if site().language is not None:
        return site().language  # type: ignore[return-value]
    best = request.accept_languages.best_match(["nl", "en"], default="nl")
    return "en" if best == "en" else "nl"


def _choose_language() -> None:
    g.previous_language = (language.current(), language.explicit())
    g.lang = choose_language()
    language.use(g.lang, explicit=True)


def _restore_language(_exc: BaseException | None) -> None:
    previous = g.pop("previous_language", None)
    if previous is not None:
        language.use(previous[0], explicit=previous[1])


def _safety_headers(answer: Response) -> Response:
    for name, value in HEADERS.items():
        answer.headers.setdefault(name, value)
    answer.headers["Content-Language"] = g.get("lang", "nl")
    answer.headers["Vary"] = "Cookie, Accept-Language"
    return answer


def _refuse(code: int, message: str) -> Response:
    """An error page with ``message`` (a Dutch message id) in the language of the browser."""
    if "lang" not in g:
        g.lang = choose_language() if site().answers(request.host) else "nl"
    with language.speaking(g.lang):
        body = render_error(code, _(message))  # a message id (Dutch), said in the language of the browser
    return Response(body, status=code, mimetype="text/html")


def _library_error(exc: api.Error) -> Response:
    """What the library refuses (a profile that cannot be read, …): its message, in the content's language."""
    return Response(render_error(400, str(exc)), status=400, mimetype="text/html")


def _csrf_failed(_exc: CSRFError) -> Response:
    return _refuse(403, N_("Dit formulier is verlopen of komt niet van deze pagina. Laad de pagina opnieuw."))


def _error_page(exc: Any) -> Response:
    code = int(getattr(exc, "code", 500) or 500)
    messages = {
        400: N_("Dit verzoek begrijpt instapgids niet."),
        403: N_("Geen toegang."),
        404: N_("Deze pagina bestaat niet."),
        405: N_("Deze pagina kan dat niet."),
        413: N_("Dit formulier is te groot."),
    }
    return _refuse(code, messages.get(code, N_("Er ging iets mis.")))


def url_with(**changes: str) -> str:
    """This page's address with some query parameters changed (the language switch)."""
    args = {k: v for k, v in request.args.items() if k not in changes}
    args.update(changes)
    return request.path + "?" + urlencode(args)
