"""Terminal views of the glossary: one term explained, or the list of all terms."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from instapgids.content.bundle import Content
from instapgids.content.glossary import Term
from instapgids.presentation.terminal.lots import cite, name_heading, source_line


def term_detail(content: Content, term: Term) -> RenderableType:
    parts = name_heading(term.term, term.section, term.aliases)
    parts.append(Text(term.short))
    if term.more:
        parts.append(Text(term.more))
    by_id = {t.id: t for t in content.glossary.terms}
    if term.see:
        parts.append(Text("Zie ook: " + ", ".join(by_id[i].term for i in term.see if i in by_id), style="dim"))
    return Group(*parts, source_line(content))


def terms_table(content: Content) -> RenderableType:
    table = Table(title="Woordenlijst", title_justify="left")
    table.add_column("Term", style="bold")
    table.add_column("Betekenis")
    table.add_column("Gids", no_wrap=True, style="dim")
    for term in sorted(content.glossary.terms, key=lambda t: t.term.casefold()):
        table.add_row(term.term, term.short, cite(term.section))
    hint = Text("Meer over één term: instapgids explain <term>", style="dim")
    return Group(table, hint, source_line(content))


def unknown_term_message(term: str, near: list[Term]) -> str:
    if near:
        return f"'{term}' staat niet in de woordenlijst. Bedoelt u {' of '.join(repr(t.term) for t in near)}?"
    return f"'{term}' staat niet in de woordenlijst. Alle termen: instapgids explain"
