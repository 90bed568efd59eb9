"""The words the user reads, line for line: why an item is brought in by a ``none:``, contacts,
documents and the rights and roles in a request (presentation/words.py on tests/engine_content).

Part of the mutation run with test_engine.py (see README, "Ontwikkeling"): each row pins down one
exact Dutch line, so a mutant that changes what a user reads fails a row.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from pydantic import TypeAdapter

from instapgids.content import models as m
from instapgids.engine.checklist import build_checklist
from instapgids.presentation.words import contact_text, describe_reasons, document_text, role_texts
from test_engine import CONTENT, SCENARIOS, checklist, entry, with_item

# --------------------------------------------------------------------------- an item brought in by none:

# (the user, the `when` of an extra item, the lines the user reads as its reasons)
NONE_WORDS: list[tuple[str, dict[str, Any], list[str]]] = [
    # a lot that is not needed says so: "niet nodig", never "nodig"
    ("overheid", {"none": [{"lot": 2}]}, ["U heeft perceel 2 (Netwerk) niet nodig."]),
    # fewer lots than the count: "niet meer dan één", with the lots, or "geen"
    ("overheid", {"none": [{"lots_at_least": 2}]}, ["U heeft niet meer dan één perceel nodig: 1 (Integratie)."]),
    ("weet-niet", {"none": [{"lots_at_least": 2}]}, ["U heeft niet meer dan één perceel nodig: geen."]),
    ("overheid", {"none": [{"suppliers_at_least": 2}]},
     ["U heeft diensten van niet meer dan één leverancier nodig: Alfa."]),
    ("weet-niet", {"none": [{"suppliers_at_least": 2}]},
     ["U heeft diensten van niet meer dan één leverancier nodig: geen."]),
    # a question that was not asked
    ("overheid", {"none": [{"answer": "cloud_managed", "equals": True}]},
     ["Cloud al beheerd: niet gevraagd bij uw antwoorden."]),
    # an answer that was given says itself, and the unasked question is then left out
    ("overheid", {"none": [{"answer": "cloud_managed", "equals": True}, {"answer": "org_kind", "equals": "lokaal"}]},
     ["Soort organisatie: Een overheidsdienst"]),
    # the parts of an all, any or none inside the none, in order
    ("overheid", {"none": [{"all": [{"lot": 2}, {"answer": "org_kind", "equals": "lokaal"}]}]},
     ["U heeft perceel 2 (Netwerk) niet nodig.", "Soort organisatie: Een overheidsdienst"]),
    ("overheid", {"none": [{"any": [{"lots_at_least": 2}, {"answer": "scope", "equals": "nee"}]}]},
     ["U heeft niet meer dan één perceel nodig: 1 (Integratie).", "Klantbereik: Ja, nagekeken"]),
    ("overheid", {"none": [{"lot": 3}, {"any": [{"lot": 2}, {"lot": 3}]}]},
     ["U heeft perceel 3 (Cloud) niet nodig.", "U heeft perceel 2 (Netwerk) niet nodig."]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "form", "lines"), NONE_WORDS, ids=[str(i) for i in range(len(NONE_WORDS))])
def test_an_item_brought_in_by_none_says_what_is_not_so(name: str, form: dict[str, Any], lines: list[str]) -> None:
    content = with_item(form)
    found = build_checklist(content, SCENARIOS[name])
    assert describe_reasons(content, found, entry(found, "extra")) == lines


# A none over an all or a none names only what is not so (inside an all) or what is so (inside a none).
NONE_DEFECTS: list[tuple[str, dict[str, Any], list[str]]] = [
    # lot 1 is needed; the all fails on the kind of organisation only
    ("overheid", {"none": [{"all": [{"lot": 1}, {"answer": "org_kind", "equals": "lokaal"}]}]},
     ["Soort organisatie: Een overheidsdienst"]),
    # not (lot 1 is not needed) = lot 1 is needed
    ("overheid", {"none": [{"none": [{"lot": 1}]}]}, ["U heeft perceel 1 (Integratie) nodig."]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "form", "lines"), NONE_DEFECTS, ids=["all", "none"])
def test_a_none_over_all_or_none_names_only_what_is_not_so(name: str, form: dict[str, Any], lines: list[str]) -> None:
    content = with_item(form)
    found = build_checklist(content, SCENARIOS[name])
    assert describe_reasons(content, found, entry(found, "extra")) == lines


# "andere" needs lots 1 and 3, both from Alfa: two lots, one supplier. Every part of a none, at any
# depth, counts suppliers (not lots): "more than one supplier" does not hold, "more than one lot" does.
ONE_SUPPLIER = "U heeft diensten van niet meer dan één leverancier nodig: Alfa."
NONE_SUPPLIERS: list[tuple[str, dict[str, Any], list[str]]] = [
    # an all that fails on the suppliers only
    ("all", {"none": [{"all": [{"suppliers_at_least": 2}, {"lot": 1}]}]}, [ONE_SUPPLIER]),
    # an all inside that all
    ("all-in-all", {"none": [{"all": [{"lot": 1}, {"all": [{"suppliers_at_least": 2}, {"lot": 3}]}]}]},
     [ONE_SUPPLIER]),
    # an all inside an any
    ("all-in-any", {"none": [{"any": [{"lot": 2}, {"all": [{"suppliers_at_least": 2}, {"lot": 1}]}]}]},
     ["U heeft perceel 2 (Netwerk) niet nodig.", ONE_SUPPLIER]),
    # a none inside: only what holds is said, and the count of suppliers does not hold
    ("none", {"none": [{"none": [{"suppliers_at_least": 2}, {"answer": "org_kind", "equals": "andere"}]}]},
     ["Soort organisatie: Een andere organisatie"]),
]  # fmt: skip


@pytest.mark.parametrize(("form", "lines"), [r[1:] for r in NONE_SUPPLIERS], ids=[r[0] for r in NONE_SUPPLIERS])
def test_a_none_counts_suppliers_at_every_depth(form: dict[str, Any], lines: list[str]) -> None:
    content = with_item(form)
    found = build_checklist(content, SCENARIOS["andere"])
    assert describe_reasons(content, found, entry(found, "extra")) == lines


def test_a_supplier_the_content_does_not_know_is_named_perceel_and_its_number() -> None:
    found = checklist("netwerk")  # lots 1 (Alfa) and 2 (Beta / Gamma)
    content = copy.copy(CONTENT)
    content.lot_by_number = {1: CONTENT.lot_by_number[1]}  # lot 2 unknown
    assert describe_reasons(content, found, entry(found, "hoofdaannemer")) == [
        "U heeft diensten van meer dan één leverancier nodig: Alfa, perceel 2."
    ]


# --------------------------------------------------------------------------- rights and roles in a request

ROLE_WORDS: list[tuple[str, str, list[str]]] = [
    ("overheid", "aanvraag", ["recht 'Portaalgebruiker' met de rollen 'Basisrol', 'Indiener'",
                              "recht 'Datawarehousegebruiker'"]),
    ("netwerk", "dwh-toegang", ["recht 'Datawarehousegebruiker' met rol 'Rapportenlezer'"]),
    ("lokaal", "indienen", ["recht 'Portaalgebruiker' met de rollen 'Indiener', 'Goedkeurder'"]),
    ("weet-niet", "aanvraag", ["recht 'Portaalgebruiker' met rol 'Basisrol'"]),
    ("andere", "dwh-toegang", []),  # done by the answers: nothing to ask
]  # fmt: skip


@pytest.mark.parametrize(("name", "item", "lines"), ROLE_WORDS, ids=[f"{n}-{i}" for n, i, _ in ROLE_WORDS])
def test_role_texts(name: str, item: str, lines: list[str]) -> None:
    assert role_texts(entry(checklist(name), item)) == lines


# --------------------------------------------------------------------------- contacts and documents

CONTACT = {"id": "c", "name": "Servicedesk", "kind": "team", "purposes": ["Vragen."], "sections": ["1"]}

CONTACT_WORDS: list[tuple[dict[str, Any], str]] = [
    ({}, "Servicedesk"),
    ({"email": "sd@proef.be"}, "Servicedesk — sd@proef.be"),
    ({"phone": "02 123 45 67"}, "Servicedesk — tel. 02 123 45 67"),
    ({"phone": "02 123 45 67", "phone_internal": "4567"}, "Servicedesk — tel. 02 123 45 67 (intern 4567)"),
    ({"url": "https://proef.be/sd"}, "Servicedesk — https://proef.be/sd"),
    ({"how_to_reach": "Via uw beheerder."}, "Servicedesk — Via uw beheerder."),
    # everything, in this order; how to reach is left out when there is an e-mail address
    ({"email": "sd@proef.be", "phone": "02 123", "phone_internal": "45", "url": "https://proef.be",
      "how_to_reach": "Via uw beheerder."}, "Servicedesk — sd@proef.be — tel. 02 123 (intern 45) — https://proef.be"),
    ({"phone": "02 123", "url": "https://proef.be", "how_to_reach": "Via uw beheerder."},
     "Servicedesk — tel. 02 123 — https://proef.be — Via uw beheerder."),
]  # fmt: skip


@pytest.mark.parametrize(("fields", "text"), CONTACT_WORDS, ids=[str(i) for i in range(len(CONTACT_WORDS))])
def test_contact_text(fields: dict[str, Any], text: str) -> None:
    assert contact_text(TypeAdapter(m.Contact).validate_python({**CONTACT, **fields})) == text


DOCUMENT = {"id": "d", "title": "Contract", "kind": "contract", "sections": ["1"]}

DOCUMENT_WORDS: list[tuple[dict[str, Any], str]] = [
    ({"where": "Op DDC-DMS."}, "Contract — Op DDC-DMS."),
    ({"url": "https://proef.be/c"}, "Contract (https://proef.be/c)"),
    ({"url": "https://proef.be/c", "available_after": "onboarding-deel-1"},
     "Contract (https://proef.be/c, beschikbaar na onboarding deel 1)"),
    ({"available_after": "onboarding-deel-2", "where": "Op DDC-DMS."},
     "Contract (beschikbaar na onboarding deel 2) — Op DDC-DMS."),
]  # fmt: skip


@pytest.mark.parametrize(("fields", "text"), DOCUMENT_WORDS, ids=[str(i) for i in range(len(DOCUMENT_WORDS))])
def test_document_text(fields: dict[str, Any], text: str) -> None:
    assert document_text(TypeAdapter(m.Document).validate_python({**DOCUMENT, **fields})) == text
