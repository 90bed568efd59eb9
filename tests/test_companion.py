"""The weeks after the interview: everything that can start (`next --all`), what a mark unlocked or put
back on hold, when items became doing and done, and done out of order. In Dutch and in English."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import LOKAAL, Result, flat, no_traceback, profile_file, save_profile, saved, start

pytestmark = pytest.mark.usefixtures("shared_content_cache")

# In the lokaal-bestuur example: behoefte-beschrijven can start, demand-contacteren waits for it;
# offerte-goedkeuren waits for several items.
FIRST, SECOND, LATE = "behoefte-beschrijven", "demand-contacteren", "offerte-goedkeuren"
EN = ["--lang", "en"]
WORDS = {
    "nl": {
        "all": "Alles tonen: instapgids next --all --profile p",
        "unlocked": "Kan nu starten:",
        "hold": "Wacht nu weer:",
        "ooo": "klaar, buiten de volgorde",
        "since": "bezig sinds 12 dagen",
        "force": "--force",
        "status_all": "alles: instapgids next --all --profile p",
    },
    "en": {
        "all": "Show all: instapgids next --all --profile p",
        "unlocked": "Can start now:",
        "hold": "Waiting again:",
        "ooo": "done, out of order",
        "since": "in progress for 12 days",  # as the status says: in progress
        "force": "--force",
        "status_all": "all: instapgids next --all --profile p",
    },
}
LANGS = ["nl", "en"]


def run(cli: Callable[..., Result], lang: str, *args: str) -> Result:
    return cli(*(EN if lang == "en" else []), *args)


def json_items(cli: Callable[..., Result]) -> dict[str, dict[str, Any]]:
    result = cli("checklist", "--profile", "p", "--export", "json")
    assert result.code == 0, result.text
    return {item["id"]: item for item in json.loads(result.out)["items"]}


def startable_ids(cli: Callable[..., Result]) -> list[str]:
    return [i for i, item in json_items(cli).items() if item["status"] in ("niet-gestart", "bezig", "open", "doing")]


@pytest.mark.parametrize("lang", LANGS)
def test_next_all_shows_every_item_that_can_start_and_next_points_to_it(cli: Callable[..., Result], lang: str) -> None:
    start(cli)
    first_phase = [i for i, item in json_items(cli).items() if item["phase"]["number"] == 1]
    assert cli("done", *first_phase, "--profile", "p").code == 0  # phase 2 starts after phase 1 (6.2)
    can_start = startable_ids(cli)
    assert len(can_start) > 3  # else this test shows nothing
    short = run(cli, lang, "next", "--profile", "p")
    assert WORDS[lang]["all"] in flat(short.out)
    assert sum(f"done {i} --profile p" in flat(short.out) for i in can_start) == 3
    everything = run(cli, lang, "next", "--all", "--profile", "p")
    assert everything.code == 0, everything.text
    for item_id in can_start:
        assert f"done {item_id} --profile p" in flat(everything.out), item_id
    assert WORDS[lang]["all"] not in flat(everything.out)
    status = run(cli, lang, "status", "--profile", "p")
    assert WORDS[lang]["status_all"] in flat(status.out)


@pytest.mark.parametrize("lang", LANGS)
def test_done_says_what_it_unlocked_and_undo_what_waits_again(cli: Callable[..., Result], lang: str) -> None:
    start(cli)
    done = run(cli, lang, "done", FIRST, "--profile", "p")
    assert done.code == 0, done.text
    unlocked = flat(done.out).split(WORDS[lang]["unlocked"], 1)
    assert len(unlocked) == 2 and f"(id: {SECOND})" in unlocked[1], done.out
    undone = run(cli, lang, "undo", FIRST, "--profile", "p")
    on_hold = flat(undone.out).split(WORDS[lang]["hold"], 1)
    assert len(on_hold) == 2 and f"(id: {SECOND})" in on_hold[1], undone.out
    assert WORDS[lang]["unlocked"] not in flat(undone.out)


def test_doing_on_an_item_that_can_start_unlocks_nothing_and_says_so(cli: Callable[..., Result]) -> None:
    start(cli)
    doing = cli("doing", FIRST, "--profile", "p")
    assert "Hierdoor kan niets nieuws starten" in flat(doing.out)
    assert "Kan nu starten:" not in doing.out


@pytest.mark.parametrize("lang", LANGS)
def test_done_on_a_waiting_item_without_a_terminal_needs_force_and_writes_nothing(
    cli: Callable[..., Result], private_home: Path, lang: str
) -> None:
    start(cli)
    before = profile_file(private_home).read_text(encoding="utf-8")
    refused = run(cli, lang, "done", LATE, "--profile", "p")
    no_traceback(refused)
    assert refused.code != 0
    assert WORDS[lang]["force"] in refused.err
    assert f"instapgids done {LATE} --force --profile p" in flat(refused.err)  # the command, as it can be copied
    assert {"nl": "wacht nog op:", "en": "still waits for:"}[lang] in refused.err  # and says on what
    assert profile_file(private_home).read_text(encoding="utf-8") == before
    forced = run(cli, lang, "done", LATE, "--profile", "p", "--force")
    assert forced.code == 0, forced.text
    assert WORDS[lang]["ooo"] in flat(forced.out)
    entry = saved(private_home)["progress"][LATE]
    assert entry["status"] == "done" and entry["out_of_order"] is True
    # the item then says so: in the checklist, in next, in the exports
    assert WORDS[lang]["ooo"] in flat(run(cli, lang, "checklist", "--profile", "p").out)
    assert LATE in flat(run(cli, lang, "next", "--profile", "p").out)
    status = flat(run(cli, lang, "status", "--profile", "p").out)
    assert LATE in status and {"nl": "buiten de volgorde", "en": "out of order"}[lang] in status
    assert json_items(cli)[LATE]["marked"]["out_of_order"] is True
    markdown = run(cli, lang, "checklist", "--profile", "p", "--export", "md").out
    assert WORDS[lang]["ooo"] in markdown


def test_doing_on_a_waiting_item_is_recorded_without_a_question(cli: Callable[..., Result], private_home: Path) -> None:
    start(cli)
    result = cli("doing", LATE, "--profile", "p")
    assert result.code == 0, result.text
    assert saved(private_home)["progress"][LATE]["status"] == "doing"


def test_done_on_an_item_together_with_what_it_waits_for_is_in_order(
    cli: Callable[..., Result], private_home: Path
) -> None:
    start(cli)
    result = cli("done", FIRST, SECOND, "--profile", "p")
    assert result.code == 0, result.text
    assert "out_of_order" not in saved(private_home)["progress"][SECOND]


@pytest.mark.parametrize(("key", "written"), [("\r", False), ("\x1b[B\r", True)], ids=["no", "yes"])
def test_done_on_a_waiting_item_on_a_terminal_asks_first(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, private_home: Path, key: str, written: bool
) -> None:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    start(cli)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(key)
        inp.close()
        result = cli("done", LATE, "--profile", "p")
    no_traceback(result)
    assert (LATE in saved(private_home).get("progress", {})) is written
    assert (result.code == 0) is written
    if written:
        assert saved(private_home)["progress"][LATE]["out_of_order"] is True


@pytest.mark.parametrize("lang", LANGS)
def test_doing_records_its_day_and_next_and_status_count_the_days(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, private_home: Path, lang: str
) -> None:
    start(cli)
    monkeypatch.setenv("INSTAPGIDS_TODAY", "2026-11-20")
    cli("doing", "ddc-dms-toegang", "--profile", "p")
    assert saved(private_home)["progress"]["ddc-dms-toegang"] == {"status": "doing", "date": "2026-11-20"}
    monkeypatch.setenv("INSTAPGIDS_TODAY", "2026-12-02")
    assert WORDS[lang]["since"] in flat(run(cli, lang, "status", "--profile", "p").out)
    assert WORDS[lang]["since"] in flat(run(cli, lang, "next", "--profile", "p").out)
    cli("doing", "ddc-dms-toegang", "--profile", "p")  # marked again: it still started on the 20th
    assert saved(private_home)["progress"]["ddc-dms-toegang"]["date"] == "2026-11-20"
    cli("done", "ddc-dms-toegang", "--profile", "p")
    entry = saved(private_home)["progress"]["ddc-dms-toegang"]
    assert entry == {"status": "done", "date": "2026-12-02", "started": "2026-11-20"}
    item = json_items(cli)["ddc-dms-toegang"]
    assert item["marked"] == {"started": "2026-11-20", "done": "2026-12-02", "out_of_order": False}
    assert "2026-11-20" in run(cli, lang, "checklist", "--profile", "p", "--export", "md").out
    assert "2026-12-02" in run(cli, lang, "checklist", "--profile", "p", "--export", "html").out


def test_a_profile_without_dates_still_reads_and_shows_no_day_count(
    cli: Callable[..., Result], private_home: Path
) -> None:
    start(cli)
    text = profile_file(private_home).read_text(encoding="utf-8")
    save_profile(
        private_home, "p", text + "progress:\n  ddc-dms-toegang: {status: doing}\n  klantenfora: {status: done}\n"
    )
    status = cli("status", "--profile", "p")
    assert status.code == 0, status.text
    assert "[bezig] Vraag toegang tot DDC-DMS" in flat(status.out)
    assert json_items(cli)["ddc-dms-toegang"]["marked"] == {"started": None, "done": None, "out_of_order": False}
    cli("doing", "klantenportaal-rollen", "--profile", "p")
    assert "date" not in saved(private_home)["progress"]["ddc-dms-toegang"]  # no day is made up


def test_a_done_item_marked_doing_again_loses_its_out_of_order_mark(
    cli: Callable[..., Result], private_home: Path
) -> None:
    start(cli)
    cli("done", LATE, "--profile", "p", "--force")
    cli("doing", LATE, "--profile", "p")
    assert "out_of_order" not in saved(private_home)["progress"][LATE]


def test_a_bad_today_is_a_clear_message(cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> None:
    start(cli)
    monkeypatch.setenv("INSTAPGIDS_TODAY", "morgen")
    result = cli("status", "--profile", "p")
    no_traceback(result)
    assert result.code != 0 and "INSTAPGIDS_TODAY" in result.err


def test_working_days_skip_weekends() -> None:
    from instapgids.engine.checklist import working_days

    friday, monday = date(2026, 12, 4), date(2026, 12, 7)
    assert working_days(friday, monday) == 1
    assert working_days(friday, date(2026, 12, 18)) == 10
    assert working_days(monday, monday) == 0


def test_shift_compares_what_could_start_before_and_after(content: Any) -> None:
    from instapgids.engine.checklist import shift

    from conftest import checklist_of

    before = checklist_of(content, LOKAAL)
    after = checklist_of(content, LOKAAL, {FIRST: "done"})
    assert [e.item.id for e in shift(before, after).unlocked] == [SECOND]
    assert [e.item.id for e in shift(after, before).on_hold] == [SECOND]
    assert shift(before, before).unlocked == shift(before, before).on_hold == []


# --------------------------------------------------------------------------- follow-ups and the overview

TEAM_ITEM = "ddc-dms-toegang"  # its mail goes to Team Service-Integratie
FOLLOW = {
    "nl": {
        "subject": "Herinnering: Aanvraag toegang DDC-DMS",
        "quote": 'Op 16-11-2026 stuurde ik u een mail met als onderwerp "Aanvraag toegang DDC-DMS',
        "field": "al 14 werkdagen geen antwoord van Team Service-Integratie",
        "quiet": "gemeente-a 18 dagen stil",
        "since": "(bezig sinds 18 dagen)",
        "ready": "Opvolgen: 1 herinnering klaar: instapgids mails --profile p",
    },
    "en": {
        "subject": "Reminder: Request for access to DDC-DMS",
        "quote": 'On 16-11-2026 I sent you an email with the subject "Request for access to DDC-DMS',
        "field": "14 working days without an answer from Team",
        "quiet": "gemeente-a quiet for 18 days",
        "since": "(in progress for 18 days)",
        "ready": "Follow up: 1 reminder ready: instapgids mails --profile p",
    },
}


def doing_since(cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, day: str, name: str = "p") -> None:
    monkeypatch.setenv("INSTAPGIDS_TODAY", day)
    assert cli("doing", TEAM_ITEM, "--profile", name).code == 0


@pytest.mark.parametrize("lang", LANGS)
def test_a_mail_unanswered_longer_than_the_content_allows_gets_a_reminder(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    start(cli)
    doing_since(cli, monkeypatch, "2026-11-16")  # a Monday
    monkeypatch.setenv("INSTAPGIDS_TODAY", "2026-11-30")  # 10 working days later: not yet
    assert FOLLOW[lang]["subject"] not in flat(run(cli, lang, "mails", "--profile", "p").out)
    monkeypatch.setenv("INSTAPGIDS_TODAY", "2026-12-04")  # 14 working days
    mails = flat(run(cli, lang, "mails", "--profile", "p").out)
    assert FOLLOW[lang]["subject"] in mails
    assert FOLLOW[lang]["quote"] in mails  # the original subject and date, quoted (in English: the reading)
    assert "Herinnering: Aanvraag toegang DDC-DMS" in mails  # the mail that is sent stays Dutch
    assert FOLLOW[lang]["field"] in flat(run(cli, lang, "next", "--profile", "p").out)
    assert FOLLOW[lang]["ready"] in flat(run(cli, lang, "status", "--profile", "p").out)  # where people look daily
    cli("done", TEAM_ITEM, "--profile", "p")  # answered: no reminder any more
    assert "Herinnering:" not in flat(cli("mails", "--profile", "p").out)


def test_the_reminder_waits_as_long_as_the_content_says(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, data_copy: Path
) -> None:
    mails = data_copy / "mails.yaml"
    mails.write_text(
        mails.read_text(encoding="utf-8").replace("after_working_days: 10", "after_working_days: 3"), encoding="utf-8"
    )
    monkeypatch.setenv("INSTAPGIDS_DATA_DIR", str(data_copy))
    start(cli)
    doing_since(cli, monkeypatch, "2026-12-04")  # a Friday: the weekend does not count
    monkeypatch.setenv("INSTAPGIDS_TODAY", "2026-12-09")  # Wednesday: 3 working days
    assert "Herinnering:" not in flat(cli("mails", "--profile", "p").out)
    monkeypatch.setenv("INSTAPGIDS_TODAY", "2026-12-10")
    assert "Herinnering: Aanvraag toegang DDC-DMS" in flat(cli("mails", "--profile", "p").out)


def test_a_follow_up_with_an_unknown_placeholder_is_a_content_error(
    cli: Callable[..., Result], data_copy: Path
) -> None:
    mails = data_copy / "mails.yaml"
    text = mails.read_text(encoding="utf-8")
    mails.write_text(text.replace('subject: "Herinnering: {onderwerp}"', 'subject: "Herinnering: {percelen}"'), "utf-8")
    result = cli("validate", "--data-dir", str(data_copy))
    no_traceback(result)
    assert result.code != 0 and "follow_up.subject" in result.text and "{percelen}" in result.text


def test_the_reminder_is_written_as_a_draft_beside_the_mail_it_follows(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    start(cli)
    doing_since(cli, monkeypatch, "2026-11-16")
    monkeypatch.setenv("INSTAPGIDS_TODAY", "2026-12-04")
    assert cli("mails", "--profile", "p", "--export", "eml", "-o", str(tmp_path / "m")).code == 0
    names = sorted(p.name for p in (tmp_path / "m").glob("*.eml"))
    original = next(n for n in names if n.endswith("-ddc-dms.eml"))
    assert original.replace(".eml", "-herinnering.eml") in names


@pytest.mark.parametrize("lang", LANGS)
def test_profiles_puts_the_quietest_customer_first_and_says_on_what(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    for name in ("gemeente-a", "gemeente-b", "gemeente-c"):
        start(cli, name=name)
    doing_since(cli, monkeypatch, "2026-11-16", "gemeente-a")
    monkeypatch.setenv("INSTAPGIDS_TODAY", "2026-11-30")
    cli("done", FIRST, "--profile", "gemeente-b")
    monkeypatch.setenv("INSTAPGIDS_TODAY", "2026-12-04")
    cli("done", FIRST, "--profile", "gemeente-c")
    shown = flat(run(cli, lang, "profiles").out)
    assert shown.index("gemeente-a ") < shown.index("gemeente-b ") < shown.index("gemeente-c ")
    assert FOLLOW[lang]["quiet"] in shown
    assert FOLLOW[lang]["since"] in shown
    assert "instapgids mails --profile gemeente-a" in shown  # the reminder that is ready


@pytest.mark.parametrize("lang", LANGS)
def test_the_html_export_names_the_other_items_that_can_start_with_a_link_to_each(
    cli: Callable[..., Result], lang: str
) -> None:
    import re

    start(cli)
    first_phase = [i for i, item in json_items(cli).items() if item["phase"]["number"] == 1]
    assert cli("done", *first_phase, "--profile", "p").code == 0
    can_start = startable_ids(cli)
    assert len(can_start) > 3  # three shown, and others
    page = run(cli, lang, "checklist", "--profile", "p", "--export", "html").out
    summary = page.split('<section class="next">', 1)[1].split("</section>", 1)[0]
    linked = re.findall(r'<a href="#punt-([a-z0-9-]+)-li">', summary)
    assert sorted(linked) == sorted(can_start), summary  # the three in the list, the others on the line under it
    one = len(can_start) == 4
    others = {
        "nl": "ander punt kan ook al starten:" if one else "andere punten kunnen ook al starten:",
        "en": "other item can start now too:" if one else "other items can start now too:",
    }[lang]
    assert f"{len(can_start) - 3} {others}" in summary, summary
    for item_id in linked:
        assert f'id="punt-{item_id}-li"' in page  # each link leads to its item on the page


def test_doing_on_a_waiting_item_does_not_call_that_item_unlocked(cli: Callable[..., Result]) -> None:
    start(cli)
    doing = cli("doing", TEAM_ITEM, "--profile", "p")  # it waits on phase 1; doing is recorded without a question
    assert doing.code == 0, doing.text
    assert f"(id: {TEAM_ITEM})" not in flat(doing.out), doing.out  # marked, not unlocked by something else


@pytest.mark.parametrize("lang", LANGS)
def test_answers_never_confirmed_are_said_where_the_checklist_is_shown(
    cli: Callable[..., Result], private_home: Path, lang: str
) -> None:
    """Ctrl-C at the review screen leaves every answer given but the interview not finished (complete: false):
    status, next and checklist say so and how to finish, as `profiles` does."""
    start(cli)
    text = profile_file(private_home).read_text(encoding="utf-8")
    assert "complete: true" in text
    save_profile(private_home, "p", text.replace("complete: true", "complete: false"))
    said = {"nl": "nog niet bevestigd", "en": "not confirmed"}[lang]
    for command in ("status", "next", "checklist"):
        result = run(cli, lang, command, "--profile", "p")
        assert result.code == 0, result.text
        assert said in flat(result.err) and "instapgids start --profile p" in flat(result.err), (command, result.err)
    start(cli)  # confirmed (as the review's "Alles klopt" does): nothing more to say
    assert said not in flat(run(cli, lang, "status", "--profile", "p").err)


def test_progress_on_an_item_the_new_answers_dropped_does_not_make_a_customer_quiet(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`start --answers … --force` keeps the progress; an item no longer on the checklist was worked on weeks ago,
    but the customer moved today (seen in tmux: '21 dagen stil' over an item it no longer has)."""
    from conftest import AGENTSCHAP

    monkeypatch.setenv("INSTAPGIDS_TODAY", "2026-11-13")
    start(cli, AGENTSCHAP, name="klant")
    assert cli("doing", "klantbereik-navragen", "--profile", "klant").code == 0  # not on the lokaal checklist
    monkeypatch.setenv("INSTAPGIDS_TODAY", "2026-12-04")
    assert cli("start", "--answers", str(LOKAAL), "--profile", "klant", "--force").code == 0
    shown = flat(cli("profiles").out)
    assert "dagen stil" not in shown and "klantbereik" not in shown.lower(), shown
    assert "vandaag nog bijgewerkt" in shown, shown
