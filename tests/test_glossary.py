"""The glossary (data/glossary.yaml): well-formed entries that cite existing guide sections.

Independent of the package code on purpose: it reads the YAML with PyYAML only, until the
content validator covers the glossary.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from conftest import DATA, flat

REQUIRED_FIELDS = {"id", "term", "short", "section"}
OPTIONAL_FIELDS = {"aliases", "more", "see"}
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SHORT_MAX = 160
MORE_MAX_SENTENCES = 3
# A sentence ends with . ! or ? followed by a space or the end of the text ("o.a." would count: avoid it).
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
# One register: "u". Informal forms and "hebt" (the content writes "u heeft") are not used.
OTHER_REGISTER = re.compile(r"\b(je|jij|jou|jouw|hebt)\b", re.IGNORECASE)

# Terms issue 10 asks for; each must be the term or an alias of an entry.
REQUIRED_TERMS = [
    "perceel",
    "ICT-partner",
    "hoofdaannemer",
    "werkaanvraag",
    "EWA",
    "project",
    "ondersteuning in-regie",
    "exploitatie",
    "minicompetitie",
    "ACM/IDM",
    "IDM",
    "lokale beheerder",
    "digitale sleutels",
    "eIDAS",
    "BIS-nummer",
    "Bisdesk",
    "Klantenportaal",
    "DDC-DMS",
    "DDC-DWH",
    "CMDB2",
    "klantbereik",
]


def load(name: str) -> Any:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


GLOSSARY = load("glossary.yaml")
TERMS: list[dict[str, Any]] = GLOSSARY["terms"] if isinstance(GLOSSARY, dict) else []
SECTIONS = {str(section["number"]) for section in load("guide.yaml")["sections"]}


def term_id(entry: dict[str, Any]) -> str:
    return str(entry.get("id", "?"))


def names(entry: dict[str, Any]) -> list[str]:
    """The term and its aliases, as written."""
    return [entry["term"], *(entry.get("aliases") or [])]


def fold(text: str) -> str:
    return flat(text).casefold()


def test_the_file_has_terms() -> None:
    assert isinstance(GLOSSARY, dict) and set(GLOSSARY) == {"terms"}, "glossary.yaml: one key, 'terms'"
    assert isinstance(TERMS, list) and len(TERMS) >= len(REQUIRED_TERMS)


def test_ids_are_unique() -> None:
    ids = [term_id(entry) for entry in TERMS]
    doubles = sorted({i for i in ids if ids.count(i) > 1})
    assert not doubles, f"ids die meer dan eens voorkomen: {doubles}"


def test_sections_of_guide_yaml_are_found() -> None:
    assert {"2", "6.2.1.2", "6.3.1.4.1.5", "7.1"} <= SECTIONS


@pytest.mark.parametrize("entry", TERMS, ids=term_id)
def test_entry_fields(entry: dict[str, Any]) -> None:
    assert isinstance(entry, dict)
    missing = REQUIRED_FIELDS - set(entry)
    assert not missing, f"ontbrekende velden: {sorted(missing)}"
    unknown = set(entry) - REQUIRED_FIELDS - OPTIONAL_FIELDS
    assert not unknown, f"onbekende velden: {sorted(unknown)}"
    for field in ("id", "term", "short", "section", "more"):
        if field in entry:
            assert isinstance(entry[field], str) and entry[field].strip(), f"{field}: niet-lege tekst verwacht"
    for field in ("aliases", "see"):
        if field in entry:
            value = entry[field]
            assert isinstance(value, list) and value, f"{field}: een niet-lege lijst verwacht"
            assert all(isinstance(v, str) and v.strip() for v in value), f"{field}: alleen niet-lege tekst"


@pytest.mark.parametrize("entry", TERMS, ids=term_id)
def test_id_is_well_formed(entry: dict[str, Any]) -> None:
    assert ID.match(entry["id"]), f"id {entry['id']!r}: kleine letters, cijfers en koppeltekens"


@pytest.mark.parametrize("entry", TERMS, ids=term_id)
def test_short_is_one_sentence_of_at_most_160_characters(entry: dict[str, Any]) -> None:
    short = entry["short"].strip()
    assert "\n" not in short
    assert len(short) <= SHORT_MAX, f"short is {len(short)} tekens lang (max {SHORT_MAX})"
    assert short.endswith("."), "short eindigt met een punt"
    assert len(SENTENCE_END.findall(short)) == 1, f"short is meer dan één zin: {short!r}"


@pytest.mark.parametrize("entry", [e for e in TERMS if "more" in e], ids=term_id)
def test_more_is_one_to_three_sentences(entry: dict[str, Any]) -> None:
    more = entry["more"].strip()
    assert more.endswith((".", "?", "!"))
    assert 1 <= len(SENTENCE_END.findall(more)) <= MORE_MAX_SENTENCES, f"more: 1 tot {MORE_MAX_SENTENCES} zinnen"


@pytest.mark.parametrize("entry", TERMS, ids=term_id)
def test_register_is_u(entry: dict[str, Any]) -> None:
    for field in ("short", "more"):
        found = OTHER_REGISTER.findall(entry.get(field, ""))
        assert not found, f"{field}: schrijf in de u-vorm ('u heeft'), niet {found}"


@pytest.mark.parametrize("entry", TERMS, ids=term_id)
def test_section_is_listed_in_guide_yaml(entry: dict[str, Any]) -> None:
    assert isinstance(entry["section"], str), 'section tussen aanhalingstekens, zoals "6.2.1.2"'
    assert entry["section"] in SECTIONS, f"sectie {entry['section']!r} staat niet in guide.yaml"


@pytest.mark.parametrize("entry", [e for e in TERMS if "see" in e], ids=term_id)
def test_see_refers_to_other_existing_ids(entry: dict[str, Any]) -> None:
    ids = {term_id(e) for e in TERMS}
    unknown = [ref for ref in entry["see"] if ref not in ids]
    assert not unknown, f"see verwijst naar onbekende ids: {unknown}"
    assert entry["id"] not in entry["see"], "see verwijst naar de term zelf"
    assert len(set(entry["see"])) == len(entry["see"]), "see noemt een id meer dan eens"


@pytest.mark.parametrize("entry", TERMS, ids=term_id)
def test_aliases_differ_from_the_term_and_each_other(entry: dict[str, Any]) -> None:
    folded = [fold(name) for name in names(entry)]
    doubles = sorted({name for name in folded if folded.count(name) > 1})
    assert not doubles, f"dubbele schrijfwijzen (hoofdletters tellen niet): {doubles}"


def test_no_name_belongs_to_two_terms() -> None:
    owner: dict[str, str] = {}
    clashes = []
    for entry in TERMS:
        for name in names(entry):
            key = fold(name)
            if key in owner and owner[key] != entry["id"]:
                clashes.append(f"{name!r}: {owner[key]} en {entry['id']}")
            owner.setdefault(key, entry["id"])
    assert not clashes, "namen die bij twee termen horen: " + "; ".join(clashes)


@pytest.mark.parametrize("required", REQUIRED_TERMS)
def test_required_term_is_present(required: str) -> None:
    known = {fold(name) for entry in TERMS for name in names(entry)}
    assert fold(required) in known, f"{required!r} staat niet in glossary.yaml (als term of alias)"


def test_explain_service_integratie_is_the_team_the_checklist_tells_you_to_mail(cli: Any) -> None:
    """'Mail het team Service-Integratie' on the checklist: `explain service-integratie` is that team, not lot 1."""
    result = cli("explain", "service-integratie")
    assert result.code == 0, result.text
    assert "ict.gos@vlaanderen.be" in flat(result.out)
