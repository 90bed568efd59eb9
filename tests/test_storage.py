"""Nothing the user made is lost or damaged: profiles under a lock, merged, round-tripped; safe writes.

Each test is one way a user's data was (or could be) lost or damaged, tried as a user would.
"""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import LOKAAL, Result, checklist_of, files_in, instapgids_exe, no_traceback, profile_file, saved, start
from prompts import ENTER, ORDER, REVIEW, Screen, answer_keys, prompt_start, stop_and_check_the_terminal

pytestmark = pytest.mark.usefixtures("shared_content_cache")

PROFILE = "p"
# Whether others may write a file is POSIX's mode bits and owners; on Windows the cache is in the user's AppData.
POSIX_OWNERS = pytest.mark.skipif(not hasattr(os, "getuid"), reason="file owners and mode bits are POSIX's")
CHANGED_ELSEWHERE = "intussen ook ergens anders gewijzigd"


def item_ids(content: Any, example: Path = LOKAAL) -> list[str]:
    """Every item on the example's checklist that `done` may mark without --force (open, not waiting for another)."""
    return [e.item.id for e in checklist_of(content, example).items() if e.status == "open"]


def answers_file(tmp_path: Path, name: str = "antwoorden.yaml", **changes: Any) -> Path:
    """A copy of the local-government example with some top-level parts or answers changed."""
    data = yaml.safe_load(LOKAAL.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if key in ("progress", "notities"):
            data[key] = value
        else:
            data["answers"][key] = value
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [instapgids_exe(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy()
    )


# --------------------------------------------------------------------------- two processes at once


def test_two_processes_marking_at_once_lose_no_mark(
    cli: Callable[..., Result], content: Any, private_home: Path
) -> None:
    """`instapgids done A & instapgids done B`, then `undo A & undo B`, round after round: both always count."""
    start(cli)
    first, second = item_ids(content)[:2]
    for round_ in range(10):
        command = "done" if round_ % 2 == 0 else "undo"
        both = [run(command, first, "--profile", PROFILE), run(command, second, "--profile", PROFILE)]
        for process in both:
            out, err = process.communicate(timeout=60)
            assert process.returncode == 0, out + err
        marked = set(saved(private_home).get("progress", {}))
        assert marked == ({first, second} if command == "done" else set()), f"round {round_}: {marked}"


def test_a_process_that_waits_for_the_lock_says_so(
    cli: Callable[..., Result], content: Any, private_home: Path
) -> None:
    from filelock import FileLock

    start(cli)
    path = profile_file(private_home)
    lock = FileLock(path.parent / f".{path.name}.lock", thread_local=False)
    lock.acquire()
    try:
        waiting = run("done", item_ids(content)[0], "--profile", PROFILE)
        # Held until the process says something (it cannot finish without the lock): a fixed delay was
        # shorter than a loaded machine takes to start the process, which then never had to wait.
        assert waiting.stderr is not None
        said = waiting.stderr.readline()
    finally:
        lock.release()
    out, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 0, out + said + err
    assert "even wachten" in said
    assert item_ids(content)[0] in saved(private_home)["progress"]


# --------------------------------------------------------------------------- `start` left open


def open_review(screens: Callable[..., Screen]) -> Screen:
    """`start` on a complete profile, left open on the review screen."""
    screen = screens("start", "--profile", PROFILE)
    screen.expect("Mijn antwoorden bekijken")
    screen.child.send(ENTER)
    screen.expect(REVIEW)
    return screen


def test_progress_marked_while_start_is_open_is_kept(
    screens: Callable[..., Screen], cli: Callable[..., Result], content: Any, private_home: Path
) -> None:
    start(cli)
    screen = open_review(screens)
    marked = item_ids(content)[0]
    assert cli("done", marked, "--profile", PROFILE).code == 0
    screen.child.send(ENTER)  # "Alles klopt"
    assert screen.finish() == 0, screen.text
    assert saved(private_home)["progress"][marked]["status"] == "done"


@pytest.mark.parametrize("keep", ["mine", "theirs"])
def test_answers_changed_elsewhere_while_start_is_open_are_not_silently_overwritten(
    keep: str, screens: Callable[..., Screen], cli: Callable[..., Result], private_home: Path, tmp_path: Path
) -> None:
    start(cli)
    mine = saved(private_home)["answers"]["org_name"]
    screen = open_review(screens)
    elsewhere = answers_file(tmp_path, org_name="Gemeente Elders")  # another terminal, meanwhile
    assert cli("start", "--answers", str(elsewhere), "--profile", "p", "--force").code == 0
    screen.child.send(ENTER)  # "Alles klopt"
    screen.expect(CHANGED_ELSEWHERE)
    screen.expect("Gemeente Elders")
    screen.expect("Welke antwoorden wilt u bewaren")
    if keep == "mine":
        screen.child.send(ENTER)
    else:
        screen.child.send("\x1b[B" + ENTER)
        screen.expect(REVIEW)  # the answers taken over are shown for review first
        screen.child.send(ENTER)
    assert screen.finish() == 0, screen.text
    assert saved(private_home)["answers"]["org_name"] == (mine if keep == "mine" else "Gemeente Elders")
    screen.assert_no_english()


# --------------------------------------------------------------------------- answers set aside


def test_a_re_answered_question_replaces_the_answer_that_was_set_aside(
    interview: Callable[..., Result], cli: Callable[..., Result], private_home: Path
) -> None:
    start(cli)
    path = profile_file(private_home)
    path.write_text(path.read_text(encoding="utf-8").replace("local_admin: false", "local_admin: misschien"))
    result = interview(ENTER + answer_keys("local_admin", True) + ENTER, "--profile", PROFILE)
    assert result.code == 0, result.text
    assert saved(private_home)["answers"]["local_admin"] is True
    again = cli("checklist", "--profile", PROFILE)
    assert "Let op" not in again.err, again.err  # no question that returns forever


# --------------------------------------------------------------------------- nothing dropped silently


def test_progress_in_an_answers_file_is_taken_over(
    cli: Callable[..., Result], content: Any, private_home: Path, tmp_path: Path
) -> None:
    first, second = item_ids(content)[:2]
    progress = {first: {"status": "klaar", "date": "2026-01-05"}, second: {"status": "bezig"}}
    result = cli("start", "--answers", str(answers_file(tmp_path, progress=progress)), "--profile", PROFILE)
    assert result.code == 0, result.text
    assert "Voortgang van 2 punt(en) overgenomen" in result.err
    kept = saved(private_home)["progress"]
    assert kept[first] == {"status": "done", "date": "2026-01-05"}  # the Dutch words of old read as codes
    assert kept[second]["status"] == "doing"


@pytest.mark.parametrize(
    ("entry", "where", "message"),
    [
        ({"status": "af", "date": "2026-01-05"}, "status: af", "verwacht done of doing"),
        ({"status": "klaar", "date": "gisteren"}, "date: gisteren", "verwacht een datum als JJJJ-MM-DD"),
        ({"status": "klaar"}, "bestaat-niet:", "onbekend checklistpunt"),
        ({"status": "klaar"}, "NOT-ON-LIST:", "staat niet op de checklist van deze antwoorden"),
    ],
    ids=["status", "date", "unknown-item", "not-on-this-checklist"],
)
def test_wrong_progress_in_an_answers_file_is_refused_at_its_place(
    entry: dict[str, str],
    where: str,
    message: str,
    cli: Callable[..., Result],
    content: Any,
    private_home: Path,
    tmp_path: Path,
) -> None:
    everywhere = [i.id for p in content.journey.phases for s in p.steps for i in s.items]
    on_list = {e.item.id for e in checklist_of(content, LOKAAL).items()}
    not_on_list = next(i for i in everywhere if i not in on_list)
    item = {"bestaat-niet:": "bestaat-niet", "NOT-ON-LIST:": not_on_list}.get(where, item_ids(content)[0])
    where = where.replace("NOT-ON-LIST", not_on_list)
    path = answers_file(tmp_path, progress={item: entry})
    result = cli("start", "--answers", str(path), "--profile", PROFILE)
    assert result.code == 2, result.text
    no_traceback(result)
    assert message in result.err
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if text.strip().startswith(where))
    assert f"antwoorden.yaml:{line}:" in result.err
    assert not profile_file(private_home).exists()


def test_comments_and_extra_fields_of_a_profile_are_kept(
    cli: Callable[..., Result], content: Any, private_home: Path
) -> None:
    start(cli)
    path = profile_file(private_home)
    text = path.read_text(encoding="utf-8")
    text = text.replace("answers:\n", "answers:\n  # gekozen na overleg met Jan\n")
    text += "notities: bel Jan op maandag  # mijn eigen veld\n"
    path.write_text(text, encoding="utf-8")
    first = item_ids(content)[0]
    assert cli("done", first, "--profile", PROFILE).code == 0
    text = path.read_text(encoding="utf-8")
    text = text.replace("status: done", "status: done\n    wie: Els")
    path.write_text(text, encoding="utf-8")
    assert cli("doing", first, "--profile", PROFILE).code == 0
    start(cli)  # answers given anew keep them too

    text = path.read_text(encoding="utf-8")
    assert "# gekozen na overleg met Jan" in text
    assert "notities: bel Jan op maandag  # mijn eigen veld" in text
    data = saved(private_home)
    assert data["progress"][first]["status"] == "doing"
    assert data["progress"][first]["wie"] == "Els"
    shown = cli("checklist", "--profile", PROFILE)
    assert shown.code == 0 and "Let op" not in shown.err, shown.text


def test_a_mistyped_key_in_a_profile_is_pointed_out_and_kept(cli: Callable[..., Result], private_home: Path) -> None:
    start(cli)
    path = profile_file(private_home)
    path.write_text(path.read_text(encoding="utf-8") + "progres: {}\n", encoding="utf-8")
    result = cli("checklist", "--profile", PROFILE)
    assert result.code == 0, result.text
    assert "'progres'" in result.err and "bedoelt u 'progress'" in result.err
    assert "progres: {}" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ["no", "yes", "on", "off", "1.01", "2026-11-29", "~", "null", "# x", "a: b"])
def test_text_that_looks_like_another_yaml_value_stays_text(
    value: str, cli: Callable[..., Result], content: Any, private_home: Path, tmp_path: Path
) -> None:
    start(cli, answers_file(tmp_path, org_name=value))
    assert cli("done", item_ids(content)[0], "--profile", PROFILE).code == 0  # written back by round trip
    assert saved(private_home)["answers"]["org_name"] == value


# --------------------------------------------------------------------------- e-mail drafts


def test_a_new_eml_export_holds_exactly_the_current_drafts(
    cli: Callable[..., Result], content: Any, tmp_path: Path
) -> None:
    from instapgids.presentation.mails import drafts

    start(cli)
    folder = tmp_path / "mails"
    assert cli("mails", "--profile", PROFILE, "--export", "eml", "-o", str(folder)).code == 0
    before = files_in(folder)
    mine = {"eigen.txt": "mijn notities\n", "eigen.eml": "Subject: van mij\n\nhallo\n"}
    for name, text in mine.items():
        (folder / name).write_text(text, encoding="utf-8")

    found = drafts(content, checklist_of(content, LOKAAL))
    finished = found[0]
    assert cli("done", finished.item, "--profile", PROFILE, "--force").code == 0
    result = cli("mails", "--profile", PROFILE, "--export", "eml", "-o", str(folder), "--force")
    assert result.code == 0, result.text

    gone = [name for name in before if name.endswith(f"-{finished.id}.eml")]
    assert len(gone) == 1 and gone[0] in result.err
    assert files_in(folder) == sorted([*(n for n in before if n not in gone), *mine])  # no renumbering
    for name, text in mine.items():
        assert (folder / name).read_text(encoding="utf-8") == text


def test_without_force_old_drafts_are_not_touched(cli: Callable[..., Result], content: Any, tmp_path: Path) -> None:
    start(cli)
    folder = tmp_path / "mails"
    assert cli("mails", "--profile", PROFILE, "--export", "eml", "-o", str(folder)).code == 0
    before = {name: (folder / name).read_bytes() for name in files_in(folder)}
    result = cli("mails", "--profile", PROFILE, "--export", "eml", "-o", str(folder))
    assert result.code == 2 and "--force" in result.err, result.text
    assert {name: (folder / name).read_bytes() for name in files_in(folder)} == before


def test_a_set_of_drafts_on_a_full_disk_is_written_whole_or_not_at_all(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import instapgids.store.files

    start(cli)
    folder = tmp_path / "mails"
    assert cli("mails", "--profile", PROFILE, "--export", "eml", "-o", str(folder)).code == 0
    for path in folder.iterdir():  # so that a draft written anew would differ
        path.write_bytes(path.read_bytes().replace(b"X-Unsent: 1", b"X-Unsent: 1\nX-Old: 1"))
    before = {name: (folder / name).read_bytes() for name in files_in(folder)}
    calls = {"n": 0}
    real_fsync = os.fsync

    def full_on_the_third(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(instapgids.store.files.os, "fsync", full_on_the_third)
    result = cli("mails", "--profile", PROFILE, "--export", "eml", "-o", str(folder), "--force")
    assert result.code == 74, result.text  # the README: 74 when the disk is full
    no_traceback(result)
    assert "de schijf is vol" in result.err
    assert sorted(p.name for p in folder.iterdir()) == sorted(before)  # no temporary files left
    assert {name: (folder / name).read_bytes() for name in files_in(folder)} == before


# --------------------------------------------------------------------------- targets that are not regular files


@pytest.fixture
def export(cli: Callable[..., Result]) -> Callable[..., Result]:
    start(cli)
    return lambda target, *extra: cli("checklist", "--profile", PROFILE, "--export", "md", "-o", str(target), *extra)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_force_onto_a_device_is_refused(export: Callable[..., Result]) -> None:
    result = export("/dev/full", "--force")
    assert result.code == 2, result.text
    no_traceback(result)
    assert "geen gewoon bestand" in result.err
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_force_onto_a_fifo_is_refused_without_blocking(export: Callable[..., Result], tmp_path: Path) -> None:
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    result = export(fifo, "--force")  # would hang here if it opened the FIFO
    assert result.code == 2, result.text
    assert "geen gewoon bestand" in result.err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


# --------------------------------------------------------------------------- links, modes, read-only


def test_a_symlinked_profile_stays_a_link_and_its_target_is_written(
    cli: Callable[..., Result], content: Any, private_home: Path, tmp_path: Path
) -> None:
    start(cli)
    path = profile_file(private_home)
    synced = tmp_path / "gesynchroniseerd" / "klant.yaml"
    synced.parent.mkdir()
    path.rename(synced)
    path.symlink_to(synced)
    first = item_ids(content)[0]
    assert cli("done", first, "--profile", PROFILE).code == 0
    start(cli)
    assert path.is_symlink() and path.resolve() == synced.resolve()
    assert first in yaml.safe_load(synced.read_text(encoding="utf-8"))["progress"]


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.usefixtures("umask_022")
def test_a_new_export_follows_the_umask_and_an_existing_file_keeps_its_mode(
    export: Callable[..., Result], tmp_path: Path
) -> None:
    new = tmp_path / "checklist.md"
    assert export(new).code == 0
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
    new.chmod(0o640)
    assert export(new, "--force").code == 0
    assert stat.S_IMODE(new.stat().st_mode) == 0o640


@pytest.mark.usefixtures("umask_022")
def test_a_new_profile_is_private_and_an_existing_one_keeps_its_mode(
    cli: Callable[..., Result], content: Any, private_home: Path
) -> None:
    start(cli)
    path = profile_file(private_home)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o640)
    assert cli("done", item_ids(content)[0], "--profile", PROFILE).code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_read_only_profile_is_not_replaced(cli: Callable[..., Result], content: Any, private_home: Path) -> None:
    start(cli)
    path = profile_file(private_home)
    before = path.read_bytes()
    path.chmod(0o444)
    result = cli("done", item_ids(content)[0], "--profile", PROFILE)
    assert result.code == 2, result.text
    no_traceback(result)
    assert "alleen-lezen" in result.err
    assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == 0o444


@pytest.mark.parametrize(
    ("platform", "way", "not_said"), [("linux", "chmod u+w", "Eigenschappen"), ("win32", "Eigenschappen", "chmod")]
)
def test_a_read_only_file_is_explained_in_the_words_of_its_system(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str, way: str, not_said: str
) -> None:
    """On Windows nobody types chmod: the way to make the file writable is the one the Explorer offers."""
    from instapgids.errors import UserError
    from instapgids.store.files import check_writable

    path = tmp_path / "klant.yaml"
    path.write_text("answers: {}\n", encoding="utf-8")
    path.chmod(0o444)
    monkeypatch.setattr(sys, "platform", platform)
    with pytest.raises(UserError) as refused:
        check_writable(path)
    assert way in str(refused.value) and not_said not in str(refused.value)


# --------------------------------------------------------------------------- killed at any moment


def test_a_profile_killed_mid_write_is_the_old_or_the_new_one(
    cli: Callable[..., Result], content: Any, private_home: Path
) -> None:
    start(cli)
    path = profile_file(private_home)
    ids = item_ids(content)[:3]
    randomly = random.Random(8)
    for round_ in range(12):
        process = run("done" if round_ % 2 == 0 else "undo", *ids, "--profile", PROFILE)
        time.sleep(randomly.uniform(0.05, 0.6))
        process.kill()
        process.communicate(timeout=60)
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert set(data.get("progress", {})) in (set(), set(ids)), data
    result = cli("checklist", "--profile", PROFILE)
    assert result.code == 0, result.text


# --------------------------------------------------------------------------- signals during `start`


@pytest.mark.parametrize(
    ("signum", "code"),
    [
        pytest.param(signal.SIGTERM, 143, id="TERM"),
        pytest.param(
            getattr(signal, "SIGHUP", 1),
            129,
            id="HUP",
            marks=pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP on this system (Windows)"),
        ),
    ],
)
def test_a_signal_during_start_keeps_the_answers_and_restores_the_terminal(
    signum: int, code: int, screens: Callable[..., Screen], private_home: Path
) -> None:

    first, second = ORDER[:2]
    screen = screens("start", "--profile", "gestopt")
    screen.ask(first, answer_keys(first, "Gemeente Signaal"))
    screen.expect(prompt_start(second))
    stop_and_check_the_terminal(screen, signum, code)
    assert saved(private_home, "gestopt")["answers"] == {first: "Gemeente Signaal"}
    screen.assert_no_english()


# --------------------------------------------------------------------------- the content cache


@POSIX_OWNERS
def test_a_cache_file_others_can_write_is_not_unpickled(
    cli: Callable[..., Result], private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import instapgids.content.load

    # A cache folder of its own: the shared one holds the caches of every content folder other tests read.
    monkeypatch.setenv("XDG_CACHE_HOME", str(private_home / "own-cache"))
    assert cli("lots", "show", "4").code == 0  # writes the cache
    [cached] = [p for p in Path(os.environ["XDG_CACHE_HOME"]).rglob("inhoud-*.pickle") if not p.stem.endswith("-en")]
    cached.chmod(0o666)
    checked = {"validated": False}
    real = instapgids.content.load.validate_files

    def spy(*args: Any) -> Any:
        checked["validated"] = True
        return real(*args)

    monkeypatch.setattr(instapgids.content.load, "validate_files", spy)
    assert cli("lots", "show", "4").code == 0
    assert checked["validated"], "a cache file writable by others was trusted"


def test_the_cache_key_covers_every_module_that_shapes_the_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    import instapgids.content.cache as cache

    package = tmp_path / "instapgids"
    shutil.copytree(Path(cache.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "_PACKAGE", package)
    names = ["lots.yaml"]
    data = tmp_path / "data"
    data.mkdir()
    (data / "lots.yaml").write_text("lots: []\n")
    before = cache.key(data, names)
    with (package / "crosscheck.py").open("a") as handle:
        handle.write("# a new check\n")
    assert cache.key(data, names) != before


def test_profiles_stay_where_they_were_on_linux(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import sys

    from instapgids.paths import cache_dir, state_dir

    if not sys.platform.startswith("linux"):
        pytest.skip("the Linux locations")
    for name in ("INSTAPGIDS_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert state_dir() == tmp_path / ".local" / "state" / "instapgids"
    assert cache_dir() == tmp_path / ".cache" / "instapgids"


# --------------------------------------------------------------------------- a newer guide


def test_a_newer_guide_says_once_what_changed_on_this_checklist(
    cli: Callable[..., Result], content: Any, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start(cli)
    item = content.journey.phases[0].steps[1].items[0]
    assert item.id in item_ids(content)
    guide = data_copy / "guide.yaml"
    guide.write_text(guide.read_text(encoding="utf-8").replace('  version: "1.01"', '  version: "1.02"', 1))
    journey = data_copy / "journey.yaml"
    text = journey.read_text(encoding="utf-8")
    assert text.count(f"title: {item.title}\n") == 1
    journey.write_text(text.replace(f"title: {item.title}\n", "title: Beschrijf uw behoefte opnieuw\n"))
    monkeypatch.setenv("INSTAPGIDS_DATA_DIR", str(data_copy))

    first = cli("checklist", "--profile", PROFILE)
    assert first.code == 0, first.text
    assert "De gids is bijgewerkt van versie 1.01 naar 1.02" in first.err
    assert f"Gewijzigd: Beschrijf uw behoefte opnieuw ({item.id})" in first.err
    assert "Nieuw:" not in first.err and "Vervallen:" not in first.err
    again = cli("checklist", "--profile", PROFILE)
    assert again.code == 0 and "bijgewerkt" not in again.err, again.text
