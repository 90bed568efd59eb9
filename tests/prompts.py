"""Driving the interview from tests: keys computed from data/interview.yaml, and a real pseudo-terminal.

The keys come from the position of each option in the content, so reordering options does not
break a walk. Fixtures that use these (`interview`, `screens`) are in conftest.py.
"""

from __future__ import annotations

import io
import os
from typing import Any

import yaml

try:  # on Windows pexpect has no spawn, and where ptyprocess cannot load no import; the `screens` fixture skips
    import pexpect
except ImportError:
    pexpect = None

from conftest import ANSI, DATA, instapgids_exe

DOWN = "\x1b[B"
UP = "\x1b[A"
ENTER = "\r"
SPACE = " "
CTRL_C = "\x03"
BACK = "\x1b[Z"  # Shift+Tab

QUESTIONS: list[dict[str, Any]] = yaml.safe_load((DATA / "interview.yaml").read_text(encoding="utf-8"))["questions"]
BY_ID = {q["id"]: q for q in QUESTIONS}
ORDER = [q["id"] for q in QUESTIONS]

REVIEW = "Controleer uw antwoorden"
DONE_CHOICE = "Alles klopt: toon mijn checklist"
RESUME = "Het vorige gesprek werd onderbroken"
EMPTY_CHECKBOX = "Kies minstens één antwoord."

# questionary's and prompt_toolkit's own English, which must never reach the user.
ENGLISH = ["Use arrow keys", "<space> to select", "Cancelled by user", "done (", "selections)", "Invalid input"]

# The path of the brief: a local government that needs lot 4 (network) with in-regie support.
LOT4_IN_REGIE: dict[str, Any] = {
    "org_name": "Gemeente E2E",
    "scope_checked": "ja",
    "org_kind": "lokaal-bestuur",
    "local_user_management": "ja",
    "needs": ["netwerk"],
    "service_types": ["in-regie"],
    "submits_projects": True,
    "optional_systems": ["cmdb2"],
    "digital_keys": "actief",
    "uses_acm_idm": "ja",
    "has_systems": ["geen"],
    "local_admin": False,
}

# --------------------------------------------------------------------------- keys from interview.yaml


def _values(qid: str) -> list[Any]:
    question = BY_ID[qid]
    if question["kind"] == "confirm":
        return [True, False]  # the interview shows "Ja" then "Nee"
    return [o["value"] for o in question["options"]]


def _move(start: int, target: int) -> str:
    return DOWN * (target - start) if target >= start else UP * (start - target)


def answer_keys(qid: str, value: Any, current: Any = None) -> str:
    """The keys that give `value` to question `qid`; `current` is the answer the prompt starts from."""
    kind = BY_ID[qid]["kind"]
    if kind == "text":
        return "\x7f" * len(current or "") + str(value) + ENTER
    values = _values(qid)
    if kind in ("select", "confirm"):
        start = values.index(current) if current is not None else 0
        return _move(start, values.index(value)) + ENTER
    # checkbox: the pointer starts on the first option; toggle what differs from `current`
    ticked = set(current or [])
    keys, at = "", 0
    for index, option in enumerate(values):
        if (option in value) != (option in ticked):
            keys += _move(at, index) + SPACE
            at = index
    return keys + ENTER


def walk_keys(answers: dict[str, Any]) -> str:
    """Keys for a fresh interview that answers `answers`, in the order of interview.yaml."""
    return "".join(answer_keys(qid, answers[qid]) for qid in ORDER if qid in answers)


def review_keys(answers: dict[str, Any], qid: str) -> str:
    """At the review screen, move to the answer of `qid` and open it."""
    shown = [q for q in ORDER if q in answers]
    return _move(0, 1 + shown.index(qid)) + ENTER


def prompt_start(qid: str) -> str:
    """The beginning of a question's prompt, short enough never to be wrapped on a 120-column screen."""
    return " ".join(BY_ID[qid]["prompt"].split())[:50]


# --------------------------------------------------------------------------- a real pseudo-terminal


class Screen:
    """A spawned `instapgids` in a pseudo-terminal, with everything it wrote kept for later checks."""

    def __init__(
        self, *args: str, columns: int = 120, env: dict[str, str | None] | None = None, rows: int = 50
    ) -> None:
        self.log = io.StringIO()
        env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm", "COLUMNS": str(columns), **(env or {})}
        env = {key: value for key, value in env.items() if value is not None}  # None: not set at all
        self.child = pexpect.spawn(
            instapgids_exe(), list(args), env=env, encoding="utf-8", dimensions=(rows, columns), timeout=10
        )
        self.child.logfile_read = self.log

    def expect(self, text: str) -> None:
        self.child.expect_exact(text)

    def ask(self, qid: str, keys: str) -> None:
        """Wait for the prompt of `qid` to be on screen, then type."""
        self.expect(prompt_start(qid))
        self.child.send(keys)

    def finish(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus if self.child.exitstatus is not None else -(self.child.signalstatus or 0)

    def display(self) -> list[str]:
        """The rows on the screen now, as a terminal shows them (cursor moves and erasing applied)."""
        import pyte

        rows, columns = self.child.getwinsize()
        screen = pyte.Screen(columns, rows)
        stream = pyte.Stream(screen)
        stream.feed(self.log.getvalue())
        return [row.rstrip() for row in screen.display]

    @property
    def text(self) -> str:
        return ANSI.sub("", self.log.getvalue())

    def assert_no_english(self) -> None:
        for phrase in [*ENGLISH, "Traceback"]:
            assert phrase not in self.text, f"{phrase!r} on screen:\n{self.text}"

    def close(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)


def stop_and_check_the_terminal(screen: Screen, signum: int, code: int) -> None:
    """Send ``signum`` to the program at a prompt: it says "Gestopt", ends with ``code``, and leaves the
    terminal as it found it (echo and line mode on, the cursor shown)."""
    import termios
    import time

    import pexpect

    time.sleep(0.3)
    screen.child.kill(signum)
    screen.expect("Gestopt")
    screen.child.expect(pexpect.EOF)
    attributes = termios.tcgetattr(screen.child.child_fd)
    assert screen.finish() == code, screen.text
    assert attributes[3] & termios.ECHO, "echo is still off"
    assert attributes[3] & termios.ICANON, "the terminal is still in raw mode"
    raw = screen.log.getvalue()
    assert raw.rfind("\x1b[?25h") > raw.rfind("\x1b[?25l"), "the cursor is still hidden"
