"""One line of terminal text without Rich: its characters, a style for the whole line and styled stretches.

It holds what a Rich ``Text`` holds, and adds up as ``Text`` does, so that the same line printed through a
Rich console (a terminal, with colours) is the ``Text`` it always was; piped, only its characters are
written, and Rich (~15 ms to import) is not loaded at all (issue 10, speed).
"""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

# The control characters Rich's Text leaves out of its text (bell, backspace, vertical tab, form feed, CR).
STRIPPED = dict.fromkeys(map(ord, "\x07\x08\x0b\x0c\r"))


class Line:
    """A line as Rich's ``Text`` has it: ``plain``, ``style`` for all of it, ``spans`` of (start, end, style)."""

    __slots__ = ("plain", "spans", "style")

    def __init__(self, plain: str = "", style: str = "", spans: tuple[tuple[int, int, str], ...] = ()) -> None:
        self.plain = plain.translate(STRIPPED)
        self.style = style
        self.spans = spans

    def __len__(self) -> int:
        return len(self.plain)

    def __add__(self, other: Line | str) -> Line:
        """As ``Text + Text``: this line's style stays the whole line's, the other's covers its own stretch."""
        added = Line(other) if isinstance(other, str) else other
        offset = len(self.plain)
        spans = [(offset, offset + len(added.plain), added.style)] if added.style and added.plain else []
        spans += [(offset + start, offset + end, style) for start, end, style in added.spans]
        return Line(self.plain + added.plain, self.style, (*self.spans, *spans))

    @classmethod
    def assemble(cls, *parts: str | tuple[str, str]) -> Line:
        """As ``Text.assemble``: pieces of text, each plain or (text, style)."""
        line = cls()
        for part in parts:
            line += Line(part) if isinstance(part, str) else Line(*part)
        return line

    def __rich__(self) -> Text:
        """The Rich ``Text`` of this line (Rich is imported here, when a Rich console prints it)."""
        from rich.text import Span, Text

        return Text(self.plain, style=self.style, spans=[Span(*span) for span in self.spans])


def between_words(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """``text`` in lines of at most ``width``, broken only between words (``first`` and ``rest`` start the first
    and the other lines); a longer word, such as an address, is never split, so that it can be copied. Nor is a
    command (:func:`command_spans`): it moves to the next line whole."""
    lines = textwrap.wrap(
        glued(text),
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [line.replace(_GLUE, " ") for line in lines]


def hanging_indent(line: str) -> str:
    """Where an indented line (an item of a list in a message) goes on when wrapped: under its own text, two
    columns in; a line at column 0 goes on at column 0."""
    return " " * (len(line) - len(line.lstrip(" ")) + 2) if line.startswith(" ") else ""


def word_breaks(text: str, width: int) -> list[int]:
    """Where to start a new line of ``text`` (one line) so that no line is wider than ``width``: only before a
    word, never inside a command (:func:`command_spans`)."""
    breaks, start = [], 0
    for word in re.finditer(r"\S+", glued(text)):
        if word.end() - start > width and word.start() > start and text[start : word.start()].strip():
            breaks.append(start := word.start())
    return breaks


# --------------------------------------------------------------------------- commands stay whole

# A command in a hint ("Klaar? instapgids done behoefte --profile gemeente-x") is copied as a whole: broken over
# two lines, the first half fails or does something else. It is "instapgids", a command, then what looks like
# its arguments: options, ids and file names (with - . / _ = : < > or a digit), and an option's value.
_COMMAND = re.compile(
    r"\binstapgids (lots (?:show|list)|start|next|status|checklist|done|doing|undo|mails|profiles|systems"
    r"|contacts|journey|search|explain|validate|web)\b"
)
# The commands whose arguments are ids or words without a mark of their own ("instapgids done klantenfora").
_POSITIONAL = {"done", "doing", "undo", "lots show", "systems", "explain", "search"}
_WORD = re.compile(r"[\w<>-]+")
_TOKEN = re.compile(r" (\S+)")
_ARGUMENT = re.compile(r"-\S*|<[^\s>]+>|\S*[-./_=:<>0-9\\]\S*")
_VALUED = {"--profile", "-p", "-o", "--output", "--answers", "--export", "--lang", "--guide", "--data-dir", "--folder"}
_GLUE = "\ue000"  # a private-use character: never in a text we show; holds a command together while wrapping


def command_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names an instapgids command with its arguments, as (start, end); a quote, a parenthesis or
    a full stop after an argument ends it ("Met 'instapgids start --profile x' gaat u verder")."""
    spans = []
    for found in _COMMAND.finditer(text):
        end, value = found.end(), False
        positional = found.group(1) in _POSITIONAL
        while (token := _TOKEN.match(text, end)) is not None:
            word = token.group(1)
            bare = word.rstrip("'\".,;:)")
            plain = positional and _WORD.fullmatch(bare) is not None
            if not bare or bare[0] in "('\"" or not (value or plain or _ARGUMENT.fullmatch(bare)):
                break
            value, end = bare in _VALUED, token.end()
            if bare != word:
                break
        spans.append((found.start(), end))
    return spans


def glued(text: str) -> str:
    """``text`` with the spaces inside its commands replaced by one private character each (the same length):
    wrapped, a command is one word."""
    for start, end in reversed(command_spans(text)):
        text = text[:start] + text[start:end].replace(" ", _GLUE) + text[end:]
    return text
