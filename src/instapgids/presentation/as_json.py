"""The personal checklist as JSON, in a documented, versioned schema (see docs/checklist-json.md)."""

from __future__ import annotations

import json
import re
from typing import Any

from instapgids.content.bundle import Content
from instapgids.content.journey import Phase, Step
from instapgids.engine.checklist import Checklist
from instapgids.presentation.items import ItemText, walk
from instapgids.presentation.words import contact_text, document_text

# 2: a finished item shows what the screen shows; 3: the statuses are the library's codes, `today` and per
# item `marked` (the dates of the progress), and notes apart from the items (docs/checklist-json.md)
SCHEMA_VERSION = 3


def _item_data(phase: Phase, step: Step, text: ItemText) -> dict[str, Any]:
    """One item as the walk decided it: a finished item has no details, contacts, roles or documents."""
    return {
        "id": text.id,
        "title": text.title,
        "details": list(text.details),
        "phase": {"number": phase.number, "title": phase.title},
        "step": {"number": step.number, "title": step.title},
        "status": text.code,  # "open", "doing", "done" or "blocked": the same words as the library
        "done_by_answers": text.entry.done_by_answers,
        "section": text.entry.item.section,
        "reasons": list(text.reasons),
        "contacts": [
            {"name": c.name, "email": c.email, "phone": c.phone, "url": c.url, "text": contact_text(c)}
            for c in text.contacts
        ],
        "roles": [{"right": line.right.name, "roles": [r.name for r in line.roles]} for line in text.roles],
        "documents": [{"title": d.title, "url": d.url, "text": document_text(d)} for d in text.documents],
        "waits_for": list(text.waits_for),
        "marked": {
            "started": text.entry.marked.started,
            "done": text.entry.marked.finished,
            "out_of_order": text.entry.marked.out_of_order,
        },
    }


def checklist_data(content: Content, checklist: Checklist) -> dict[str, Any]:
    from instapgids import __version__

    g = content.guide.guide
    phases = walk(content, checklist)
    items = [
        _item_data(phase.phase, step.step, text) for phase in phases for step in phase.steps for text in step.items
    ]
    notes = [
        {
            "title": text.title,
            "details": list(text.details),
            "reasons": list(text.reasons),
            "phase": {"number": phase.phase.number, "title": phase.phase.title},
            "step": {"number": step.step.number, "title": step.step.title},
            "section": text.entry.item.section,
        }
        for phase in phases
        for step in phase.steps
        for text in step.notes
    ]
    kind = content.role_answer("organisation_kind", checklist.answers)
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"instapgids {__version__}",
        "guide": {"title": g.title, "version": g.version, "date": g.date},
        "today": checklist.today.isoformat() if checklist.today else None,
        "organisation": {"name": checklist.organisation, "kind": kind if isinstance(kind, str) else None},
        "lots": [
            {"number": lot.number, "name": lot.name, "partners": [p.name for p in lot.partners]}
            for lot in checklist.lots
        ],
        "items": items,
        "notes": notes,  # things to keep in mind (schema 3): no id, no status, not among the items
    }


# json.dumps escapes C0 controls but leaves DEL, C1 controls and the line separators raw with
# ensure_ascii=False; they can only stand inside strings, where an escape means the same.
_RAW = re.compile("[\x7f-\x9f\u2028\u2029]")


def checklist_json(content: Content, checklist: Checklist) -> str:
    text = json.dumps(checklist_data(content, checklist), ensure_ascii=False, indent=2) + "\n"
    return _RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
