"""The next step first (`instapgids next`, and after the interview): what to do now, progress, where the rest is."""

from __future__ import annotations

from dataclasses import replace

from instapgids.presentation.next_steps import Summary
from instapgids.presentation.terminal.checklist import item_lines, wrapped
from instapgids.presentation.terminal.line import Line
from instapgids.presentation.words import ALWAYS


def next_lines(summary: Summary, width: int, flag: str = "", intro: bool = True) -> list[Line]:
    """``flag``: the ``--profile`` option to repeat in the commands shown ("" for the standard profile)."""
    lines: list[Line] = []
    if summary.steps:
        if intro:
            lines.append(Line("Dit kunt u nu doen:", style="bold underline"))
        for step in summary.steps:
            lines.append(Line(""))
            text = step.text
            if text.everyone:  # here each item says why, also when it applies to every customer
                text = replace(text, fields=[*text.fields[:-1], ("Waarom", [ALWAYS]), *text.fields[-1:]])
            lines += item_lines(text, width, indent=0, fold=False)
            inner = " " * 4
            for mail in step.mails:
                to = f"{mail.to_name} <{mail.to}>" if mail.to else mail.to_name
                lines += wrapped(
                    f"aan {to}, onderwerp '{mail.subject}'; de tekst: instapgids mails{flag}",
                    width,
                    Line(inner) + Line("Mail: ", style="bold"),
                    inner + "      ",
                )
            lines += wrapped(
                f"instapgids done {step.text.id}{flag}", width, Line(inner) + Line("Klaar? ", style="bold"), inner
            )
        if summary.others:
            more = "ander punt kan" if summary.others == 1 else "andere punten kunnen"
            lines += [Line(""), Line(f"En {summary.others} {more} ook al starten.", style="dim")]
    elif summary.done == summary.total:
        lines.append(Line("Alles is klaar.", style="bold"))
    else:
        lines.append(Line("Niets kan nu starten: elk open punt wacht op een ander.", style="bold"))
    lines += [Line(""), Line("Voortgang:", style="bold")]
    for phase in summary.phases:
        lines += wrapped(
            f"{phase.done} van {phase.total} klaar", width, Line(f"  Fase {phase.number}: {phase.title} — "), "    "
        )
    lines += [Line(""), Line.assemble("De volledige checklist: ", (f"instapgids checklist{flag}", "bold"))]
    return lines
