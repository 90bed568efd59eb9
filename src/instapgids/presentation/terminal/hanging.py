"""A hanging indent for the look-ups: a lead (a bullet, a step's number, an indent) and a text after it.

When the text is wrapped, each further line starts under the text's first character, never at column 0,
so that a list stays a list at 80 columns (Rich's ``Text`` wraps every line to column 0); it breaks only
between words and never inside a command (``line.word_breaks``).
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from instapgids.presentation.terminal.line import word_breaks

# Never less room than this for the text itself, however long the lead.
NARROWEST = 20


class Hanging:
    """``lead`` and ``body`` on one line; the body's wrapped lines start as far in as the lead is wide."""

    def __init__(self, lead: str | Text, body: str | Text, style: str = "") -> None:
        self.lead = Text(lead) if isinstance(lead, str) else lead
        self.body = Text(body, style=style) if isinstance(body, str) else body

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = self.lead.cell_len
        room = max(NARROWEST, options.max_width - indent)
        wrapped = [
            part
            for line in self.body.split("\n", allow_blank=True)
            for part in line.divide(word_breaks(line.plain, room))
        ]
        for number, line in enumerate(wrapped):
            shown = (self.lead if number == 0 else Text(" " * indent)) + line
            shown.rstrip()
            # not broken again by Rich: a word (a command, an address) wider than the terminal runs on when printed
            # with soft_wrap=True; the terminal shows the rest on the next row, and a copy is one line
            shown.no_wrap, shown.overflow = True, "ignore"
            yield shown

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        indent = self.lead.cell_len
        longest = max((len(word) for word in self.body.plain.split()), default=0)
        return Measurement(indent + min(longest, NARROWEST), indent + self.body.cell_len)
