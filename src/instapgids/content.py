"""Loading the content: YAML files → validated models, or every problem with its place.

``load_content()`` reads each file of :data:`FILES`, checks it against its
model, then runs the cross-file checks of ``crosscheck.py``. Whatever is wrong
is raised at once as one :class:`ContentError`, each problem pointing at
``file:line:column`` and the field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import models as m
from .errors import ContentError, Problem
from .paths import data_dir
from .yamlsource import YamlProblem, format_path, load, locate

FILES: dict[str, type[BaseModel]] = {
    "guide.yaml": m.GuideFile,
    "lots.yaml": m.LotsFile,
    "journey.yaml": m.JourneyFile,
    "systems.yaml": m.SystemsFile,
    "roles.yaml": m.RolesFile,
    "contacts.yaml": m.ContactsFile,
    "documents.yaml": m.DocumentsFile,
    "interview.yaml": m.InterviewFile,
}

_MESSAGES = {
    "missing": "verplicht veld ontbreekt",
    "extra_forbidden": "onbekend veld",
    "string_type": "moet tekst zijn",
    "string_too_short": "mag niet leeg zijn",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "bool_type": "moet true of false zijn",
    "bool_parsing": "moet true of false zijn",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een mapping (sleutel: waarde) zijn",
    "model_type": "moet een mapping (sleutel: waarde) zijn",
    "model_attributes_type": "moet een mapping (sleutel: waarde) zijn",
    "none_required": "moet leeg zijn",
}


def _dutch(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "literal_error":
        return f"moet een van deze waarden zijn: {ctx.get('expected', '')}".replace(" or ", ", ")
    if kind == "string_pattern_mismatch":
        hints = {
            m.Id.__metadata__[0].pattern: "moet een id zijn: kleine letters, cijfers, '-' of '_'",  # type: ignore[attr-defined]
            m.SectionNo.__metadata__[0].pattern: "moet een sectienummer zijn, zoals \"6.2.1.3\"",  # type: ignore[attr-defined]
            m.Url.__metadata__[0].pattern: "moet een adres zijn dat begint met http:// of https://",  # type: ignore[attr-defined]
            m.Email.__metadata__[0].pattern: "moet een e-mailadres zijn",  # type: ignore[attr-defined]
        }
        return hints.get(ctx.get("pattern"), f"heeft niet de vorm {ctx.get('pattern')}")
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        return f"moet {'minstens' if kind == 'greater_than_equal' else 'hoogstens'} {bound} zijn"
    if kind == "too_short":
        return f"moet minstens {ctx.get('min_length')} element(en) hebben"
    if kind == "too_long":
        return f"mag hoogstens {ctx.get('max_length')} element(en) hebben"
    return _MESSAGES.get(kind, f"ongeldige waarde ({kind})")


def problems_from_validation(file: Path, raw: Any, exc: ValidationError) -> list[Problem]:
    """Turn pydantic's errors into problems at their place, merging a union's alternatives."""
    merged: dict[tuple[tuple[int, int], str], list[str]] = {}
    for error in exc.errors():
        is_key = error["type"] == "extra_forbidden"
        position, path = locate(raw, error["loc"], key=is_key)
        messages = merged.setdefault((position, format_path(path)), [])
        message = _dutch(error)
        if message not in messages:
            messages.append(message)
    return [
        Problem(file, line, column, path, " of ".join(messages))
        for ((line, column), path), messages in merged.items()
    ]


@dataclass
class Content:
    """All content, validated, with look-ups by id."""

    guide: m.GuideFile
    lots_file: m.LotsFile
    journey: m.JourneyFile
    systems_file: m.SystemsFile
    roles_file: m.RolesFile
    contacts_file: m.ContactsFile
    documents_file: m.DocumentsFile
    interview: m.InterviewFile
    directory: Path
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def lots(self) -> list[m.Lot]:
        return self.lots_file.lots

    @cached_property
    def lot_by_number(self) -> dict[int, m.Lot]:
        return {lot.number: lot for lot in self.lots}

    @cached_property
    def system_by_id(self) -> dict[str, m.System]:
        return {s.id: s for s in self.systems_file.systems}

    @cached_property
    def contact_by_id(self) -> dict[str, m.Contact]:
        return {c.id: c for c in self.contacts_file.contacts}

    @cached_property
    def document_by_id(self) -> dict[str, m.Document]:
        return {d.id: d for d in self.documents_file.documents}

    @cached_property
    def service_type_by_id(self) -> dict[str, m.ServiceType]:
        return {t.id: t for t in self.lots_file.service_types}

    @cached_property
    def right_by_id(self) -> dict[str, m.Right]:
        return {r.id: r for r in self.roles_file.rights}

    @cached_property
    def role_by_id(self) -> dict[str, tuple[m.Right, m.Role]]:
        return {role.id: (right, role) for right in self.roles_file.rights for role in right.roles}

    @cached_property
    def question_by_id(self) -> dict[str, m.Question]:
        return {q.id: q for q in self.interview.questions}

    @cached_property
    def section_by_number(self) -> dict[str, m.Section]:
        return {s.number: s for s in self.guide.sections}

    @cached_property
    def phase_by_id(self) -> dict[str, m.Phase]:
        return {p.id: p for p in self.journey.phases}

    def counts(self) -> dict[str, int]:
        steps = [s for p in self.journey.phases for s in p.steps]
        return {
            "percelen": len(self.lots),
            "fases": len(self.journey.phases),
            "stappen": len(steps),
            "checklistpunten": sum(len(s.items) for s in steps),
            "systemen": len(self.systems_file.systems),
            "rechten": len(self.roles_file.rights),
            "rollen": len(self.role_by_id),
            "contacten": len(self.contacts_file.contacts),
            "documenten": len(self.documents_file.documents),
            "vragen": len(self.interview.questions),
        }


def load_content(directory: Path | None = None) -> Content:
    """Load and validate every content file; raise :class:`ContentError` listing all problems."""
    from .crosscheck import crosscheck

    directory = directory or data_dir()
    problems: list[Problem] = []
    models: dict[str, BaseModel] = {}
    raws: dict[str, Any] = {}
    for name, model in FILES.items():
        path = directory / name
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            problems.append(Problem(path, 1, 1, "(bestand)", "bestand ontbreekt"))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(path, 1, 1, "(bestand)", f"kan het bestand niet lezen ({exc})"))
            continue
        try:
            raw = load(text)
        except YamlProblem as exc:
            problems.append(Problem(path, *exc.position, "(bestand)", exc.message))
            continue
        raws[name] = raw
        try:
            models[name] = model.model_validate(raw)
        except ValidationError as exc:
            problems.extend(problems_from_validation(path, raw, exc))
    if problems:
        raise ContentError(problems)
    content = Content(
        guide=models["guide.yaml"],  # type: ignore[arg-type]
        lots_file=models["lots.yaml"],  # type: ignore[arg-type]
        journey=models["journey.yaml"],  # type: ignore[arg-type]
        systems_file=models["systems.yaml"],  # type: ignore[arg-type]
        roles_file=models["roles.yaml"],  # type: ignore[arg-type]
        contacts_file=models["contacts.yaml"],  # type: ignore[arg-type]
        documents_file=models["documents.yaml"],  # type: ignore[arg-type]
        interview=models["interview.yaml"],  # type: ignore[arg-type]
        directory=directory,
        raw=raws,
    )
    found = crosscheck(content)
    if found:
        raise ContentError(found)
    return content

