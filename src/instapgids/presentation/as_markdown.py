"""The personal checklist as GitHub-flavoured Markdown with task-list checkboxes."""

from __future__ import annotations

from instapgids.content.bundle import Content
from instapgids.engine.checklist import Checklist
from instapgids.language import _
from instapgids.presentation.items import EVERYONE, all_items, heading_lines, progress_counts, walk
from instapgids.presentation.words import NOTE, organisation_name


def _escape(text: str) -> str:
    """Keep user-typed text (the organisation's name) from becoming Markdown markup."""
    return "".join("\\" + char if char in "\\`*_{}[]<>()#+!|~&" else char for char in text)


def checklist_markdown(content: Content, checklist: Checklist) -> str:
    lines = ["# " + _("Checklist voor {name}").format(name=_escape(organisation_name(checklist))), ""]
    for label, value in heading_lines(content, checklist):
        lines.append(f"- **{label}:** {_escape(value) if label == _('Soort organisatie') else value}")
    done, total = progress_counts(checklist)
    lines += [
        "- **" + _("Voortgang:") + "** " + _("{done} van {total} punten klaar").format(done=done, total=total),
        "",
    ]
    phases = walk(content, checklist)
    if any(i.everyone for i in all_items(phases)):
        lines += [_(EVERYONE), ""]
    for phase_text in phases:
        phase = phase_text.phase
        lines += ["## " + _("Fase {number}: {title}").format(number=phase.number, title=phase.title), ""]
        for step_text in phase_text.steps:
            step = step_text.step
            lines += [
                "### "
                + _("Stap {number}: {title}").format(number=step.number, title=step.title)
                + f" (§{step.section})",
                "",
            ]
            for text in step_text.items:
                box = "x" if text.code == "done" else " "
                lines.append(f"- [{box}] **{text.title}** ({text.status}, id: `{text.id}`)")
                for detail in text.details:
                    lines.append(f"  - {detail}")
                for label, values in text.fields:
                    if len(values) == 1:
                        lines.append(f"  - *{label}:* {values[0]}")
                    else:
                        lines.append(f"  - *{label}:*")
                        lines += [f"    - {value}" for value in values]
            for note in step_text.notes:  # to keep in mind: no box, no id
                lines.append(f"> **{_(NOTE)}** {note.title} (§{note.entry.item.section})")
                lines += [f"> - {detail}" for detail in [*note.details, *note.reasons]]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
