"""The rules over every path of the interview cover, static checks on the content, and scenarios from the guide."""

from __future__ import annotations

import functools
import io
from collections import defaultdict
from collections.abc import Iterator

import pytest

from instapgids.content.journey import Item
from instapgids.content.load import load_content
from instapgids.content.questions import Question
from instapgids.engine.checklist import Checklist, ChecklistItem, build_checklist
from instapgids.engine.conditions import held
from instapgids.engine.routing import applicable_answers, next_question
from instapgids.presentation.as_markdown import checklist_markdown
from instapgids.presentation.items import item_text
from instapgids.presentation.terminal.checklist import checklist_lines
from instapgids.presentation.words import ALWAYS, describe_reasons

from interview_paths import Answers, asked, cover, domain

CONTENT = load_content(use_cache=False)


@functools.cache
def paths() -> list[Answers]:
    """The path cover of the interview: built when a test first asks, not when the suite is collected."""
    return cover(CONTENT)


@functools.cache
def checklists() -> list[Checklist]:
    """The checklist of each path of :func:`paths`, in the same order."""
    return [build_checklist(CONTENT, answers) for answers in paths()]


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
    """The item (or note) with this id on the checklist."""
    return next((e for e in [*checklist.items(), *checklist.notes()] if e.item.id == item_id), None)


def note_ids(checklist: Checklist) -> set[str]:
    """The notes (kind: note): things to keep in mind, not among the items."""
    return {e.item.id for e in checklist.notes()}


# --------------------------------------------------------------------------- every path


def test_the_cover_is_systematic_and_large() -> None:
    """1000+ paths: all pairs of answers, plus every combination of needs × kinds of service."""
    assert len(paths()) > 1000, len(paths())


def test_every_path_completes_the_interview() -> None:
    for answers in paths():
        assert next_question(CONTENT, answers) is None, answers


def test_every_item_on_every_path_cites_the_guide_and_says_why() -> None:
    sections = {s.number for s in CONTENT.guide.sections}
    for answers, checklist in zip(paths(), checklists(), strict=True):
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
    for answers, checklist in zip(paths(), checklists(), strict=True):
        open_ids = {e.item.id for e in checklist.items() if e.status != "done"}
        for e in checklist.items():
            assert set(e.waits_for) <= open_ids, (e.item.id, answers)
            assert (e.status == "blocked") == bool(e.waits_for), (e.item.id, answers)


def test_each_right_and_role_is_in_the_request_it_names_and_never_one_the_user_holds() -> None:
    for answers, checklist in zip(paths(), checklists(), strict=True):
        have = held(CONTENT, answers)
        requests = {e.item.id: e for e in checklist.items() if e.item.gathers_roles}
        for e in checklist.items():
            request = requests.get(e.item.asked_in or e.item.id)
            for line in e.roles:
                assert not {r.id for r in line.roles} & have, (e.item.id, answers)
                if request is None or request.status == "done":
                    continue
                gathered = {(g.right.id, r.id) for g in request.roles for r in g.roles}
                assert line.right.id in {g.right.id for g in request.roles}, (e.item.id, answers)
                assert {(line.right.id, r.id) for r in line.roles} <= gathered, (e.item.id, answers)
        for request in requests.values():
            if request.status != "done":
                assert request.roles, (request.item.id, answers)


def test_doing_what_can_start_round_after_round_follows_the_guide_and_finishes_every_checklist() -> None:
    """On every path, marking every startable item done, round after round: at every round no item that can
    start has an open item that the guide puts before it (journey.yaml guide_order), and the rounds end with
    every item done (no dead lock)."""
    rules = [(first, then, rule.section) for rule in CONTENT.journey.guide_order for first in rule.first
             for then in rule.then]  # fmt: skip
    # The rounds depend on the items, their statuses and what each waits for, not on the rest of the answers:
    # one path per distinct start (~140 of the ~1100 paths; all of them took 10 s of the suite's three minutes).
    seen: set[tuple[tuple[str, str, tuple[str, ...]], ...]] = set()
    for answers, checklist in zip(paths(), checklists(), strict=True):
        start = tuple((e.item.id, e.status, tuple(e.waits_for)) for e in checklist.items())
        if start in seen:
            continue
        seen.add(start)
        progress: dict[str, str] = {}
        current = checklist
        for _ in range(len(checklist.items()) + 1):
            status = {e.item.id: e.status for e in current.items()}
            for first, then, section in rules:
                if status.get(then) == "open" and status.get(first) in ("open", "doing", "blocked"):
                    pytest.fail(f"'{then}' can start before '{first}' (§{section}): {answers}")
            startable = [i for i, st in status.items() if st in ("open", "doing")]
            if not startable:
                break
            progress.update(dict.fromkeys(startable, "done"))
            current = build_checklist(CONTENT, answers, progress)
        stuck = [(e.item.id, e.waits_for) for e in current.items() if e.status != "done"]
        assert not stuck, (stuck, answers)


def test_the_guide_order_covers_what_the_issue_names() -> None:
    """The orderings the guide insists on are part of guide_order (and so checked on every path)."""
    pairs = {(f, t) for rule in CONTENT.journey.guide_order for f in rule.first for t in rule.then}
    for pair in [
        ("acm-idm-aansluiten", "lokale-beheerder-aanvraag"),  # 6.2.1.2
        ("cognos-licentie", "ddc-dwh-recht"),  # 6.3.1.1
        ("cmdb2-aanvragen", "cmdb2-recht-lokaal-bestuur"),  # 6.3.1.2, step 2 before 3
        ("cmdb2-recht-lokaal-bestuur", "cmdb2-controleren"),
        ("werkaanvraag-invullen", "offerte-afstemmen"),  # 6.2.3 after 6.2.2
        ("werkaanvraag-invullen", "offerte-goedkeuren"),  # 6.2.4
        ("bisnummer-aanvragen", "digitale-sleutels"),
        ("uitvoering-opvolgen", "exploitatie-opvolgen"),  # 6.4
    ]:
        assert pair in pairs, pair


def test_every_path_renders_in_the_terminal_and_as_markdown() -> None:
    from rich.console import Console

    for checklist in checklists()[:: max(1, len(checklists()) // 40)]:  # Rich takes ~50 ms a checklist
        console = Console(file=io.StringIO(), width=80, no_color=True)
        for line in checklist_lines(CONTENT, checklist, 80):
            console.print(line, soft_wrap=True)
        screen = console.file.getvalue()  # type: ignore[attr-defined]
        markdown = checklist_markdown(CONTENT, checklist)
        for e in checklist.items():
            assert f"id: {e.item.id}" in " ".join(screen.split()).replace("id:\n", "id: ")
            assert f"`{e.item.id}`" in markdown
        assert markdown.count("\n- [") == len(checklist.items())


# --------------------------------------------------------------------------- static checks on the content


def test_every_question_is_asked_on_some_path() -> None:
    asked_somewhere = {q for answers in paths() for q in asked(CONTENT, answers)}
    assert asked_somewhere == set(CONTENT.question_by_id)


@pytest.mark.parametrize("question", CONTENT.interview.questions, ids=lambda q: q.id)
def test_every_answer_of_every_question_occurs_on_some_path(question: Question) -> None:
    given = [answers[question.id] for answers in paths() if question.id in answers]
    for value in domain(question):
        assert value in given, (question.id, value)


@pytest.mark.parametrize("item", list(ITEMS.values()), ids=lambda i: i.id)
def test_every_rule_fires_both_ways(item: Item) -> None:
    """Each item is on some path; a conditional one is absent from some;
    one with `done_when` is done on some path and open on another."""
    present = [entry(c, item.id) for c in checklists()]
    assert any(present), item.id
    if item.when is not None:
        assert not all(present), f"{item.id}: 'when' never excludes it"
    statuses = {"done" if e.status == "done" else "todo" for e in present if e}
    if item.done_when is not None:
        assert statuses == {"todo", "done"}, (item.id, statuses)


def test_every_role_request_fires_on_some_path() -> None:
    requested = defaultdict(set)
    for checklist in checklists():
        for e in checklist.items():
            for line in e.roles:
                requested[e.item.id].add(line.right.id)
                requested[e.item.id].update(r.id for r in line.roles)
    for item in ITEMS.values():
        for request in item.roles:
            assert (request.role or request.right) in requested[item.id], (item.id, request)


@pytest.mark.parametrize("question", CONTENT.interview.questions, ids=lambda q: q.id)
def test_no_wasted_question(question: Question) -> None:
    """Changing this answer (and answering what it newly brings up) changes the checklist on some path."""
    for answers in paths():
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
    "uses_acm_idm": "ja",
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
        org_kind="lokaal-bestuur",
        local_user_management="nee",
        needs=["netwerk"],
        service_types=["in-regie"],
        optional_systems=["cmdb2"],
    )
    assert {"redmine", "cmdb2-aanvragen", "cmdb2-recht-lokaal-bestuur"} <= ids(checklist, "todo")
    assert "vonet" in texts(checklist)
    later = entry(checklist, "cmdb2-recht-lokaal-bestuur")  # a later request, after 'CMDB2 afnemer'
    assert later and "cmdb2-gebruiker" in {line.right.id for line in later.roles}
    assert "cmdb2-aanvragen" in later.waits_for
    first = entry(checklist, "lokale-beheerder-aanvraag")
    assert first and "cmdb2-gebruiker" not in {line.right.id for line in first.roles}


def test_flemish_administration_gets_the_other_cmdb2_procedure_and_no_redmine_without_in_regie() -> None:
    checklist = checklist_for(org_kind="vlaamse-overheid", optional_systems=["cmdb2"])
    assert "cmdb2-aanvragen" in ids(checklist)
    assert "cmdb2-recht-lokaal-bestuur" not in ids(checklist)
    assert "redmine" not in ids(checklist)


def test_other_entity_is_told_to_ask_which_cmdb2_procedure_applies() -> None:
    asks = checklist_for(org_kind="andere", local_user_management="nee", optional_systems=["cmdb2"])
    assert "cmdb2-procedure-navragen" in ids(asks)
    local = checklist_for(org_kind="andere", local_user_management="ja", optional_systems=["cmdb2"])
    assert "cmdb2-procedure-navragen" not in ids(local)
    assert "cmdb2-recht-lokaal-bestuur" in ids(local)


def test_lot_5_new_initiative_gets_the_minicompetition_steps() -> None:
    checklist = checklist_for(needs=["applicaties"], lot5_new_initiative=True)
    assert {"minicompetitie-nakijken", "minicompetitie-gunnen", "minicompetitie-bestellen"} <= ids(checklist)
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
    assert "acm-idm-aansluiten" not in ids(checklist_for(uses_acm_idm="ja"))
    assert "acm-idm-aansluiten" in ids(checklist_for(uses_acm_idm="nee"))


def test_without_eid_or_bis_number_the_checklist_offers_eidas_or_a_bis_number_first() -> None:
    checklist = checklist_for(digital_keys="geen")
    assert "bisnummer-aanvragen" in ids(checklist, "todo")
    assert "bisnummer-aanvragen" in entry(checklist, "lokale-beheerder-aanvraag").waits_for  # type: ignore[union-attr]
    assert "eIDAS" in texts(checklist)


def test_klantenportaal_roles_wait_for_the_digital_keys() -> None:
    checklist = checklist_for(digital_keys="eid")
    assert "digitale-sleutels" in entry(checklist, "lokale-beheerder-aanvraag").waits_for  # type: ignore[union-attr]
    assert "digitale-sleutels" in ids(checklist_for(digital_keys="actief"), "done")


def test_ddc_dwh_waits_for_the_cognos_licence_and_local_user_management_is_mentioned() -> None:
    checklist = checklist_for(org_kind="lokaal-bestuur", local_user_management="ja")
    assert "cognos-licentie" in entry(checklist, "ddc-dwh-recht").waits_for  # type: ignore[union-attr]
    assert "cognos-licentie-lokaal-bestuur" in ids(checklist)
    # a local government that is not in 'gebruikersbeheer lokale besturen' has nothing to mention (6.3.1.1)
    assert "cognos-licentie-lokaal-bestuur" not in ids(
        checklist_for(org_kind="lokaal-bestuur", local_user_management="nee")
    )
    assert "cognos-licentie-lokaal-bestuur" not in ids(checklist_for())


def test_scope_unsure_starts_with_a_mail_to_account_and_demand_management() -> None:
    checklist = checklist_for(scope_checked="weet-niet")
    first = checklist.items()[:2]
    assert [e.item.id for e in first] == ["klantbereik-nakijken", "klantbereik-navragen"]
    assert "demand@vlaanderen.be" in texts(checklist)
    assert "klantbereik-nakijken" in ids(checklist_for(scope_checked="ja"), "done")


def test_several_lots_bring_the_main_contractor_note() -> None:
    several = checklist_for(needs=["netwerk", "werkplek"], lot2_tools=["geen"])
    assert "hoofdaannemer" in note_ids(several) and "hoofdaannemer" not in ids(several)  # a note, not an item
    assert "hoofdaannemer" not in note_ids(checklist_for(needs=["netwerk"]))


def test_projects_ask_for_exploitation_in_the_quote_whether_or_not_exploitation_was_ticked() -> None:
    """6.2.3: 'met name voor Projecten': for projects above all, not only for them (every offer)."""
    assert "exploitatie-in-offerte" in ids(checklist_for(service_types=["projecten", "exploitatie"]))
    assert "exploitatie-in-offerte" in ids(checklist_for(service_types=["projecten"]))
    assert "exploitatie-in-offerte" in ids(checklist_for(service_types=["in-regie"]))
    assert "exploitatie-in-offerte" not in ids(checklist_for(**EWA_ONLY))


def test_lot_2_regieprestaties_go_to_cegeka_by_mail() -> None:
    checklist = checklist_for(needs=["werkplek"], lot2_tools=["regieprestaties", "delegate365"])
    assert {"regieprestaties", "delegate365"} <= ids(checklist)
    assert "vo.support@cegeka.com" in texts(checklist)


def test_lot_3_cloud_starts_with_cloud_minimaal_beheer_and_account_onboarding() -> None:
    checklist = checklist_for(needs=["cloud-datacenter"], lot3_cloud=True)
    assert {"cloud-minimaal-beheer", "cloud-accounts-onboarden"} <= ids(checklist)
    assert "cloud-minimaal-beheer" in entry(checklist, "cloud-accounts-onboarden").waits_for  # type: ignore[union-attr]


def test_one_request_per_moment_rights_that_wait_for_a_step_are_asked_later() -> None:
    """6.3.1.1: 'DDC-DWH Gebruiker' only after the Cognos licence is confirmed; 6.3.1.2: 'CMDB2 gebruiker'
    only after Service-Integratie granted 'CMDB2 afnemer'. Everything that can be asked now is in one request."""
    checklist = checklist_for(
        org_kind="lokaal-bestuur",
        local_user_management="ja",
        service_types=["projecten", "eenvoudige-werkaanvragen"],
        ewa_tasks=["indienen", "goedkeuren"],
        optional_systems=["cmdb2"],
        local_admin=True,
    )
    now = entry(checklist, "lokale-beheerder-aanvraag")
    assert now is not None
    assert {r.id for line in now.roles for r in line.roles} == {
        "klantportaalgebruiker", "indiener-ewa", "goedkeurder-ewa", "indiener-project", "vb-lokale-beheerder",
    }  # fmt: skip
    assert {line.right.id for line in now.roles} == {"servicenow-gebruiker"}
    dwh, cmdb2 = entry(checklist, "ddc-dwh-recht"), entry(checklist, "cmdb2-recht-lokaal-bestuur")
    assert dwh is not None and cmdb2 is not None
    assert [(line.right.id, [r.id for r in line.roles]) for line in dwh.roles] == [
        ("ddc-dwh-gebruiker", ["standaard-rapporten"])
    ]
    assert [line.right.id for line in cmdb2.roles] == ["cmdb2-gebruiker"]
    assert {"cognos-licentie", "lokale-beheerder-aanvraag"} <= set(dwh.waits_for)
    assert {"cmdb2-aanvragen", "lokale-beheerder-aanvraag"} <= set(cmdb2.waits_for)


def test_marking_the_roles_item_done_keeps_its_rights_in_the_request() -> None:
    answers = {**BASE, "org_kind": "vlaamse-overheid"}
    checklist = build_checklist(CONTENT, answers, {"klantenportaal-rollen": "done"})
    request = entry(checklist, "lokale-beheerder-aanvraag")
    assert request is not None and request.status != "done"
    assert {r.id for line in request.roles for r in line.roles} == {"klantportaalgebruiker", "indiener-project"}


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


# --------------------------------------------------------------------------- the four users of the issue


def order_of(checklist: Checklist) -> list[str]:
    return [e.item.id for e in checklist.items()]


def test_local_government_without_acm_idm_asks_its_local_administrator_only_after_connecting() -> None:
    checklist = checklist_for(
        org_kind="lokaal-bestuur", local_user_management="ja", uses_acm_idm="nee", optional_systems=["cmdb2"]
    )
    order = order_of(checklist)
    assert order.index("acm-idm-aansluiten") < order.index("lokale-beheerder-aanvraag")
    for request in ("lokale-beheerder-aanvraag", "ddc-dwh-recht", "cmdb2-recht-lokaal-bestuur"):
        assert "acm-idm-aansluiten" in entry(checklist, request).waits_for, request  # type: ignore[union-attr]
    assert "local_admin" not in checklist.answers  # not asked: no ACM/IDM, so no local administrator yet
    assert "cmdb2-recht-lokaal-bestuur" in entry(checklist, "cmdb2-controleren").waits_for  # type: ignore[union-attr]


def test_agency_building_a_new_application_asks_and_orders_before_the_offer_steps() -> None:
    checklist = checklist_for(needs=["applicaties"], service_types=["projecten"], lot5_new_initiative=True)
    order = order_of(checklist)
    assert (
        order.index("minicompetitie-nakijken")
        < order.index("werkaanvraag-invullen")
        < order.index("offerte-afstemmen")
        < order.index("minicompetitie-gunnen")
        < order.index("minicompetitie-bestellen")
    )
    assert "werkaanvraag-invullen" in entry(checklist, "minicompetitie-gunnen").waits_for  # type: ignore[union-attr]
    words = texts(checklist)
    assert "kunnen elk een offerte indienen" in words and "beperkte kwaliteitscontrole" in words


def test_agency_needing_only_exploitation_still_starts_with_a_work_request() -> None:
    checklist = checklist_for(service_types=["exploitatie"])
    assert {"werkaanvraag-invullen", "offerte-afstemmen", "offerte-goedkeuren"} <= ids(checklist)
    assert "indiener-project" in {r.id for line in entry(checklist, "lokale-beheerder-aanvraag").roles  # type: ignore[union-attr]
                                  for r in line.roles}  # fmt: skip
    assert "uitvoering-opvolgen" in entry(checklist, "exploitatie-opvolgen").waits_for  # type: ignore[union-attr]


def test_consultant_without_eid_or_bis_number_gets_a_key_first_and_no_eid_wording() -> None:
    checklist = checklist_for(digital_keys="geen")
    keys = entry(checklist, "digitale-sleutels")
    assert keys is not None and "bisnummer-aanvragen" in keys.waits_for
    assert not any("met uw eID" in line for line in keys.details), keys.details
    assert order_of(checklist).index("bisnummer-aanvragen") < order_of(checklist).index("digitale-sleutels")
    assert any("met uw eID" in line for line in entry(checklist_for(digital_keys="eid"), "digitale-sleutels").details)  # type: ignore[union-attr]


def test_the_main_contractor_note_counts_suppliers_not_lots() -> None:
    """6.1.2: 'In het geval van meerdere dienstverleners'. Lots 1 and 3 are both Atos."""
    assert "hoofdaannemer" not in note_ids(checklist_for(needs=["coordinatie", "cloud-datacenter"], lot3_cloud=False))
    two = checklist_for(needs=["netwerk", "cloud-datacenter"], lot3_cloud=False)
    assert "hoofdaannemer" in note_ids(two)
    assert any(
        "Atos" in line and "Proximus" in line for line in describe_reasons(CONTENT, two, entry(two, "hoofdaannemer"))
    )  # type: ignore[arg-type]


@pytest.mark.parametrize("question", ["needs", "service_types"])
def test_not_known_yet_leads_to_account_and_demand_management_with_that_reason(question: str) -> None:
    checklist = checklist_for(**{question: ["weet-niet"]})
    assert "behoefte-concretiseren" in ids(checklist) and "demand-contacteren" not in ids(checklist)
    help_item = entry(checklist, "behoefte-concretiseren")
    assert help_item is not None
    assert any("Weet ik nog niet" in line for line in describe_reasons(CONTENT, checklist, help_item))
    assert "werkaanvraag-voorbereiden" in ids(checklist)


def test_outside_the_scope_ends_the_interview_with_only_account_and_demand_management() -> None:
    answers: Answers = {"org_name": "Vzw Buiten", "scope_checked": "buiten"}
    assert next_question(CONTENT, answers) is None
    checklist = build_checklist(CONTENT, {**answers, "org_kind": "andere", "needs": ["netwerk"]})
    assert ids(checklist) == {"buiten-klantbereik"}
    assert "org_kind" not in checklist.answers  # answers after the outcome do not count
    assert "demand@vlaanderen.be" in texts(checklist)


# --------------------------------------------------------------------------- customer types (issue 17)

SCOPE = ("klantbereik-nakijken", "klantbereik-navragen")


def rounds(answers: Answers) -> Iterator[Checklist]:
    """The checklist, then again after doing everything that can start, round after round, until all is done
    (lazily: a test that has seen enough stops the rounds)."""
    progress: dict[str, str] = {}
    current = build_checklist(CONTENT, answers)
    yield current
    for _ in range(len(current.items()) + 1):
        startable = [e.item.id for e in current.items() if e.status in ("open", "doing")]
        if not startable:
            return
        progress.update(dict.fromkeys(startable, "done"))
        current = build_checklist(CONTENT, answers, progress)
        yield current


def test_nothing_can_start_before_the_scope_check_on_every_path() -> None:
    """6.1: the scope check is the 'startpunt'. While it is open, every other item waits."""
    for answers in paths():
        for current in rounds(answers):
            status = {e.item.id: e.status for e in current.items()}
            if all(status.get(i, "done") == "done" for i in SCOPE):
                break
            early = [i for i, st in status.items() if i not in SCOPE and st == "open"]
            assert not early, (early, answers)


def test_scope_not_yet_checked_only_the_scope_check_can_start() -> None:
    checklist = checklist_for(scope_checked="nee")
    assert ids(checklist, "open") == {"klantbereik-nakijken"}


def test_the_second_phase_waits_for_the_first() -> None:
    """6.2: 'na bepaling behoefte in de vorige fase'; onboarding part 1 too."""
    checklist = checklist_for()
    for later in ("ddc-dms-toegang", "klantenportaal-rollen", "digitale-sleutels", "acm-idm-aansluiten"):
        waiting = entry(checklist_for(uses_acm_idm="nee", digital_keys="eid"), later)
        assert waiting is not None and waiting.status == "blocked", later
    assert ids(checklist, "open") == {"behoefte-beschrijven", "service-desk-kennen"}


EWA_ONLY = {"service_types": ["eenvoudige-werkaanvragen"], "ewa_tasks": ["indienen"], "optional_systems": ["cmdb2"]}


def test_ewa_only_customers_get_no_work_request_and_phase_3_waits_for_the_ordered_ewa() -> None:
    """6.3: phase 3 starts 'nadat u de offerte heeft besteld'; an EWA is ordered once approved (6.2.1.3)."""
    checklist = checklist_for(**EWA_ONLY)
    assert not {"werkaanvraag-voorbereiden", "werkaanvraag-invullen", "uitvoering-opvolgen"} & ids(checklist)
    phase_3 = {i.id for s in CONTENT.journey.phases[2].steps for i in s.items}
    phase_2 = {i.id for s in CONTENT.journey.phases[1].steps for i in s.items}
    for current in rounds({**BASE, **EWA_ONLY}):
        status = {e.item.id: e.status for e in current.items()}
        if any(status[i] != "done" for i in phase_2 & set(status)):
            assert not [i for i in phase_3 & set(status) if status[i] == "open"], status
    assert "De gids" in " ".join(item_text(CONTENT, checklist, entry(checklist, "ewa-besteld")).details)  # type: ignore[arg-type]


@pytest.mark.parametrize("colleague", [["goedkeuren"], ["geen"]])
def test_ewa_only_customers_whose_colleague_submits_still_wait_for_the_portal(colleague: list[str]) -> None:
    checklist = checklist_for(**{**EWA_ONLY, "ewa_tasks": colleague})
    licence = entry(checklist, "cognos-licentie")
    assert licence is not None and licence.status == "blocked"


@pytest.mark.parametrize("question", ["needs", "service_types"])
def test_not_known_yet_the_help_of_account_and_demand_management_is_not_circular(question: str) -> None:
    """6.1.3: the team helps precisely when the need is not yet fully known: it does not wait for the need."""
    checklist = checklist_for(**{question: ["weet-niet"]})
    help_item = entry(checklist, "behoefte-concretiseren")
    assert help_item is not None and help_item.status == "open"


def test_not_submitting_the_work_request_yourself_names_the_colleague_with_the_role() -> None:
    checklist = checklist_for(submits_projects=False)
    submit = entry(checklist, "werkaanvraag-invullen")
    assert submit is not None
    words = " ".join(item_text(CONTENT, checklist, submit).details)
    assert "collega" in words and "'Indiener project-werkaanvragen'" in words
    assert "Indiener project-werkaanvragen" not in {
        r.name for e in checklist.items() for line in e.roles for r in line.roles
    }


def mail_text(checklist: Checklist, mail_id: str) -> str:
    from instapgids.presentation.mails import drafts

    return next(d.body for d in drafts(CONTENT, checklist) if d.id == mail_id)


@pytest.mark.parametrize("in_it", ["ja", "nee"])
def test_local_user_management_decides_the_cmdb2_mail_and_the_licence_step(in_it: str) -> None:
    checklist = checklist_for(org_kind="lokaal-bestuur", local_user_management=in_it, optional_systems=["cmdb2"])
    says = "Onze organisatie gebruikt 'gebruikersbeheer lokale besturen'" in mail_text(checklist, "cmdb2-leesrechten")
    assert says == (in_it == "ja")
    assert ("cognos-licentie-lokaal-bestuur" in ids(checklist)) == (in_it == "ja")
    assert "cmdb2-recht-lokaal-bestuur" in ids(checklist)  # 6.3.1.2: every lokaal bestuur


def test_not_knowing_about_local_user_management_brings_a_step_to_find_out_that_the_rest_waits_for() -> None:
    checklist = checklist_for(org_kind="andere", local_user_management="weet-niet", optional_systems=["cmdb2"])
    find_out = entry(checklist, "gebruikersbeheer-navragen")
    assert find_out is not None
    for later in ("cognos-licentie-lokaal-bestuur", "cmdb2-procedure-navragen"):
        assert "gebruikersbeheer-navragen" in entry(checklist, later).waits_for, later  # type: ignore[union-attr]


def test_not_knowing_about_acm_idm_brings_a_step_to_find_out_that_the_connection_waits_for() -> None:
    checklist = checklist_for(uses_acm_idm="weet-niet")
    assert "acm-idm-navragen" in entry(checklist, "acm-idm-aansluiten").waits_for  # type: ignore[union-attr]
    assert "IT-dienst" in " ".join(item_text(CONTENT, checklist, entry(checklist, "acm-idm-navragen")).details)  # type: ignore[arg-type]


def test_no_acm_idm_connects_before_any_request_to_the_local_administrator() -> None:
    checklist = checklist_for(uses_acm_idm="nee", optional_systems=["cmdb2"], org_kind="lokaal-bestuur",
                              local_user_management="nee")  # fmt: skip
    for request in ("lokale-beheerder-aanvraag", "ddc-dwh-recht", "cmdb2-recht-lokaal-bestuur"):
        assert "acm-idm-aansluiten" in entry(checklist, request).waits_for, request  # type: ignore[union-attr]


def test_local_user_management_yes_without_acm_idm_says_what_the_guide_says() -> None:
    checklist = checklist_for(org_kind="lokaal-bestuur", local_user_management="ja", uses_acm_idm="nee")
    words = " ".join(item_text(CONTENT, checklist, entry(checklist, "acm-idm-aansluiten")).details)  # type: ignore[arg-type]
    assert "gebruikersbeheer lokale besturen" in words


def test_customer_forums_wait_for_ddc_dms_access() -> None:
    """7.2: the reports are on DDC-DMS."""
    assert "ddc-dms-toegang" in entry(checklist_for(), "klantenfora").waits_for  # type: ignore[union-attr]


@pytest.mark.parametrize("item", list(ITEMS.values()), ids=lambda i: i.id)
def test_a_system_an_item_needs_is_placed_in_that_items_phase(item: Item) -> None:
    """`systems` shows each system in the phases where the checklist needs it (Delegate365: requested in phase 2)."""
    phase = next(p.id for p in CONTENT.journey.phases for s in p.steps for i in s.items if i.id == item.id)
    for system in item.systems:
        assert phase in CONTENT.system_by_id[system].phases, (system, phase)
