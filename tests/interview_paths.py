"""A systematic cover of the paths through the interview, for tests and benchmarks.

Every combination of answers is far too many (a dozen checkbox questions), so
the cover is:

1. all-pairs: every pair of answers to two different questions occurs in
   some path (greedy covering array, deterministic), where each select and
   yes/no question takes every value and each checkbox question takes every
   single option and "all options that can go together";
2. every combination of the two questions that decide the lots and the kinds
   of service (`needs` × `service_types`), the rest as in the first all-pairs
   path;
3. every combination of the questions about the kind of organisation and the
   optional systems (`org_kind` × `local_user_management` × `optional_systems`
   × `has_systems` none or all), whose procedures the guide distinguishes three
   ways.

Follow-up questions that a path does not ask are dropped, as the interview does.
"""

from __future__ import annotations

from itertools import chain, combinations

from instapgids.content.bundle import Content
from instapgids.content.questions import AnswerValue, Question
from instapgids.engine.routing import applicable_answers

Answers = dict[str, AnswerValue]


def domain(question: Question) -> list[AnswerValue]:
    """The answers the cover tries for one question."""
    if question.kind == "text":
        return ["Organisatie Test"]
    if question.kind == "confirm":
        return [True, False]
    values = [o.value for o in question.options]
    if question.kind == "select":
        return list(values)
    together = [o.value for o in question.options if not o.exclusive]
    singles: list[AnswerValue] = [[v] for v in values]
    return [*singles, together] if len(together) > 1 else singles


def all_subsets(question: Question) -> list[list[str]]:
    """Every non-empty combination of a checkbox question's options that can go together."""
    together = [o.value for o in question.options if not o.exclusive]
    alone = [[o.value] for o in question.options if o.exclusive]
    subsets = chain.from_iterable(combinations(together, n) for n in range(1, len(together) + 1))
    return [list(s) for s in subsets] + alone


def _gain(uncovered: set[tuple[int, int, int, int]], row: list[int | None], k: int, value: int) -> int:
    """How many uncovered pairs `value` for parameter k would cover together with the values already fixed."""
    pairs = [
        (k, value, other, fixed) if k < other else (other, fixed, k, value)
        for other, fixed in enumerate(row)
        if fixed is not None
    ]
    return sum(1 for pair in pairs if pair in uncovered)


def _pairwise(domains: list[list[AnswerValue]]) -> list[list[int]]:
    """A greedy all-pairs covering array: rows of value indexes, one per parameter."""
    uncovered = {
        (i, a, j, b)
        for i in range(len(domains))
        for j in range(i + 1, len(domains))
        for a in range(len(domains[i]))
        for b in range(len(domains[j]))
    }
    rows: list[list[int]] = []
    while uncovered:
        i, a, j, b = min(uncovered)
        row: list[int | None] = [None] * len(domains)
        row[i], row[j] = a, b
        for k in range(len(domains)):
            if row[k] is not None:
                continue

            row[k] = max(range(len(domains[k])), key=lambda value, k=k, row=row: _gain(uncovered, row, k, value))
        full = [v for v in row if v is not None]
        assert len(full) == len(domains)
        rows.append(full)
        uncovered -= {(p, full[p], q, full[q]) for p in range(len(domains)) for q in range(p + 1, len(domains))}
    return rows


def cover(content: Content) -> list[Answers]:
    """The paths of the cover, each a complete set of answers as the interview would save them."""
    questions = content.interview.questions
    domains = [domain(q) for q in questions]
    paths: list[Answers] = []
    seen: set[str] = set()

    def add(raw: Answers) -> None:
        answers = applicable_answers(content, raw)
        signature = repr(sorted(answers.items()))
        if signature not in seen:
            seen.add(signature)
            paths.append(answers)

    rows = _pairwise(domains)
    for row in rows:
        add({q.id: domains[n][v] for n, (q, v) in enumerate(zip(questions, row, strict=True))})
    base = dict(paths[0])
    base.update({q.id: domains[n][0] for n, q in enumerate(questions) if q.id not in base})
    needs, kinds = content.question_by_id["needs"], content.question_by_id["service_types"]
    for lots in all_subsets(needs):
        for service in all_subsets(kinds):
            add({**base, "needs": lots, "service_types": service})
    org = [domain(content.question_by_id[q]) for q in ("org_kind", "local_user_management")]
    for kind in org[0]:
        for local in org[1]:
            for wanted in all_subsets(content.question_by_id["optional_systems"]):
                for has in domain(content.question_by_id["has_systems"])[-2:]:  # none; all that go together
                    changes = {"org_kind": kind, "local_user_management": local, "optional_systems": wanted}
                    add({**base, **changes, "has_systems": has})
    return paths


def asked(content: Content, answers: Answers) -> list[str]:
    """The questions a path asks, in order."""
    return [q.id for q in content.interview.questions if q.id in answers]
