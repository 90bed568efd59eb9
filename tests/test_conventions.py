"""Conventions of every command: Dutch help and errors, colour only where wanted, 80 columns, and Tab completion."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import AGENTSCHAP, LOKAAL, Result, command_paths, flat, instapgids_exe, needs_posix_terminal

pytestmark = pytest.mark.usefixtures("shared_content_cache")

ESC = "\x1b"
SGR = re.compile(r"\x1b\[([0-9;]*)m")
ENGLISH_HELP = ["Usage:", "Show this message and exit", "Options", "Arguments", "[required]", "Commands"]
MAILTO_LINE = "Link (kopieer in uw browser): mailto:"
MAILTO_LINES = (MAILTO_LINE, "Link (copy into your browser): mailto:")


def dutch_command_paths() -> list[tuple[str, ...]]:
    """Every command path of the app, as click sees it after instapgids has made it Dutch."""
    from instapgids.cli import localize

    localize.use_language("nl")
    return command_paths()


PATHS = dutch_command_paths()


def run(
    *args: str, env: dict[str, str | None] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """The real executable, output kept as it is (colour codes included); ``None`` in env removes a variable."""
    environment = dict(os.environ)
    for key, value in (env or {}).items():
        if value is None:
            environment.pop(key, None)
        else:
            environment[key] = value
    return subprocess.run(
        [instapgids_exe(), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd,
        timeout=60,
    )


def run_in_terminal(*args: str, env: dict[str, str | None]) -> str:
    """The real executable with a pseudo-terminal as stdout and stderr; what it wrote."""
    environment = dict(os.environ)
    for key, value in env.items():
        if value is None:
            environment.pop(key, None)
        else:
            environment[key] = value
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [instapgids_exe(), *args], stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=environment
    )
    os.close(slave)
    chunks = []
    try:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
        proc.wait(timeout=30)
    assert proc.returncode == 0, b"".join(chunks)
    return b"".join(chunks).decode("utf-8", "replace")


def colour_codes(text: str) -> list[str]:
    """SGR sequences that set a colour (foreground or background), as opposed to bold, dim or underline."""
    found = []
    for params in SGR.findall(text):
        numbers = [int(p) for p in params.split(";") if p]
        if any(30 <= n <= 38 or 40 <= n <= 48 or 90 <= n <= 97 or 100 <= n <= 107 for n in numbers):
            found.append(params)
    return found


@pytest.fixture(scope="module")
def state(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str | None]:
    """Saved profiles 'lokaal' and 'agentschap', made once for this module; pass this as env to a process."""
    env: dict[str, str | None] = {
        "INSTAPGIDS_HOME": str(tmp_path_factory.mktemp("conventies") / "state"),
        "XDG_CACHE_HOME": str(tmp_path_factory.getbasetemp() / "shared-cache"),
    }
    for name, example in (("lokaal", LOKAAL), ("agentschap", AGENTSCHAP)):
        done = run("start", "--answers", str(example), "--profile", name, env=env)
        assert done.returncode == 0, done.stderr
    return env


# --------------------------------------------------------------------------- Dutch help


def test_every_command_is_found() -> None:
    assert len(PATHS) >= 15
    for expected in [(), ("lots",), ("lots", "show"), ("done",), ("status",), ("mails",), ("search",)]:
        assert expected in PATHS


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "instapgids")
def test_help_is_dutch(path: tuple[str, ...], cli: Callable[..., Result]) -> None:
    result = cli(*path, "--help")
    assert result.code == 0, result.text
    assert result.err == ""
    assert "Gebruik:" in result.out
    assert f"instapgids {' '.join(path)}".strip() in flat(result.out)
    assert "Voorbeeld" in result.out
    for english in ENGLISH_HELP:
        assert english not in result.out, (english, result.out)


@pytest.mark.parametrize(
    ("args", "dutch"),
    [
        (("bestaat-niet",), "Onbekend commando 'bestaat-niet'"),
        (("lots", "toon"), "Onbekend commando 'toon'"),
        (("done",), "Ontbrekend argument 'ID...'"),
        (("search",), "Ontbrekend argument"),
        (("status", "--kleur"), "Onbekende optie '--kleur'"),
        (("checklist", "--export"), "De optie '--export' heeft een waarde nodig"),
    ],
    ids=["command", "subcommand", "argument", "argument-search", "option", "option-value"],
)
def test_usage_errors_are_dutch(args: tuple[str, ...], dutch: str, cli: Callable[..., Result]) -> None:
    result = cli(*args)
    assert result.code == 2, result.text
    assert "Fout:" in result.err
    assert dutch in result.err
    if args != ("checklist", "--export"):  # click shows no usage for an option without its value
        assert "Gebruik: instapgids" in result.err and "Meer hulp:" in result.err
    for english in ("Usage:", "Error:", "No such", "Missing", "Try '", "requires an argument"):
        assert english not in result.text, (english, result.text)
    assert "Traceback" not in result.text


def test_a_typo_in_a_command_gets_a_dutch_suggestion(cli: Callable[..., Result]) -> None:
    result = cli("lo")
    assert result.code == 2, result.text
    assert "Onbekend commando 'lo'" in result.err
    assert "Bedoelt u 'lots'?" in result.err


# --------------------------------------------------------------------------- colour


def test_no_color_output_has_no_escape_codes(state: dict[str, str | None]) -> None:
    for args in (("checklist", "--profile", "lokaal"), ("--help",)):
        done = run(*args, env={**state, "NO_COLOR": "1", "FORCE_COLOR": None})
        assert done.returncode == 0, done.stderr
        assert ESC not in done.stdout + done.stderr, args


def test_force_color_output_has_colour(state: dict[str, str | None]) -> None:
    done = run("checklist", "--profile", "lokaal", env={**state, "NO_COLOR": None, "FORCE_COLOR": "1"})
    assert done.returncode == 0, done.stderr
    assert ESC in done.stdout
    assert colour_codes(done.stdout), "the phase rules are cyan"


PIPED = {"NO_COLOR": None, "FORCE_COLOR": None, "TERM": "xterm-256color"}


@pytest.mark.parametrize("args", [("--help",), ("lots", "show", "--help")], ids=lambda a: " ".join(a))
def test_piped_help_has_no_escape_codes(args: tuple[str, ...], state: dict[str, str | None]) -> None:
    """(The commands of the 80-column tests below are checked for escape codes there, also in a pipe.)"""
    done = run(*args, env={**state, **PIPED})
    assert done.returncode == 0, done.stderr
    assert ESC not in done.stdout, args
    assert ESC not in done.stderr, args


def test_piped_messages_have_no_escape_codes(state: dict[str, str | None]) -> None:
    """Messages on stderr (a Dutch error, a usage error) are plain text in a pipe, too."""
    done = run("done", "bestaat-niet", "--profile", "lokaal", env={**state, **PIPED})
    assert done.returncode == 2
    assert "bestaat niet" in done.stderr and ESC not in done.stderr
    usage = run("status", "--kleur", env={**state, **PIPED})
    assert usage.returncode == 2
    assert "Onbekende optie" in usage.stderr and ESC not in usage.stderr


@needs_posix_terminal
def test_no_color_in_a_terminal_has_no_colour_codes(state: dict[str, str | None]) -> None:
    """In a terminal NO_COLOR removes colour; bold, dim and underline may stay (https://no-color.org)."""
    coloured = run_in_terminal("checklist", "--profile", "lokaal", env={**state, **PIPED})
    assert colour_codes(coloured), "without NO_COLOR a terminal gets colour"
    plain = run_in_terminal("checklist", "--profile", "lokaal", env={**state, **PIPED, "NO_COLOR": "1"})
    assert colour_codes(plain) == []
    assert "Checklist voor Gemeente Voorbeeld" in SGR.sub("", plain)


# --------------------------------------------------------------------------- 80 columns


NARROW_COMMANDS = [
    ("checklist", "--profile", "lokaal"),
    ("checklist", "--profile", "agentschap"),
    ("status", "--profile", "agentschap"),
    ("lots", "show", "5"),
    ("systems",),
    ("systems", "cmdb2"),
    ("contacts",),
    ("journey",),
    ("mails", "--profile", "lokaal"),
    ("--lang", "en", "mails", "--profile", "lokaal"),  # with the mails in English under the Dutch ones
]


@pytest.fixture(scope="module")
def narrow(state: dict[str, str | None]) -> dict[tuple[str, ...], subprocess.CompletedProcess[str]]:
    """Each command of NARROW_COMMANDS run once in a pipe at COLUMNS=80, a few at a time (a process takes ~0.4 s)."""
    env = {**state, **PIPED, "COLUMNS": "80"}
    with ThreadPoolExecutor(max_workers=4) as pool:
        done = list(pool.map(lambda args: run(*args, env=env), NARROW_COMMANDS))
    return dict(zip(NARROW_COMMANDS, done, strict=True))


@pytest.mark.parametrize(
    "args",
    NARROW_COMMANDS,
    ids=lambda a: " ".join(a),
)
def test_output_fits_in_80_columns(
    args: tuple[str, ...], narrow: dict[tuple[str, ...], subprocess.CompletedProcess[str]]
) -> None:
    done = narrow[args]
    assert done.returncode == 0, done.stderr
    too_long = [
        line for line in done.stdout.splitlines() if len(line.rstrip()) > 80 and not line.startswith(MAILTO_LINES)
    ]
    assert too_long == [], "\n".join(too_long)


@pytest.mark.parametrize("args", NARROW_COMMANDS, ids=lambda a: " ".join(a))
def test_piped_output_has_no_escape_codes_at_80_columns(
    args: tuple[str, ...], narrow: dict[tuple[str, ...], subprocess.CompletedProcess[str]]
) -> None:
    done = narrow[args]
    assert done.returncode == 0, done.stderr
    assert ESC not in done.stdout + done.stderr, args


@pytest.mark.parametrize("args", NARROW_COMMANDS, ids=lambda a: " ".join(a))
def test_piped_output_has_no_trailing_spaces(
    args: tuple[str, ...], narrow: dict[tuple[str, ...], subprocess.CompletedProcess[str]]
) -> None:
    """Padding to the terminal's width is noise in a file or a mail (seen: the English mails under the Dutch)."""
    done = narrow[args]
    assert done.returncode == 0, done.stderr
    padded = [line for line in done.stdout.splitlines() if line != line.rstrip()]
    assert padded == [], padded[:5]


def test_mailto_links_stay_on_one_line_at_80_columns(
    narrow: dict[tuple[str, ...], subprocess.CompletedProcess[str]],
) -> None:
    out = narrow["mails", "--profile", "lokaal"].stdout
    links = [line for line in out.splitlines() if line.startswith(MAILTO_LINE)]
    assert links and all(len(line) > 80 for line in links)
    assert len(links) == out.count("mailto:")  # none broken over two lines
    assert all(" " not in line[len(MAILTO_LINE) :] for line in links)


# --------------------------------------------------------------------------- shell completion


def test_show_completion_prints_a_bash_script() -> None:
    # Typer finds the shell among the parent processes (shellingham); SHELL alone counts only for a login shell.
    # Run it from bash so that the answer does not depend on what started pytest.
    done = subprocess.run(
        ["bash", "-c", '"$0" --show-completion; exit $?', instapgids_exe()],
        capture_output=True,
        text=True,
        env={**os.environ, "SHELL": "/bin/bash"},
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    assert "_INSTAPGIDS_COMPLETE" in done.stdout
    assert "complete -o default -F _instapgids_completion instapgids" in done.stdout
    assert "COMP_WORDS" in done.stdout and "COMP_CWORD" in done.stdout


def complete(words: str, cword: int) -> list[str]:
    # Typer's bash protocol is '<var>=complete_bash' with COMP_WORDS (one string) and COMP_CWORD; click's own
    # 'bash_complete' (which also reads COMP_WORDS/COMP_CWORD) is answered by Typer with "Shell complete not
    # supported." and exit 1, because Typer replaces click's classes and names its instructions action_shell.
    done = run(env={"_INSTAPGIDS_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)})
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.parametrize(
    ("words", "cword", "offered"),
    [
        ("instapgids lo", 1, ["lots"]),
        ("instapgids st", 1, ["start", "status"]),
        ("instapgids lots s", 2, ["show"]),
        ("instapgids ", 1, ["checklist", "contacts", "doing", "done", "journey", "lots", "mails", "search"]),
    ],
)
def test_completion_offers_commands(words: str, cword: int, offered: list[str]) -> None:
    got = complete(words, cword)
    assert set(offered) <= set(got), got
    if len(offered) < 3:
        assert sorted(got) == sorted(offered)


def test_completion_works_from_the_printed_bash_script() -> None:
    """The script of --show-completion, sourced in bash, fills COMPREPLY through the real executable."""
    script = r"""
        exe="$0"
        eval "$("$exe" --show-completion)"
        COMP_WORDS=(instapgids lo)
        COMP_CWORD=1
        _instapgids_completion "$exe"
        printf '%s\n' "${COMPREPLY[@]}"
    """
    done = subprocess.run(
        ["bash", "-c", script, instapgids_exe()],
        capture_output=True,
        text=True,
        env={**os.environ, "SHELL": "/bin/bash"},
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["lots"]
