"""Progress over weeks: `done`, `doing`, `undo` and `status`, and how progress is kept in the profile."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import (
    EXAMPLE_FILES,
    EXAMPLES,
    ITEM_ID,
    LOKAAL,
    Result,
    checklist_of,
    files_in,
    flat,
    ids_with,
    no_traceback,
    profile_file,
    saved,
    start,
)

pytestmark = pytest.mark.usefixtures("shared_content_cache")

PROFILE = "p"

# "(niet gestart, id: x)" after an item's title in `checklist`; Rich may wrap it between any two words.
WORDS = {"open": "niet gestart", "doing": "bezig", "done": "klaar", "blocked": "kan nog niet starten"}
JSON_CODES = ["open", "doing", "done", "blocked"]  # schema 3: the library's codes
PHASE_ROW = re.compile(r"^\s*(\d+)\.\s+(.+?)\s+(\d+)/(\d+)\s+([█░]+)\s*$", re.M)
NOW_ID = re.compile(r"\(id:\s+([a-z0-9-]+),\s+§")


PHASE_1 = ("behoefte-beschrijven", "demand-contacteren", "werkaanvraag-voorbereiden")  # the end of phase 1


def shown_statuses(cli: Callable[..., Result], name: str = PROFILE) -> dict[str, str]:
    """Item id -> status in words, as `checklist` shows them."""
    result = cli("checklist", "--profile", name)
    assert result.code == 0, result.text
    return {m.group(2): " ".join(m.group(1).split()) for m in ITEM_ID.finditer(result.out)}


def saved_statuses(cli: Callable[..., Result], name: str = PROFILE) -> dict[str, str]:
    """Item id -> status in words, read through `checklist --export json` (no terminal rendering: ~10x faster)."""
    import json

    result = cli("checklist", "--profile", name, "--export", "json")
    assert result.code == 0, result.text
    codes = {code: word for word, code in zip(WORDS.values(), JSON_CODES, strict=True)}
    return {item["id"]: codes[item["status"]] for item in json.loads(result.out)["items"]}


def status_rows(out: str) -> dict[int, tuple[int, int, str]]:
    """Phase number -> (done, total, bar) from the table of `status`."""
    return {int(m.group(1)): (int(m.group(3)), int(m.group(4)), m.group(5)) for m in PHASE_ROW.finditer(out)}


def now_list(out: str) -> list[tuple[str, bool]]:
    """The items under 'Nu aan de beurt:' as (id, marked [bezig]), in order."""
    assert "Nu aan de beurt:" in out, out
    part = out.split("Nu aan de beurt:", 1)[1].split("Afvinken:", 1)[0]
    part = part.split("… en nog", 1)[0]
    found = []
    for bullet in part.split("•")[1:]:
        ids = NOW_ID.findall(flat(bullet))
        assert len(ids) == 1, bullet
        found.append((ids[0], "[bezig" in bullet))  # "[bezig sinds vandaag]"
    return found


# --------------------------------------------------------------------------- done / doing / undo


def two_independent_items(cli: Callable[..., Result], content: Any) -> tuple[str, str]:
    """Two open items of the example's checklist that no other item waits for (marking them releases none),
    once phase 1 is done: phase 2 starts after phase 1 (6.2)."""
    assert cli("done", *PHASE_1, "--profile", PROFILE).code == 0
    checklist = checklist_of(content, LOKAAL, dict.fromkeys(PHASE_1, "done"))
    awaited = {w for e in checklist.items() for w in e.item.waits_for}
    first, second = [i for i in ids_with(checklist, "open") if i not in awaited][:2]
    return first, second


def test_done_doing_and_undo_change_checklist_and_status(
    cli: Callable[..., Result], content: Any, private_home: Path
) -> None:
    start(cli)
    first, second = two_independent_items(cli, content)
    before = shown_statuses(cli)
    assert before[first] == before[second] == "niet gestart"

    done = cli("done", first, "--profile", PROFILE)
    assert done.code == 0, done.text
    title = {e.item.id: e.item.title for e in checklist_of(content, LOKAAL).items()}[first]
    assert f"{first}: klaar — {title}" in flat(done.out)
    doing = cli("doing", second, "--profile", PROFILE)
    assert doing.code == 0, doing.text
    assert f"{second}: bezig" in doing.out

    checklist = cli("checklist", "--profile", PROFILE)
    assert f"(klaar, id: {first})" in flat(checklist.out)
    assert f"(bezig, id: {second})" in flat(checklist.out)
    after = shown_statuses(cli)
    assert {k: v for k, v in after.items() if k not in (first, second)} == {
        k: v for k, v in before.items() if k not in (first, second)
    }

    status = cli("status", "--profile", PROFILE)
    assert status.code == 0, status.text
    assert now_list(status.out)[0] == (second, True)  # what is started comes first
    assert first not in [i for i, _ in now_list(status.out)]
    done_count = sum(1 for s in after.values() if s == "klaar")
    assert f"Totaal {len(after)} punten:" in flat(status.out)
    assert f"{done_count} klaar" in flat(status.out) and "1 bezig" in flat(status.out)

    for item in (first, second):
        undone = cli("undo", item, "--profile", PROFILE)
        assert undone.code == 0, undone.text
        assert f"{item}: niet gestart" in undone.out
    assert shown_statuses(cli) == before
    assert set(saved(private_home).get("progress", {})) == set(PHASE_1)  # phase 1 stays done


def test_undo_of_a_waiting_item_makes_it_wait_again(cli: Callable[..., Result], content: Any) -> None:
    start(cli)
    waiting = ids_with(checklist_of(content, LOKAAL), "blocked")[0]
    assert saved_statuses(cli)[waiting] == "kan nog niet starten"

    assert cli("doing", waiting, "--profile", PROFILE).code == 0
    assert saved_statuses(cli)[waiting] == "bezig"
    undone = cli("undo", waiting, "--profile", PROFILE)
    assert undone.code == 0, undone.text
    assert f"{waiting}: kan nog niet starten" in flat(undone.out)
    assert saved_statuses(cli)[waiting] == "kan nog niet starten"


def test_several_ids_at_once(cli: Callable[..., Result], content: Any, private_home: Path) -> None:
    start(cli)
    assert cli("done", *PHASE_1, "--profile", PROFILE).code == 0  # phase 2 starts after phase 1 (6.2)
    chosen = ids_with(checklist_of(content, LOKAAL, dict.fromkeys(PHASE_1, "done")), "open")[:3]
    result = cli("done", *chosen, "--profile", PROFILE)
    assert result.code == 0, result.text
    for item in chosen:
        assert re.search(rf"^{re.escape(item)}: klaar — ", result.out, re.M), result.out
    statuses = saved_statuses(cli)
    assert [statuses[i] for i in chosen] == ["klaar"] * 3
    assert set(saved(private_home)["progress"]) == set(chosen) | set(PHASE_1)

    back = cli("undo", *chosen[:2], "--profile", PROFILE)
    assert back.code == 0, back.text
    statuses = saved_statuses(cli)
    assert [statuses[i] for i in chosen] == ["niet gestart", "niet gestart", "klaar"]
    assert set(saved(private_home)["progress"]) == {chosen[2], *PHASE_1}


def test_progress_is_saved_in_the_profile_with_status_and_date(
    cli: Callable[..., Result], content: Any, private_home: Path
) -> None:
    start(cli)
    answers_before = saved(private_home)["answers"]
    first, second = ids_with(checklist_of(content, LOKAAL), "open")[:2]
    assert cli("done", first, "--profile", PROFILE).code == 0
    assert cli("doing", second, "--profile", PROFILE).code == 0

    data = saved(private_home)
    today = date.today().isoformat()
    assert data["progress"] == {first: {"status": "done", "date": today}, second: {"status": "doing", "date": today}}
    assert data["answers"] == answers_before
    # written atomically: only the profile itself is in the folder, no temporary file
    assert files_in(profile_file(private_home).parent) == [f"{PROFILE}.yaml"]

    # `doing` on something done, then `done` again: one entry per item, the latest status
    assert cli("doing", first, "--profile", PROFILE).code == 0
    assert saved(private_home)["progress"][first]["status"] == "doing"
    assert cli("done", first, "--profile", PROFILE).code == 0
    assert saved(private_home)["progress"][first] == {"status": "done", "date": today, "started": today}


def test_a_failed_write_keeps_the_old_profile_and_leaves_no_temporary_file(
    cli: Callable[..., Result], content: Any, private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rename at the end of the atomic write fails (as on a full disk): the profile is as it was."""
    import instapgids.store.files

    start(cli)
    path = profile_file(private_home)
    before = path.read_bytes()

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Toegang geweigerd")

    monkeypatch.setattr(instapgids.store.files.os, "replace", refuse)
    result = cli("done", ids_with(checklist_of(content, LOKAAL), "open")[0], "--profile", PROFILE)
    assert result.code == 2, result.text
    no_traceback(result)
    assert "niet schrijven" in result.err
    assert path.read_bytes() == before
    assert files_in(path.parent) == [path.name]


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_done_on_the_item_another_waits_for_releases_it(
    example: Path, cli: Callable[..., Result], content: Any
) -> None:
    checklist = checklist_of(content, example)
    entries = {e.item.id: e for e in checklist.items()}
    pairs = [
        (e.waits_for[0], e.item.id)
        for e in checklist.items()
        if e.status == "blocked" and len(e.waits_for) == 1 and entries[e.waits_for[0]].status == "open"
    ]
    assert pairs, f"no item in {example.name} waits for exactly one item that can start now"
    first, waiting = pairs[0]
    start(cli, example)
    assert saved_statuses(cli)[waiting] == "kan nog niet starten"

    result = cli("done", first, "--profile", PROFILE)
    assert result.code == 0, result.text
    shown = cli("checklist", "--profile", PROFILE).out
    statuses = {m.group(2): " ".join(m.group(1).split()) for m in ITEM_ID.finditer(shown)}
    assert statuses[first] == "klaar"
    assert statuses[waiting] == "niet gestart"
    assert "Wacht op" not in _block(shown, waiting)

    assert cli("undo", first, "--profile", PROFILE).code == 0
    assert saved_statuses(cli)[waiting] == "kan nog niet starten"


def _block(out: str, item_id: str) -> str:
    """The text of one item in `checklist`: from its id to the next item's head (or the next step)."""
    text = flat(out)
    at = text.index(f"id: {item_id})")
    rest = text[at:]
    ends = [m.start() for m in re.finditer(r"\[( |x|~|\.)\] |Stap \d+:|Fase \d+:", rest)]
    return rest[: ends[0]] if ends else rest


# --------------------------------------------------------------------------- bad ids


def test_an_unknown_id_with_a_typo_gets_a_suggestion(cli: Callable[..., Result], content: Any) -> None:
    start(cli)
    meant = ids_with(checklist_of(content, LOKAAL), "open")[1]
    typo = meant[:-1]
    for command in ("done", "doing", "undo"):
        result = cli(command, typo, "--profile", PROFILE)
        assert result.code == 2, result.text
        no_traceback(result)
        assert f"'{typo}' bestaat niet" in result.err
        assert "Bedoelt u" in result.err and meant in result.err
        assert "instapgids checklist" in result.err


def test_an_unknown_id_without_anything_close(cli: Callable[..., Result]) -> None:
    start(cli)
    result = cli("done", "qqq-zzz-onbekend", "--profile", PROFILE)
    assert result.code == 2, result.text
    no_traceback(result)
    assert "'qqq-zzz-onbekend' bestaat niet" in result.err
    assert "Bedoelt u" not in result.err


def test_an_id_of_the_guide_that_is_not_on_this_checklist(cli: Callable[..., Result], content: Any) -> None:
    start(cli)
    everywhere = [i.id for p in content.journey.phases for s in p.steps for i in s.items]
    on_list = {e.item.id for e in checklist_of(content, LOKAAL).items()}
    elsewhere = next(i for i in everywhere if i not in on_list)
    result = cli("done", elsewhere, "--profile", PROFILE)
    assert result.code == 2, result.text
    no_traceback(result)
    assert f"'{elsewhere}' staat niet op uw checklist" in result.err
    assert "bestaat niet" not in result.err


def test_undo_of_an_item_done_by_the_answers_points_to_start(cli: Callable[..., Result], content: Any) -> None:
    start(cli)
    by_answers = next(e.item.id for e in checklist_of(content, LOKAAL).items() if e.done_by_answers)
    result = cli("undo", by_answers, "--profile", PROFILE)
    assert result.code == 2, result.text
    no_traceback(result)
    assert f"'{by_answers}' is klaar volgens uw antwoorden" in result.err
    assert f"instapgids start --profile {PROFILE}" in result.err
    assert saved_statuses(cli)[by_answers] == "klaar"


@pytest.mark.parametrize("command", ["done", "doing", "undo"])
def test_nothing_is_written_when_any_id_is_bad(
    command: str, cli: Callable[..., Result], content: Any, private_home: Path
) -> None:
    start(cli)
    good = ids_with(checklist_of(content, LOKAAL), "open")[:2]
    assert cli("doing", good[1], "--profile", PROFILE).code == 0  # so that `undo` would change something
    path = profile_file(private_home)
    before, statuses = path.read_bytes(), saved_statuses(cli)

    result = cli(command, good[0], "onbekend-punt", good[1], "--profile", PROFILE)
    assert result.code == 2, result.text
    no_traceback(result)
    assert "'onbekend-punt' bestaat niet" in result.err
    assert path.read_bytes() == before
    assert saved_statuses(cli) == statuses
    assert files_in(path.parent) == [path.name]


# --------------------------------------------------------------------------- status


def _phase_counts(checklist: Any) -> dict[int, tuple[int, int]]:
    counts = {}
    for view in checklist.phases:
        items = [e for s in view.steps for e in s.items]
        counts[view.phase.number] = (sum(1 for e in items if e.status == "done"), len(items))
    return counts


def _shown_phase_counts(out: str) -> dict[int, tuple[int, int]]:
    """Per phase, (klaar, all) counted in the printed checklist."""
    counts = {}
    for part in re.split(r"^Fase (?=\d+: )", out, flags=re.M)[1:]:
        found = [" ".join(m.group(1).split()) for m in ITEM_ID.finditer(part)]
        counts[int(part.split(":", 1)[0])] = (found.count("klaar"), len(found))
    return counts


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_status_shows_each_phase_with_the_checklists_numbers_and_a_bar(
    example: Path, cli: Callable[..., Result], content: Any
) -> None:
    start(cli, example)
    checklist = checklist_of(content, example)
    opened = ids_with(checklist, "open") + ids_with(checklist, "blocked")  # few can start before phase 1 is done
    some = min(3, len(opened) - 1)
    assert cli("done", *opened[:some], "--profile", PROFILE).code == 0
    assert cli("doing", opened[some], "--profile", PROFILE).code == 0
    progress = {**dict.fromkeys(opened[:some], "done"), opened[some]: "doing"}
    checklist = checklist_of(content, example, progress)

    result = cli("status", "--profile", PROFILE)
    assert result.code == 0, result.text
    no_traceback(result)
    rows = status_rows(result.out)
    assert {n: (done, total) for n, (done, total, _) in rows.items()} == _phase_counts(checklist)
    assert {n: (done, total) for n, (done, total, _) in rows.items()} == _shown_phase_counts(
        cli("checklist", "--profile", PROFILE).out
    )
    titles = {v.phase.number: v.phase.title for v in checklist.phases}
    for number, (done, total, bar) in rows.items():
        assert titles[number] in result.out
        filled = bar.count("█")
        assert len(bar) > 0 and abs(filled - len(bar) * done / total) <= 1, (number, done, total, bar)
        assert (filled == 0) == (done == 0) and (filled == len(bar)) == (done == total)
    statuses = [e.status for e in checklist.items()]
    summary = flat(result.out).split("Totaal ", 1)[1].split(".", 1)[0]
    assert summary.startswith(f"{len(statuses)} punten:")
    for status, word in WORDS.items():
        count = statuses.count(status)
        counted = "kunnen nog niet starten" if status == "blocked" and count != 1 else word  # Dutch plural
        assert (f"{count} {counted}" in summary) == (count > 0), summary


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_now_lists_only_what_can_start_started_first(example: Path, cli: Callable[..., Result], content: Any) -> None:
    start(cli, example)
    opened = ids_with(checklist_of(content, example), "open")
    started = opened[-1]  # a late item, to see it move to the front
    assert cli("doing", started, "--profile", PROFILE).code == 0
    checklist = checklist_of(content, example, {started: "doing"})

    result = cli("status", "--profile", PROFILE)
    assert result.code == 0, result.text
    shown = now_list(result.out)
    startable = ids_with(checklist, "doing") + ids_with(checklist, "open")
    assert [i for i, _ in shown] == startable[: len(shown)]
    assert len(shown) == min(3, len(startable))  # the next three, then how many others
    assert len(shown) == len(startable) or f"en {len(startable) - len(shown)} ander" in result.out
    assert shown[0] == (started, True)
    assert [i for i, bezig in shown if bezig] == [started]
    waiting = set(ids_with(checklist, "blocked"))
    assert waiting, "this example should have items that wait"
    assert not waiting & {i for i, _ in shown}
    for item in waiting:
        assert f"(id: {item}," not in flat(result.out)


def test_status_when_everything_is_done(cli: Callable[..., Result], content: Any) -> None:
    start(cli)
    todo = [e.item.id for e in checklist_of(content, LOKAAL).items() if e.status != "done"]
    assert cli("done", *todo, "--profile", PROFILE).code == 0
    result = cli("status", "--profile", PROFILE)
    assert result.code == 0, result.text
    assert "Alles is klaar." in result.out
    assert "Nu aan de beurt" not in result.out
    for _, (done, total, bar) in status_rows(result.out).items():
        assert done == total and set(bar) == {"█"}


# --------------------------------------------------------------------------- progress and the profile over time


def test_progress_survives_start_with_the_same_answers_again(
    cli: Callable[..., Result], content: Any, private_home: Path
) -> None:
    start(cli)
    first, second = two_independent_items(cli, content)
    assert cli("done", first, "--profile", PROFILE).code == 0
    assert cli("doing", second, "--profile", PROFILE).code == 0
    progress = saved(private_home)["progress"]

    assert cli("start", "--answers", str(LOKAAL), "--profile", PROFILE).code == 0
    again = cli("checklist", "--profile", PROFILE)
    assert again.code == 0, again.text
    assert f"(klaar, id: {first})" in flat(again.out)
    assert f"(bezig, id: {second})" in flat(again.out)
    assert saved(private_home)["progress"] == progress
    statuses = saved_statuses(cli)
    assert (statuses[first], statuses[second]) == ("klaar", "bezig")


def test_progress_of_an_item_that_no_longer_exists_is_reported_and_kept(
    cli: Callable[..., Result], content: Any, private_home: Path
) -> None:
    start(cli)
    path = profile_file(private_home)
    data = saved(private_home)
    gone = {"status": "klaar", "date": "2024-01-15"}
    data["progress"] = {"verdwenen-punt": gone}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    shown = cli("checklist", "--profile", PROFILE)
    assert shown.code == 0, shown.text
    no_traceback(shown)
    assert "'verdwenen-punt'" in shown.err
    assert "hoort bij geen checklistpunt meer" in flat(shown.err)
    assert "verdwenen-punt" not in shown.out

    first = ids_with(checklist_of(content, LOKAAL), "open")[0]
    marked = cli("done", first, "--profile", PROFILE)
    assert marked.code == 0, marked.text
    assert "'verdwenen-punt'" in marked.err
    progress = saved(private_home)["progress"]
    assert progress["verdwenen-punt"] == gone
    assert progress[first]["status"] == "done"

    status = cli("status", "--profile", PROFILE)
    assert status.code == 0, status.text
    assert "verdwenen-punt" not in status.out


@pytest.mark.parametrize(
    "args", [("done", "x"), ("doing", "x"), ("undo", "x"), ("status",)], ids=["done", "doing", "undo", "status"]
)
def test_without_a_profile_says_to_start_first(
    args: tuple[str, ...], cli: Callable[..., Result], private_home: Path
) -> None:
    result = cli(*args)
    assert result.code == 2, result.text
    no_traceback(result)
    assert "Er is nog geen profiel" in result.err
    assert "instapgids start" in result.err

    named = cli(*args, "--profile", "klant-x")
    assert named.code == 2, named.text
    assert "instapgids start --profile klant-x" in named.err
    assert not (private_home / "state" / "profielen").exists()


def test_the_fingerprints_of_a_checklist_are_the_same_in_every_process(content: Any) -> None:
    """An item with a conditional detail once got a fingerprint with a memory address in it, so a newer
    guide reported it as changed although nothing had."""
    from instapgids.content.load import load_content
    from instapgids.store.profiles import Profile, fingerprints

    answers = yaml.safe_load((EXAMPLES / "consultant-zonder-eid.yaml").read_text(encoding="utf-8"))["answers"]
    profile = Profile(path=Path("p.yaml"), answers=answers)
    fresh = load_content(use_cache=False)
    assert any(not isinstance(d, str) for e in checklist_of(fresh, EXAMPLES / "consultant-zonder-eid.yaml").items()
               for d in e.item.details)  # fmt: skip
    assert fingerprints(content, profile) == fingerprints(fresh, profile)


def test_a_profile_with_the_dutch_status_words_of_old_still_reads_and_is_written_back_with_codes(
    cli: Callable[..., Result], content: Any, private_home: Path
) -> None:
    start(cli)
    checklist = checklist_of(content, LOKAAL)
    first, second, third = (ids_with(checklist, "open") + ids_with(checklist, "blocked"))[:3]
    path = profile_file(private_home)
    data = saved(private_home)
    data["progress"] = {first: {"status": "klaar", "date": "2024-01-15"}, second: {"status": "bezig"}}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    assert (saved_statuses(cli)[first], saved_statuses(cli)[second]) == ("klaar", "bezig")
    assert cli("done", third, "--profile", PROFILE).code == 0
    progress = saved(private_home)["progress"]
    assert progress[first] == {"status": "done", "date": "2024-01-15"}
    assert [progress[second]["status"], progress[third]["status"]] == ["doing", "done"]
