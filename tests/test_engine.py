"""The rules engine on a tiny synthetic content (tests/engine_content), smart-answers style.

Given these answers: this next question; these items in this order with these statuses; these
reasons (as data and as the words the user reads); these waits; these roles in each request.
The content is small enough to know every answer by heart, and uses every form the engine knows:
text, select, checkbox and confirm questions, an exclusive option, ``lots:``, ``holds:`` and
``outcome:``; three lots of which two have the same supplier and one has two partners; every
condition form; ``done_when`` with a ``done_note``; ``waits_for``; a request that gathers the roles
of the items asked in it; details with their own ``when``; a step and a phase that can end up empty.

These tests are what the mutation run of the engine uses (see README, "Ontwikkeling"), so they are
fast and each one pins down what a user would see.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from instapgids.content.load import load_content
from instapgids.content.questions import text_problem
from instapgids.engine.checklist import Checklist, ChecklistItem, build_checklist
from instapgids.engine.conditions import Answers, Reason, evaluate, held, needed_lots, needed_suppliers, referenced
from instapgids.engine.routing import applicable_answers, next_question, outcome
from instapgids.presentation.words import ALWAYS, describe_answer, describe_reasons, organisation_name

from conftest import ROOT, Result

ENGINE = ROOT / "tests" / "engine_content"
CONTENT = load_content(ENGINE, use_cache=False)
Q = CONTENT.question_by_id

# --------------------------------------------------------------------------- the users

# Every scenario is a finished interview (checked below): each question that applies has an answer.
SCENARIOS: dict[str, dict[str, Any]] = {
    # a government service that needs lot 1 only and has nothing yet
    "overheid": {"org_name": "Dienst Proef", "scope": "ja", "org_kind": "overheid", "needs": ["integratie"],
                 "has": ["geen"]},
    # a local government that has not checked its scope, needs lots 2 and 3 (two suppliers), holds the basic role
    "lokaal": {"org_name": "Gemeente Proef", "scope": "nee", "org_kind": "lokaal", "needs": ["netwerk", "cloud"],
               "cloud_managed": False, "has": ["basis"], "local_admin": False},
    # another organisation with lots 1 and 3 (one supplier, Alfa), a managed cloud, that holds everything
    "andere": {"org_name": "Vzw Proef", "scope": "ja", "org_kind": "andere", "needs": ["integratie", "cloud"],
               "cloud_managed": True, "has": ["basis", "dwh"]},
    # someone who does not know yet what they need
    "weet-niet": {"org_name": "Agentschap Proef", "scope": "ja", "org_kind": "overheid", "needs": ["weet-niet"],
                  "has": ["geen"]},
    # idem, holding the basic role: nobody asks for anything, so the request is done by the answers
    "weet-niet-basis": {"org_name": "Agentschap Proef", "scope": "ja", "org_kind": "overheid",
                        "needs": ["weet-niet"], "has": ["basis"]},
    # a government service with lots 1 and 2 (two suppliers) and its own local administrator
    "netwerk": {"org_name": "Dienst Net", "scope": "nee", "org_kind": "overheid", "needs": ["integratie", "netwerk"],
                "has": ["geen"], "local_admin": True},
    # none of the needs on offer: a checkbox option with an outcome ends the interview
    "niets": {"org_name": "Proef Niets", "scope": "ja", "org_kind": "overheid", "needs": ["niets"]},
    # outside the scope: the interview ends at once
    "buiten": {"org_name": "Vzw Buiten", "scope": "buiten"},
}  # fmt: skip


def checklist(name: str, progress: dict[str, str] | None = None) -> Checklist:
    return build_checklist(CONTENT, SCENARIOS[name], progress or {})


def entry(found: Checklist, item_id: str) -> ChecklistItem:
    matches = [e for e in found.items() if e.item.id == item_id]
    assert len(matches) == 1, (item_id, [e.item.id for e in found.items()])
    return matches[0]


def statuses(found: Checklist) -> list[tuple[str, str]]:
    return [(e.item.id, e.status) for e in found.items()]


def requests(e: ChecklistItem) -> list[tuple[str, list[str]]]:
    return [(line.right.id, [role.id for role in line.roles]) for line in e.roles]


def test_the_synthetic_content_passes_validate(cli: Callable[..., Result]) -> None:
    """The loader and the cross-file checks accept it, as `instapgids validate --data-dir` does."""
    result = cli("validate", "--data-dir", str(ENGINE))
    assert result.code == 0, result.text
    assert "18 checklistpunten" in result.text and "7 vragen" in result.text


@pytest.mark.parametrize("name", SCENARIOS)
def test_every_scenario_is_a_finished_interview(name: str) -> None:
    assert next_question(CONTENT, SCENARIOS[name]) is None
    assert applicable_answers(CONTENT, SCENARIOS[name]) == SCENARIOS[name]


# --------------------------------------------------------------------------- routing: which question next

BASE = {"org_name": "Proef", "scope": "ja", "org_kind": "overheid"}

ROUTES: list[tuple[dict[str, Any], str | None]] = [
    ({}, "org_name"),
    ({"org_name": "Proef"}, "scope"),
    ({"org_name": "Proef", "scope": "buiten"}, None),  # an outcome ends the interview
    ({"org_name": "Proef", "scope": "buiten", "org_kind": "overheid"}, None),
    ({"org_name": "Proef", "scope": "nee"}, "org_kind"),
    (BASE, "needs"),
    ({**BASE, "has": ["geen"]}, "needs"),  # an answer given out of order does not skip a question
    ({**BASE, "needs": ["integratie"]}, "has"),
    ({**BASE, "needs": ["cloud"]}, "cloud_managed"),  # `includes` brings in a follow-up
    ({**BASE, "needs": ["integratie", "cloud"]}, "cloud_managed"),
    ({**BASE, "needs": ["cloud"], "cloud_managed": False}, "has"),
    ({**BASE, "needs": ["integratie"], "has": ["geen"]}, None),
    ({**BASE, "needs": ["netwerk"], "has": ["geen"]}, "local_admin"),  # `lot: 2` brings in a follow-up
    ({**BASE, "org_kind": "lokaal", "needs": ["integratie"], "has": ["geen"]}, "local_admin"),  # or `equals`
    ({**BASE, "org_kind": "andere", "needs": ["integratie"], "has": ["geen"]}, None),
    ({**BASE, "needs": ["weet-niet"], "has": ["geen"]}, None),
    ({**BASE, "needs": ["niets"]}, None),  # an outcome on a checkbox option
]


@pytest.mark.parametrize(("answers", "expected"), ROUTES, ids=[str(i) for i in range(len(ROUTES))])
def test_next_question(answers: dict[str, Any], expected: str | None) -> None:
    found = next_question(CONTENT, answers)
    assert (found.id if found else None) == expected


CHANGES: list[tuple[dict[str, Any], dict[str, Any]]] = [
    # a changed answer drops the follow-ups it no longer brings in
    ({**SCENARIOS["lokaal"], "needs": ["integratie"]},
     {**BASE, "org_name": "Gemeente Proef", "scope": "nee", "org_kind": "lokaal", "needs": ["integratie"],
      "has": ["basis"], "local_admin": False}),
    ({**SCENARIOS["netwerk"], "needs": ["integratie"]},
     {"org_name": "Dienst Net", "scope": "nee", "org_kind": "overheid", "needs": ["integratie"], "has": ["geen"]}),
    ({**SCENARIOS["netwerk"], "needs": ["niets"]},
     {"org_name": "Dienst Net", "scope": "nee", "org_kind": "overheid", "needs": ["niets"]}),
    # an outcome drops every answer after it
    ({**SCENARIOS["overheid"], "scope": "buiten"}, {"org_name": "Dienst Proef", "scope": "buiten"}),
    # answers to unknown questions are not kept; unanswered questions do not appear
    ({"org_name": "Proef", "unknown": "x", "needs": ["cloud"]}, {"org_name": "Proef", "needs": ["cloud"]}),
    # a follow-up answered before the answer that brings it in is kept once that answer is there
    ({"cloud_managed": True, "needs": ["cloud"]}, {"needs": ["cloud"], "cloud_managed": True}),
    ({"cloud_managed": True}, {}),
]  # fmt: skip


@pytest.mark.parametrize(("answers", "kept"), CHANGES, ids=[str(i) for i in range(len(CHANGES))])
def test_applicable_answers(answers: dict[str, Any], kept: dict[str, Any]) -> None:
    assert applicable_answers(CONTENT, answers) == kept
    assert list(applicable_answers(CONTENT, answers)) == [q.id for q in CONTENT.interview.questions if q.id in kept]


# --------------------------------------------------------------------------- the checklist: items and statuses

ITEMS: dict[str, list[tuple[str, str]]] = {
    "overheid": [("welkom", "open"), ("klantbereik", "done"), ("integratie", "open"), ("breed", "open"),
                 ("aanvraag", "open"), ("indienen", "open"), ("dwh-toegang", "open"), ("controleren", "blocked")],
    "lokaal": [("welkom", "open"), ("klantbereik", "open"), ("lokaal-info", "open"), ("meer-percelen", "open"),
               ("hoofdaannemer", "open"), ("cloud-beheer", "open"), ("breed", "open"), ("zonder-beheerder", "open"),
               ("aanvraag", "blocked"), ("indienen", "open"), ("controleren", "blocked"), ("cloud-toegang", "open")],
    "andere": [("welkom", "open"), ("klantbereik", "done"), ("lokaal-info", "open"), ("integratie", "done"),
               ("meer-percelen", "done"), ("zonder-beheerder", "open"), ("aanvraag", "open"), ("indienen", "open"),
               ("dwh-toegang", "done"), ("controleren", "blocked"), ("cloud-toegang", "open"),
               ("cloud-exploitatie", "blocked")],
    "weet-niet": [("welkom", "open"), ("klantbereik", "done"), ("behoefte-helpen", "open"), ("breed", "open"),
                  ("aanvraag", "blocked"), ("controleren", "blocked")],
    "weet-niet-basis": [("welkom", "open"), ("klantbereik", "done"), ("behoefte-helpen", "open"), ("breed", "open"),
                        ("aanvraag", "done"), ("controleren", "open")],
    "netwerk": [("welkom", "open"), ("klantbereik", "open"), ("integratie", "open"), ("meer-percelen", "open"),
                ("hoofdaannemer", "open"), ("breed", "open"), ("aanvraag", "blocked"), ("indienen", "open"),
                ("dwh-toegang", "open"), ("controleren", "blocked")],
    "niets": [("ander-aanbod", "open")],
    "buiten": [("buiten-klantbereik", "open")],
}  # fmt: skip


@pytest.mark.parametrize("name", ITEMS)
def test_items_in_order_with_their_status(name: str) -> None:
    assert statuses(checklist(name)) == ITEMS[name]


STRUCTURE: dict[str, list[tuple[str, list[str]]]] = {
    # a step without items (stap-cloud) and a phase without steps (fase-c) are left out
    "overheid": [("fase-a", ["stap-begin", "stap-percelen"]), ("fase-b", ["stap-toegang"])],
    "andere": [("fase-a", ["stap-begin", "stap-percelen"]), ("fase-b", ["stap-toegang", "stap-cloud"]),
               ("fase-c", ["stap-later"])],
    "buiten": [("fase-a", ["stap-begin"])],
    "niets": [("fase-a", ["stap-percelen"])],
}  # fmt: skip


@pytest.mark.parametrize("name", STRUCTURE)
def test_only_phases_and_steps_with_items_are_shown(name: str) -> None:
    found = checklist(name)
    assert [(p.phase.id, [s.step.id for s in p.steps]) for p in found.phases] == STRUCTURE[name]
    assert all(s.items for p in found.phases for s in p.steps)


@pytest.mark.parametrize(
    ("name", "organisation", "lots"),
    [
        ("overheid", "Dienst Proef", [1]),
        ("lokaal", "Gemeente Proef", [2, 3]),
        ("andere", "Vzw Proef", [1, 3]),
        ("weet-niet", "Agentschap Proef", []),
        ("buiten", "Vzw Buiten", []),
        ("netwerk", "Dienst Net", [1, 2]),
        ("niets", "Proef Niets", []),
    ],
)
def test_heading_and_lots(name: str, organisation: str, lots: list[int]) -> None:
    found = checklist(name)
    assert found.organisation == organisation
    assert [lot.number for lot in found.lots] == lots
    assert found.answers == SCENARIOS[name]


@pytest.mark.parametrize(
    ("answers", "organisation"),
    [
        ({}, None),  # no user text in the engine: the presentation says "uw organisatie"
        ({"org_name": ""}, None),
        ({"org_name": "A\x1bB"}, "A\\x1bB"),  # a control character is shown, never sent to the terminal
    ],
)
def test_organisation_without_a_usable_name(answers: dict[str, Any], organisation: str | None) -> None:
    found = build_checklist(CONTENT, answers)
    assert found.organisation == organisation
    assert organisation_name(found) == (organisation or "uw organisatie")


# --------------------------------------------------------------------------- reasons, as data

REASONS: list[tuple[str, str, list[Reason]]] = [
    ("overheid", "welkom", []),
    ("overheid", "klantbereik", [Reason(question="scope")]),  # done: the reasons of done_when
    ("lokaal", "klantbereik", [Reason(question="scope")]),  # open: the reasons of when
    ("overheid", "integratie", [Reason(lot=1)]),
    ("andere", "integratie", [Reason(lot=3)]),  # done by its done_when
    ("andere", "meer-percelen", [Reason(supplier_count=True, negated=True)]),  # done by a none of a count
    ("lokaal", "meer-percelen", [Reason(lot_count=True)]),
    ("lokaal", "hoofdaannemer", [Reason(supplier_count=True)]),
    ("lokaal", "lokaal-info", [Reason(question="org_kind")]),
    # all: the reasons of every part; includes: only the ticked option that matters
    ("lokaal", "cloud-beheer", [Reason(question="needs", values=("cloud",)), Reason(question="cloud_managed")]),
    # any: only the parts that hold
    ("overheid", "breed", [Reason(question="org_kind")]),
    ("lokaal", "breed", [Reason(question="needs", values=("netwerk",))]),
    ("netwerk", "breed", [Reason(question="org_kind"), Reason(question="needs", values=("netwerk",))]),
    # none: the questions it looks at, in order; an unasked one is a negated reason
    ("lokaal", "zonder-beheerder", [Reason(question="local_admin"), Reason(question="org_kind")]),
    ("andere", "zonder-beheerder", [Reason(question="org_kind")]),
    ("andere", "dwh-toegang", [Reason(question="has", values=("dwh",))]),
    ("andere", "cloud-toegang", [Reason(lot=3)]),
    ("andere", "indienen", [Reason(question="needs")]),
    ("andere", "cloud-exploitatie", [Reason(question="cloud_managed")]),
    ("buiten", "buiten-klantbereik", [Reason(question="scope")]),
    ("niets", "ander-aanbod", [Reason(question="needs", values=("niets",))]),
]


@pytest.mark.parametrize(("name", "item", "reasons"), REASONS, ids=[f"{n}-{i}" for n, i, _ in REASONS])
def test_reasons(name: str, item: str, reasons: list[Reason]) -> None:
    assert entry(checklist(name), item).reasons == reasons


@pytest.mark.parametrize(
    ("name", "done"),
    [
        ("overheid", ["klantbereik"]),
        ("andere", ["klantbereik", "integratie", "meer-percelen", "dwh-toegang"]),
        ("weet-niet-basis", ["klantbereik", "aanvraag"]),
        ("lokaal", []),
    ],
)
def test_done_by_the_answers(name: str, done: list[str]) -> None:
    # every other item is False, never None: the JSON export gives "done_by_answers" as it is
    found = [(e.item.id, e.done_by_answers) for e in checklist(name).items()]
    assert [i for i, by_answers in found if by_answers] == done
    assert found == [(i, i in done) for i, _ in found]


# --------------------------------------------------------------------------- waits, requests, details

WAITS: list[tuple[str, str, list[str]]] = [
    ("overheid", "aanvraag", []),  # klantbereik is done, behoefte-helpen is not on this checklist
    ("overheid", "controleren", ["aanvraag"]),
    ("lokaal", "aanvraag", ["klantbereik"]),
    ("weet-niet", "aanvraag", ["behoefte-helpen"]),
    ("weet-niet-basis", "controleren", []),  # the request is done by the answers
    ("andere", "cloud-exploitatie", ["cloud-toegang"]),
    ("andere", "dwh-toegang", []),  # done: waits for nothing
]


@pytest.mark.parametrize(("name", "item", "waits"), WAITS, ids=[f"{n}-{i}" for n, i, _ in WAITS])
def test_waits_for(name: str, item: str, waits: list[str]) -> None:
    assert entry(checklist(name), item).waits_for == waits


REQUESTS: list[tuple[str, str, list[tuple[str, list[str]]], list[str]]] = [
    # the request holds its own role and those of the items asked in it, in the order of roles.yaml
    ("overheid", "aanvraag", [("portaal-recht", ["rol-basis", "rol-indiener"]), ("dwh-recht", [])],
     ["indienen", "dwh-toegang"]),
    ("overheid", "indienen", [("portaal-recht", ["rol-indiener"])], []),
    ("overheid", "dwh-toegang", [("dwh-recht", [])], []),
    # a held role is not asked again; a role with its own `when`
    ("lokaal", "aanvraag", [("portaal-recht", ["rol-indiener", "rol-goedkeurder"])], ["indienen"]),
    ("lokaal", "indienen", [("portaal-recht", ["rol-indiener", "rol-goedkeurder"])], []),
    # an item done by the answers asks for nothing
    ("andere", "aanvraag", [("portaal-recht", ["rol-indiener"])], ["indienen"]),
    ("andere", "dwh-toegang", [], []),
    ("weet-niet", "aanvraag", [("portaal-recht", ["rol-basis"])], []),
    ("weet-niet-basis", "aanvraag", [], []),
    # two suppliers bring in the approver; two lots the reports role
    ("netwerk", "aanvraag", [("portaal-recht", ["rol-basis", "rol-indiener", "rol-goedkeurder"]),
                             ("dwh-recht", ["rapporten"])], ["indienen", "dwh-toegang"]),
    ("netwerk", "indienen", [("portaal-recht", ["rol-indiener", "rol-goedkeurder"])], []),
    ("netwerk", "dwh-toegang", [("dwh-recht", ["rapporten"])], []),
]  # fmt: skip


@pytest.mark.parametrize(("name", "item", "roles", "needed_by"), REQUESTS, ids=[f"{r[0]}-{r[1]}" for r in REQUESTS])
def test_roles_and_who_needs_them(
    name: str, item: str, roles: list[tuple[str, list[str]]], needed_by: list[str]
) -> None:
    found = entry(checklist(name), item)
    assert requests(found) == roles
    assert found.needed_by == needed_by
    assert item not in found.needed_by
    if needed_by:  # the request's reason is data: the items it asks for (words.py says "Nodig voor: …")
        assert found.reasons == [Reason(items=tuple(needed_by))]
        assert found.reasons[0].kind == "request_for"


def test_a_request_with_nothing_left_to_ask_is_done_because_everything_is_held() -> None:
    found = entry(checklist("weet-niet-basis"), "aanvraag")
    assert (found.status, found.done_by_answers) == ("done", True)
    assert [r.kind for r in found.reasons] == ["all_held"]


DETAILS: list[tuple[str, list[str]]] = [
    ("overheid", ["Lees de proefgids helemaal."]),
    ("lokaal", ["Lees de proefgids helemaal.", "Als lokaal bestuur meldt u zich ook bij de gemeente.",
                "Vraag ook naar het netwerk.", "Spreek af welke leverancier hoofdaannemer is."]),
    ("netwerk", ["Lees de proefgids helemaal.", "Vraag ook naar het netwerk.",
                 "Spreek af welke leverancier hoofdaannemer is."]),
    ("andere", ["Lees de proefgids helemaal."]),  # two lots, but one supplier
]  # fmt: skip


@pytest.mark.parametrize(("name", "details"), DETAILS)
def test_details_with_their_own_condition(name: str, details: list[str]) -> None:
    assert entry(checklist(name), "welkom").details == details


def test_outcome_keeps_only_its_items() -> None:
    assert outcome(CONTENT, SCENARIOS["buiten"]) == ["buiten-klantbereik"]
    assert outcome(CONTENT, SCENARIOS["overheid"]) is None
    # answers after the outcome do not count, even when given
    found = build_checklist(CONTENT, {**SCENARIOS["overheid"], "scope": "buiten"})
    assert statuses(found) == [("buiten-klantbereik", "open")]
    assert found.answers == {"org_name": "Dienst Proef", "scope": "buiten"}
    assert found.lots == []
    assert outcome(CONTENT, SCENARIOS["niets"]) == ["ander-aanbod"]


# --------------------------------------------------------------------------- progress marked by the user

PROGRESS: list[tuple[str, dict[str, str], dict[str, str]]] = [
    # marking the request done releases the item that waits for it
    ("overheid", {"aanvraag": "done"}, {"aanvraag": "done", "controleren": "open"}),
    # started: doing, even while it still waits
    ("overheid", {"controleren": "doing"}, {"controleren": "doing"}),
    ("overheid", {"integratie": "doing"}, {"integratie": "doing"}),
    ("overheid", {"integratie": "done"}, {"integratie": "done"}),
    # a mark on an item done by the answers changes nothing
    ("overheid", {"klantbereik": "doing"}, {"klantbereik": "done"}),
    # an unknown mark changes nothing
    ("overheid", {"integratie": "later"}, {"integratie": "open"}),
    ("lokaal", {"klantbereik": "done"}, {"klantbereik": "done", "aanvraag": "open", "controleren": "blocked"}),
    ("lokaal", {"klantbereik": "doing"}, {"klantbereik": "doing", "aanvraag": "blocked"}),
    ("andere", {"cloud-toegang": "done"}, {"cloud-toegang": "done", "cloud-exploitatie": "open"}),
    ("weet-niet", {"behoefte-helpen": "done"}, {"behoefte-helpen": "done", "aanvraag": "open"}),
]


@pytest.mark.parametrize(("name", "progress", "changed"), PROGRESS, ids=[str(i) for i in range(len(PROGRESS))])
def test_progress(name: str, progress: dict[str, str], changed: dict[str, str]) -> None:
    expected = [(i, changed.get(i, status)) for i, status in ITEMS[name]]
    assert statuses(checklist(name, progress)) == expected


def test_startable_is_what_is_in_progress_then_what_can_start_in_guide_order() -> None:
    """What `next`, `status` and `profiles` offer first: never what is done or still waits."""
    found = checklist("netwerk", {"breed": "doing", "klantbereik": "done", "meer-percelen": "doing"})
    in_progress = ["meer-percelen", "breed"]  # in guide order
    can_start = ["welkom", "integratie", "hoofdaannemer", "aanvraag", "indienen", "dwh-toegang"]
    # klantbereik is done; controleren still waits for aanvraag
    assert [e.item.id for e in found.startable()] == in_progress + can_start
    assert [e.status for e in found.startable()] == ["doing"] * 2 + ["open"] * 6
    everything = {i: "done" for i, _ in ITEMS["netwerk"]}
    assert checklist("netwerk", everything).startable() == []


def test_progress_releases_waits_and_keeps_what_was_asked() -> None:
    found = checklist("lokaal", {"klantbereik": "done"})
    assert entry(found, "aanvraag").waits_for == []
    assert not entry(found, "klantbereik").done_by_answers
    assert entry(found, "klantbereik").reasons == [Reason(question="scope")]
    # an item the user marked done still has its roles asked in the request
    marked = checklist("overheid", {"indienen": "done", "dwh-toegang": "done"})
    assert requests(entry(marked, "aanvraag")) == [("portaal-recht", ["rol-basis", "rol-indiener"]), ("dwh-recht", [])]
    assert entry(marked, "aanvraag").needed_by == ["indienen", "dwh-toegang"]
    # a request the user marked done gathers nothing more: it keeps only its own role
    done = checklist("overheid", {"aanvraag": "done"})
    assert requests(entry(done, "aanvraag")) == [("portaal-recht", ["rol-basis"])]
    assert entry(done, "aanvraag").needed_by == []
    assert not entry(done, "aanvraag").done_by_answers


# --------------------------------------------------------------------------- the words the user reads

ANSWER_WORDS: list[tuple[str, Any, tuple[str, ...], str]] = [
    ("cloud_managed", True, (), "Ja"),  # the words of the choices the prompt offered
    ("cloud_managed", False, (), "Nee"),
    ("org_name", "Proef", (), "Proef"),
    ("org_name", "ja", (), "ja"),
    (
        "org_name",
        "Proef",
        ("ja",),
        "Proef",
    ),  # a text is shown whole  # a text is shown as typed, even when it looks like an option
    ("scope", "nee", (), "Nog niet nagekeken"),
    ("scope", "zomaar", (), "zomaar"),  # an unknown value is shown as it is
    ("needs", ["cloud", "integratie"], (), "Cloud (perceel 3); Integratie (perceel 1)"),
    ("needs", ["integratie", "cloud"], ("cloud",), "Cloud (perceel 3)"),
    ("needs", ["netwerk"], (), "Netwerk (perceel 2)"),
]


@pytest.mark.parametrize(
    ("question", "value", "only", "words"), ANSWER_WORDS, ids=[str(i) for i in range(len(ANSWER_WORDS))]
)
def test_describe_answer(question: str, value: Any, only: tuple[str, ...], words: str) -> None:
    assert describe_answer(Q[question], value, only) == words


WORDS: list[tuple[str, dict[str, str], str, list[str]]] = [
    ("overheid", {}, "welkom", [ALWAYS]),
    # done by an answer: the done_note, then the answer
    ("overheid", {}, "klantbereik", ["U heeft het klantbereik al nagekeken.", "Klantbereik: Ja, nagekeken"]),
    # open: never the done_note
    ("lokaal", {}, "klantbereik", ["Klantbereik: Nog niet nagekeken"]),
    # marked done by the user: still not the done_note (the answer did not make it done)
    ("lokaal", {"klantbereik": "done"}, "klantbereik", ["Klantbereik: Nog niet nagekeken"]),
    ("overheid", {}, "integratie", ["U heeft perceel 1 (Integratie) nodig."]),
    ("andere", {}, "cloud-toegang", ["U heeft perceel 3 (Cloud) nodig."]),
    ("lokaal", {}, "meer-percelen", ["U heeft meer dan één perceel nodig: 2 (Netwerk), 3 (Cloud)."]),
    ("netwerk", {}, "meer-percelen", ["U heeft meer dan één perceel nodig: 1 (Integratie), 2 (Netwerk)."]),
    ("lokaal", {}, "hoofdaannemer", ["U heeft diensten van meer dan één leverancier nodig: Beta / Gamma, Alfa."]),
    ("netwerk", {}, "hoofdaannemer", ["U heeft diensten van meer dan één leverancier nodig: Alfa, Beta / Gamma."]),
    ("andere", {}, "integratie",
     ["Perceel 3 heeft dezelfde leverancier; die regelt de integratie mee.", "U heeft perceel 3 (Cloud) nodig."]),
    ("andere", {}, "meer-percelen", ["Uw percelen hebben één leverancier; die stemt ze op elkaar af."]),
    ("lokaal", {}, "cloud-beheer", ["Nodig: Cloud (perceel 3)", "Cloud al beheerd: Nee"]),
    ("andere", {}, "cloud-exploitatie", ["Cloud al beheerd: Ja"]),
    ("overheid", {}, "breed", ["Soort organisatie: Een overheidsdienst"]),
    ("lokaal", {}, "breed", ["Nodig: Netwerk (perceel 2)"]),  # only the option that matters
    # none: the answers that keep its conditions false
    ("lokaal", {}, "zonder-beheerder", ["Eigen beheerder: Nee", "Soort organisatie: Een lokaal bestuur"]),
    ("andere", {}, "zonder-beheerder", ["Soort organisatie: Een andere organisatie"]),
    ("andere", {}, "indienen", ["Nodig: Integratie (perceel 1); Cloud (perceel 3)"]),
    ("andere", {}, "dwh-toegang",
     ["U heeft al toegang tot het datawarehouse.", "Al in uw bezit: Toegang tot het datawarehouse"]),
    # a request: who needs it, by title, never itself
    # ... and per right and role the answers that asked for it, or the item when several ask (issue 10)
    ("overheid", {}, "aanvraag", [
        "Nodig voor: Dien werkaanvragen in; Krijg toegang tot het datawarehouse.",
        "Rol 'Basisrol' — altijd nodig",
        "Rol 'Indiener' — altijd nodig voor 'Dien werkaanvragen in'",
        "Recht 'Datawarehousegebruiker' — altijd nodig voor 'Krijg toegang tot het datawarehouse'",
    ]),
    ("lokaal", {}, "aanvraag", [
        "Nodig voor: Dien werkaanvragen in.",
        "Rol 'Indiener' — altijd nodig",
        "Rol 'Goedkeurder' — Soort organisatie: Een lokaal bestuur; U heeft diensten van meer dan één leverancier"
        " nodig: Beta / Gamma, Alfa.",
    ]),
    ("weet-niet", {}, "aanvraag", [ALWAYS]),  # only its own role
    ("weet-niet-basis", {}, "aanvraag", ["U heeft alle rechten en rollen die u nodig heeft al."]),
    ("overheid", {"aanvraag": "done"}, "aanvraag", [ALWAYS]),
    ("buiten", {}, "buiten-klantbereik", ["Klantbereik: Nee, erbuiten"]),
    ("niets", {}, "ander-aanbod", ["Nodig: Niets hiervan"]),
    ("netwerk", {}, "breed", ["Soort organisatie: Een overheidsdienst", "Nodig: Netwerk (perceel 2)"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "progress", "item", "lines"), WORDS, ids=[f"{w[0]}-{w[2]}-{i}" for i, w in enumerate(WORDS)]
)
def test_describe_reasons(name: str, progress: dict[str, str], item: str, lines: list[str]) -> None:
    found = checklist(name, progress)
    assert describe_reasons(CONTENT, found, entry(found, item)) == lines


def test_a_reason_whose_answer_is_gone_is_not_shown() -> None:
    found = checklist("lokaal")
    cloud = entry(found, "cloud-beheer")
    del found.answers["cloud_managed"]
    assert describe_reasons(CONTENT, found, cloud) == ["Nodig: Cloud (perceel 3)"]
    del found.answers["needs"]
    assert describe_reasons(CONTENT, found, cloud) == [ALWAYS]


def test_reasons_of_one_question_are_merged_into_one_line() -> None:
    found = checklist("lokaal")
    both = ChecklistItem(
        entry(found, "breed").item,
        "open",
        [Reason(question="needs", values=("netwerk",)), Reason(lot=2), Reason(question="needs", values=("cloud",)),
         Reason(lot=2)],
    )  # fmt: skip
    assert describe_reasons(CONTENT, found, both) == [
        "Nodig: Netwerk (perceel 2); Cloud (perceel 3)",
        "U heeft perceel 2 (Netwerk) nodig.",
    ]


# --------------------------------------------------------------------------- the building blocks


@pytest.mark.parametrize(
    ("answers", "lots", "suppliers"),
    [
        ({}, [], []),
        ({"needs": ["weet-niet"]}, [], []),
        ({"needs": ["cloud", "integratie"]}, [1, 3], ["Alfa"]),
        ({"needs": ["cloud", "netwerk", "integratie"]}, [1, 2, 3], ["Alfa", "Beta / Gamma"]),
        ({"needs": "netwerk"}, [2], ["Beta / Gamma"]),  # a single value counts like a list of one
        ({"needs": True}, [], []),
    ],
)
def test_lots_and_suppliers(answers: dict[str, Any], lots: list[int], suppliers: list[str]) -> None:
    assert needed_lots(CONTENT, answers) == lots
    assert needed_suppliers(CONTENT, lots) == suppliers


def test_a_lot_missing_from_the_content_is_named_by_its_number() -> None:
    assert needed_suppliers(CONTENT, [9, 1, 9]) == ["9", "Alfa"]  # words.py says "perceel 9"


@pytest.mark.parametrize(
    ("answers", "have"),
    [
        ({"has": ["geen"]}, set()),
        ({"has": ["basis", "dwh"]}, {"rol-basis", "dwh-recht"}),
        ({"has": "dwh"}, {"dwh-recht"}),
        ({"has": True}, set()),
    ],
)
def test_held(answers: dict[str, Any], have: set[str]) -> None:
    assert held(CONTENT, answers) == have


def cond(**form: Any) -> Any:
    from pydantic import TypeAdapter

    from instapgids.content import models as m

    return TypeAdapter(m.Condition).validate_python(form)


CONDITIONS: list[tuple[dict[str, Any], Answers, list[int], int | None, bool, list[Reason]]] = [
    ({"answer": "scope", "equals": "ja"}, {"scope": "ja"}, [], None, True, [Reason(question="scope")]),
    ({"answer": "scope", "equals": "ja"}, {"scope": "nee"}, [], None, False, [Reason(question="scope")]),
    ({"answer": "cloud_managed", "equals": False}, {}, [], None, False, [Reason(question="cloud_managed")]),
    ({"answer": "cloud_managed", "equals": False}, {"cloud_managed": False}, [], None, True,
     [Reason(question="cloud_managed")]),
    ({"answer": "scope", "one_of": ["ja", "nee"]}, {"scope": "nee"}, [], None, True, [Reason(question="scope")]),
    ({"answer": "scope", "one_of": ["ja", "nee"]}, {}, [], None, False, [Reason(question="scope")]),
    ({"answer": "needs", "includes": "cloud"}, {"needs": ["cloud"]}, [], None, True,
     [Reason(question="needs", values=("cloud",))]),
    ({"answer": "needs", "includes": "cloud"}, {"needs": "cloud"}, [], None, False,
     [Reason(question="needs", values=("cloud",))]),
    ({"lot": 2}, {}, [1, 2], None, True, [Reason(lot=2)]),
    ({"lot": 2}, {}, [1, 3], None, False, [Reason(lot=2)]),
    ({"lots_at_least": 2}, {}, [1, 3], None, True, [Reason(lot_count=True)]),
    ({"lots_at_least": 2}, {}, [3], None, False, [Reason(lot_count=True)]),
    # without a count of suppliers every lot counts as its own supplier
    ({"suppliers_at_least": 2}, {}, [1, 3], None, True, [Reason(supplier_count=True)]),
    ({"suppliers_at_least": 2}, {}, [1, 3], 1, False, [Reason(supplier_count=True)]),
    ({"suppliers_at_least": 2}, {}, [1], 2, True, [Reason(supplier_count=True)]),
    ({"suppliers_at_least": 2}, {}, [1], None, False, [Reason(supplier_count=True)]),
    ({"all": [{"lot": 1}, {"answer": "scope", "equals": "ja"}]}, {"scope": "ja"}, [1], None, True,
     [Reason(lot=1), Reason(question="scope")]),
    ({"all": [{"lot": 1}, {"answer": "scope", "equals": "ja"}]}, {"scope": "nee"}, [1], None, False, []),
    ({"any": [{"lot": 1}, {"answer": "scope", "equals": "ja"}]}, {"scope": "ja"}, [1], None, True,
     [Reason(lot=1), Reason(question="scope")]),
    ({"any": [{"lot": 1}, {"answer": "scope", "equals": "ja"}]}, {"scope": "nee"}, [2], None, False, []),
    ({"none": [{"lot": 1}, {"answer": "scope", "equals": "ja"}]}, {"scope": "nee"}, [2], None, True,
     [Reason(lot=1, negated=True), Reason(question="scope")]),
    # an unasked question is the reason of a none only when nothing else is
    ({"none": [{"answer": "scope", "equals": "ja"}]}, {}, [], None, True, [Reason(question="scope", negated=True)]),
    ({"none": [{"answer": "scope", "equals": "ja"}, {"answer": "x", "equals": "y"}]}, {"x": "z"}, [], None, True,
     [Reason(question="x")]),
    ({"none": [{"lot": 1}, {"answer": "scope", "equals": "ja"}]}, {"scope": "ja"}, [2], None, False, []),
    # the suppliers are handed down to the parts of all, any and none
    ({"all": [{"suppliers_at_least": 2}]}, {}, [1, 3], 1, False, []),
    ({"any": [{"suppliers_at_least": 2}]}, {}, [1, 3], 1, False, []),
    ({"none": [{"suppliers_at_least": 2}]}, {}, [1, 3], 1, True, [Reason(supplier_count=True, negated=True)]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("form", "answers", "lots", "suppliers", "ok", "reasons"), CONDITIONS, ids=[str(i) for i in range(len(CONDITIONS))]
)
def test_evaluate(
    form: dict[str, Any], answers: Answers, lots: list[int], suppliers: int | None, ok: bool, reasons: list[Reason]
) -> None:
    assert evaluate(cond(**form), answers, lots, suppliers) == (ok, reasons)


def test_referenced_lists_each_question_once_in_order() -> None:
    form = cond(all=[{"answer": "b", "equals": "x"}, {"none": [{"answer": "a", "equals": "y"}, {"lot": 1}]},
                     {"any": [{"answer": "b", "one_of": ["z"]}, {"answer": "c", "includes": "v"}]}])  # fmt: skip
    assert referenced(form) == ["b", "a", "c"]


TEXT_PROBLEMS: list[tuple[str, str | None]] = [
    ("Gemeente Proef", None),
    ("a\tb", "bevat een onzichtbaar stuurteken (U+0009, tab) dat hier niet mag"),
    ("a\nb", "bevat een onzichtbaar stuurteken (U+000A, regeleinde) dat hier niet mag"),
    ("a\rb", "bevat een onzichtbaar stuurteken (U+000D, regeleinde) dat hier niet mag"),
    ("a\x1bb", "bevat een onzichtbaar stuurteken (U+001B, Esc) dat hier niet mag"),
    ("a\x00b", "bevat een onzichtbaar stuurteken (U+0000, nulteken) dat hier niet mag"),
    ("a\x07b", "bevat een onzichtbaar stuurteken (U+0007, belsignaal) dat hier niet mag"),
    ("a\u2028b", "bevat een onzichtbaar stuurteken (U+2028, regelscheiding) dat hier niet mag"),
    ("a\u2029b", "bevat een onzichtbaar stuurteken (U+2029, alineascheiding) dat hier niet mag"),
    ("a\u202ab", "bevat een onzichtbaar stuurteken (U+202A, richtingsteken) dat hier niet mag"),
    ("a\u2069b", "bevat een onzichtbaar stuurteken (U+2069, richtingsteken) dat hier niet mag"),
    ("a\x01b", "bevat een onzichtbaar stuurteken (U+0001) dat hier niet mag"),
    ("a\x7fb", "bevat een onzichtbaar stuurteken (U+007F) dat hier niet mag"),
    ("a\x9bb", "bevat een onzichtbaar stuurteken (U+009B) dat hier niet mag"),
    ("a\ud800b", "bevat een onzichtbaar stuurteken (U+D800) dat hier niet mag"),
]


@pytest.mark.parametrize(("text", "problem"), TEXT_PROBLEMS, ids=[str(i) for i in range(len(TEXT_PROBLEMS))])
def test_text_problem(text: str, problem: str | None) -> None:
    assert text_problem(text) == problem


# --------------------------------------------------------------------------- known defects


def with_item(form: dict[str, Any]) -> Any:
    """The synthetic content with one more item in stap-percelen, brought in by this condition."""
    import copy

    from pydantic import TypeAdapter

    from instapgids.content import journey as j

    content = copy.deepcopy(CONTENT)
    item = TypeAdapter(j.Item).validate_python({"id": "extra", "title": "Extra", "when": form, "section": "2"})
    content.journey.phases[0].steps[1].items.append(item)
    return content


@pytest.mark.parametrize(
    ("form", "word"),
    [
        ({"none": [{"lot": 2}]}, "perceel"),
        ({"none": [{"suppliers_at_least": 2}]}, "leverancier"),
        ({"none": [{"answer": "cloud_managed", "equals": True}]}, ""),  # not asked: no cloud needed
    ],
    ids=["lot", "suppliers", "not-asked"],
)
def test_an_item_brought_in_by_none_says_why(form: dict[str, Any], word: str) -> None:
    content = with_item(form)
    found = build_checklist(content, SCENARIOS["overheid"])  # lot 1 only: one lot, one supplier, no cloud
    lines = describe_reasons(content, found, entry(found, "extra"))
    assert lines != [ALWAYS]
    assert any(word in line for line in lines), lines


# --------------------------------------------------------------------------- one answer validator


def _question(kind: str, exclusive: bool = False) -> Any:
    from pydantic import TypeAdapter

    from instapgids.content.questions import Question

    options = [{"value": "a", "label": "Alfa"}, {"value": "geen", "label": "Geen van deze", "exclusive": exclusive}]
    form = {
        "id": "q",
        "kind": kind,
        "label": "Q",
        "prompt": "Q?",
        "options": options if kind in ("select", "checkbox") else [],
    }
    return TypeAdapter(Question).validate_python(form)


ANSWER_PROBLEMS: list[tuple[str, Any, str | None]] = [
    ("text", "Gemeente Proef", None),
    ("text", "  ", "Vul hier een tekst in."),
    ("text", 12, "Vul hier een tekst in."),
    ("text", "a\tb", "Uw antwoord bevat een onzichtbaar stuurteken (U+0009, tab) dat hier niet mag."),
    ("confirm", True, None),
    ("confirm", "ja", "Antwoord met true (ja) of false (nee)."),
    ("select", "a", None),
    ("select", "b", "Kies een van deze waarden: a, geen."),
    ("checkbox", ["a"], None),
    ("checkbox", [], "Kies minstens één antwoord."),
    ("checkbox", "a", "Geef een lijst met waarden uit: a, geen."),
    ("checkbox", ["a", "x", "y"], "Onbekende waarde(n) x, y; kies uit: a, geen."),
    ("checkbox", ["a", "a"], "Er staat een waarde twee keer in de lijst."),
]


@pytest.mark.parametrize(
    ("kind", "value", "problem"), ANSWER_PROBLEMS, ids=[str(i) for i in range(len(ANSWER_PROBLEMS))]
)
def test_question_problem(kind: str, value: Any, problem: str | None) -> None:
    assert _question(kind).problem(value) == problem


def test_exclusive_option_is_named_by_its_label() -> None:
    problem = _question("checkbox", exclusive=True).problem(["a", "geen"])
    assert problem == "'Geen van deze' kan niet samen met andere antwoorden."


def test_prompt_and_files_share_the_question_validator() -> None:
    """The prompt and the answers-file reader say the same words for the same problem (issue 9)."""
    from instapgids.cli.interview import answer_problem

    question = _question("checkbox", exclusive=True)
    for value in ([], ["a", "geen"]):
        assert answer_problem(question, value) == question.problem(value)
