"""`instapgids mails` in the terminal: each mail with recipient, subject, body and a mailto: link."""

from __future__ import annotations

from rich.console import RenderableType
from rich.rule import Rule
from rich.text import Text

from instapgids.presentation.mails import Draft


def mails_view(drafts: list[Draft]) -> list[tuple[RenderableType, bool]]:
    """The mails as (renderable, keep on one line) pairs.

    Everything wraps to the terminal except the mailto: links, which stay on one
    line so that they can be copied whole.
    """
    if not drafts:
        none = "U hoeft geen mails meer te sturen: de punten waarbij een mail hoort, zijn klaar of gelden niet."
        return [(Text(none), False)]
    count = "1 mail" if len(drafts) == 1 else f"{len(drafts)} mails"
    parts: list[RenderableType] = [
        Text(f"{count} om te versturen", style="bold underline"),
        Text("Vul de stukken tussen [ ] zelf in. Als bestanden: instapgids mails --export eml -o mails", style="dim"),
    ]
    links: list[Text] = []
    for n, draft in enumerate(drafts, 1):
        parts.append(Rule(Text(f"{n}. {draft.subject}", style="bold cyan"), align="left", style="cyan"))
        to = Text("Aan: ", style="bold")
        to.append(f"{draft.to_name} <{draft.to}>" if draft.to else draft.to_name)
        if draft.to_hint:
            to.append(f" ({draft.to_hint})", style="dim")
        parts.append(to)
        parts.append(Text.assemble(("Onderwerp: ", "bold"), draft.subject))
        parts.append(Text.assemble(("Bij checklistpunt: ", "bold"), f"{draft.item} (§{draft.section})"))
        parts += [Text(""), Text(draft.body.rstrip("\n")), Text("")]
        link = Text.assemble(("Link (kopieer in uw browser): ", "bold"), (draft.mailto, f"dim link {draft.mailto}"))
        links.append(link)
        parts.append(link)
    return [(part, any(part is link for link in links)) for part in parts]
