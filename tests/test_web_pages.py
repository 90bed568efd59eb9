"""Issue 16: every kind of page of `instapgids web` through Flask's test client, in Dutch and English: what it
shows, what a form changes (through the same profile files as the command line), and what it refuses."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import EXAMPLES

pytest.importorskip("flask")

from flask.testing import FlaskClient

from instapgids import api
from instapgids.web.app import create_app
from instapgids.web.site import Site

pytestmark = pytest.mark.usefixtures("shared_content_cache")
PORT = 8766
BASE = f"http://127.0.0.1:{PORT}"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    content = api.load_content()
    answers = api.read_answers(EXAMPLES / "lokaal-bestuur-netwerk.yaml", content)
    api.save_answers(tmp_path / "klaar.yaml", answers, content=content)
    half = {k: answers[k] for k in ("org_name", "org_kind")}
    api.save_answers(tmp_path / "half.yaml", half, content=content, complete=False)  # as `start` leaves it
    (tmp_path / "kapot.yaml").write_text("answers: [dit is geen profiel\n", encoding="utf-8")
    return tmp_path


def client_for(folder: Path, lang: str = "nl") -> Iterator[FlaskClient]:
    site = Site(folder=folder)
    app = create_app(site)
    site.serve_at(app, "127.0.0.1", PORT)
    with app.test_client() as client:
        assert client.get(f"/?token={site.token}", base_url=BASE).status_code == 303
        assert client.get(f"/taal/{lang}", base_url=BASE).status_code == 303
        yield client


@pytest.fixture(params=["nl", "en"])
def client(folder: Path, request: pytest.FixtureRequest) -> Iterator[FlaskClient]:
    yield from client_for(folder, request.param)


@pytest.fixture
def dutch(folder: Path) -> Iterator[FlaskClient]:
    yield from client_for(folder)


def page(client: FlaskClient, path: str, status: int = 200) -> str:
    answer = client.get(path, base_url=BASE)
    assert answer.status_code == status, (path, answer.status_code)
    return answer.get_data(as_text=True)


def post(client: FlaskClient, path: str, form: dict[str, str], csrf_from: str) -> tuple[int, str]:
    token = CSRF.search(page(client, csrf_from))
    assert token, csrf_from
    answer = client.post(path, data={"csrf_token": token.group(1), **form}, base_url=BASE)
    return answer.status_code, answer.headers.get("Location", "") or answer.get_data(as_text=True)


WORDS = {
    "nl": [
        "Alle profielen",
        "Verder gaan",
        "Vraag {position} van ongeveer {total}",
        "Kijk uw antwoorden na",
        "Dit kunt u nu doen",
    ],
    "en": [
        "All profiles",
        "Continue where you left off",
        "Question {position} of about {total}",
        "Check your answers",
        "What you can do now",
    ],
}


def test_every_kind_of_page_is_shown_in_the_chosen_language(client: FlaskClient) -> None:
    lang = "en" if "en" in client.get("/", base_url=BASE).headers["Content-Language"] else "nl"
    content = api.load_content(language=lang)
    checklist = api.build_checklist(content, api.open_profile(folder_of(client) / "klaar.yaml").answers)
    following = api.next_question(content, api.open_profile(folder_of(client) / "half.yaml").answers)
    assert following is not None
    shown = [
        page(client, "/"),
        page(client, "/p/half/"),
        page(client, f"/p/half/vraag/{following.id}"),
        page(client, "/p/klaar/controle"),
        page(client, "/p/klaar/checklist"),
    ]
    for words, text in zip(WORDS[lang], shown, strict=True):
        assert f'<html lang="{lang}">' in text
        words = words.format(position=following.position, total=following.total)
        assert words in text, words
    item = checklist.items[0]
    assert item.title in page(client, f"/p/klaar/punt/{item.id}")  # the title in the checklist's language
    assert following.prompt in shown[2]
    for term in following.terms:
        assert term.term in shown[2]
    assert 'href="/p/klaar/export/md"' in page(client, "/p/klaar/export")


def folder_of(client: FlaskClient) -> Path:
    site: Site = client.application.config["INSTAPGIDS_SITE"]
    assert site.folder is not None
    return site.folder


def test_an_interview_begun_in_the_terminal_goes_on_at_its_next_question(dutch: FlaskClient, folder: Path) -> None:
    following = api.next_question(api.load_content(), api.open_profile(folder / "half.yaml").answers)
    assert following is not None
    start = page(dutch, "/p/half/")
    assert f'href="/p/half/vraag/{following.id}"' in start and "Verder gaan" in start
    assert page(dutch, "/p/half/checklist", 302) is not None  # no checklist before the interview is finished


def test_a_missing_answer_is_an_error_summary_linked_to_the_field(dutch: FlaskClient, folder: Path) -> None:
    following = api.next_question(api.load_content(), api.open_profile(folder / "half.yaml").answers)
    assert following is not None
    path = f"/p/half/vraag/{following.id}"
    status, text = post(dutch, path, {}, path)
    assert status == 400
    assert 'class="error-summary"' in text and "<title>Fout: " in text
    target = re.search(r'error-summary-list"><li><a href="#([^"]+)"', text)
    assert target and f'id="{target.group(1)}"' in text
    assert api.open_profile(folder / "half.yaml").answers.keys() == {"org_name", "org_kind"}  # nothing saved


def test_an_answer_is_saved_in_the_profile_and_leads_to_the_next_question(dutch: FlaskClient, folder: Path) -> None:
    content = api.load_content()
    answers = dict(api.open_profile(folder / "half.yaml").answers)
    following = api.next_question(content, answers)
    assert following is not None and following.kind in ("select", "confirm")
    value = following.options[0].value if following.kind == "select" else "true"
    path = f"/p/half/vraag/{following.id}"
    status, location = post(dutch, path, {"answer": value}, path)
    assert status == 302
    saved = api.open_profile(folder / "half.yaml")
    assert following.id in saved.answers and not saved.complete
    after = api.next_question(content, saved.answers)
    assert location.endswith(f"/p/half/vraag/{after.id}" if after else "/p/half/controle")


def test_a_mark_is_saved_as_the_command_line_saves_it(dutch: FlaskClient, folder: Path) -> None:
    checklist = api.build_checklist(api.load_content(), api.open_profile(folder / "klaar.yaml").answers)
    item = checklist.startable[0]
    status, location = post(dutch, f"/p/klaar/punt/{item}/aanduiden", {"status": "done"}, f"/p/klaar/punt/{item}")
    assert status == 303 and location.endswith(f"/p/klaar/punt/{item}?marked=done")
    assert api.open_profile(folder / "klaar.yaml").progress[item] == "done"
    assert "Bewaard in uw profiel." in page(dutch, f"/p/klaar/punt/{item}?marked=done")


def test_what_the_answers_settle_cannot_be_undone(dutch: FlaskClient, folder: Path) -> None:
    checklist = api.build_checklist(api.load_content(), api.open_profile(folder / "klaar.yaml").answers)
    settled = next(item for item in checklist.items if item.done_by_answers)
    item = checklist.startable[0]  # a page with a form, for the CSRF token
    assert "Terugzetten" not in page(dutch, f"/p/klaar/punt/{settled.id}")  # no button for it
    status, text = post(dutch, f"/p/klaar/punt/{settled.id}/aanduiden", {"status": "open"}, f"/p/klaar/punt/{item}")
    assert status == 409 and "Traceback" not in text
    assert settled.id not in api.open_profile(folder / "klaar.yaml").progress


def test_a_profile_that_cannot_be_read_is_a_message_not_a_link(dutch: FlaskClient) -> None:
    overview = page(dutch, "/")
    assert "kapot" in overview and 'href="/p/kapot/' not in overview
    text = page(dutch, "/p/kapot/", 400)
    assert "kapot.yaml" in text and "Traceback" not in text


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_exports_are_downloads_with_a_plain_file_name(dutch: FlaskClient, fmt: str) -> None:
    answer = dutch.get(f"/p/klaar/export/{fmt}", base_url=BASE)
    assert answer.status_code == 200
    assert re.fullmatch(r'attachment; filename="checklist-klaar\.' + fmt + '"', answer.headers["Content-Disposition"])
    assert "Gemeente Voorbeeld" in answer.get_data(as_text=True)


def test_the_mail_is_a_mailto_link_and_an_eml_download(dutch: FlaskClient, folder: Path) -> None:
    checklist = api.build_checklist(api.load_content(), api.open_profile(folder / "klaar.yaml").answers)
    item = next(i for i in checklist.items if i.mail is not None)
    assert item.mail is not None
    text = page(dutch, f"/p/klaar/punt/{item.id}")
    assert f'href="{item.mail.mailto_url.replace("&", "&amp;")}"' in text
    answer = dutch.get(f"/p/klaar/punt/{item.id}/mail.eml", base_url=BASE)
    assert answer.status_code == 200 and answer.data == item.mail.eml_bytes()
    assert re.fullmatch(r'attachment; filename="[A-Za-z0-9._-]+\.eml"', answer.headers["Content-Disposition"])


def test_a_page_outside_the_profiles_is_not_found(dutch: FlaskClient) -> None:
    for path in ("/p/bestaat-niet/", "/p/..%2Fgeheim/", "/p/klaar/punt/geen-punt", "/p/klaar/vraag/geen-vraag"):
        assert "Deze pagina bestaat niet." in page(dutch, path, 404)


def test_the_english_pages_say_nothing_in_dutch(folder: Path) -> None:
    """Names keep their Dutch (with an English gloss, from the content); the mail stays Dutch (lang="nl")."""
    import html

    from dutch import dutch_words

    client = next(client_for(folder, "en"))
    checklist = api.build_checklist(api.load_content(language="en"), api.open_profile(folder / "klaar.yaml").answers)
    following = api.next_question(api.load_content(language="en"), api.open_profile(folder / "half.yaml").answers)
    assert following is not None
    paths = ["/p/half/", f"/p/half/vraag/{following.id}", "/p/klaar/controle", "/p/klaar/checklist", "/p/klaar/export"]
    paths += [f"/p/klaar/punt/{item.id}" for item in checklist.items[:8]]
    found = {}
    for path in paths:
        text = re.sub(r'<(pre|dd|p|strong) [^>]*lang="nl".*?</\1>', " ", page(client, path), flags=re.S)
        text = re.sub(r'<a [^>]*hreflang="nl".*?</a>', " ", text, flags=re.S)  # the switch says "Nederlands"
        shown = re.sub(r"<[^>]+>", " ", re.sub(r"<(title|style|script)>.*?</\1>", " ", text, flags=re.S))
        if words := dutch_words(
            html.unescape(shown), extra=["Gemeente Voorbeeld", "Instapgids ICT-raamcontracten 2022"]
        ):
            found[path] = words
    assert not found, found


def test_two_tabs_answering_two_questions_at_the_same_moment_keep_both_answers(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both tabs read the profile before either writes (a barrier in the store's reader): each answer is
    still kept, as in the terminal, because the page changes one answer under the profile's lock."""
    import contextlib
    import threading

    import instapgids.store.profiles as stored
    import instapgids.store.usecases as usecases

    content = api.load_content()
    example = api.read_answers(EXAMPLES / "lokaal-bestuur-netwerk.yaml", content)
    following = api.next_question(content, api.open_profile(folder / "half.yaml").answers)
    assert following is not None and following.id != "org_name"
    value = example[following.id]
    form_b = {"answer": value if isinstance(value, str) else {True: "true", False: "false"}.get(value, value)}
    site = Site(folder=folder)
    app = create_app(site)
    site.serve_at(app, "127.0.0.1", PORT)
    tabs = [app.test_client(), app.test_client()]
    tokens = []
    for tab, qid in zip(tabs, ("org_name", following.id), strict=True):
        assert tab.get(f"/?token={site.token}", base_url=BASE).status_code == 303
        found = CSRF.search(page(tab, f"/p/half/vraag/{qid}"))
        assert found
        tokens.append(found.group(1))

    barrier = threading.Barrier(2, timeout=0.5)
    reader = stored.open_profile

    def read_together(*args: object) -> object:
        with contextlib.suppress(threading.BrokenBarrierError):  # a lock made the other one wait
            barrier.wait()  # both tabs have read: only then may either go on
        return reader(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(stored, "open_profile", read_together)
    monkeypatch.setattr(usecases, "open_profile", read_together)
    statuses: list[int] = []

    def answer(tab: FlaskClient, qid: str, form: dict[str, object], token: str) -> None:
        sent = tab.post(f"/p/half/vraag/{qid}", data={"csrf_token": token, **form}, base_url=BASE)
        statuses.append(sent.status_code)

    threads = [
        threading.Thread(target=answer, args=(tabs[0], "org_name", {"answer": "Gemeente Tab A"}, tokens[0])),
        threading.Thread(target=answer, args=(tabs[1], following.id, form_b, tokens[1])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    monkeypatch.undo()
    assert len(statuses) == 2 and all(300 <= s < 400 for s in statuses), statuses  # both went on
    saved = api.open_profile(folder / "half.yaml").answers
    assert saved["org_name"] == "Gemeente Tab A"
    assert saved[following.id] == value


def in_progress_for_weeks(client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """Profile 'klaar': its item with a mail to Team Service-Integratie became doing on 16 November; today is
    4 December (14 working days: a reminder is due)."""
    monkeypatch.setenv("INSTAPGIDS_TODAY", "2026-11-16")
    api.mark(folder_of(client) / "klaar.yaml", "ddc-dms-toegang", "doing")
    monkeypatch.setenv("INSTAPGIDS_TODAY", "2026-12-04")


DATES = {
    "nl": ("bezig sinds 18 dagen (2026-11-16)", "al 14 werkdagen geen antwoord van Team Service-Integratie"),
    "en": ("in progress for 18 days (2026-11-16)", "14 working days without an answer from Team Service-Integratie"),
}


def test_the_item_page_and_the_task_list_say_since_when_and_what_to_follow_up(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dates and reminders of the library's checklist (as `instapgids checklist` and `next` show them)."""
    lang = "en" if "en" in client.get("/", base_url=BASE).headers["Content-Language"] else "nl"
    in_progress_for_weeks(client, monkeypatch)
    since, follow_up = DATES[lang]
    shown = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page(client, "/p/klaar/punt/ddc-dms-toegang")))
    assert shown.lower().count(since.lower()) == 1 and follow_up in shown  # said once, under the status
    tasks = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page(client, "/p/klaar/checklist")))
    assert since.lower() in tasks.lower()


def test_the_item_page_offers_the_reminder_beside_the_mail_it_follows_up(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both mails on the page, each with its own download: the reminder does not take the original's place."""
    in_progress_for_weeks(client, monkeypatch)
    item = api.profile_checklist(folder_of(client) / "klaar.yaml").item("ddc-dms-toegang")
    assert item.mail is not None and item.reminder is not None
    shown = html.unescape(page(client, "/p/klaar/punt/ddc-dms-toegang"))
    assert item.mail.subject in shown and item.reminder.subject in shown
    downloads = sorted(set(re.findall(r'href="(/p/klaar/punt/ddc-dms-toegang/[^"]+\.eml)"', shown)))
    assert len(downloads) == 2, downloads
    for url in downloads:
        answer = client.get(url, base_url=BASE)
        assert answer.status_code == 200 and answer.mimetype == "message/rfc822"


OVERVIEW = {
    "nl": ("18 dagen stil", "Vraag toegang tot DDC-DMS (bezig sinds 18 dagen)", "Opvolgen: 1 herinnering klaar"),
    "en": ("quiet for 18 days", "Ask for access to DDC-DMS (in progress for 18 days)", "Follow up: 1 reminder ready"),
}


def test_the_overview_of_a_folder_says_what_instapgids_profiles_says(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """How long each customer has been quiet, since when its first item is in progress, and the reminders."""
    lang = "en" if "en" in client.get("/", base_url=BASE).headers["Content-Language"] else "nl"
    in_progress_for_weeks(client, monkeypatch)
    shown = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page(client, "/")))
    for words in OVERVIEW[lang]:
        assert words in shown, words
    assert shown.index("klaar") < shown.index("half")  # the quietest first


def test_done_on_an_item_that_still_waits_asks_first_and_then_marks_it_out_of_order(
    client: FlaskClient, folder: Path
) -> None:
    """As `instapgids done` asks in the terminal: not a dead-end error, a question with what it waits for."""
    lang = "en" if "en" in client.get("/", base_url=BASE).headers["Content-Language"] else "nl"
    checklist = api.build_checklist(api.load_content(language=lang), api.open_profile(folder / "klaar.yaml").answers)
    waiting = next(item for item in checklist.items if item.status == "blocked")
    where = f"/p/klaar/punt/{waiting.id}"
    status, text = post(client, f"{where}/aanduiden", {"status": "done"}, where)
    assert status == 200, status
    assert waiting.waits_for_titles[0] in html.unescape(text)  # its title, not its id
    assert ("Ja, toch klaar" if lang == "nl" else "Yes, done anyway") in text
    assert waiting.id not in api.open_profile(folder / "klaar.yaml").progress  # nothing written yet
    status, location = post(client, f"{where}/aanduiden", {"status": "done", "force": "1"}, where)
    assert status == 303 and location.endswith(f"{where}?marked=done")
    assert api.open_profile(folder / "klaar.yaml").progress[waiting.id] == "done"


def test_finishing_on_the_check_page_keeps_an_answer_another_tab_gave_meanwhile(
    dutch: FlaskClient, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check page read the answers; another tab changes one before "Checklist maken" writes: it is kept."""
    import instapgids.store.profiles as stored
    import instapgids.store.usecases as usecases

    reader = stored.open_profile
    other_tab = []

    def read_then_other_tab_answers(*args: object) -> object:
        found = reader(*args)  # type: ignore[arg-type]
        if not other_tab:
            other_tab.append("org_name")  # once (its own read comes through here too)
            api.save_answer(folder / "klaar.yaml", "org_name", "Gemeente Andere Tab")
        return found

    token = CSRF.search(page(dutch, "/p/klaar/controle"))
    assert token
    monkeypatch.setattr(stored, "open_profile", read_then_other_tab_answers)
    monkeypatch.setattr(usecases, "open_profile", read_then_other_tab_answers)
    sent = dutch.post("/p/klaar/controle", data={"csrf_token": token.group(1)}, base_url=BASE)
    monkeypatch.undo()
    assert sent.status_code in (302, 303) and other_tab
    saved = api.open_profile(folder / "klaar.yaml")
    assert saved.answers["org_name"] == "Gemeente Andere Tab" and saved.complete
