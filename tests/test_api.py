"""The library (``instapgids.api``) as a second front-end uses it: the language as a value, progress
saved through the same use cases as the commands, items that carry their own words, the interview
as data, typed errors."""

from __future__ import annotations

import functools
import html
import json
import re
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dutch import dutch_words

from conftest import AGENTSCHAP, LOKAAL, ROOT, Result, example_answers

pytestmark = pytest.mark.usefixtures("shared_content_cache")

FORMATS = ("md", "html", "json")
# Words that only the Dutch export has, and only the English one (headings, labels, statuses).
DUTCH_MARKS = ("Checklist voor", "Fase 1:", "Voortgang", "niet gestart")
ENGLISH_MARKS = ("Checklist for", "Phase 1:", "Progress", "not started", "Why", "Lots")
TAG = re.compile(r"<[^>]+>")


def api() -> Any:
    from instapgids import api

    return api


def built(language: str, example: Path = LOKAAL) -> Any:
    content = api().load_content(language=language)
    return api().build_checklist(content, example_answers(example), {"ddc-dms-toegang": "done"})


def shown_text(fmt: str, text: str) -> str:
    """What a reader reads of an export: the JSON's strings without its keys and codes, the HTML without tags."""
    if fmt == "json":
        data = json.loads(text)
        strings: list[str] = []

        def walk(value: Any, key: str = "") -> None:
            if isinstance(value, dict):
                for k, v in value.items():
                    walk(v, k)
            elif isinstance(value, list):
                for v in value:
                    walk(v, key)
            elif isinstance(value, str) and key not in ("id", "status", "kind", "section", "waits_for", "generator"):
                strings.append(value)

        walk(data)
        return "\n".join(strings)
    if fmt == "html":
        text = re.sub(r"<(script|style)>.*?</\1>", " ", text, flags=re.S)
        return html.unescape(TAG.sub(" ", text))
    return text


@functools.cache
def sent_subjects() -> tuple[str, ...]:
    """The subjects of the mails (Dutch in an English export too: a mail is sent in Dutch)."""
    return tuple(m.subject for m in api().mails(built("en")))


def assert_wholly(language: str, fmt: str, text: str) -> None:
    if language == "en":
        found = dutch_words(shown_text(fmt, text), ["Gemeente Voorbeeld", *sent_subjects()])
        assert found == [], f"Dutch in the English {fmt} export:\n" + "\n".join(found)
        if fmt != "json":
            assert not [m for m in DUTCH_MARKS if m in text], text[:600]
    else:
        if fmt != "json":
            assert not [m for m in ENGLISH_MARKS if m in text], text[:600]
            assert "Fase 1:" in text
        assert not [w for w in ("not started", "Why", "Applies to every new customer") if w in text]


def export_both(first: str) -> dict[str, dict[str, str]]:
    """Build and export both checklists, ``first`` first, in one process."""
    order = [first, "en" if first == "nl" else "nl"]
    checklists = {language: built(language) for language in order}
    return {language: {fmt: api().export(checklists[language], fmt) for fmt in FORMATS} for language in order}


@pytest.mark.parametrize("first", ["nl", "en"])
def test_a_dutch_and_an_english_checklist_in_one_process_are_each_wholly_in_their_language(first: str) -> None:
    exports = export_both(first)
    for language, by_format in exports.items():
        for fmt, text in by_format.items():
            assert_wholly(language, fmt, text)


def test_two_threads_at_once_each_export_wholly_in_their_language() -> None:
    barrier = threading.Barrier(2, timeout=60)
    results: dict[str, list[tuple[str, str]]] = {"nl": [], "en": []}
    failures: list[BaseException] = []

    def run(language: str) -> None:
        try:
            checklist = built(language)
            barrier.wait()  # both built: now export at the same time, over and over
            for _round in range(8):
                results[language] += [(fmt, api().export(checklist, fmt)) for fmt in FORMATS]
        except BaseException as exc:
            failures.append(exc)
            barrier.abort()

    threads = [threading.Thread(target=run, args=(language,)) for language in ("nl", "en")]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # the threads take turns often, within one export (a shared language showed)
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        sys.setswitchinterval(interval)
    assert not failures, failures
    for language, exports in results.items():
        assert len(exports) == 8 * len(FORMATS)
        for fmt, text in exports:
            assert_wholly(language, fmt, text)


def test_the_language_of_one_thread_is_not_that_of_another() -> None:
    from instapgids import language
    from instapgids.language import _

    seen: list[str] = []
    with language.speaking("en"):
        assert _("klaar") == "done"
        worker = threading.Thread(target=lambda: seen.append(_("klaar")))
        worker.start()
        worker.join()
    assert seen == ["klaar"]  # a new thread speaks Dutch until it binds another language
    assert _("klaar") == "klaar"


def test_an_export_in_english_from_a_dutch_caller_and_back_leaves_the_caller_dutch() -> None:
    from instapgids.language import _, current

    api().export(built("en"), "md")
    assert current() == "nl" and _("klaar") == "klaar"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_items_carry_their_own_words_in_the_checklists_language(language: str) -> None:
    checklist = built(language)
    assert checklist.language == language
    by_id = {item.id: item for item in checklist.items}
    request = by_id["lokale-beheerder-aanvraag"]
    assert request.roles and all(r.right and r.system and r.granted_by and r.text for r in request.roles)
    assert request.mail is not None and request.mail.filename.endswith("-lokale-beheerder.eml")
    assert "Aanvraag" in request.mail.subject  # the mail is Dutch, as sent
    assert (request.mail.reading_en is not None) == (language == "en")
    assert request.mail.eml_bytes().startswith(b"To:") or b"Subject:" in request.mail.eml_bytes()
    assert request.mail.mailto_url.startswith("mailto:")
    done = by_id["ddc-dms-toegang"]
    assert done.status == "done" and not done.details and not done.contacts and done.mail is None
    words = []
    for item in checklist.items:
        assert item.why, item.id
        words += [item.title, item.status_text, *item.why, *item.details, *item.waits_for_titles]
        words += [c.text for c in item.contacts] + [r.text for r in item.roles] + [d.text for d in item.documents]
        words += [label for label, _values in item.fields]
    assert any(item.contacts for item in checklist.items) and any(item.documents for item in checklist.items)
    if language == "en":
        assert dutch_words("\n".join(words), ["Gemeente Voorbeeld"]) == []
    else:
        assert "niet gestart" in words and "Waarom" in words
    assert set(checklist.startable) <= set(by_id)
    assert [i for p in checklist.phases for s in p.steps for i in s.items] == [i.id for i in checklist.items]
    assert [m.id for m in api().mails(checklist)] == sorted(
        (m.id for m in api().mails(checklist)), key=lambda i: [m.number for m in api().mails(checklist) if m.id == i]
    )


def test_the_statuses_are_the_words_of_the_json_export() -> None:
    checklist = built("en", AGENTSCHAP)
    data = json.loads(api().export(checklist, "json"))
    assert [i["status"] for i in data["items"]] == [i.status for i in checklist.items]
    assert {i.status for i in checklist.items} <= {"open", "doing", "done", "blocked"}


@pytest.mark.parametrize(
    ("progress", "error"),
    [
        ({"no-such-item": "done"}, "UnknownItem"),
        ({"ddc-dms-toegang": "finished"}, "UnknownStatus"),
        ({"ddc-dms-toegang": "klaar"}, "UnknownStatus"),
        ({"ddc-dms-toegang": "blocked"}, "UnknownStatus"),
    ],
)
def test_build_checklist_refuses_an_unknown_item_or_status(progress: dict[str, str], error: str) -> None:
    content = api().load_content()
    with pytest.raises(getattr(api(), error)) as raised:
        api().build_checklist(content, example_answers(LOKAAL), progress)
    assert isinstance(raised.value, api().Error)
    assert "--" not in str(raised.value)


def test_open_is_a_status_of_progress_too() -> None:
    content = api().load_content()
    checklist = api().build_checklist(content, example_answers(LOKAAL), {"behoefte-beschrijven": "open"})
    assert checklist.item("behoefte-beschrijven").status == "open"


@pytest.mark.parametrize("language", ["fr", "", "EN-GB"])
def test_an_unknown_language_is_a_typed_error_that_names_no_flag(language: str) -> None:
    with pytest.raises(api().UnknownLanguage) as raised:
        api().load_content(language=language)
    assert isinstance(raised.value, api().Error)
    assert "--lang" not in str(raised.value) and "nl, en" in str(raised.value)


def test_a_profile_is_saved_marked_and_read_through_the_library(tmp_path: Path) -> None:
    path = tmp_path / "klant met spatie.yaml"
    with pytest.raises(api().ProfileNotFound):
        api().open_profile(path)
    content = api().load_content(language="en")
    saved = api().save_answers(path, example_answers(LOKAAL), content=content)
    assert saved.language == "en" and saved.complete and saved.progress == {}
    checklist = api().mark(path, "behoefte-beschrijven", "doing", content=content)
    assert checklist.language == "en" and checklist.item("behoefte-beschrijven").status == "doing"
    assert checklist.item("behoefte-beschrijven").status_text == "in progress"
    with pytest.raises(api().Error):  # it still waits for other items: done only out of order
        api().mark(path, "ddc-dms-toegang", "done")
    api().mark(path, "ddc-dms-toegang", "done", force=True)
    again = api().save_answers(path, example_answers(LOKAAL))  # new answers keep the progress
    assert again.progress == {"behoefte-beschrijven": "doing", "ddc-dms-toegang": "done"}
    assert again.language == "nl"  # the language of the last interview
    api().mark(path, "behoefte-beschrijven", "open")
    opened = api().open_profile(path)
    assert opened.progress == {"ddc-dms-toegang": "done"} and opened.updated is not None
    assert api().build_checklist(content, opened.answers, opened.progress).item("ddc-dms-toegang").status == "done"


@pytest.mark.parametrize(
    ("item", "status", "error"),
    [("no-such-item", "done", "UnknownItem"), ("behoefte-beschrijven", "klaar", "UnknownStatus")],
)
def test_a_refused_mark_writes_nothing(tmp_path: Path, item: str, status: str, error: str) -> None:
    path = tmp_path / "p.yaml"
    api().save_answers(path, example_answers(LOKAAL))
    before = path.read_bytes()
    with pytest.raises(getattr(api(), error)) as raised:
        api().mark(path, item, status)
    assert "--" not in str(raised.value)
    assert path.read_bytes() == before


def test_the_commands_see_what_the_library_saved(tmp_path: Path, cli: Any) -> None:
    path = tmp_path / "p.yaml"
    api().save_answers(path, example_answers(LOKAAL))
    api().mark(path, "behoefte-beschrijven", "done")
    shown = cli("checklist", "--export", "json", "--profile", str(path))
    assert shown.code == 0, shown.text
    statuses = {i["id"]: i["status"] for i in json.loads(shown.out)["items"]}
    assert statuses["behoefte-beschrijven"] == "done"


def test_saving_an_answer_its_question_cannot_take_is_refused(tmp_path: Path) -> None:
    answers = {**example_answers(LOKAAL), "needs": ["no-such-need"]}
    with pytest.raises(api().AnswersError):
        api().save_answers(tmp_path / "p.yaml", answers)
    assert not (tmp_path / "p.yaml").exists()


def test_list_profiles_gives_the_rows_of_the_profiles_command(tmp_path: Path, private_home: Path) -> None:
    from instapgids.store.overview import overview

    folder = private_home / "state" / "profielen"
    api().save_answers(api().profile_path("eerste"), example_answers(LOKAAL))
    api().save_answers(api().profile_path("tweede"), example_answers(AGENTSCHAP))
    (folder / "kapot.yaml").write_text("answers: [\n", encoding="utf-8")
    rows = api().list_profiles()
    assert api().profile_path("eerste") == folder / "eerste.yaml"
    assert [r.name for r in rows] == [r.name for r in overview(api().load_content(), folder)]
    assert {r.name for r in rows} == {"eerste", "tweede", "kapot"}
    broken = next(r for r in rows if r.name == "kapot")
    assert broken.problem and broken.total == 0
    first = next(r for r in rows if r.name == "eerste")
    assert first.organisation == "Gemeente Voorbeeld" and first.total > 0 and first.path == folder / "eerste.yaml"
    assert [r.name for r in api().list_profiles(tmp_path / "none")] == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_interview_as_data_follows_the_terminal_interview(language: str) -> None:
    from instapgids.cli.interview import _notes
    from instapgids.cli.lines import describe
    from instapgids.language import speaking

    content = api().load_content(language=language)
    answers: dict[str, Any] = {}
    wanted = example_answers(LOKAAL)
    asked = []
    while (question := api().next_question(content, answers)) is not None:
        original = content.question_by_id[question.id]
        shown = [text for _style, text in _notes(content, original)]
        assert shown == ([question.help] if question.help else []) + [f"{t.term}: {t.short}" for t in question.terms]
        assert question.position == len(asked) + 1 and question.total >= question.position
        value = wanted[question.id]
        assert api().check_answer(content, question.id, value) is None
        with speaking(language):  # the terminal speaks the language of the run
            assert api().answer_text(content, question.id, value) == describe(original, value)
        answers = api().applicable_answers(content, {**answers, question.id: value})
        asked.append(question.id)
    assert asked == [q.id for q in api().active_questions(content, answers)]
    assert any(q.terms for q in api().active_questions(content, answers))
    assert api().outcome(content, answers) is None
    problem = api().check_answer(content, "needs", [])
    assert problem == ("Kies minstens één antwoord." if language == "nl" else "Choose at least one answer.")
    welcome = api().welcome(content)
    from instapgids.engine.routing import likely_questions

    assert welcome.about == len(likely_questions(content, {})) and len(welcome.have_at_hand) == 4  # the likely path
    with pytest.raises(api().Error):
        api().check_answer(content, "no-such-question", "x")


def test_an_option_with_a_notice_says_it_in_the_contents_language() -> None:
    for language in ("nl", "en"):
        content = api().load_content(language=language)
        found = [
            (q.id, o.value)
            for q in content.interview.questions
            for o in q.options
            if o.notice and q.kind in ("select", "checkbox")
        ]
        assert found
        qid, value = found[0]
        answer = value if content.question_by_id[qid].kind == "select" else [value]
        notices = api().notices(content, qid, answer)
        assert len(notices) == 1
        assert ("gids" in notices[0]) == (language == "nl") or content.question_by_id[qid].section is None


@pytest.mark.parametrize("language", ["nl", "en"])
def test_errors_speak_the_language_of_the_content_and_name_no_flag(language: str, tmp_path: Path) -> None:
    content = api().load_content(language=language)
    checklist = api().build_checklist(content, example_answers(LOKAAL))
    raised = []
    for call in (
        lambda: api().export(checklist, "pdf"),
        lambda: api().build_checklist(content, example_answers(LOKAAL), {"no-such-item": "done"}),
        lambda: api().build_checklist(content, example_answers(LOKAAL), {"ddc-dms-toegang": "finished"}),
        lambda: api().build_checklist(content, {"needs": []}),
        lambda: api().open_profile(tmp_path / "none.yaml", content),
        lambda: api().check_answer(content, "no-such-question", "x"),
    ):
        with pytest.raises(api().Error) as error:
            call()
        raised.append(str(error.value))
    assert not [m for m in raised if "--" in m], raised
    if language == "en":
        assert dutch_words("\n".join(raised), [str(tmp_path)]) == [], raised
    else:
        assert all(re.search(r"\b(Onbekend|Onbekende|bestaat|profiel|Kies)\b", m) for m in raised), raised


def test_the_example_of_docs_library_md_builds_marks_and_exports_in_both_languages(tmp_path: Path) -> None:
    script = ROOT / "docs" / "examples" / "build_mark_export.py"
    source = script.read_text(encoding="utf-8")
    assert re.findall(r"^(?:from|import) instapgids.*$", source, re.M) == ["from instapgids import api"]
    assert source.split('"""', 2)[2].strip() in (ROOT / "docs" / "library.md").read_text(encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(LOKAAL), str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert [line.split(":")[0] for line in done.stdout.splitlines()] == ["nl", "en"]
    for language in ("nl", "en"):
        for fmt in FORMATS:
            text = (tmp_path / f"checklist.{language}.{fmt}").read_text(encoding="utf-8")
            assert_wholly(language, fmt, text)
        data = json.loads((tmp_path / f"checklist.{language}.json").read_text(encoding="utf-8"))
        assert [i["status"] for i in data["items"]].count("doing") == 1  # the mark reached the export


def test_answers_saved_during_the_interview_leave_it_unfinished(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    first = dict(list(example_answers(LOKAAL).items())[:2])
    assert api().save_answers(path, first, complete=False).complete is False
    assert api().open_profile(path).complete is False
    assert api().open_profile(path).answers == first
    assert api().save_answers(path, example_answers(LOKAAL)).complete is True


def test_save_answer_changes_one_answer_and_keeps_the_rest_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    content = api().load_content()
    api().save_answers(path, example_answers(LOKAAL), content=content)
    api().mark(path, "behoefte-beschrijven", "doing")
    path.write_text("# mijn notitie\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    saved = api().save_answer(path, "org_name", "Gemeente Anders")
    assert saved.answers == {**example_answers(LOKAAL), "org_name": "Gemeente Anders"}
    assert saved.complete and saved.progress == {"behoefte-beschrijven": "doing"}
    assert "# mijn notitie" in path.read_text(encoding="utf-8")
    assert api().open_profile(path).answers["org_name"] == "Gemeente Anders"
    # an answer that opens a question again makes the profile an interview again until it is answered
    opened = api().save_answer(path, "needs", ["netwerk", "werkplek"])
    following = api().next_question(content, opened.answers)
    assert following is not None and opened.complete is False
    assert opened.answers == api().applicable_answers(content, {**saved.answers, "needs": ["netwerk", "werkplek"]})


def test_save_answer_refuses_an_unknown_question_or_a_wrong_answer_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    api().save_answers(path, example_answers(LOKAAL))
    before = path.read_bytes()
    with pytest.raises(api().Error) as unknown:
        api().save_answer(path, "geen_vraag", "ja")
    assert "geen_vraag" in str(unknown.value)
    with pytest.raises(api().AnswersError):
        api().save_answer(path, "org_kind", "geen-soort")
    assert path.read_bytes() == before
    assert api().save_answer(tmp_path / "nieuw.yaml", "org_name", "Nieuw").complete is False  # a new profile


def in_progress_for_weeks(path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A profile whose item with a mail to Team Service-Integratie became doing on 16 November; today is 4 December
    (14 working days: a reminder is due)."""
    api().save_answers(path, example_answers(LOKAAL))
    monkeypatch.setenv("INSTAPGIDS_TODAY", "2026-11-16")
    api().mark(path, "ddc-dms-toegang", "doing")
    monkeypatch.setenv("INSTAPGIDS_TODAY", "2026-12-04")
    return path


def test_profile_checklist_carries_the_dates_and_follow_ups_of_the_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = in_progress_for_weeks(tmp_path / "p.yaml", monkeypatch)
    item = api().profile_checklist(path).item("ddc-dms-toegang")
    assert item.dated == "bezig sinds 18 dagen (2026-11-16)"
    assert item.follow_up and item.follow_up[0].startswith("al 14 werkdagen geen antwoord van Team Service-Integratie")
    english = api().profile_checklist(path, content=api().load_content(language="en")).item("ddc-dms-toegang")
    assert english.dated == "in progress for 18 days (2026-11-16)"
    assert api().build_checklist(api().load_content(), example_answers(LOKAAL)).item("ddc-dms-toegang").dated is None


def test_a_reminder_is_offered_beside_the_mail_it_follows_up_not_instead_of_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Callable[..., Result]
) -> None:
    """The library's item keeps its mail and gets the reminder beside it; api.mails lists the same mails as
    `instapgids mails --export eml` writes."""
    path = in_progress_for_weeks(tmp_path / "p.yaml", monkeypatch)
    checklist = api().profile_checklist(path)
    item = checklist.item("ddc-dms-toegang")
    assert item.mail is not None and item.reminder is not None
    assert item.reminder.filename == item.mail.filename.replace(".eml", "-herinnering.eml")
    assert item.mail.subject in item.reminder.body or item.mail.subject in item.reminder.subject
    assert cli("mails", "--profile", str(path), "--export", "eml", "-o", str(tmp_path / "mails")).code == 0
    written = sorted(p.name for p in (tmp_path / "mails").glob("*.eml"))
    assert sorted(m.filename for m in api().mails(checklist)) == written


def test_finish_interview_finishes_with_the_answers_on_disk_and_only_when_none_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    with pytest.raises(api().ProfileNotFound):
        api().finish_interview(path)
    first = dict(list(example_answers(LOKAAL).items())[:2])
    api().save_answers(path, first, complete=False)
    before = path.read_bytes()
    assert api().finish_interview(path).complete is False  # questions are still open: nothing written
    assert path.read_bytes() == before
    api().save_answers(path, example_answers(LOKAAL), complete=False)
    finished = api().finish_interview(path)
    assert finished.complete and api().open_profile(path).complete
    assert finished.answers == example_answers(LOKAAL)
