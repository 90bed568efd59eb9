"""Terminal views of the glossary: one term explained, or the list of all terms."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from instapgids.content.bundle import Content
from instapgids.content.glossary import Term
from instapgids.language import _
from instapgids.presentation.terminal.hanging import Hanging
from instapgids.presentation.terminal.lots import cite, name_heading, source_line


def term_detail(content: Content, term: Term) -> RenderableType:
    parts = name_heading(term.term, term.section, term.aliases)
    parts.append(Text(term.short))
    if term.more:
        parts.append(Text(term.more))
    by_id = {t.id: t for t in content.glossary.terms}
    if term.see:
        see = ", ".join(by_id[i].term for i in term.see if i in by_id)
        parts.append(Text(_("Zie ook: {terms}").format(terms=see), style="dim"))
    return Group(*parts, source_line(content))


def terms_table(content: Content) -> RenderableType:
    table = Table(title=_("Woordenlijst"), title_justify="left")
    table.add_column(_("Term"), style="bold")
    table.add_column(_("Betekenis"))
    table.add_column(_("Gids"), no_wrap=True, style="dim")
    for term in sorted(content.glossary.terms, key=lambda t: t.term.casefold()):
        table.add_row(term.term, term.short, cite(term.section))
    hint = Text(_("Meer over één term: instapgids explain <term>"), style="dim")
    return Group(table, Hanging("", hint), source_line(content))


def unknown_term_message(term: str, near: list[Term]) -> str:
    if near:
        names = _(" of ").join(repr(t.term) for t in near)  # the word between two suggestions: "or"
        return _("'{term}' staat niet in de woordenlijst. Bedoelt u {names}?").format(term=term, names=names)
    return _("'{term}' staat niet in de woordenlijst. Alle termen: instapgids explain").format(term=term)
