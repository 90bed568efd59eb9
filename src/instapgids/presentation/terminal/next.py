"""The next step first (`instapgids next`, and after the interview): what to do now, progress, where the rest is."""

from __future__ import annotations

from dataclasses import replace

from instapgids.language import _
from instapgids.presentation.next_steps import Summary
from instapgids.presentation.terminal.checklist import item_lines, wrapped
from instapgids.presentation.terminal.line import Line
from instapgids.presentation.words import ALWAYS, reminder_words


def _overview(summary: Summary, width: int) -> list[Line]:
    """The steps by title, before each is written out: the first page (of a pager, of a 24-row screen) names
    every step."""
    if len(summary.steps) < 2:
        return []
    lines: list[Line] = []
    for number, step in enumerate(summary.steps, 1):
        lines += wrapped(f"{step.text.title} ({step.text.id})", width, Line(f"  {number}. "), "     ")
    return lines


def next_lines(summary: Summary, width: int, flag: str = "", intro: bool = True) -> list[Line]:
    """``flag``: the ``--profile`` option to repeat in the commands shown ("" for the standard profile)."""
    lines: list[Line] = []
    if summary.steps:
        if intro:
            lines.append(Line(_("Dit kunt u nu doen:"), style="bold underline"))
        lines += _overview(summary, width)
        for step in summary.steps:
            lines.append(Line(""))
            text = step.text
            if text.everyone:  # here each item says why, also when it applies to every customer
                text = replace(text, fields=[*text.fields[:-1], (_("Waarom"), [_(ALWAYS)]), *text.fields[-1:]])
            lines += item_lines(text, width, indent=0, fold=False)
            inner, label = " " * 4, _("Mail: ")
            for mail in step.mails:
                to = f"{mail.to_name} <{mail.to}>" if mail.to else mail.to_name
                lines += wrapped(
                    _("aan {to}, onderwerp '{subject}'{translated}; de tekst: {command}").format(
                        to=to,
                        subject=mail.subject,
                        translated=mail.translated_subject,
                        command=f"instapgids mails{flag}",
                    ),
                    width,
                    Line(inner) + Line(label, style="bold"),
                    inner + " " * len(label),  # the lines after the first start under the text, as long as the label
                )
            lines += wrapped(
                f"instapgids done {step.text.id}{flag}", width, Line(inner) + Line(_("Klaar? "), style="bold"), inner
            )
        if summary.others:
            more = _("En {count} ander punt kan ook al starten.") if summary.others == 1 else None
            more = more or _("En {count} andere punten kunnen ook al starten.")
            lines += [Line(""), Line(more.format(count=summary.others), style="dim")]
            lines.append(Line.assemble((_("Alles tonen: "), "dim"), (f"instapgids next --all{flag}", "bold")))
    elif summary.done == summary.total:
        lines.append(Line(_("Alles is klaar."), style="bold"))
    else:
        lines.append(Line(_("Niets kan nu starten: elk open punt wacht op een ander."), style="bold"))
    lines += _out_of_order_lines(summary, width)
    lines += [Line(""), Line(_("Voortgang:"), style="bold")]
    for phase in summary.phases:  # one text, wrapped as a whole: a long phase title does not push past the width
        counted = _("{done} van {total} klaar").format(done=phase.done, total=phase.total)
        named = _("Fase {number}: {title}").format(number=phase.number, title=phase.title)
        lines += wrapped(f"{named} — {counted}", width, "  ", "    ")
    label = _("De volledige checklist: ")
    return [*lines, Line(""), *wrapped(f"instapgids checklist{flag}", width, Line(label), "  ", "bold")]


def _out_of_order_lines(summary: Summary, width: int) -> list[Line]:
    """The items marked done while they still waited: said once more, so nobody forgets what was skipped."""
    done = [(text.title, text.id) for text in summary.out_of_order]
    return [Line(""), *out_of_order_lines(done, width)] if done else []


def out_of_order_lines(done: list[tuple[str, str]], width: int) -> list[Line]:
    """'Let op: <title> (id: <id>) is klaar, buiten de volgorde …' for each (title, id) (`next`, `status`)."""
    told = _("{title} (id: {id}) is klaar, buiten de volgorde: het wachtte nog op een ander punt.")
    lead = Line(_("Let op: "), style="yellow")
    return [line for title, item in done for line in wrapped(told.format(title=title, id=item), width, lead, "  ")]


def reminder_lines(count: int, command: str, width: int, indent: str = "") -> list[Line]:
    """'Opvolgen: 1 herinnering klaar: instapgids mails …' (`status`, `profiles`); nothing without reminders."""
    if not count:
        return []
    said = f"{reminder_words(count)}: {command}"
    return wrapped(said, width, Line(indent + _("Opvolgen: "), style="bold yellow"), indent + "  ")
