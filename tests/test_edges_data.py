"""Nothing lost, even at the edges (issue 18, second hostile round): the user's files and what lies beside them.

Each test is one case of the issue (A: data lost, B: damaged, L: leaked, H: hangs), tried as a user would;
each failed on the code before its fix.
"""

from __future__ import annotations

import os
import stat
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import LOKAAL, Result, checklist_of, instapgids_exe, no_traceback, profile_file, saved, start

pytestmark = pytest.mark.usefixtures("shared_content_cache")

PROFILE = "p"


def first_open_item(content: Any) -> str:
    return next(e.item.id for e in checklist_of(content, LOKAAL).items() if not e.done_by_answers)


def run_briefly(*args: str, timeout: float = 20) -> Result:
    """`instapgids ARGS` as a process that must end by itself within ``timeout`` seconds (no hang)."""
    done = subprocess.run(
        [instapgids_exe(), *args], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=timeout
    )
    return Result(done.returncode, done.stdout, done.stderr)


# --------------------------------------------------------------------------- A3: an answer set aside stays


def test_a3_an_answer_set_aside_is_kept_by_start_answers(cli: Callable[..., Result], private_home: Path) -> None:
    """The notice says the answer to a question that no longer exists stays: so it must still be in the file."""
    start(cli)
    path = profile_file(private_home)
    path.write_text(path.read_text(encoding="utf-8").replace("answers:\n", "answers:\n  oude_vraag: mijn antwoord\n"))
    result = cli("start", "--answers", str(LOKAAL), "--profile", PROFILE)
    assert result.code == 0, result.text
    assert "blijft bewaard" in result.err
    assert saved(private_home)["answers"]["oude_vraag"] == "mijn antwoord"


# --------------------------------------------------------------------------- A4: an export never onto what it reads


@pytest.mark.parametrize("spelling", ["same", "link"])
def test_a4_an_export_onto_the_profile_it_reads_is_refused(
    cli: Callable[..., Result], tmp_path: Path, spelling: str
) -> None:
    profile = tmp_path / "k.yaml"
    start(cli, name=str(profile))
    before = profile.read_bytes()
    target = profile
    if spelling == "link":  # another name for the same file
        target = tmp_path / "ook-k.md"
        target.symlink_to(profile)
    result = cli("checklist", "--profile", str(profile), "--export", "md", "-o", str(target), "--force")
    assert result.code == 2, result.text
    assert "profiel" in result.err
    assert profile.read_bytes() == before


def test_a4_an_export_onto_a_content_file_is_refused(
    cli: Callable[..., Result], data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INSTAPGIDS_DATA_DIR", str(data_copy))
    start(cli)
    target = data_copy / "interview.yaml"
    before = target.read_bytes()
    result = cli("checklist", "--profile", PROFILE, "--export", "md", "-o", str(target), "--force")
    assert result.code == 2, result.text
    assert target.read_bytes() == before


# --------------------------------------------------------------------------- B2: the group stays


def other_group() -> int:
    """A group this process may give a file that is not its own group (root may give any)."""
    if not hasattr(os, "getegid"):
        pytest.skip("no groups on this system")
    if os.geteuid() == 0:
        return 4242
    others = [g for g in os.getgroups() if g != os.getegid()]
    if not others:
        pytest.skip("this user is in one group only")
    return others[0]


def test_b2_a_shared_profile_keeps_its_group_and_mode(cli: Callable[..., Result], content: Any, tmp_path: Path) -> None:
    group = other_group()
    profile = tmp_path / "klant.yaml"
    start(cli, name=str(profile))
    os.chown(profile, -1, group)
    profile.chmod(0o640)
    assert cli("done", first_open_item(content), "--profile", str(profile)).code == 0
    found = profile.stat()
    assert (found.st_gid, stat.S_IMODE(found.st_mode)) == (group, 0o640)

    export = tmp_path / "checklist.md"
    assert cli("checklist", "--profile", str(profile), "--export", "md", "-o", str(export)).code == 0
    os.chown(export, -1, group)
    assert cli("checklist", "--profile", str(profile), "--export", "md", "-o", str(export), "--force").code == 0
    assert export.stat().st_gid == group


# --------------------------------------------------------------------------- L1: no copy of a profile in the cache


def test_l1_no_profile_text_is_kept_in_the_cache_folder(
    cli: Callable[..., Result], private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = private_home / "own-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    old = cache / "instapgids" / "profiel-0badcafe.pickle"  # what an earlier version kept
    old.parent.mkdir(parents=True)
    old.write_bytes(b"Gemeente Vroeger")
    profile = private_home / "gedeeld" / "klant.yaml"
    start(cli, name=str(profile))
    assert cli("checklist", "--profile", str(profile)).code == 0
    assert cli("status", "--profile", str(profile)).code == 0
    secret = b"Gemeente Voorbeeld"  # the example's org_name
    assert secret in profile.read_bytes()
    leaked = [p.name for p in cache.rglob("*") if p.is_file() and secret in p.read_bytes()]
    assert leaked == []
    assert not old.exists()


# --------------------------------------------------------------------------- L2: no temporary file left behind


def test_l2_a_temporary_copy_left_by_a_killed_write_is_removed_by_the_next(
    cli: Callable[..., Result], content: Any, private_home: Path, tmp_path: Path
) -> None:
    start(cli)
    path = profile_file(private_home)
    left = path.parent / ".p.yaml.k1ll3d_9.tmp"  # as tempfile.mkstemp names it
    left.write_bytes(path.read_bytes())
    mine = path.parent / ".p.yaml.mijn.tmp"  # not a name instapgids gives: not touched
    mine.write_text("van mij\n")
    assert cli("done", first_open_item(content), "--profile", PROFILE).code == 0
    assert not left.exists()
    assert mine.read_text() == "van mij\n"

    export = tmp_path / "checklist.md"
    assert cli("checklist", "--profile", PROFILE, "--export", "md", "-o", str(export)).code == 0
    old, fresh = tmp_path / ".checklist.md.abcd1234.tmp", tmp_path / ".checklist.md.efgh5678.tmp"
    old.write_text("x")
    fresh.write_text("y")  # maybe another process's export being written right now: kept
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    assert cli("checklist", "--profile", PROFILE, "--export", "md", "-o", str(export), "--force").code == 0
    assert not old.exists() and fresh.exists()


# --------------------------------------------------------------------------- H2: a FIFO as a profile


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize(
    "command",
    [
        ("profiles",),
        ("checklist", "--profile", "f"),
        ("done", "x", "--profile", "f"),
        ("systems", "cmdb2", "--profile", "f"),
    ],
)
def test_h2_a_fifo_named_like_a_profile_does_not_hang(command: tuple[str, ...], private_home: Path) -> None:
    folder = private_home / "state" / "profielen"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "f.yaml")
    result = run_briefly(*command)
    no_traceback(result)
    assert "f.yaml" in result.text
    if command[0] != "profiles":
        assert result.code == 2, result.text
    lock = folder / ".f.yaml.lock"
    assert not lock.exists() or lock.stat().st_size == 0


# --------------------------------------------------------------------------- A2, B4, H1: the folder of .eml drafts


def export_mails(cli: Callable[..., Result], folder: Path, *extra: str) -> Result:
    return cli("mails", "--profile", PROFILE, "--export", "eml", "-o", str(folder), *extra)


def all_drafts(content: Any) -> list[Any]:
    from instapgids.presentation.mails import drafts

    return drafts(content, checklist_of(content, LOKAAL))


def drafts_and_first_mail(cli: Callable[..., Result], content: Any, folder: Path) -> tuple[list[str], Any]:
    """Export the drafts of the example; returns their names and the first draft (whose item `done` settles)."""
    from conftest import files_in

    start(cli)
    assert export_mails(cli, folder).code == 0
    return [n for n in files_in(folder) if n.endswith(".eml")], all_drafts(content)[0]


def test_a2_a_copy_or_an_edit_of_a_draft_is_never_removed(
    cli: Callable[..., Result], content: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "m"
    names, first = drafts_and_first_mail(cli, content, folder)
    gone = next(n for n in names if n.endswith(f"-{first.id}.eml"))
    edited = next(n for n in names if n != gone)
    copy = folder / "mijn-ingevuld.eml"  # cp m/04-….eml m/mijn-ingevuld.eml, then filled in
    copy.write_bytes((folder / gone).read_bytes().replace(b"[", b"Jan Peeters ["))
    assert cli("done", first.item, "--profile", PROFILE, "--force").code == 0  # --force: it may still wait
    result = export_mails(cli, folder, "--force")
    assert result.code == 0, result.text
    assert copy.exists() and b"Jan Peeters" in copy.read_bytes()
    assert not (folder / gone).exists()  # unchanged and no longer applying: removed
    assert gone in result.err

    # a draft the user filled in, whose mail then no longer applies, stays too, and is said to
    (folder / edited).write_bytes((folder / edited).read_bytes() + b"\nMet vriendelijke groet, Jan\n")
    item = next(d.item for d in all_drafts(content) if edited.endswith(f"-{d.id}.eml"))
    assert cli("done", item, "--profile", PROFILE, "--force").code == 0
    result = export_mails(cli, folder, "--force")
    assert result.code == 0, result.text
    assert (folder / edited).read_bytes().endswith(b"Met vriendelijke groet, Jan\n")
    assert edited in result.err and "gewijzigd" in result.err


@pytest.mark.parametrize("force", [False, True])
def test_b4_a_draft_that_links_out_of_the_folder_is_not_written_through(
    cli: Callable[..., Result], content: Any, tmp_path: Path, force: bool
) -> None:
    folder = tmp_path / "m"
    names, _first = drafts_and_first_mail(cli, content, folder)
    victim = tmp_path / "victim"
    victim.write_text("van iemand anders\n")
    (folder / names[0]).unlink()
    (folder / names[0]).symlink_to(Path("..") / "victim")
    result = export_mails(cli, folder, *(["--force"] if force else []))
    assert result.code == 2, result.text
    no_traceback(result)
    assert victim.read_text() == "van iemand anders\n"
    assert (folder / names[0]).is_symlink()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("force", [False, True])
def test_h1_a_fifo_in_the_drafts_folder_does_not_hang(
    cli: Callable[..., Result], private_home: Path, tmp_path: Path, force: bool
) -> None:
    start(cli)
    folder = tmp_path / "m"
    folder.mkdir()
    os.mkfifo(folder / "x.eml")
    result = run_briefly("mails", "--profile", PROFILE, "--export", "eml", "-o", str(folder), *(["--force"] * force))
    no_traceback(result)
    assert result.code == 0, result.text
    assert stat.S_ISFIFO(os.lstat(folder / "x.eml").st_mode)


# --------------------------------------------------------------------------- B1: text answers have a length limit


def text_questions(content: Any) -> list[Any]:
    return [q for q in content.interview.questions if q.kind == "text"]


def test_b1_a_text_answer_has_a_sensible_length_limit_at_the_prompt(content: Any) -> None:
    from instapgids.cli.interview import answer_problem
    from instapgids.content.questions import MAX_TEXT_LENGTH

    assert 100 <= MAX_TEXT_LENGTH <= 1000
    for question in text_questions(content):
        assert answer_problem(question, "Gemeente " + "x" * (MAX_TEXT_LENGTH - 9)) is None
        assert "te lang" in (answer_problem(question, "x" * (MAX_TEXT_LENGTH + 1)) or "")


@pytest.mark.parametrize("length", [5_000, 1_000_000])
def test_b1_a_huge_text_answer_is_refused_in_an_answers_file_and_the_library(
    cli: Callable[..., Result], content: Any, private_home: Path, tmp_path: Path, length: int
) -> None:
    import yaml

    from instapgids import api

    data = yaml.safe_load(LOKAAL.read_text(encoding="utf-8"))
    data["answers"]["org_name"] = "G" * length
    given = tmp_path / "antwoorden.yaml"
    given.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = cli("start", "--answers", str(given), "--profile", PROFILE)
    assert result.code == 2, result.text
    assert "te lang" in result.err or "groter dan 1 MB" in result.err
    assert not profile_file(private_home).exists()
    with pytest.raises(api.Error):
        api.build_checklist(content, data["answers"])


def test_b1_a_profile_that_would_be_refused_is_never_written(content: Any, tmp_path: Path) -> None:
    from instapgids.errors import UserError
    from instapgids.store.profiles import Profile, read_profile, write_profile

    path = tmp_path / "klant.yaml"
    write_profile(Profile(path=path, answers={"org_name": "Gemeente X"}, complete=False), content)
    before = path.read_bytes()
    saved_before = read_profile(path, content, strict=False)
    saved_before.stale["notities"] = "n" * (1024 * 1024)  # kept aside, but together over 1 MB
    with pytest.raises(UserError):
        write_profile(saved_before, content)
    assert path.read_bytes() == before


# --------------------------------------------------------------------- B3, A1: the user's own fields, byte for byte

# What a user may write in a profile: YAML 1.1 sexagesimals, booleans as keys, timestamps, tags with a
# comment after them, octals, flow lists with their spacing, block scalars, an empty value.
USER_FIELDS = (
    "belmoment: 14:30\n"
    "yes: ja\n"
    "afspraak: 2026-11-02 09:30:00   # bij hen\n"
    "tijdstip: 2026-11-02t09:30:00.10+02:00\n"
    "notitie: !!str 0123  # bewaren\n"
    "octaal: 017\n"
    "lijst: [a,   b]   # zo\n"
    "blok: |\n  regel 1\n\n  regel 3\n"
    "leeg:\n"
    "'aangehaald': \"x\"\n"
)


def with_user_fields(path: Path, item: str, extra: str = "") -> str:
    """The profile with the user's fields at the top, between its sections and at the end, a comment in
    its answers and an extra field in a progress entry; returns the text written."""
    text = path.read_text(encoding="utf-8")
    head, body = text.split("format:", 1)
    text = head + USER_FIELDS + "format:" + body
    text = text.replace("answers:\n", "answers:\n  # gekozen na overleg met Jan\n", 1)
    text = text.replace("checklist:\n", "# eigen blok\nvolgende: 2026-02-28\n" + extra + "checklist:\n", 1)
    text = text.replace(f"  {item}:\n    status: done\n", f"  {item}:\n    status: done\n    wie: 14:30  # Els\n", 1)
    text += "slot: [1,2]  # einde\n"
    path.write_text(text, encoding="utf-8")
    return text


def test_b3_the_users_own_fields_come_back_byte_for_byte(
    cli: Callable[..., Result], content: Any, private_home: Path
) -> None:
    start(cli)
    path = profile_file(private_home)
    item = first_open_item(content)
    assert cli("done", item, "--profile", PROFILE).code == 0
    with_user_fields(path, item)
    for number, command in enumerate(("doing", "done", "undo", "done")):
        assert cli(command, item, "--profile", PROFILE).code == 0
        text = path.read_text(encoding="utf-8")
        assert USER_FIELDS in text, f"after {command}:\n{text}"
        assert "# eigen blok\nvolgende: 2026-02-28\n" in text
        assert "\nslot: [1,2]  # einde\n" in text
        assert "  # gekozen na overleg met Jan\n" in text
        if number < 2:  # the user's field in a progress entry (undo removes the entry)
            assert "    wie: 14:30  # Els\n" in text


def test_a1_a_profile_with_a_tab_keeps_its_comments_and_fields(
    cli: Callable[..., Result], content: Any, private_home: Path
) -> None:
    start(cli)
    path = profile_file(private_home)
    item = first_open_item(content)
    assert cli("done", item, "--profile", PROFILE).code == 0
    tabbed = "contactpersoon: Jan\t# noot\nachteraan: x\t\n"
    with_user_fields(path, item, extra=tabbed)
    assert cli("undo", item, "--profile", PROFILE).code == 0
    text = path.read_text(encoding="utf-8")
    assert tabbed in text and USER_FIELDS in text
    assert "  # gekozen na overleg met Jan\n" in text
    assert text.endswith("slot: [1,2]  # einde\n")


def test_a1_b3_a_rewrite_that_would_change_a_users_field_is_refused_before_writing(
    cli: Callable[..., Result], content: Any, private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The safety net: should the text edit ever lose a field, the profile is not written and the user is told."""
    from instapgids.store import roundtrip

    start(cli)
    path = profile_file(private_home)
    path.write_text(path.read_text(encoding="utf-8") + "belmoment: 14:30\n", encoding="utf-8")
    before = path.read_bytes()
    real = roundtrip._splice
    monkeypatch.setattr(roundtrip, "_splice", lambda *args: real(*args).replace("belmoment: 14:30\n", ""))
    result = cli("done", first_open_item(content), "--profile", PROFILE)
    assert result.code == 2, result.text
    no_traceback(result)
    assert "belmoment" in result.err and "niets gewijzigd" in result.err
    assert path.read_bytes() == before


def test_b2_the_posix_acl_of_a_replaced_file_is_copied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the file has an access ACL (setfacl), the new file gets the same (xattrs faked: no setfacl here)."""
    import instapgids.store.files as files

    acl = b"\x02\x00\x00\x00acl-of-the-shared-file"
    target = tmp_path / "klant.yaml"
    target.write_text("answers: {}\n")
    given: dict[str, bytes] = {}
    monkeypatch.setattr(files.os, "getxattr", lambda path, name: acl if name == files._ACL else b"", raising=False)
    monkeypatch.setattr(files.os, "setxattr", lambda path, name, value: given.update({name: value}), raising=False)
    files.write_file(target, "answers: {x: 1}\n")
    assert given == {files._ACL: acl}
    assert target.read_text() == "answers: {x: 1}\n"


def test_b3_a_profile_saved_with_windows_line_ends_keeps_them(
    cli: Callable[..., Result], content: Any, private_home: Path
) -> None:
    start(cli)
    path = profile_file(private_home)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n") + b"belmoment: 14:30  # Notepad\r\n")
    assert cli("done", first_open_item(content), "--profile", PROFILE).code == 0
    written = path.read_bytes()
    assert b"\nbelmoment: 14:30  # Notepad\r\n" in written
    assert written.count(b"\n") == written.count(b"\r\n")  # no line end of another kind mixed in
