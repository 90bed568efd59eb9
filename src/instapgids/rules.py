"""The rules: interview answers → which questions apply, which lots, and the checklist.

Pure functions over the content and a plain ``answers`` mapping; no I/O, no
printing. Every item on the checklist says why it is there (the answers that
made its condition true) and whether it is already done.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from . import models as m
from .content import Content
from .errors import control_char, visible

AnswerValue = str | bool | list[str]
Answers = Mapping[str, AnswerValue]

ALWAYS = "Geldt voor elke nieuwe klant."


# --------------------------------------------------------------------------- conditions


@dataclass(frozen=True)
class Reason:
    """One answer (or a needed lot) that made a condition true."""

    question: str | None = None
    values: tuple[str, ...] = ()  # option values that matter; empty = the whole answer
    lot: int | None = None
    lot_count: bool = False
    supplier_count: bool = False


def needed_lots(content: Content, answers: Answers) -> list[int]:
    """The lot numbers brought in by the ticked options (``lots:`` in interview.yaml)."""
    lots: set[int] = set()
    for question in content.interview.questions:
        given = answers.get(question.id)
        chosen = given if isinstance(given, list) else [given] if isinstance(given, str) else []
        for option in question.options:
            if option.value in chosen:
                lots.update(option.lots)
    return sorted(lots)


def needed_suppliers(content: Content, lots: list[int]) -> list[str]:
    """The different suppliers of the needed lots, each as its partners' names (lots 1 and 3 are both Atos).

    A lot with several partners (lot 5) counts as one supplier: one of them gets the assignment.
    """
    found: list[str] = []
    for number in lots:
        lot = content.lot_by_number.get(number)
        name = " / ".join(p.name for p in lot.partners) if lot else f"perceel {number}"
        if name not in found:
            found.append(name)
    return found


def chosen_options(question: m.Question, given: AnswerValue | None) -> list[m.Option]:
    """The options of a select or checkbox question that this answer picks."""
    chosen = given if isinstance(given, list) else [given] if isinstance(given, str) else []
    return [o for o in question.options if o.value in chosen]


def outcome(content: Content, answers: Answers) -> list[str] | None:
    """The items of the outcome an answer leads to (``outcome:`` on an option), or None for a full checklist."""
    for question in active_questions(content, answers):
        for option in chosen_options(question, answers.get(question.id)):
            if option.outcome:
                return list(option.outcome)
    return None


def held(content: Content, answers: Answers) -> set[str]:
    """Systems, rights and roles the user says they already have (``holds:``)."""
    have: set[str] = set()
    for question in content.interview.questions:
        given = answers.get(question.id)
        chosen = given if isinstance(given, list) else [given] if isinstance(given, str) else []
        for option in question.options:
            if option.value in chosen:
                have.update(option.holds)
    return have


def evaluate(
    cond: m.Condition, answers: Answers, lots: list[int], suppliers: int | None = None
) -> tuple[bool, list[Reason]]:
    """Whether ``cond`` holds, and the reasons that make it hold.

    ``suppliers``: how many different suppliers the needed lots have (``needed_suppliers``);
    without it, every lot counts as its own supplier.
    """
    if cond.all is not None:
        results = [evaluate(c, answers, lots, suppliers) for c in cond.all]
        ok = all(r[0] for r in results)
        return ok, [reason for r in results for reason in r[1]] if ok else []
    if cond.any is not None:
        results = [evaluate(c, answers, lots, suppliers) for c in cond.any]
        return any(r[0] for r in results), [reason for r in results if r[0] for reason in r[1]]
    if cond.none is not None:
        ok = not any(evaluate(c, answers, lots, suppliers)[0] for c in cond.none)
        return ok, [Reason(question=q) for c in cond.none for q in referenced(c) if q in answers] if ok else []
    if cond.lot is not None:
        return cond.lot in lots, [Reason(lot=cond.lot)]
    if cond.lots_at_least is not None:
        return len(lots) >= cond.lots_at_least, [Reason(lot_count=True)]
    if cond.suppliers_at_least is not None:
        count = len(lots) if suppliers is None else suppliers
        return count >= cond.suppliers_at_least, [Reason(supplier_count=True)]
    assert cond.answer is not None
    given = answers.get(cond.answer)
    if cond.includes is not None:
        ok = isinstance(given, list) and cond.includes in given
        return ok, [Reason(question=cond.answer, values=(cond.includes,))]
    if cond.one_of is not None:
        return given in cond.one_of, [Reason(question=cond.answer)]
    return (given is not None and given == cond.equals), [Reason(question=cond.answer)]


def referenced(cond: m.Condition) -> list[str]:
    """The question ids a condition looks at, in order."""
    found: list[str] = []
    for child in [*(cond.all or []), *(cond.any or []), *(cond.none or [])]:
        found += [q for q in referenced(child) if q not in found]
    if cond.answer and cond.answer not in found:
        found.append(cond.answer)
    return found


def holds(cond: m.Condition | None, answers: Answers, lots: list[int], suppliers: int | None = None) -> bool:
    return cond is None or evaluate(cond, answers, lots, suppliers)[0]


# --------------------------------------------------------------------------- interview routing


def _ends_interview(question: m.Question, answers: Answers) -> bool:
    return any(o.outcome for o in chosen_options(question, answers.get(question.id)))


def active_questions(content: Content, answers: Answers) -> list[m.Question]:
    """The questions that apply to these answers, in interview order; none after an answer with an outcome."""
    lots = needed_lots(content, answers)
    active: list[m.Question] = []
    for question in content.interview.questions:
        if holds(question.when, answers, lots):
            active.append(question)
            if _ends_interview(question, answers):
                break
    return active


def applicable_answers(content: Content, answers: Answers) -> dict[str, AnswerValue]:
    """Only the answers whose question still applies (a changed answer may drop follow-ups)."""
    kept: dict[str, AnswerValue] = {}
    for question in content.interview.questions:
        lots = needed_lots(content, kept)
        if question.id in answers and holds(question.when, kept, lots):
            kept[question.id] = answers[question.id]
            if _ends_interview(question, kept):
                break
    return kept


def next_question(content: Content, answers: Answers) -> m.Question | None:
    """The first applicable question without an answer, or None when the interview is complete."""
    for question in active_questions(content, answers):
        if question.id not in answers:
            return question
    return None


# --------------------------------------------------------------------------- checklist


# open: not started; doing: the user started it; done: finished (by an answer or
# marked by the user); blocked: waits for an item that is not done yet.
Status = Literal["open", "doing", "done", "blocked"]
Progress = Mapping[str, str]  # item id -> "bezig" | "klaar", as the user marked it
PROGRESS_VALUES = ("bezig", "klaar")


@dataclass(frozen=True)
class RoleLine:
    """A right to ask for, with the roles under it that are needed."""

    right: m.Right
    roles: tuple[m.Role, ...]


@dataclass
class ChecklistItem:
    item: m.Item
    status: Status
    reasons: list[Reason]
    done_by_answers: bool = False  # done because of the interview answers (not by `instapgids done`)
    roles: list[RoleLine] = field(default_factory=list)
    waits_for: list[str] = field(default_factory=list)
    needed_by: list[str] = field(default_factory=list)  # for a request to the local administrator: who asked
    details: list[str] = field(default_factory=list)  # the item's details that apply to these answers


@dataclass
class StepView:
    step: m.Step
    items: list[ChecklistItem]


@dataclass
class PhaseView:
    phase: m.Phase
    steps: list[StepView]


@dataclass
class Checklist:
    organisation: str
    answers: dict[str, AnswerValue]
    lots: list[m.Lot]
    phases: list[PhaseView]

    def items(self) -> list[ChecklistItem]:
        return [i for p in self.phases for s in p.steps for i in s.items]


def _role_lines(content: Content, requests: list[tuple[str | None, str | None]]) -> list[RoleLine]:
    """Group requested rights/roles by right, in the order of roles.yaml."""
    wanted_rights: set[str] = set()
    wanted_roles: set[str] = set()
    for right_id, role_id in requests:
        if role_id is not None:
            right, _ = content.role_by_id[role_id]
            wanted_rights.add(right.id)
            wanted_roles.add(role_id)
        elif right_id is not None:
            wanted_rights.add(right_id)
    return [
        RoleLine(right, tuple(r for r in right.roles if r.id in wanted_roles))
        for right in content.roles_file.rights
        if right.id in wanted_rights
    ]


def build_checklist(content: Content, answers: Answers, progress: Progress | None = None) -> Checklist:
    """The personal checklist for these answers, with the progress the user marked."""
    progress = progress or {}
    answers = applicable_answers(content, answers)
    lots = needed_lots(content, answers)
    suppliers = len(needed_suppliers(content, lots))
    have = held(content, answers)
    only = outcome(content, answers)

    entries: list[tuple[m.Phase, m.Step, ChecklistItem]] = []
    for phase in content.journey.phases:
        for step in phase.steps:
            for item in step.items:
                if only is not None and item.id not in only:
                    continue
                applies, reasons = evaluate(item.when, answers, lots, suppliers) if item.when else (True, [])
                if not applies:
                    continue
                done, done_reasons = (
                    evaluate(item.done_when, answers, lots, suppliers) if item.done_when else (False, [])
                )
                entry = ChecklistItem(item, "done" if done else "open", done_reasons if done else reasons, done)
                entry.details = [
                    m.detail_text(d)
                    for d in item.details
                    if isinstance(d, str) or holds(d.when, answers, lots, suppliers)
                ]
                if not done:  # marked done or not, its rights still belong in its request
                    requests = [
                        (r.right, r.role)
                        for r in item.roles
                        if holds(r.when, answers, lots, suppliers) and (r.role or r.right) not in have
                    ]
                    entry.roles = _role_lines(content, requests)
                    if progress.get(item.id) == "klaar":
                        entry.status = "done"
                entries.append((phase, step, entry))

    # each request to the local administrator holds its own rights and roles and those of the items asked in it
    for _, _, gatherer in entries:
        if not gatherer.item.gathers_roles or gatherer.status == "done":
            continue
        asking = [e for _, _, e in entries if e.item.asked_in == gatherer.item.id and not e.done_by_answers]
        lines = [line for e in [gatherer, *asking] for line in e.roles]
        requests = [(line.right.id, role.id) for line in lines for role in line.roles]
        gatherer.roles = _role_lines(content, requests + [(line.right.id, None) for line in lines])
        gatherer.needed_by = [e.item.id for e in asking if e.roles]
        if not gatherer.roles:
            gatherer.status = "done"
            gatherer.done_by_answers = True

    open_ids = {e.item.id for _, _, e in entries if e.status != "done"}
    for _, _, entry in entries:
        if entry.status == "done":
            continue
        entry.waits_for = [i for i in entry.item.waits_for if i in open_ids]
        if progress.get(entry.item.id) == "bezig":
            entry.status = "doing"
        elif entry.waits_for:
            entry.status = "blocked"

    phases: list[PhaseView] = []
    for phase in content.journey.phases:
        steps = [StepView(step, [e for p, s, e in entries if s is step]) for step in phase.steps]
        phases.append(PhaseView(phase, [s for s in steps if s.items]))
    name = answers.get("org_name")
    return Checklist(
        # Control characters are refused where a text answer comes in; visible() is the second line of defence.
        organisation=visible(name) if isinstance(name, str) and name else "uw organisatie",
        answers=dict(answers),
        lots=[content.lot_by_number[n] for n in lots if n in content.lot_by_number],
        phases=[p for p in phases if p.steps],
    )


# --------------------------------------------------------------------------- wording

CHAR_NAMES = {"\t": "tab", "\n": "regeleinde", "\r": "regeleinde", "\x1b": "Esc", "\x00": "nulteken"}
CHAR_NAMES.update({"\x07": "belsignaal", "\u2028": "regelscheiding", "\u2029": "alineascheiding"})


def text_problem(value: str) -> str | None:
    """What makes a typed text unusable besides being empty, or None; the same words at the prompt and in a file.

    A text answer is one line of visible text: control characters (a tab, a line end, Esc, …), the
    Unicode line separators and the bidi controls are refused (see ``errors.control_char``).
    """
    char = control_char(value)
    if char is None:
        return None
    name = CHAR_NAMES.get(char, "richtingsteken" if "\u202a" <= char <= "\u2069" else "")
    return f"bevat een onzichtbaar stuurteken (U+{ord(char):04X}{', ' + name if name else ''}) dat hier niet mag"


def describe_answer(question: m.Question, value: AnswerValue, only: tuple[str, ...] = ()) -> str:
    """An answer as the user saw it: option labels, 'ja'/'nee', or the text."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if question.kind == "text":
        return str(value)
    chosen = value if isinstance(value, list) else [value]
    shown = [v for v in chosen if not only or v in only]
    labels = {o.value: o.label for o in question.options}
    return "; ".join(labels.get(v, v) for v in shown)


def describe_reasons(content: Content, checklist: Checklist, entry: ChecklistItem) -> list[str]:
    """Why an item is on the checklist (or why it is done), in Dutch, one line per answer."""
    if entry.item.gathers_roles and entry.done_by_answers and not entry.reasons:
        return ["U heeft alle rechten en rollen die u nodig heeft al."]
    if entry.item.gathers_roles and entry.needed_by:
        titles = [i.item.title for i in checklist.items() if i.item.id in entry.needed_by]
        return ["Nodig voor: " + "; ".join(titles) + "."]
    if entry.done_by_answers and entry.item.done_note:
        lines = [entry.item.done_note]
    elif not entry.reasons:
        return [ALWAYS]
    else:
        lines = []
    merged: dict[str, set[str]] = {}
    order: list[str] = []
    for reason in entry.reasons:
        if reason.lot is not None:
            key = f"lot:{reason.lot}"
        elif reason.lot_count:
            key = "lots"
        elif reason.supplier_count:
            key = "suppliers"
        else:
            assert reason.question is not None
            key = reason.question
        if key not in merged:
            merged[key] = set()
            order.append(key)
        merged[key].update(reason.values)
    for key in order:
        if key == "lots":
            names = ", ".join(f"{lot.number} ({lot.name})" for lot in checklist.lots)
            lines.append(f"U heeft meer dan één perceel nodig: {names}.")
        elif key == "suppliers":
            numbers = [lot.number for lot in checklist.lots]
            names = ", ".join(needed_suppliers(content, numbers))
            lines.append(f"U heeft diensten van meer dan één leverancier nodig: {names}.")
        elif key.startswith("lot:"):
            lot = content.lot_by_number[int(key[4:])]
            lines.append(f"U heeft perceel {lot.number} ({lot.name}) nodig.")
        elif (value := checklist.answers.get(key)) is not None:
            question = content.question_by_id[key]
            lines.append(f"{question.label}: {describe_answer(question, value, tuple(merged[key]))}")
    return lines or [ALWAYS]
