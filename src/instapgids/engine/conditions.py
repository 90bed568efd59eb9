"""Conditions on the answers: which lots and suppliers they bring in, and whether a condition holds.

Pure functions; a condition that holds also says why (:class:`Reason`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from instapgids.content import models as m
from instapgids.content.bundle import Content
from instapgids.content.questions import Answers, AnswerValue, Option, Question

# --------------------------------------------------------------------------- conditions


ReasonKind = Literal["answer", "lot", "lots", "suppliers", "request_for", "all_held"]


@dataclass(frozen=True)
class Reason:
    """Why a condition holds, as data: one answer, a needed lot, or the number of lots or suppliers.

    ``negated``: the condition holds because this is *not* so (a ``none:``): the answer was not given
    (the question may not have been asked), the lot is not needed, or there are fewer lots or suppliers.
    A request to the local administrator has its own reasons: ``items``, the ids of the items whose
    rights and roles it asks for (kind ``request_for``), or ``all_held``: the answers say the user
    holds every right and role it would ask for. The presentation layer turns a reason into words.
    """

    question: str | None = None
    values: tuple[str, ...] = ()  # option values that matter; empty = the whole answer
    lot: int | None = None
    lot_count: bool = False
    supplier_count: bool = False
    negated: bool = False
    items: tuple[str, ...] = ()  # request_for: the items a request asks rights and roles for
    all_held: bool = False

    @property
    def kind(self) -> ReasonKind:
        if self.items:
            return "request_for"
        if self.all_held:
            return "all_held"
        if self.lot is not None:
            return "lot"
        if self.lot_count:
            return "lots"
        if self.supplier_count:
            return "suppliers"
        return "answer"


def needed_lots(content: Content, answers: Answers) -> list[int]:
    """The lot numbers brought in by the ticked options (``lots:`` in interview.yaml)."""
    return sorted({number for option in all_chosen(content, answers) for number in option.lots})


def needed_suppliers(content: Content, lots: list[int]) -> list[str]:
    """The different suppliers of the needed lots, each as its partners' names (lots 1 and 3 are both Atos).

    A lot with several partners (lot 5) counts as one supplier: one of them gets the assignment. A lot
    that the content does not know (validated content knows every lot) is its number.
    """
    found: list[str] = []
    for number in lots:
        lot = content.lot_by_number.get(number)
        name = " / ".join(p.name for p in lot.partners) if lot else str(number)  # the presentation words it
        if name not in found:
            found.append(name)
    return found


def chosen_options(question: Question, given: AnswerValue | None) -> list[Option]:
    """The options of a select or checkbox question that this answer picks."""
    chosen = given if isinstance(given, list) else [given] if isinstance(given, str) else []
    return [o for o in question.options if o.value in chosen]


def all_chosen(content: Content, answers: Answers) -> list[Option]:
    """Every option these answers pick, question by question."""
    return [o for q in content.interview.questions for o in chosen_options(q, answers.get(q.id))]


def held(content: Content, answers: Answers) -> set[str]:
    """Systems, rights and roles the user says they already have (``holds:``)."""
    return {have for option in all_chosen(content, answers) for have in option.holds}


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
        if not ok:
            return False, []
        found = _why_not(cond.none, answers, lots, suppliers)
        said = [r for r in found if not (r.kind == "answer" and r.negated)]
        return True, said or found  # an unasked question is the reason only when nothing else is
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


def _why_not(conds: list[m.Condition], answers: Answers, lots: list[int], suppliers: int | None) -> list[Reason]:
    """The reasons of a ``none:`` that holds: for each part (none of which holds), what is *not* so.

    An answer that was given says itself; a question without an answer (not asked), a lot that is not
    needed, or a count of lots or suppliers that is not reached is a negated reason. Inside an ``all:``
    only the parts that fail count; a ``none:`` inside fails by what does hold, said as it is.
    """
    found: list[Reason] = []
    for cond in conds:
        found += [r for r in _why_this_not(cond, answers, lots, suppliers) if r not in found]
    return found


def _why_this_not(cond: m.Condition, answers: Answers, lots: list[int], suppliers: int | None) -> list[Reason]:
    """Why one condition that does not hold, does not hold."""
    if cond.all is not None:
        failing = [c for c in cond.all if not evaluate(c, answers, lots, suppliers)[0]]
        return _why_not(failing, answers, lots, suppliers)
    if cond.any is not None:
        return _why_not(cond.any, answers, lots, suppliers)
    if cond.none is not None:
        holding = [evaluate(c, answers, lots, suppliers) for c in cond.none]
        return [r for ok, reasons in holding if ok for r in reasons]
    if cond.lot is not None:
        return [Reason(lot=cond.lot, negated=True)]
    if cond.lots_at_least is not None:
        return [Reason(lot_count=True, negated=True)]
    if cond.suppliers_at_least is not None:
        return [Reason(supplier_count=True, negated=True)]
    if cond.answer is not None:
        return [Reason(question=cond.answer, negated=cond.answer not in answers)]
    return []


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
