"""One line of terminal text without Rich: its characters, a style for the whole line and styled stretches.

It holds what a Rich ``Text`` holds, and adds up as ``Text`` does, so that the same line printed through a
Rich console (a terminal, with colours) is the ``Text`` it always was; piped, only its characters are
written, and Rich (~15 ms to import) is not loaded at all (issue 10, speed).
"""

from __future__ import annotations

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
    and the other lines); a longer word, such as an address, is never split, so that it can be copied."""
    return textwrap.wrap(
        text, width, initial_indent=first, subsequent_indent=rest, break_long_words=False, break_on_hyphens=False
    )
