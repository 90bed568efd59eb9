"""Output that cannot be written: a closed pipe, a full disk, a character set without "é".

Each ends with a short Dutch message (or none, for a closed pipe) and the right exit
code, never a traceback or the message for an internal error; and no message says
that nothing was changed after something was written.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import LOKAAL, Result, instapgids_exe, needs_posix_terminal

pytestmark = pytest.mark.usefixtures("shared_content_cache")


def run_into(stdout: int, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """The real executable with this file descriptor as stdout; exit code and stderr."""
    done = subprocess.run(
        [instapgids_exe(), *args],
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )
    return done.returncode, done.stderr


def closed_pipe() -> int:
    """The write end of a pipe whose reader has already gone (as `| true` or `| head` after its lines)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    return write_end


@pytest.mark.parametrize(
    "args", [("--version",), ("journey",), ("--help",), ("validate",)], ids=["version", "journey", "help", "validate"]
)
def test_a_closed_pipe_ends_quietly_like_sigpipe(args: tuple[str, ...]) -> None:
    pipe = closed_pipe()
    try:
        code, err = run_into(pipe, *args)
    finally:
        os.close(pipe)
    assert code == 141
    assert err == ""  # no traceback, and no "Exception ignored" from Python's flush at exit


@pytest.fixture
def full_disk() -> Iterator[int]:
    """/dev/full: every write fails with ENOSPC, as on a full disk."""
    if not Path("/dev/full").exists():
        pytest.skip("this system has no /dev/full")
    fd = os.open("/dev/full", os.O_WRONLY)
    yield fd
    os.close(fd)


@pytest.mark.parametrize("args", [("--version",), ("journey",)], ids=["version", "journey"])
def test_stdout_on_a_full_disk_says_so_in_dutch(full_disk: int, args: tuple[str, ...]) -> None:
    code, err = run_into(full_disk, *args)
    assert code == 74
    assert err == "instapgids kan zijn uitvoer niet schrijven: de schijf is vol.\n"


def test_a_full_disk_after_saving_says_what_was_saved(full_disk: int, private_home: Path) -> None:
    code, err = run_into(full_disk, "start", "--answers", str(LOKAAL), "--profile", "vol")
    assert code == 74
    profile = private_home / "state" / "profielen" / "vol.yaml"
    assert profile.exists()
    assert "de schijf is vol" in err
    assert f"Dit werd wel al geschreven: {profile}." in err
    assert "niet gewijzigd" not in err


@pytest.mark.parametrize(
    "env",
    [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}],
    ids=["pythonioencoding", "c-locale"],
)
def test_a_redirected_output_without_utf8_stops_with_advice(env: dict[str, str], tmp_path: Path) -> None:
    target = tmp_path / "uit.txt"
    with target.open("w") as handle:
        code, err = run_into(
            handle.fileno(), "journey", env={**env, "PYTHONIOENCODING": env.get("PYTHONIOENCODING", "")}
        )
    assert code == 1
    assert err.isascii()
    assert "de tekenset (ascii) kent tekens als e-accent" in err
    assert "export LANG=C.UTF-8" in err
    assert "Traceback" not in err


@needs_posix_terminal
def test_a_terminal_without_utf8_shows_plain_letters(tmp_path: Path) -> None:
    import pty

    master, slave = pty.openpty()
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": ""}
    proc = subprocess.Popen(
        [instapgids_exe(), "lots", "list"], stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait(timeout=30) == 0
    shown = b"".join(chunks)
    assert shown.isascii()
    assert b"Meer over een perceel: instapgids lots show" in shown  # "één" without its accents


def bug_at(monkeypatch: pytest.MonkeyPatch, cli: Callable[..., Result], target: str, profile: str) -> Result:
    """`start --answers` with a bug (a RuntimeError) planted in ``target``."""

    def broken(*args: object) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr(target, broken)
    result = cli("start", "--answers", str(LOKAAL), "--profile", profile)
    assert result.code == 70
    assert "Er ging iets mis in instapgids zelf (RuntimeError: kapot)" in result.err
    return result


def test_an_internal_error_after_a_write_names_what_was_written(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, private_home: Path
) -> None:
    result = bug_at(
        monkeypatch, cli, "instapgids.cli.session.show_next_of", "na-schrijven"
    )  # after the profile is saved
    assert f"Dit werd wel al geschreven: {private_home / 'state' / 'profielen' / 'na-schrijven.yaml'}." in result.err
    assert "niet gewijzigd" not in result.err


def test_an_internal_error_before_any_write_says_nothing_changed(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = bug_at(monkeypatch, cli, "instapgids.store.profiles.write_profile", "voor-schrijven")
    assert "Uw bestanden zijn niet gewijzigd." in result.err
    assert "geschreven" not in result.err
