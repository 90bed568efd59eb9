"""The personal checklist as JSON, in a documented, versioned schema (see docs/checklist-json.md)."""

from __future__ import annotations

import json
import re
from typing import Any

from instapgids.content.bundle import Content
from instapgids.engine.checklist import Checklist
from instapgids.presentation.words import contact_text, describe_reasons, document_text

SCHEMA_VERSION = 1
STATUS_CODES = {"open": "niet-gestart", "doing": "bezig", "done": "klaar", "blocked": "kan-nog-niet-starten"}


def checklist_data(content: Content, checklist: Checklist) -> dict[str, Any]:
    from instapgids import __version__

    g = content.guide.guide
    items = []
    for phase_view in checklist.phases:
        for step_view in phase_view.steps:
            for entry in step_view.items:
                item = entry.item
                items.append(
                    {
                        "id": item.id,
                        "title": item.title,
                        "details": list(entry.details),
                        "phase": {"number": phase_view.phase.number, "title": phase_view.phase.title},
                        "step": {"number": step_view.step.number, "title": step_view.step.title},
                        "status": STATUS_CODES[entry.status],
                        "done_by_answers": entry.done_by_answers,
                        "section": item.section,
                        "reasons": describe_reasons(content, checklist, entry),
                        "contacts": [
                            {
                                "name": c.name,
                                "email": c.email,
                                "phone": c.phone,
                                "url": c.url,
                                "text": contact_text(c),
                            }
                            for c in (content.contact_by_id[i] for i in item.contacts)
                        ],
                        "roles": [
                            {"right": line.right.name, "roles": [r.name for r in line.roles]} for line in entry.roles
                        ],
                        "documents": [
                            {"title": d.title, "url": d.url, "text": document_text(d)}
                            for d in (content.document_by_id[i] for i in item.documents)
                        ],
                        "waits_for": list(entry.waits_for),
                    }
                )
    kind = content.role_answer("organisation_kind", checklist.answers)
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"instapgids {__version__}",
        "guide": {"title": g.title, "version": g.version, "date": g.date},
        "organisation": {"name": checklist.organisation, "kind": kind if isinstance(kind, str) else None},
        "lots": [
            {"number": lot.number, "name": lot.name, "partners": [p.name for p in lot.partners]}
            for lot in checklist.lots
        ],
        "items": items,
    }


# json.dumps escapes C0 controls but leaves DEL, C1 controls and the line separators raw with
# ensure_ascii=False; they can only stand inside strings, where an escape means the same.
_RAW = re.compile("[\x7f-\x9f\u2028\u2029]")


def checklist_json(content: Content, checklist: Checklist) -> str:
    text = json.dumps(checklist_data(content, checklist), ensure_ascii=False, indent=2) + "\n"
    return _RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
