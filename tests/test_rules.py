"""The rules over every path of the interview cover, static checks on the content, and scenarios from the guide."""

from __future__ import annotations

import io
from collections import defaultdict

import pytest

from instapgids import models as m
from instapgids.content import load_content
from instapgids.present import item_text
from instapgids.render_checklist import checklist_view
from instapgids.render_markdown import checklist_markdown
from instapgids.rules import (
    ALWAYS,
    Checklist,
    ChecklistItem,
    applicable_answers,
    build_checklist,
    describe_reasons,
    held,
    next_question,
)

from interview_paths import Answers, asked, cover, domain

CONTENT = load_content(use_cache=False)
PATHS = cover(CONTENT)
CHECKLISTS = [build_checklist(CONTENT, answers) for answers in PATHS]
ITEMS = {item.id: item for p in CONTENT.journey.phases for s in p.steps for item in s.items}


def signature(checklist: Checklist) -> tuple[object, ...]:
    """What a user sees change: the heading and each item's status and requested rights/roles."""
    return (
        checklist.organisation,
        tuple(
            (e.item.id, e.status, tuple((line.right.id, tuple(r.id for r in line.roles)) for line in e.roles))
            for e in checklist.items()
        ),
    )


def entry(checklist: Checklist, item_id: str) -> ChecklistItem | None:
    return next((e for e in checklist.items() if e.item.id == item_id), None)


# --------------------------------------------------------------------------- every path


def test_the_cover_is_systematic_and_large() -> None:
    """1000+ paths: all pairs of answers, plus every combination of needs × kinds of service."""
    assert len(PATHS) > 1000, len(PATHS)


def test_every_path_completes_the_interview() -> None:
    for answers in PATHS:
        assert next_question(CONTENT, answers) is None, answers


def test_every_item_on_every_path_cites_the_guide_and_says_why() -> None:
    sections = {s.number for s in CONTENT.guide.sections}
    for answers, checklist in zip(PATHS, CHECKLISTS, strict=True):
        ids = [e.item.id for e in checklist.items()]
        assert len(ids) == len(set(ids)), answers
        for e in checklist.items():
            assert e.item.section in sections, (e.item.id, answers)
            reasons = describe_reasons(CONTENT, checklist, e)
            assert reasons and all(line.strip() for line in reasons), (e.item.id, answers)
            if e.item.when is not None:  # brought in by an answer: the reason names it, not "for everyone"
                assert reasons != [ALWAYS], (e.item.id, answers)
            if e.status == "done":
                assert e.item.done_when is not None or e.item.gathers_roles, (e.item.id, answers)


def test_waiting_items_wait_for_open_items_of_the_same_checklist() -> None:
    for answers, checklist in zip(PATHS, CHECKLISTS, strict=True):
        open_ids = {e.item.id for e in checklist.items() if e.status != "done"}
        for e in checklist.items():
            assert set(e.waits_for) <= open_ids, (e.item.id, answers)
            assert (e.status == "blocked") == bool(e.waits_for), (e.item.id, answers)


def test_one_request_to_the_local_administrator_holds_every_right_and_role() -> None:
    for answers, checklist in zip(PATHS, CHECKLISTS, strict=True):
        have = held(CONTENT, answers)
        gatherers = [e for e in checklist.items() if e.item.gathers_roles]
        assert len(gatherers) == 1, answers
        gathered = {(line.right.id, r.id) for line in gatherers[0].roles for r in line.roles}
        gathered_rights = {line.right.id for line in gatherers[0].roles}
        for e in checklist.items():
            for line in e.roles:
                assert line.right.id in gathered_rights, (e.item.id, answers)
                assert {(line.right.id, r.id) for r in line.roles} <= gathered, (e.item.id, answers)
                assert not {r.id for r in line.roles} & have, (e.item.id, answers)
        if gatherers[0].status != "done":
            assert gatherers[0].roles and gatherers[0].needed_by, answers


def test_every_path_renders_in_the_terminal_and_as_markdown() -> None:
    from rich.console import Console

    for checklist in CHECKLISTS[:: max(1, len(CHECKLISTS) // 40)]:  # Rich takes ~50 ms a checklist
        console = Console(file=io.StringIO(), width=80, no_color=True)
        console.print(checklist_view(CONTENT, checklist))
        screen = console.file.getvalue()  # type: ignore[attr-defined]
        markdown = checklist_markdown(CONTENT, checklist)
        for e in checklist.items():
            assert f"id: {e.item.id}" in " ".join(screen.split()).replace("id:\n", "id: ")
            assert f"`{e.item.id}`" in markdown
        assert markdown.count("\n- [") == len(checklist.items())


# --------------------------------------------------------------------------- static checks on the content


def test_every_question_is_asked_on_some_path() -> None:
    asked_somewhere = {q for answers in PATHS for q in asked(CONTENT, answers)}
    assert asked_somewhere == set(CONTENT.question_by_id)


@pytest.mark.parametrize("question", CONTENT.interview.questions, ids=lambda q: q.id)
def test_every_answer_of_every_question_occurs_on_some_path(question: m.Question) -> None:
    given = [answers[question.id] for answers in PATHS if question.id in answers]
    for value in domain(question):
        assert value in given, (question.id, value)


@pytest.mark.parametrize("item", list(ITEMS.values()), ids=lambda i: i.id)
def test_every_rule_fires_both_ways(item: m.Item) -> None:
    """Each item is on some path; a conditional one is absent from some;
    one with `done_when` is done on some path and open on another."""
    present = [entry(c, item.id) for c in CHECKLISTS]
    assert any(present), item.id
    if item.when is not None:
        assert not all(present), f"{item.id}: 'when' never excludes it"
    statuses = {"done" if e.status == "done" else "todo" for e in present if e}
    if item.done_when is not None:
        assert statuses == {"todo", "done"}, (item.id, statuses)


def test_every_role_request_fires_on_some_path() -> None:
    requested = defaultdict(set)
    for checklist in CHECKLISTS:
        for e in checklist.items():
            for line in e.roles:
                requested[e.item.id].add(line.right.id)
                requested[e.item.id].update(r.id for r in line.roles)
    for item in ITEMS.values():
        for request in item.roles:
            assert (request.role or request.right) in requested[item.id], (item.id, request)


@pytest.mark.parametrize("question", CONTENT.interview.questions, ids=lambda q: q.id)
def test_no_wasted_question(question: m.Question) -> None:
    """Changing this answer (and answering what it newly brings up) changes the checklist on some path."""
    for answers in PATHS:
        if question.id not in answers:
            continue
        before = signature(build_checklist(CONTENT, answers))
        alternatives = ["Andere naam"] if question.kind == "text" else domain(question)
        for other in alternatives:
            if other == answers[question.id]:
                continue
            changed: Answers = {**answers, question.id: other}
            changed = applicable_answers(CONTENT, changed)
            while (follow_up := next_question(CONTENT, changed)) is not None:
                changed[follow_up.id] = domain(follow_up)[0]
            if signature(build_checklist(CONTENT, changed)) != before:
                return
    pytest.fail(f"changing '{question.id}' never changes the checklist")


# --------------------------------------------------------------------------- scenarios from the guide

BASE: Answers = {
    "org_name": "Testorganisatie",
    "org_kind": "vlaamse-overheid",
    "scope_checked": "ja",
    "needs": ["netwerk"],
    "service_types": ["projecten"],
    "submits_projects": True,
    "optional_systems": ["geen"],
    "digital_keys": "actief",
    "uses_acm_idm": True,
    "has_systems": ["geen"],
    "local_admin": False,
}


def checklist_for(**changes: object) -> Checklist:
    answers = {**BASE, **changes}
    assert next_question(CONTENT, answers) is None, next_question(CONTENT, answers)
    return build_checklist(CONTENT, answers)  # type: ignore[arg-type]


def ids(checklist: Checklist, status: str | None = None) -> set[str]:
    """Item ids, all or by status ("todo": anything not done yet)."""
    wanted = {"todo": {"open", "doing", "blocked"}}.get(status or "", {status})
    return {e.item.id for e in checklist.items() if status is None or e.status in wanted}


def texts(checklist: Checklist) -> str:
    return " ".join(
        " ".join([t.title, *t.details, *(v for _, vs in t.fields for v in vs)])
        for t in (item_text(CONTENT, checklist, e) for e in checklist.items())
    )


def test_local_government_with_lot_4_in_regie_gets_redmine_and_the_local_cmdb2_procedure() -> None:
    checklist = checklist_for(
        org_kind="lokaal-bestuur", needs=["netwerk"], service_types=["in-regie"], optional_systems=["cmdb2"]
    )
    assert {"redmine", "cmdb2-aanvragen", "cmdb2-recht-lokaal-bestuur"} <= ids(checklist, "todo")
    assert "vonet" in texts(checklist)
    gatherer = entry(checklist, "lokale-beheerder-aanvraag")
    assert gatherer and "cmdb2-gebruiker" in {line.right.id for line in gatherer.roles}


def test_flemish_administration_gets_the_other_cmdb2_procedure_and_no_redmine_without_in_regie() -> None:
    checklist = checklist_for(org_kind="vlaamse-overheid", optional_systems=["cmdb2"])
    assert "cmdb2-aanvragen" in ids(checklist)
    assert "cmdb2-recht-lokaal-bestuur" not in ids(checklist)
    assert "redmine" not in ids(checklist)


def test_other_entity_is_told_to_ask_which_cmdb2_procedure_applies() -> None:
    assert "cmdb2-procedure-navragen" in ids(checklist_for(org_kind="andere", optional_systems=["cmdb2"]))


def test_lot_5_new_initiative_gets_the_minicompetition_steps() -> None:
    checklist = checklist_for(needs=["applicaties"], lot5_new_initiative=True)
    assert {"minicompetitie-voorbereiden", "minicompetitie-gunnen", "minicompetitie-bestellen"} <= ids(checklist)
    words = texts(checklist)
    for fact in (
        "IO-nummer",
        "PO-referentie",
        "evaluatieverslag",
        "gunningsverslag",
        "bestelbon",
        "gunningsbeslissing",
    ):
        assert fact in words
    assert entry(checklist, "minicompetitie-bestellen").waits_for == ["minicompetitie-gunnen"]  # type: ignore[union-attr]


def test_lot_5_existing_application_has_no_minicompetition() -> None:
    checklist = checklist_for(needs=["applicaties"], lot5_new_initiative=False)
    assert not {i for i in ids(checklist) if i.startswith("minicompetitie")}


def test_someone_already_using_acm_idm_does_not_get_the_acm_idm_step() -> None:
    assert "acm-idm-aansluiten" not in ids(checklist_for(uses_acm_idm=True))
    assert "acm-idm-aansluiten" in ids(checklist_for(uses_acm_idm=False))


def test_without_eid_or_bis_number_the_checklist_offers_eidas_or_a_bis_number_first() -> None:
    checklist = checklist_for(digital_keys="geen")
    assert "bisnummer-aanvragen" in ids(checklist, "todo")
    assert "bisnummer-aanvragen" in entry(checklist, "lokale-beheerder-aanvraag").waits_for  # type: ignore[union-attr]
    assert "eIDAS" in texts(checklist)


def test_klantenportaal_roles_wait_for_the_digital_keys() -> None:
    checklist = checklist_for(digital_keys="eid")
    assert entry(checklist, "lokale-beheerder-aanvraag").waits_for == ["digitale-sleutels"]  # type: ignore[union-attr]
    assert "digitale-sleutels" in ids(checklist_for(digital_keys="actief"), "done")


def test_ddc_dwh_waits_for_the_cognos_licence_and_local_governments_mention_their_user_management() -> None:
    checklist = checklist_for(org_kind="lokaal-bestuur", optional_systems=["ddc-dwh"])
    assert "cognos-licentie" in entry(checklist, "ddc-dwh-recht").waits_for  # type: ignore[union-attr]
    assert "cognos-licentie-lokaal-bestuur" in ids(checklist)
    assert "cognos-licentie-lokaal-bestuur" not in ids(checklist_for(optional_systems=["ddc-dwh"]))


def test_scope_unsure_starts_with_a_mail_to_account_and_demand_management() -> None:
    checklist = checklist_for(scope_checked="weet-niet")
    first = checklist.items()[:2]
    assert [e.item.id for e in first] == ["klantbereik-nakijken", "klantbereik-navragen"]
    assert "demand@vlaanderen.be" in texts(checklist)
    assert "klantbereik-nakijken" in ids(checklist_for(scope_checked="ja"), "done")


def test_several_lots_bring_the_main_contractor_note() -> None:
    assert "hoofdaannemer" in ids(checklist_for(needs=["netwerk", "werkplek"], lot2_tools=["geen"]))
    assert "hoofdaannemer" not in ids(checklist_for(needs=["netwerk"]))


def test_projects_with_exploitation_ask_for_exploitation_in_the_quote() -> None:
    assert "exploitatie-in-offerte" in ids(checklist_for(service_types=["projecten", "exploitatie"]))
    assert "exploitatie-in-offerte" not in ids(checklist_for(service_types=["projecten"]))


def test_lot_2_regieprestaties_go_to_cegeka_by_mail() -> None:
    checklist = checklist_for(needs=["werkplek"], lot2_tools=["regieprestaties", "delegate365"])
    assert {"regieprestaties", "delegate365"} <= ids(checklist)
    assert "vo.support@cegeka.com" in texts(checklist)


def test_lot_3_cloud_starts_with_cloud_minimaal_beheer_and_account_onboarding() -> None:
    checklist = checklist_for(needs=["cloud-datacenter"], lot3_cloud=True)
    assert {"cloud-minimaal-beheer", "cloud-accounts-onboarden"} <= ids(checklist)
    assert entry(checklist, "cloud-accounts-onboarden").waits_for == ["cloud-minimaal-beheer"]  # type: ignore[union-attr]


def test_every_right_and_role_lands_in_the_one_request() -> None:
    checklist = checklist_for(
        org_kind="lokaal-bestuur",
        service_types=["projecten", "eenvoudige-werkaanvragen"],
        ewa_tasks=["indienen", "goedkeuren"],
        optional_systems=["ddc-dwh", "cmdb2"],
        local_admin=True,
    )
    gatherer = entry(checklist, "lokale-beheerder-aanvraag")
    assert gatherer is not None
    roles = {r.id for line in gatherer.roles for r in line.roles}
    rights = {line.right.id for line in gatherer.roles}
    assert roles == {
        "klantportaalgebruiker", "indiener-ewa", "goedkeurder-ewa", "indiener-project",
        "vb-lokale-beheerder", "standaard-rapporten",
    }  # fmt: skip
    assert rights == {"servicenow-gebruiker", "ddc-dwh-gebruiker", "cmdb2-gebruiker"}


def test_what_the_user_already_has_is_done_and_not_requested_again() -> None:
    checklist = checklist_for(
        has_systems=["ddc-dms", "klantenportaal"], portal_roles=["indiener-project"], optional_systems=["geen"]
    )
    assert {"ddc-dms-toegang", "klantenportaal-rollen", "klantenportaal-controleren"} <= ids(checklist, "done")
    gatherer = entry(checklist, "lokale-beheerder-aanvraag")
    assert gatherer is not None and gatherer.status == "done" and not gatherer.roles
    assert "klantenportaal-controleren" not in entry(checklist, "werkaanvraag-invullen").waits_for  # type: ignore[union-attr]


def test_a_missing_role_keeps_the_portal_items_open() -> None:
    checklist = checklist_for(has_systems=["klantenportaal"], portal_roles=["geen"])
    assert "klantenportaal-controleren" in ids(checklist, "todo")
    gatherer = entry(checklist, "lokale-beheerder-aanvraag")
    assert gatherer is not None
    assert {r.id for line in gatherer.roles for r in line.roles} == {"indiener-project"}


def test_a_changed_answer_drops_follow_ups_that_no_longer_apply() -> None:
    answers = {**BASE, "needs": ["applicaties"], "lot5_new_initiative": True}
    kept = applicable_answers(CONTENT, {**answers, "needs": ["netwerk"]})
    assert "lot5_new_initiative" not in kept
    assert kept["needs"] == ["netwerk"]
