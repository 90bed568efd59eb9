"""The request to the local administrator says which answer brought in which right or role (issue 10)."""

from __future__ import annotations

from typing import Any

from conftest import EXAMPLES, checklist_of

GATHERER = "lokale-beheerder-aanvraag"


def _gatherer(content: Any, example: str) -> tuple[Any, Any]:
    checklist = checklist_of(content, EXAMPLES / example)
    return checklist, next(e for e in checklist.items() if e.item.id == GATHERER)


def test_each_requested_role_knows_the_item_and_answers_that_asked_for_it(content: Any) -> None:
    _, entry = _gatherer(content, "agentschap-applicaties.yaml")
    (line,) = [line for line in entry.roles if line.right.id == "servicenow-gebruiker"]
    origins = {o.wanted: o for o in line.because}
    assert set(origins) == {"servicenow-gebruiker", *(r.id for r in line.roles)}
    assert all(o.item == "klantenportaal-rollen" for o in origins.values())
    assert origins["klantportaalgebruiker"].reasons == ()  # always asked for
    assert [r.question for r in origins["indiener-ewa"].reasons] == ["ewa_tasks"]
    assert origins["indiener-ewa"].reasons[0].values == ("indienen",)


def test_the_why_of_the_request_names_the_answer_per_role(content: Any) -> None:
    from instapgids.presentation.words import describe_reasons

    checklist, entry = _gatherer(content, "agentschap-applicaties.yaml")
    lines = describe_reasons(content, checklist, entry)
    ewa = content.question_by_id["ewa_tasks"].label
    assert lines[0].startswith("Nodig voor: ")
    assert "Rol 'Klantportaalgebruiker' — altijd nodig" in lines
    assert any(line.startswith(f"Rol 'Indiener EWAs' — {ewa}: ") for line in lines), lines
    assert not any("Goedkeurder" in line for line in lines if "Indiener EWAs" in line)
