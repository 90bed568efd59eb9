"""The look-ups: `systems`, `systems NAME` (per kind of organisation), `contacts`, `journey` and `search`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import AGENTSCHAP, DATA, LOKAAL, Result, flat, no_traceback

pytestmark = pytest.mark.usefixtures("shared_content_cache")


@cache
def data(name: str) -> Any:
    return yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))


def systems() -> list[dict[str, Any]]:
    found = data("systems")["systems"]
    assert isinstance(found, list)
    return found


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def ok(result: Result) -> str:
    assert result.code == 0, result.text
    no_traceback(result)
    return result.out


# --------------------------------------------------------------------------- systems


def _first_column(out: str) -> str:
    """The 'Systeem' column of the table, its cells joined in order (a long name wraps inside its cell)."""
    cells = [line.split("│")[1].strip() for line in out.splitlines() if line.startswith("│")]
    return " ".join(cell for cell in cells if cell)


def test_systems_lists_every_system(cli: Callable[..., Result]) -> None:
    out = ok(cli("systems"))
    column = _first_column(out)
    names = [s["name"] for s in systems()]
    at = [column.find(name) for name in names]
    assert -1 not in at, [n for n, i in zip(names, at, strict=True) if i < 0]
    assert at == sorted(at), "in the order of systems.yaml"
    assert "instapgids systems <naam>" in out


def _lookups() -> list[tuple[str, str]]:
    """(what the user types, the system id it must find): id, name and aliases in odd case, and short prefixes."""
    every = [(s["id"], [fold(n) for n in (s["id"], s["name"], *s.get("aliases", []))]) for s in systems()]
    cases: list[tuple[str, str]] = []
    for system in systems():
        cases += [(system["id"].upper(), system["id"]), (system["name"].swapcase(), system["id"])]
        cases += [(alias.upper(), system["id"]) for alias in system.get("aliases", [])]
        for length in range(2, len(system["id"])):
            prefix = fold(system["id"][:length])
            owners = {sid for sid, names in every if any(n.startswith(prefix) for n in names)}
            if owners == {system["id"]}:
                cases.append((system["id"][:length].title(), system["id"]))
                break
    return cases


@pytest.mark.parametrize(("query", "system_id"), _lookups(), ids=lambda v: str(v))
def test_systems_name_finds_by_id_name_alias_and_prefix(query: str, system_id: str, cli: Callable[..., Result]) -> None:
    out = ok(cli("systems", query))
    system = next(s for s in systems() if s["id"] == system_id)
    assert flat(out).startswith(f"{system['name']} (§{system['section']})"), out[:200]
    assert flat(system["purpose"]) in flat(out)
    for procedure in system.get("access", []):
        assert flat(procedure["label"]) in flat(out)


def test_the_lookup_cases_cover_prefixes_and_aliases() -> None:
    cases = _lookups()
    ids = {s["id"] for s in systems()}
    assert sum(1 for q, sid in cases if fold(q) != fold(sid) and fold(sid).startswith(fold(q))) >= len(ids) // 2
    assert sum(1 for s in systems() for _ in s.get("aliases", [])) >= 5


@pytest.mark.parametrize("query", ["zzz-onbekend", "ddc", "d"], ids=["unknown", "ambiguous-ddc", "ambiguous-d"])
def test_an_unknown_or_ambiguous_system_lists_the_valid_ids(query: str, cli: Callable[..., Result]) -> None:
    result = cli("systems", query)
    assert result.code == 2, result.text
    no_traceback(result)
    assert f"Geen systeem gevonden voor '{query}'" in result.err
    listed = flat(result.err).split("Kies een van:", 1)[1]
    assert [i.strip(" .") for i in listed.split(",")] == [s["id"] for s in systems()]


def _variants() -> tuple[dict[str, Any], dict[str, str]]:
    """CMDB2 and the label of its access procedure per kind of organisation."""
    cmdb2 = next(s for s in systems() if s["id"] == "cmdb2")
    labels = {"vlaamse-overheid": cmdb2["access"][0]["label"], "lokaal-bestuur": cmdb2["access"][1]["label"]}
    assert labels["lokaal-bestuur"] != labels["vlaamse-overheid"]
    return cmdb2, labels


@pytest.mark.parametrize(
    ("kind", "in_it", "procedure"),
    [("andere", "ja", 1), ("lokaal-bestuur", "nee", 0), ("lokaal-bestuur", "ja", 1), ("vlaamse-overheid", None, 0)],
)
def test_ddc_dwh_access_follows_local_user_management_not_the_kind_of_organisation(
    kind: str, in_it: str | None, procedure: int, cli: Callable[..., Result], tmp_path: Path
) -> None:
    """6.3.1.1: what decides is being in 'gebruikersbeheer lokale besturen', for any kind of organisation."""
    answers = yaml.safe_load(LOKAAL.read_text(encoding="utf-8"))
    answers["answers"]["org_kind"] = kind
    answers["answers"].pop("local_user_management", None)
    if in_it is not None:
        answers["answers"]["local_user_management"] = in_it
    given = tmp_path / "antwoorden.yaml"
    given.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    assert cli("start", "--answers", str(given), "--profile", "klant").code == 0
    ddc_dwh = next(s for s in systems() if s["id"] == "ddc-dwh")
    out = flat(ok(cli("systems", "ddc-dwh", "--profile", "klant")))
    local = flat(ddc_dwh["access"][1]["steps"][0])  # the one that says to mention it
    assert (local in out) == (procedure == 1), out


@pytest.mark.parametrize(
    ("example", "kind", "other"),
    [(LOKAAL, "lokaal-bestuur", "vlaamse-overheid"), (AGENTSCHAP, "vlaamse-overheid", "lokaal-bestuur")],
    ids=["lokaal-bestuur", "vlaamse-overheid"],
)
def test_system_access_follows_the_kind_of_organisation_in_the_profile(
    example: Path, kind: str, other: str, cli: Callable[..., Result]
) -> None:
    _, labels = _variants()
    assert yaml.safe_load(example.read_text(encoding="utf-8"))["answers"]["org_kind"] == kind
    assert cli("start", "--answers", str(example), "--profile", "klant").code == 0
    out = flat(ok(cli("systems", "cmdb2", "--profile", "klant")))
    assert flat(labels[kind]) in out
    assert flat(labels[other]) not in out
    assert "uit uw profiel" in out


def test_system_access_without_a_profile_shows_every_variant(cli: Callable[..., Result]) -> None:
    cmdb2, _ = _variants()
    out = flat(ok(cli("systems", "cmdb2")))
    for procedure in cmdb2["access"]:
        assert flat(procedure["label"]) in out
        for step in procedure["steps"]:
            assert flat(step) in out
    assert "uit uw profiel" not in out


def test_system_with_a_profile_that_does_not_exist(cli: Callable[..., Result]) -> None:
    result = cli("systems", "cmdb2", "--profile", "bestaat-niet")
    assert result.code == 2, result.text
    no_traceback(result)
    assert "instapgids start" in result.err


# --------------------------------------------------------------------------- contacts


def test_contacts_shows_every_contact_name_and_address(cli: Callable[..., Result]) -> None:
    out = flat(ok(cli("contacts")))
    contacts = data("contacts")["contacts"]
    assert len(contacts) >= 10
    at = -1
    for contact in contacts:  # in the order of contacts.yaml
        at = out.find(f"{flat(contact['name'])} (§", at + 1)
        assert at >= 0, contact["name"]
        for key in ("email", "phone", "url"):
            if contact.get(key):
                assert str(contact[key]) in out, (contact["id"], key)
        for purpose in contact.get("purposes", []):
            assert flat(purpose) in out, purpose


# --------------------------------------------------------------------------- journey


def test_journey_shows_the_four_phases_their_steps_support_and_systems(cli: Callable[..., Result]) -> None:
    out = flat(ok(cli("journey")))
    journey = data("journey")
    contacts = {c["id"]: c["name"] for c in data("contacts")["contacts"]}
    names = {s["id"]: s["name"] for s in systems()}
    phases = journey["phases"]
    assert [p["number"] for p in phases] == [1, 2, 3, 4]

    heads = [f"Fase {p['number']}: {p['title']}" for p in phases]
    at = [out.find(head) for head in heads]
    assert -1 not in at and at == sorted(at), heads
    chunks = [out[start:end] for start, end in zip(at, [*at[1:], len(out)], strict=True)]
    for phase, chunk in zip(phases, chunks, strict=True):
        for step in phase["steps"]:
            assert f"Stap {step['number']}: {flat(step['title'])}" in chunk, step["title"]
        support = ", ".join(contacts[c] for c in phase["support"]) or "—"
        used = ", ".join(names[s] for s in phase["systems"]) or "—"
        assert f"Ondersteuning: {support}" in chunk, phase["id"]
        assert f"Systemen: {used}" in chunk, phase["id"]


# --------------------------------------------------------------------------- search


def _hits(out: str) -> list[str]:
    return re.findall(r"^\[[a-z]+\] .*$", out, re.M)


def test_search_ignores_accents_and_case(cli: Callable[..., Result]) -> None:
    plain = ok(cli("search", "coordinatie"))
    assert "coördinatie" in plain.lower()
    hits = _hits(plain)
    assert hits
    assert _hits(ok(cli("search", "COÖRDINATIE"))) == hits
    assert _hits(ok(cli("search", "Coördinatie"))) == hits

    upper = ok(cli("search", "REDMINE"))
    assert "[systeem] Redmine" in upper
    assert _hits(upper) == _hits(ok(cli("search", "redmine")))


def test_search_shows_kind_title_and_section_of_each_hit(cli: Callable[..., Result]) -> None:
    from instapgids.content.load import load_content
    from instapgids.presentation.search import search

    out = ok(cli("search", "CMDB2"))
    expected = search(load_content(), "CMDB2")
    assert len(expected) > 3
    assert f"{len(expected)} resultaten voor 'CMDB2':" in out
    hits = _hits(out)
    assert len(hits) == len(expected)
    for line, hit in zip(hits, expected, strict=True):
        assert line.startswith(f"[{hit.kind}] {hit.title}")
        assert line.endswith(f"(§{hit.section})"), line
    for hit in expected:
        assert "cmdb2" in fold(hit.title + hit.snippet)


def test_search_with_several_words_needs_all_of_them(cli: Callable[..., Result]) -> None:
    both = _hits(ok(cli("search", "cmdb2", "lokale")))
    assert both
    assert set(both) <= set(_hits(ok(cli("search", "cmdb2"))))
    assert set(both) <= set(_hits(ok(cli("search", "lokale"))))


def test_search_without_hits_says_so_in_dutch(cli: Callable[..., Result]) -> None:
    result = cli("search", "qqxyzzy")
    assert result.code == 0, result.text
    no_traceback(result)
    assert "Niets gevonden voor 'qqxyzzy'" in result.out
    assert _hits(result.out) == []
