"""Issue 16: the command `instapgids web` as a user runs it: the address on a line of its own, the browser that
cannot be opened, an address in use, a warning off loopback, and Ctrl-C that stops it cleanly."""

from __future__ import annotations

import http.cookiejar
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import LOKAAL, instapgids_exe, no_traceback

WINDOWS = sys.platform == "win32"


class Running:
    def __init__(self, *args: str, env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(
            [instapgids_exe(), "web", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **(env or {})},
        )
        self.lines: list[str] = []

    def wait_for(self, start: str) -> str:
        """The first line that starts with ``start`` (waits for it)."""
        assert self.process.stdout is not None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            self.lines.append(line.rstrip("\n"))
            if line.startswith(start):
                return line.strip()
        raise AssertionError(f"no {start!r}: {self.lines} {self.process.stderr.read() if self.process.stderr else ''}")

    def address(self) -> str:
        return self.wait_for("http://")

    def stop(self) -> tuple[int, str, str]:
        """Ctrl-C, as in the terminal."""
        assert self.process.stdout is not None and self.process.stderr is not None
        if not any(line.startswith("Stoppen: Ctrl+C.") for line in self.lines):
            self.wait_for("Stoppen: Ctrl+C.")  # the last line before it serves: all that comes before is said
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=20)
        out, err = self.process.stdout.read(), self.process.stderr.read()  # the same reader as address()
        return code, "\n".join([*self.lines, out]), err


@pytest.fixture
def running() -> Iterator[list[Running]]:
    started: list[Running] = []
    yield started
    for each in started:
        if each.process.poll() is None:
            each.process.kill()
            each.process.communicate()


def get(opener: urllib.request.OpenerDirector, address: str) -> tuple[int, str]:
    with opener.open(address, timeout=10) as answer:
        return answer.status, answer.read().decode("utf-8")


@pytest.mark.skipif(WINDOWS, reason="Ctrl-C is a signal on POSIX")
def test_web_prints_its_address_serves_the_profile_and_stops_on_ctrl_c(
    running: list[Running], tmp_path: Path, process: object
) -> None:
    profile = tmp_path / "klant.yaml"
    assert process("start", "--answers", str(LOKAAL), "-p", str(profile)).code == 0  # type: ignore[operator]
    server = Running("--no-browser", "-p", str(profile))
    running.append(server)
    address = server.address()
    assert address.startswith("http://127.0.0.1:") and "/?token=" in address
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    status, page = get(opener, address)  # the token, then the cookie: the profile's checklist
    assert status == 200 and "Uw checklist" in page and "Gemeente Voorbeeld" not in address
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(address.split("?")[0], timeout=10)  # without the token
    assert refused.value.code == 403
    code, out, err = server.stop()
    assert code in (0, 130), err
    assert "gestopt" in out
    assert "Traceback" not in err, err


@pytest.mark.skipif(WINDOWS, reason="Ctrl-C is a signal on POSIX")
def test_a_browser_that_cannot_be_opened_is_a_message_not_an_error(running: list[Running], tmp_path: Path) -> None:
    nothing = {"BROWSER": str(tmp_path / "geen-browser"), "PATH": str(tmp_path), "DISPLAY": "", "WAYLAND_DISPLAY": ""}
    server = Running("-p", str(tmp_path / "nieuw.yaml"), env=nothing)
    running.append(server)
    server.address()
    said = server.wait_for("Er kon geen browser")  # the browser is opened beside the server
    assert said == "Er kon geen browser geopend worden. Open het adres hierboven zelf in uw browser."
    code, _out, err = server.stop()
    assert code in (0, 130)
    assert "Traceback" not in err, err


@pytest.mark.skipif(WINDOWS, reason="Ctrl-C is a signal on POSIX")
def test_off_loopback_the_token_is_said_to_be_the_only_protection(running: list[Running], tmp_path: Path) -> None:
    server = Running("--no-browser", "--host", "0.0.0.0", "-p", str(tmp_path / "nieuw.yaml"))
    running.append(server)
    server.address()
    code, out, _err = server.stop()
    assert "de toegangscode is de enige bescherming" in out
    assert code in (0, 130)


def test_an_address_in_use_is_a_clear_message(tmp_path: Path, process: object) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = process("web", "--no-browser", "--port", str(port), "-p", str(tmp_path / "x.yaml"))  # type: ignore[operator]
    assert done.code == 2  # a user's problem, as every other
    assert f"Het adres 127.0.0.1:{port} is al in gebruik." in done.err
    no_traceback(done)


def test_the_command_says_its_options(process: object) -> None:
    done = process("web", "--help")  # type: ignore[operator]
    assert done.code == 0
    for option in ("--profile", "--folder", "--host", "--port", "--no-browser"):
        assert option in done.out


@pytest.mark.skipif(WINDOWS, reason="a POSIX pseudo-terminal")
def test_at_80_columns_the_lines_around_the_address_break_between_words(screens: object, tmp_path: Path) -> None:
    screen = screens("web", "--no-browser", "-p", str(tmp_path / "nieuw.yaml"), columns=80)  # type: ignore[operator]
    screen.expect("Stoppen: Ctrl+C.")
    screen.child.sendintr()
    assert screen.finish() in (0, 130)
    lines = [line.rstrip() for line in screen.text.replace("\r", "").splitlines() if line.strip()]
    assert all(len(line) <= 80 for line in lines), lines  # the terminal would cut a longer line anywhere
    assert "(de toegangscode hoort erbij):" in " ".join(lines), lines
    assert any(line.startswith("http://127.0.0.1:") and "?token=" in line for line in lines), lines  # whole
