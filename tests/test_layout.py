"""Layout at 80 columns, as a new user sees it in a terminal, in Dutch and in English.

A wrapped bullet, numbered step or search snippet goes on under its own text (a hanging indent), never at
column 0; an address (URL or e-mail) is never split over two lines; the help shows each argument's name.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import DATA, EXAMPLE_FILES, EXAMPLES, Result, content_in, start
from prompts import BACK, CTRL_C, ENTER, Screen

pytestmark = pytest.mark.usefixtures("shared_content_cache")

LANGUAGES = ["nl", "en"]
LOTS = [lot["number"] for lot in yaml.safe_load((DATA / "lots.yaml").read_text(encoding="utf-8"))["lots"]]
SYSTEMS = [s["id"] for s in yaml.safe_load((DATA / "systems.yaml").read_text(encoding="utf-8"))["systems"]]
ADDRESS = re.compile(r"https?://[^\s)>\]]+[^\s)>\].,;:'\"]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@pytest.fixture(autouse=True)
def eighty_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


def shown(cli: Callable[..., Result], language: str, *args: str) -> str:
    result = cli("--lang", language, *args)
    assert result.code == 0, result.text
    return result.out


def compact(text: str) -> str:
    return "".join(text.split())


def _goes_on(lines: list[str], first: int, lead: str, whole: str) -> str | None:
    """Why the text ``whole`` does not go on under its text from line ``first`` on; None when it does."""
    rest = whole[len(compact(lines[first][len(lead) :])) :]
    n = first + 1
    while rest:
        line = lines[n] if n < len(lines) else ""
        if not (line.startswith(" " * len(lead)) and line.strip()) or not rest.startswith(compact(line)):
            return "a wrapped line does not start under its text:\n" + "\n".join(lines[first : n + 1])
        rest, n = rest[len(compact(line)) :], n + 1
    return None


def assert_hangs(out: str, lead: str, text: str) -> None:
    """``text`` is shown after ``lead``, and each of its wrapped lines starts under its first character."""
    lines = out.splitlines()
    whole = compact(text)
    starts = [
        n
        for n, line in enumerate(lines)
        if line.startswith(lead)
        and line[len(lead) : len(lead) + 1].strip()
        and whole.startswith(compact(line[len(lead) :]))
    ]
    assert starts, f"{lead!r}{text!r} not found in:\n{out}"
    problems = [_goes_on(lines, n, lead, whole) for n in starts]
    assert None in problems, problems[0]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("system_id", SYSTEMS)
def test_system_bullets_and_steps_hang_under_their_text(
    cli: Callable[..., Result], language: str, system_id: str
) -> None:
    out = shown(cli, language, "systems", system_id)
    system = content_in(language).system_by_id[system_id]
    for feature in [*system.features, *system.prerequisites]:
        assert_hangs(out, "  • ", feature)
    for procedure in system.access:
        for number, step in enumerate(procedure.steps, 1):
            assert_hangs(out, f"  {number}. ", step)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("number", LOTS)
def test_lot_bullets_and_points_hang_under_their_text(cli: Callable[..., Result], language: str, number: int) -> None:
    out = shown(cli, language, "lots", "show", str(number))
    lot = content_in(language).lot_by_number[number]
    for domain in lot.domains:
        for bullet in domain.bullets:
            assert_hangs(out, "  • ", bullet)
    for point in lot.how_to_start:
        assert_hangs(out, "• ", f"{point.text}  (§{point.section})")


@pytest.mark.parametrize("language", LANGUAGES)
def test_journey_steps_hang_under_their_text(cli: Callable[..., Result], language: str) -> None:
    from instapgids.language import _, use

    out = shown(cli, language, "journey")
    use(language)
    for phase in content_in(language).journey.phases:
        for step in phase.steps:
            title = _("Stap {number}: {title}").format(number=step.number, title=step.title)
            assert_hangs(out, "• ", f"{title}  (§{step.section})")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("term", ["de", "licentie", "toegang"])
def test_search_snippets_hang_under_their_text(cli: Callable[..., Result], language: str, term: str) -> None:
    from instapgids.language import use
    from instapgids.presentation.search import search

    out = shown(cli, language, "search", term)
    use(language)
    content, dutch = content_in(language), content_in("nl")
    hits = search(content, term, also=dutch if language != "nl" else content_in("en"))
    assert hits
    for hit in hits:
        assert_hangs(out, "    ", hit.snippet)


def addresses(text: str) -> set[str]:
    return set(ADDRESS.findall(text))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("command", ["checklist", "next"])
@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_an_address_is_never_split_over_two_lines(
    cli: Callable[..., Result], language: str, command: str, example: Path
) -> None:
    start(cli, example)
    everything = shown(cli, language, "checklist", "--profile", "p", "--export", "md")
    out = shown(cli, language, command, "--profile", "p")
    on_one_line = addresses(out)
    for address in addresses(everything):
        if compact(address) in compact(out):  # shown by this command (next shows a few items only)
            assert address in on_one_line, f"{address} is split in:\n{out}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_long_field_label_leaves_the_value_its_room(cli: Callable[..., Result], language: str) -> None:
    """The value column is never squeezed by a long label: a field's value starts at most at column 30."""
    start(cli, EXAMPLES / "lokaal-bestuur-zonder-acm-idm.yaml")
    out = shown(cli, language, "checklist", "--profile", "p")
    field = re.compile(r"^ {6}([A-Z][A-Za-z ]*:)( +)\S")
    starts = [len(m.group(1)) + len(m.group(2)) + 6 for line in out.splitlines() if (m := field.match(line))]
    assert starts and max(starts) <= 30, out


COMMANDS = ["lots show", "systems", "search", "explain", "done", "doing", "undo", "checklist", "start", "mails"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_the_argument_by_its_metavar_not_its_type(
    cli: Callable[..., Result], language: str, command: str
) -> None:
    out = shown(cli, language, *command.split(), "--help")
    for word in ("TEXT", "INTEGER"):
        assert not re.search(rf"\b{word}\b", out), out


PROGRESS = {"nl": "Vraag {} van", "en": "Question {} of"}
ECHO = {"nl": "✔ Organisatie: ", "en": "✔ Organisation: "}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("typed", "echoed"), [("", "Gemeente Terug"), (" Bis", "Gemeente Terug Bis")], ids=["kept", "changed"]
)
def test_an_answer_after_going_back_is_echoed_once_with_its_value(
    screens: Callable[..., Screen], language: str, typed: str, echoed: str
) -> None:
    """Back to the first question and Enter: the screen shows the answer once, kept or with its new value (the old
    line is erased when going back, issue 19)."""
    screen = screens("--lang", language, "start", "--profile", "terug", columns=80)
    screen.expect(PROGRESS[language].format(1))
    screen.child.send("Gemeente Terug" + ENTER)
    screen.expect(PROGRESS[language].format(2))
    screen.child.send(BACK)
    screen.expect(PROGRESS[language].format(1))
    screen.child.send(typed + ENTER)
    screen.expect(PROGRESS[language].format(2))
    screen.expect("Ctrl-C")  # the question drawn whole
    shown = [row for row in screen.display() if row.startswith(ECHO[language])]
    assert shown == [ECHO[language] + echoed], shown
    screen.child.send(CTRL_C)
    assert screen.finish() == 130


LONG_NAME = "Intergemeentelijk Samenwerkingsverband voor Informatie- en Communicatietechnologie Voorbeeldregio"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_wrapped_echo_goes_on_under_its_text(screens: Callable[..., Screen], language: str) -> None:
    screen = screens("--lang", language, "start", "--profile", "lang", columns=80)
    screen.expect(PROGRESS[language].format(1))
    screen.child.send(LONG_NAME + ENTER)
    screen.expect(PROGRESS[language].format(2))
    lines = screen.text.replace("\r", "").split("\n")
    first = next(n for n, line in enumerate(lines) if ECHO[language] in line)
    echoed = lines[first][lines[first].index(ECHO[language]) :]
    assert_hangs("\n".join([echoed, *lines[first + 1 :]]), "✔ ", echoed[2:].split()[0] + " " + LONG_NAME)
    screen.child.send(CTRL_C)
    assert screen.finish() == 130


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("command", ["done", "undo"])
def test_the_title_after_a_mark_fills_the_lines_under_it(
    cli: Callable[..., Result], language: str, command: str
) -> None:
    # 'klantbereik-nakijken: niet gestart — ' is 37 columns: the lines under it have 76, not 43
    start(cli, DATA.parent / "examples" / "lokaal-bestuur-zonder-acm-idm.yaml")
    if command == "undo":
        assert cli("done", "behoefte-beschrijven", "--profile", "p").code == 0
    out = shown(cli, language, command, "behoefte-beschrijven", "--profile", "p")
    lines = out.split("\n\n", 1)[0].splitlines()
    assert len(lines) > 1, out  # a long title: wrapped
    for line, after in itertools.pairwise(lines):  # no room left on a line for the next one's first word
        assert len(line) <= 80 and len(line) + 1 + len(after.split()[0]) > 80, out
