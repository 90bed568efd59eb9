"""What the interview prints around its prompts, in the language of the run: lines that fit the
terminal (:func:`wrap`, :func:`say`), the content in that language (:func:`read_content`,
:func:`in_language`; also for the commands) and an answer as the user saw it (:func:`describe`).
No questionary here: ``interview`` asks; no Typer either: ``cli/main.py``'s fast path reads the content here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from instapgids.language import _

if TYPE_CHECKING:  # the commands import this module for --help too: the content's models load with the content
    from instapgids.content.bundle import Content
    from instapgids.content.questions import AnswerValue, Question


def width() -> int:
    """The terminal's width in columns (at least 40)."""
    import shutil

    return max(shutil.get_terminal_size().columns, 40)


def wrap(text: str, indent: int = 0, first: int = 0) -> str:
    """Text broken between words to fit the terminal (continuation lines indented by ``indent``); a word longer
    than a line, such as an address, is left whole so that it can be copied."""
    from instapgids.presentation.terminal.line import between_words

    lines = between_words(text, width() - 1, " " * first, " " * indent)
    return "\n".join(lines)[first:] if lines else text


Part = tuple[str, str] | str


def say(*parts: Part) -> int:
    """Print one line between the prompts, from (style, text) parts or plain strings; returns the rows it takes
    on the terminal (to erase it again: :func:`unsay`)."""
    return say_lines(parts)


def say_lines(*lines: tuple[Part, ...]) -> int:
    """Print several lines (each a tuple of parts, as for :func:`say`) in one write; returns the rows they take.

    Through prompt_toolkit, which is loaded anyway: Rich is not needed before the checklist. One call for the
    lines together: each call of ``print_formatted_text`` merges its styles anew (~1 ms each).
    """
    from prompt_toolkit import print_formatted_text
    from prompt_toolkit.formatted_text import FormattedText

    columns = width()
    tokens: list[tuple[str, str]] = []
    rows = 0
    for parts in lines:
        line = [("", p) if isinstance(p, str) else p for p in parts]
        plain = "".join(text for _style, text in line)
        if len(plain) >= columns and "\n" not in plain.rstrip("\n"):  # one long line: wrapped between words
            line = [(line[0][0] if len(line) == 1 else "", wrap(plain, indent=2 if plain.startswith("  ") else 0))]
        shown = "".join(text for _style, text in line).split("\n")
        rows += sum(max(1, -(-len(row) // columns)) for row in shown)
        tokens += [*line, ("", "\n")]
    print_formatted_text(FormattedText(tokens[:-1]))
    return rows


def unsay(rows: int) -> None:
    """Erase the last ``rows`` rows printed by :func:`say` (those still on the screen), the cursor where they began."""
    if rows <= 0:
        return
    import shutil

    from prompt_toolkit.application.current import get_app_session

    output = get_app_session().output
    output.cursor_up(min(rows, shutil.get_terminal_size().lines - 1))
    output.write_raw("\r")
    output.erase_down()
    output.flush()


def read_content(*, in_language: bool = False) -> Content:
    """The content; with ``in_language``, in the language of this run (``--lang``), else Dutch."""
    from instapgids.content.load import load_content
    from instapgids.language import current
    from instapgids.paths import data_dir

    return load_content(data_dir(), language=current() if in_language else "nl")


def read_both() -> tuple[Content, Content]:
    """The content in the language of this run, and in Dutch (the same object when that is Dutch)."""
    from instapgids.language import current

    content = read_content(in_language=True)
    return content, (content if current() == "nl" else read_content())


def other_language(content: Content, dutch: Content) -> Content:
    """The content in the other language: search finds English and Dutch words in either language."""
    from instapgids.content.load import load_content

    return dutch if content is not dutch else load_content(dutch.directory, language="en")


_SHOWN: dict[tuple[str, str], Content] = {}


def in_language(content: Content) -> Content:
    """The content as the interview shows it: in the language of the run (``content`` is the Dutch).

    The same questions with the same ids and option values, so the answers are the same in either language."""
    from instapgids.content.load import load_content
    from instapgids.language import current

    language = current()
    if language == "nl":
        return content
    key = (str(content.directory), language)
    if key not in _SHOWN:
        _SHOWN[key] = load_content(content.directory, language=language)
    return _SHOWN[key]


def describe(question: Question, value: AnswerValue) -> str:
    """An answer as the user saw it at the prompt: the option's label, yes or no, or the text."""
    from instapgids.presentation.words import describe_answer

    return describe_answer(question, value)


def welcome(content: Content) -> None:
    """The screen before the first question: what it is for, how long it takes, what to have at hand."""
    from instapgids.presentation.interview import welcome as words

    said = words(in_language(content))
    keys = _(
        "Met Shift+Tab gaat u terug naar de vorige vraag; op het einde kunt u elk antwoord nog wijzigen. "
        "Uw antwoorden worden na elke vraag bewaard; stoppen kan altijd met Ctrl-C."
    )
    say_lines(
        (("bold", said.title),),
        (said.text,),
        (said.have_at_hand_title,),
        *(("  • " + wrap(line, indent=4, first=4),) for line in said.have_at_hand),
        (("fg:ansibrightblack", wrap(keys) + "\n"),),
    )


def echo(question: Question, value: AnswerValue) -> int:
    """The answer given, as "✔ Label: answer"; its wrapped lines start under the label, not at column 0.
    Returns the rows printed."""
    head = f"✔ {question.label}: "
    text = wrap(head + describe(question, value), indent=2)
    if text.startswith(head):
        return say(("fg:ansigreen", "✔ "), ("bold", head[2:]), text[len(head) :])
    return say(("fg:ansigreen", "✔ "), ("bold", text[2:]))  # the label itself is wrapped


def notice(content: Content, question: Question, value: AnswerValue) -> int:
    """What a chosen option means right away (a blocker), from ``notice:`` in interview.yaml; the rows printed."""
    from instapgids.presentation.interview import notices

    return sum(say(("fg:ansiyellow bold", _("Let op: ")), said) for said in notices(content, question, value))
