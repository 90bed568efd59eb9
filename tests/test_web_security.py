"""Issue 16: `instapgids web` is safe by default (Flask's test client, no socket): the access token, the served host
only, CSRF on every form, and the safety headers on every answer, also on a refusal."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("flask")

from flask import Flask
from flask.testing import FlaskClient

from instapgids.web.app import CSP, create_app
from instapgids.web.site import Site

PORT = 8765
HOST = f"127.0.0.1:{PORT}"


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return Site(profile=tmp_path / "gemeente-x.yaml")


@pytest.fixture
def app(site: Site) -> Flask:
    app = create_app(site)
    site.serve_at(app, "127.0.0.1", PORT)
    app.config["TESTING"] = True
    return app


@pytest.fixture
def client(app: Flask) -> Iterator[FlaskClient]:
    with app.test_client() as client:
        yield client


def enter(client: FlaskClient, site: Site, path: str = "/static/style.css") -> None:
    """The first visit with the token: a redirect to the same page without it, with the access cookie."""
    answer = client.get(f"{path}?token={site.token}", base_url=f"http://{HOST}")
    assert answer.status_code == 303
    assert answer.headers["Location"] == path
    cookie = answer.headers["Set-Cookie"]
    assert f"instapgids-toegang-{PORT}=" in cookie
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_the_address_printed_carries_a_long_random_token(site: Site) -> None:
    other = Site(profile=site.profile)
    assert site.token != other.token and len(site.token) >= 32
    site.port = PORT
    assert site.address("127.0.0.1") == f"http://127.0.0.1:{PORT}/?token={site.token}"
    assert site.address("::1").startswith(f"http://[::1]:{PORT}/?token=")


def test_without_the_token_every_page_is_refused(client: FlaskClient) -> None:
    for path in ("/", "/static/style.css", "/p/gemeente-x/", "/p/gemeente-x/checklist"):
        answer = client.get(path, base_url=f"http://{HOST}")
        assert answer.status_code == 403, path
        assert "Geen toegang" in answer.get_data(as_text=True)


def test_a_wrong_token_is_refused_and_sets_no_cookie(client: FlaskClient, site: Site) -> None:
    answer = client.get(f"/?token={site.token[:-1]}x", base_url=f"http://{HOST}")
    assert answer.status_code == 403
    assert "Set-Cookie" not in answer.headers
    assert client.get("/static/style.css", base_url=f"http://{HOST}").status_code == 403


def test_the_token_once_then_the_cookie(client: FlaskClient, site: Site) -> None:
    enter(client, site)
    answer = client.get("/static/style.css", base_url=f"http://{HOST}")
    assert answer.status_code == 200
    assert b"focus" in answer.data


def test_a_wrong_cookie_is_refused(client: FlaskClient, site: Site) -> None:
    client.set_cookie(f"instapgids-toegang-{PORT}", "raden", domain="127.0.0.1")
    assert client.get("/static/style.css", base_url=f"http://{HOST}").status_code == 403


@pytest.mark.parametrize("host", ["evil.example:8765", "127.0.0.1:9999", "127.0.0.1", "localhost.evil.example:8765"])
def test_a_foreign_host_is_refused_even_with_the_token(client: FlaskClient, site: Site, host: str) -> None:
    answer = client.get(f"/?token={site.token}", base_url=f"http://{host}")
    assert answer.status_code == 400
    assert "Set-Cookie" not in answer.headers


@pytest.mark.parametrize("host", ["localhost", "[::1]"])
def test_the_other_names_of_this_computer_are_served(client: FlaskClient, site: Site, host: str) -> None:
    answer = client.get(f"/static/style.css?token={site.token}", base_url=f"http://{host}:{PORT}")
    assert answer.status_code == 303


def test_a_non_loopback_host_answers_to_its_own_name_only(tmp_path: Path) -> None:
    site = Site(profile=tmp_path / "x.yaml")
    app = create_app(site)
    site.serve_at(app, "192.168.1.5", PORT)
    assert site.hosts == {f"192.168.1.5:{PORT}"}
    assert site.answers(f"192.168.1.5:{PORT}") and not site.answers(f"evil.example:{PORT}")


def test_on_every_address_any_name_of_the_machine_is_served_with_the_token(tmp_path: Path) -> None:
    site = Site(profile=tmp_path / "x.yaml")
    app = create_app(site)
    site.serve_at(app, "0.0.0.0", PORT)
    assert site.answers(f"pc-van-an.local:{PORT}") and not site.answers("pc-van-an.local:80")
    with app.test_client() as client:
        assert client.get("/static/style.css", base_url=f"http://pc-van-an.local:{PORT}").status_code == 403


@pytest.mark.parametrize("path", ["/static/style.css", "/", "/bestaat-niet"])
def test_every_answer_carries_the_safety_headers(client: FlaskClient, site: Site, path: str) -> None:
    enter(client, site)
    for answer in (client.get(path, base_url=f"http://{HOST}"), client.get(path, base_url="http://evil:1")):
        assert answer.headers["Content-Security-Policy"] == CSP
        assert "default-src 'self'" in CSP and "frame-ancestors 'none'" in CSP and "unsafe-inline" not in CSP
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        assert answer.headers["Referrer-Policy"] == "no-referrer"
        assert answer.headers["X-Frame-Options"] == "DENY"


def test_a_post_without_csrf_token_is_refused(client: FlaskClient, site: Site) -> None:
    enter(client, site)
    answer = client.post("/p/gemeente-x/controle", data={}, base_url=f"http://{HOST}")
    assert answer.status_code == 403
    assert not site.profile.exists()  # type: ignore[union-attr]


def test_a_post_with_a_wrong_csrf_token_is_refused(client: FlaskClient, site: Site) -> None:
    enter(client, site)
    answer = client.post(
        "/p/gemeente-x/punt/x/aanduiden", data={"csrf_token": "vals", "status": "done"}, base_url=f"http://{HOST}"
    )
    assert answer.status_code == 403
    assert "formulier" in answer.get_data(as_text=True)
    assert not site.profile.exists()  # type: ignore[union-attr]


def test_a_post_without_the_access_token_is_refused_before_anything(client: FlaskClient, site: Site) -> None:
    answer = client.post("/p/gemeente-x/controle", data={}, base_url=f"http://{HOST}")
    assert answer.status_code == 403
    assert "Geen toegang" in answer.get_data(as_text=True)


def test_a_refusal_is_in_english_for_an_english_browser(client: FlaskClient) -> None:
    answer = client.get("/", base_url=f"http://{HOST}", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert answer.status_code == 403
    assert re.search(r'<html lang="en">', answer.get_data(as_text=True))
    assert "No access" in answer.get_data(as_text=True)


def test_the_language_switch_goes_only_to_a_page_of_this_site(client: FlaskClient, site: Site) -> None:
    enter(client, site)
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        answer = client.get("/taal/en", query_string={"next": target}, base_url=f"http://{HOST}")
        assert answer.status_code == 303
        assert answer.headers["Location"] == "/"


def test_lang_is_the_language_until_the_browser_switches(tmp_path: Path) -> None:
    site = Site(profile=tmp_path / "x.yaml", language="en")  # instapgids web --lang en
    app = create_app(site)
    site.serve_at(app, "127.0.0.1", PORT)
    with app.test_client() as client:
        enter(client, site)
        dutch_browser = {"Accept-Language": "nl-BE,nl;q=0.9"}
        assert (
            client.get("/bestaat-niet", base_url=f"http://{HOST}", headers=dutch_browser).headers["Content-Language"]
            == "en"
        )
        client.get("/taal/nl", base_url=f"http://{HOST}")
        assert client.get("/bestaat-niet", base_url=f"http://{HOST}").headers["Content-Language"] == "nl"
