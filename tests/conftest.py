"""Shared fixtures: run the CLI in-process or as a real process, with private state and cache folders."""

from __future__ import annotations

import contextlib
import functools
import importlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
EXAMPLES = ROOT / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
LOKAAL = EXAMPLES / "lokaal-bestuur-netwerk.yaml"


def shared_source() -> Path:
    """``../shared/source`` beside the clone, where CI keeps the guide as text; for a git worktree (``.git`` is a
    file) beside the main clone it belongs to, when it is not beside the worktree."""
    beside = ROOT.parent / "shared" / "source"
    git = ROOT / ".git"
    if not beside.is_dir() and git.is_file() and "gitdir:" in (pointer := git.read_text(encoding="utf-8")):
        main_clone = Path(pointer.split("gitdir:", 1)[1].strip()).parent.parent.parent  # <clone>/.git/worktrees/<n>
        if (main_clone.parent / "shared" / "source").is_dir():
            return main_clone.parent / "shared" / "source"
    return beside


AGENTSCHAP = EXAMPLES / "agentschap-applicaties.yaml"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
# "(niet gestart, id: x)" after an item's title; Rich may wrap it anywhere between the words.
ITEM_ID = re.compile(r"\((niet\s+gestart|bezig|klaar|kan\s+nog\s+niet\s+starten),\s+id:\s+([a-z0-9-]+)\)")


# Tests that drive a pseudo-terminal need the POSIX one (pty, termios, pexpect.spawn): Windows has none.
def importable(name: str) -> bool:
    """Whether the module ``name`` can be imported here (the POSIX-only ones cannot on Windows)."""
    try:
        importlib.import_module(name)
    except ImportError:
        return False
    return True


NO_POSIX_TERMINAL = sys.platform == "win32" or not all(map(importable, ("pty", "tty", "termios", "fcntl")))
WHY_NO_TERMINAL = (
    "needs a POSIX pseudo-terminal (pty, termios, pexpect.spawn), which this system lacks (Windows); "
    "tests/test_windows_simulated.py runs the customer path there"
)
needs_posix_terminal = pytest.mark.skipif(NO_POSIX_TERMINAL, reason=WHY_NO_TERMINAL)

# A fixed, colourless terminal for every test (Rich reads these when a console is made).
os.environ["COLUMNS"] = "100"
# pytest-xdist's workers have LINES=24: a program spawned in a taller pseudo-terminal would take it for its
# height and page output that fits. The terminal (or the test) says how many lines there are.
os.environ.pop("LINES", None)
os.environ["NO_COLOR"] = "1"
os.environ.pop("FORCE_COLOR", None)
# Dutch unless a test asks for English: the machine's locale must not choose the language (issue 11).
os.environ["LANG"] = "C.UTF-8"
for _name in ("LC_ALL", "LC_MESSAGES", "INSTAPGIDS_LANG"):
    os.environ.pop(_name, None)


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Profiles and the content cache of each test live in its own folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("INSTAPGIDS_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("INSTAPGIDS_DATA_DIR", raising=False)
    monkeypatch.delenv("INSTAPGIDS_DEBUG", raising=False)
    from instapgids import language

    language.use(language.DEFAULT)  # an in-process English run before does not carry over
    return home


@pytest.fixture(autouse=True)
def fresh_consoles() -> Iterator[None]:
    """Each test gets new Rich consoles: one made while a test pretended to be a terminal would go on
    writing colours and hyperlinks into the next test's output (a process is one run; a test session is not)."""
    yield
    from instapgids.presentation.terminal import console

    console.out.cache_clear()
    console.err.cache_clear()


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run `instapgids ARGS` in this process; returns exit code and output without colour codes."""
    from instapgids.cli.main import main

    def run(*args: str) -> Result:
        monkeypatch.setattr(sys, "argv", ["instapgids", *args])
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0
        captured = capsys.readouterr()
        return Result(code, ANSI.sub("", captured.out), ANSI.sub("", captured.err))

    return run


def command_paths() -> list[tuple[str, ...]]:
    """Every command and subcommand, as the words that name it (() is instapgids itself)."""
    import typer.main

    from instapgids.cli.commands import app

    def walk(command: Any, path: tuple[str, ...]) -> list[tuple[str, ...]]:
        subs = sorted(getattr(command, "commands", {}).items())
        return [path] + [p for name, sub in subs for p in walk(sub, (*path, name))]

    return walk(typer.main.get_command(app), ())


def instapgids_exe() -> str:
    found = shutil.which("instapgids", path=str(Path(sys.executable).parent)) or shutil.which("instapgids")
    assert found, "instapgids is not installed in this environment"
    return found


@pytest.fixture
def process() -> Callable[..., Result]:
    """Run `instapgids ARGS` as a real process (no terminal unless the test makes one)."""

    def run(*args: str, stdin: str | None = "", cwd: Path | None = None, env: dict[str, str] | None = None) -> Result:
        done = subprocess.run(
            [instapgids_exe(), *args],
            input=stdin,
            capture_output=True,
            text=True,
            cwd=cwd,
            env={**os.environ, **(env or {})},
            timeout=60,
        )
        return Result(done.returncode, ANSI.sub("", done.stdout), ANSI.sub("", done.stderr))

    return run


@pytest.fixture
def data_copy(tmp_path: Path) -> Iterator[Path]:
    """A private copy of the content, for tests that break it."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    yield target


# Debian's (installed by .ci/run); elsewhere (the hosted workflow) named by these variables.
CHROMIUM = Path(os.environ.get("INSTAPGIDS_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("INSTAPGIDS_CHROMEDRIVER", "/usr/bin/chromedriver"))
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1200,900",
]


@contextlib.contextmanager
def chromium(folder: Path) -> Iterator[Any]:
    """Headless chromium through chromedriver; skipped when they are missing, except on CI (which installs them)."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not (p.is_file() and os.access(p, os.X_OK))]
    if missing:
        reason = (
            f"the browser test needs Debian's chromium and chromedriver, and {', '.join(missing)} is missing "
            "(install them with: apt-get install chromium chromium-driver)"
        )
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI must install them)")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in [*CHROMIUM_ARGS, f"--user-data-dir={folder / 'chromium-profiel'}"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=str(CHROMEDRIVER), log_output=str(folder / "chromedriver.log"))
    driver = webdriver.Chrome(options=options, service=service)
    try:
        driver.set_page_load_timeout(20)
        driver.set_script_timeout(10)
        yield driver
    finally:
        driver.quit()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: builds and installs the wheel (~30-60 s); runs by default")


@pytest.fixture
def shared_content_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """One validated-content cache for the whole session, for tests that only read the content
    (validating it costs ~1 s per run). Use with `pytestmark = pytest.mark.usefixtures(...)`."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "shared-cache"))


@pytest.fixture
def content() -> Any:
    """The shipped content, loaded as the CLI loads it."""
    from instapgids.content.load import load_content

    return load_content()


@functools.cache
def contents() -> tuple[Any, Any]:
    """The shipped content in Dutch and in English, loaded once per process, for tests that only read it."""
    from instapgids.content.load import load_content

    return load_content(), load_content(language="en")


def content_in(language: str) -> Any:
    """The shipped content in this language ("nl" or "en"), from `contents`."""
    return contents()[1 if language == "en" else 0]


def example_answers(path: Path) -> dict[str, Any]:
    """The answers of an answers file (examples/)."""
    answers = yaml.safe_load(path.read_text(encoding="utf-8"))["answers"]
    assert isinstance(answers, dict)
    return answers


def flat(text: str) -> str:
    """Text with every run of white space as one space (Rich wraps lines anywhere)."""
    return " ".join(text.split())


def no_traceback(result: Result) -> None:
    """Neither a Python traceback nor the message for an internal error reached the user."""
    assert "Traceback" not in result.text, result.text
    assert "Er ging iets mis in instapgids zelf" not in result.text, result.text


def profile_file(home: Path, name: str = "p") -> Path:
    """Where the profile `--profile NAME` is kept in a test's private home."""
    return home / "state" / "profielen" / f"{name}.yaml"


def write(path: Path, text: str) -> Path:
    """Write a text file, making its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def save_profile(home: Path, name: str, text: str) -> Path:
    """Write the profile `--profile NAME` as this text (broken or hostile ones too)."""
    return write(profile_file(home, name), text)


def saved(home: Path, name: str = "p") -> dict[str, Any]:
    """The profile `--profile NAME` as data."""
    data = yaml.safe_load(profile_file(home, name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def start(cli: Callable[..., Result], example: Path = LOKAAL, name: str = "p") -> None:
    """`instapgids start --answers EXAMPLE --profile NAME`, which must succeed."""
    result = cli("start", "--answers", str(example), "--profile", name)
    assert result.code == 0, result.text


def files_in(folder: Path) -> list[str]:
    """The names of the files in a folder, without the lock files beside profiles (``.NAME.lock``)."""
    return sorted(p.name for p in folder.iterdir() if not (p.name.startswith(".") and p.name.endswith(".lock")))


def item_ids(text: str) -> list[str]:
    """The ids of the items a checklist on screen shows, in order."""
    return [m.group(2) for m in ITEM_ID.finditer(text)]


def checklist_of(content: Any, answers: Path, progress: dict[str, str] | None = None) -> Any:
    """The checklist the rules build for an answers file, with optional progress."""
    from instapgids.engine.checklist import build_checklist

    return build_checklist(content, example_answers(answers), progress or {})


def ids_with(checklist: Any, status: str) -> list[str]:
    """The ids of the checklist's items with this status ("open", "doing", "done", "blocked")."""
    return [e.item.id for e in checklist.items() if e.status == status]


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder without write permission; skips where the user can write anyway (root)."""
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("this user (root?) can write into a read-only folder")
        yield folder
    finally:
        folder.chmod(0o700)


# --------------------------------------------------------------------------- the interview, driven by keys


@pytest.fixture
def interview(cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run `instapgids start ARGS` in-process with the given keys as the keyboard."""

    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    def run(keys: str, *args: str) -> Result:
        # `start` refuses to ask questions without a terminal; pretend there is one (the streams
        # are pytest's capture objects by now, so this is done here and not at fixture setup).
        monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
        with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
            # All keys up front: prompt_toolkit keeps the unread ones for the next prompt. Closing the
            # pipe means a prompt that wants more keys fails (EOFError) instead of waiting forever.
            inp.send_text(keys)
            inp.close()
            return cli("start", *args)

    return run


@pytest.fixture
def screens() -> Iterator[Callable[..., Any]]:
    """Start `instapgids ARGS` in pseudo-terminals (prompts.Screen); all are ended after the test."""
    if NO_POSIX_TERMINAL:
        pytest.skip(WHY_NO_TERMINAL)
    from prompts import Screen

    started: list[Screen] = []

    def spawn(*args: str, columns: int = 120, env: dict[str, str | None] | None = None, rows: int = 50) -> Screen:
        started.append(Screen(*args, columns=columns, env=env, rows=rows))
        return started[-1]

    yield spawn
    for screen in started:
        screen.close()
