"""`instapgids mails` in the terminal: each mail with recipient, subject, body and a mailto: link.

The mail is Dutch (it goes to a Flemish service desk). In another language, the screen's own words are
in that language, and under each mail stands what it says in that language: to read, not to send.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.rule import Rule
from rich.text import Text

from instapgids.language import N_, _
from instapgids.presentation.mails import Draft, Reading
from instapgids.presentation.terminal.hanging import Hanging

IN_DUTCH = N_(
    "Elke mail is in het Nederlands, zoals de ontvanger ze verwacht; stuur ze zo. "
    "Onder elke mail staat wat ze zegt in uw taal."
)


def _recipient(draft: Draft) -> Hanging:
    """To whom: name and address, or how to find them."""
    to = Text(f"{draft.to_name} <{draft.to}>" if draft.to else draft.to_name)
    if draft.to_hint:
        to.append(f" ({draft.to_hint})", style="dim")
    return Hanging(Text(_("Aan: "), style="bold"), to)


def _reading(reading: Reading) -> list[RenderableType]:
    """The mail in the run's language, set apart under the Dutch one: for the sender, never sent."""
    label = Text(_("Deze mail in uw taal, om te lezen (niet om te versturen):"))
    label.stylize("bold italic")
    text = Text.assemble((_("Onderwerp: "), "bold"), reading.subject, "\n\n", reading.body.rstrip("\n"))
    return [Text(""), label, Hanging("    ", text)]  # indented, wrapped between words, no padding to the width


def mails_view(drafts: list[Draft], flag: str = "") -> list[tuple[RenderableType, bool]]:
    """The mails as (renderable, keep on one line) pairs.

    Everything wraps to the terminal except the mailto: links, which stay on one
    line so that they can be copied whole, and what is wrapped already (Hanging: between words, a command
    never broken).
    """
    if not drafts:
        none = _("U hoeft geen mails meer te sturen: de punten waarbij een mail hoort, zijn klaar of gelden niet.")
        return [(Text(none), False)]
    count = _("1 mail om te versturen") if len(drafts) == 1 else _("{count} mails om te versturen")
    parts: list[RenderableType] = [
        Text(count.format(count=len(drafts)), style="bold underline"),
        Hanging(  # wrapped between words, the command whole
            "",
            _("Vul de stukken tussen [ ] zelf in. Als bestanden: {command}").format(
                command=f"instapgids mails{flag} --export eml -o mails"
            ),
            style="dim",
        ),
    ]
    if any(d.reading for d in drafts):
        parts.append(Text(_(IN_DUTCH), style="dim"))
    links: list[Text] = []
    for draft in drafts:  # numbered as their .eml files (04-behoefte.eml is mail 4); the title wraps, never cut
        parts.append(Rule(style="cyan"))
        parts.append(Hanging(Text(f"{draft.number}. ", style="bold cyan"), draft.subject, style="bold cyan"))
        parts.append(_recipient(draft))
        parts.append(Hanging(Text(_("Onderwerp: "), style="bold"), draft.subject))
        parts.append(Text.assemble((_("Bij checklistpunt: "), "bold"), f"{draft.item} (§{draft.section})"))
        if draft.follows:
            late = _("een herinnering, want de mail hierboven kreeg al {days} werkdagen geen antwoord").format(
                days=draft.waited
            )
            parts.append(Hanging(Text(_("Opvolgen: "), style="bold yellow"), late))
        parts += [Text(""), Text(draft.body.rstrip("\n")), Text("")]
        link = Text.assemble((_("Link (kopieer in uw browser): "), "bold"), (draft.mailto, f"dim link {draft.mailto}"))
        links.append(link)
        parts.append(link)
        if draft.reading:
            parts += _reading(draft.reading)
    # a link, and what Hanging wrapped itself, go out as they are: Rich would crop a command wider than the screen
    return [(part, isinstance(part, Hanging) or any(part is link for link in links)) for part in parts]
