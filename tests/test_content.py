"""The shipped content: it validates, it holds the guide's facts, and broken content is reported precisely."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import AGENTSCHAP, DATA, Result, flat, no_traceback, shared_source

GUIDE_DIR = shared_source()
GUIDE_TEXT = GUIDE_DIR / "instapgids-ict-raamcontracten-2022-v1.01.txt"

# Words of PyYAML/libyaml/pydantic messages that must never reach a content editor untranslated.
ENGLISH = re.compile(
    r"\b(found|expected|allowed|character|context|mapping values|could not|field required|input should)\b", re.I
)


def load(name: str, directory: Path = DATA) -> Any:
    return yaml.safe_load((directory / name).read_text(encoding="utf-8"))


def all_data_text() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(DATA.iterdir()) if p.is_file()}


def guide_text() -> str:
    if not GUIDE_TEXT.is_file():
        pytest.skip(f"de brontekst van de gids staat niet in {GUIDE_DIR}")
    return GUIDE_TEXT.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- the shipped content validates


def expected_counts() -> dict[str, int]:
    lots = load("lots.yaml")["lots"]
    phases = load("journey.yaml")["phases"]
    steps = [step for phase in phases for step in phase["steps"]]
    rights = load("roles.yaml")["rights"]
    return {
        "percelen": len(lots),
        "fases": len(phases),
        "stappen": len(steps),
        "checklistpunten": sum(len(step.get("items") or []) for step in steps),
        "systemen": len(load("systems.yaml")["systems"]),
        "rechten": len(rights),
        "rollen": sum(len(right.get("roles") or []) for right in rights),
        "contacten": len(load("contacts.yaml")["contacts"]),
        "documenten": len(load("documents.yaml")["documents"]),
        "vragen": len(load("interview.yaml")["questions"]),
    }


def test_shipped_content_validates_with_counts_from_the_yaml(cli: Callable[..., Result]) -> None:
    result = cli("validate")
    assert result.code == 0, result.text
    ok_line = next((line for line in result.out.splitlines() if line.startswith("OK: ")), None)
    assert ok_line is not None, result.out
    shown = {what: int(n) for n, what in re.findall(r"(\d+) ([a-z]+)", ok_line)}
    expected = expected_counts()
    # The guide fixes these two; the rest follows the YAML.
    assert expected["percelen"] == 6
    assert expected["fases"] == 4
    assert "6 percelen" in ok_line
    assert "4 fases" in ok_line
    for what, n in expected.items():
        assert shown.get(what) == n, f"{what}: {ok_line}"
    guide = load("guide.yaml")["guide"]
    assert f"v{guide['version']} ({guide['date']})" in result.out
    assert "Traceback" not in result.text


# --------------------------------------------------------------------------- facts from the guide

LOT_PARTNERS = {
    1: ["Atos"],
    2: ["Cegeka"],
    3: ["Atos"],
    4: ["Proximus"],
    5: ["DXC-Cegeka", "Eviden", "Cronos"],
    6: ["DXC"],
}


def test_there_are_exactly_the_six_lots_of_the_guide() -> None:
    assert sorted(lot["number"] for lot in load("lots.yaml")["lots"]) == sorted(LOT_PARTNERS)


@pytest.mark.parametrize(("number", "partners"), sorted(LOT_PARTNERS.items()))
def test_lot_has_the_partners_of_the_guide(number: int, partners: list[str]) -> None:
    lots = {lot["number"]: lot for lot in load("lots.yaml")["lots"]}
    assert number in lots
    assert [p["name"] for p in lots[number]["partners"]] == partners


CONTACT_EMAILS = [
    "demand@vlaanderen.be",
    "ict.gos@vlaanderen.be",
    "werkaanvragenbeheer.vo@atos.net",
    "jan.pintelon@vlaanderen.be",
    "vo.support@cegeka.com",
    "servicedesk@vlaanderen.be",
]


@pytest.mark.parametrize("email", CONTACT_EMAILS)
def test_contact_of_the_guide_is_present(email: str) -> None:
    assert email in [c.get("email") for c in load("contacts.yaml")["contacts"]]


def test_service_desk_has_the_phone_number_of_the_guide() -> None:
    desk = [c for c in load("contacts.yaml")["contacts"] if c.get("email") == "servicedesk@vlaanderen.be"]
    assert len(desk) == 1
    assert desk[0].get("phone") == "02 553 90 00"


def test_guide_version_and_date() -> None:
    guide = load("guide.yaml")["guide"]
    assert guide["version"] == "1.01"
    assert guide["date"] == "17-05-2024"


@pytest.mark.parametrize("chapter", ["1", "4"])
def test_gap_recorded_for_chapter_without_text(chapter: str) -> None:
    assert chapter in [gap["section"] for gap in load("guide.yaml")["gaps"]]


PERSONAL_ADDRESSES = [
    "johan.Stessens@cronos.be",
    "matthias.deigens@integratie-inburgering.be",
    "ronny.detender",
    "philippe.vanhassel",
    "sebastiaan.reyns",
    "jos.churgers",
]


@pytest.mark.parametrize("address", PERSONAL_ADDRESSES)
def test_personal_address_from_the_quote_screenshot_is_not_in_the_content(address: str) -> None:
    files = all_data_text()
    assert files, "no content files found"
    found = [name for name, text in files.items() if address.lower() in text.lower()]
    assert not found, f"{address} staat in {found}"


URL = re.compile(r"https?://[^\s'\"<>()\[\]{}]+")


def data_urls() -> list[str]:
    found = {url.rstrip(".,;:") for text in all_data_text().values() for url in URL.findall(text)}
    return sorted(found)


def test_the_content_has_urls_to_check() -> None:
    assert data_urls()


@pytest.mark.parametrize("url", data_urls())
def test_every_url_in_the_content_is_printed_in_the_guide(url: str) -> None:
    assert url in guide_text()


def data_emails() -> list[str]:
    found = {m for text in all_data_text().values() for m in re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text)}
    return sorted(found)


@pytest.mark.parametrize("email", data_emails())
def test_every_email_address_in_the_content_is_printed_in_the_guide(email: str) -> None:
    assert email.lower() in guide_text().lower()


KLANTENPORTAAL_ROLES = [
    "Klantportaalgebruiker",
    "Indiener EWAs",
    "Goedkeurder EWAs",
    "Indiener project-werkaanvragen",
    "VB Lokale beheerder",
]


@pytest.mark.parametrize("role", KLANTENPORTAAL_ROLES)
def test_klantenportaal_role_is_in_roles_yaml(role: str) -> None:
    names = [r["name"] for right in load("roles.yaml")["rights"] for r in right.get("roles") or []]
    assert role in names


# --------------------------------------------------------------------------- broken content


def yaml_paths(node: Any, target: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Every place in loaded YAML where ``target`` is a mapping key or a scalar value, in document order."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == target:
                yield (*path, key)
            yield from yaml_paths(value, target, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from yaml_paths(value, target, (*path, index))
    elif node == target and type(node) is type(target):
        yield path


def field_name(path: tuple[str | int, ...]) -> str:
    out = ""
    for element in path:
        out += f"[{element}]" if isinstance(element, int) else (f".{element}" if out else str(element))
    return out


def nth(target: Any, index: int = 0, then: str | None = None) -> Callable[[Any], str]:
    """The field of the index-th place of ``target`` (optionally its sibling ``then``)."""

    def field(doc: Any) -> str:
        found = list(yaml_paths(doc, target))
        assert len(found) > index, f"{target!r} not found {index + 1} times"
        path = found[index]
        return field_name((*path[:-1], then) if then else path)

    return field


@dataclass(frozen=True)
class Breakage:
    id: str
    file: str
    old: str
    new: str
    where: str  # text that occurs once in the broken file, on the line the problem must point at
    field: str | Callable[[Any], str]  # the field shown, or how to find it in the broken YAML
    message: str  # the Dutch message (may use {first}: the line of `first`)
    first: str | None = None  # for duplicates: text on the line of the first occurrence

    def apply(self, directory: Path) -> str:
        path = directory / self.file
        text = path.read_text(encoding="utf-8")
        assert text.count(self.old) == 1, f"{self.old!r} must occur once in {self.file}"
        broken = text.replace(self.old, self.new)
        path.write_text(broken, encoding="utf-8")
        return broken

    def expected(self, directory: Path) -> tuple[int, str, str]:
        broken = self.apply(directory)
        line = line_of(broken, self.where)
        field = self.field if isinstance(self.field, str) else self.field(yaml.safe_load(broken))
        message = self.message.format(first=line_of(broken, self.first) if self.first else "")
        return line, field, message


def line_of(text: str, where: str) -> int:
    assert text.count(where) == 1, f"{where!r} must occur once"
    return text[: text.index(where)].count("\n") + 1


BREAKAGES = [
    Breakage(
        "yaml-syntax",
        "lots.yaml",
        "      - name: Eviden\n",
        "     - name: Eviden\n",
        where="     - name: Eviden\n",
        field="(bestand)",
        message="ongeldige YAML: de inspringing klopt niet of er ontbreekt een sleutel",
    ),
    Breakage(
        "wrong-type",
        "lots.yaml",
        "  - number: 5\n",
        "  - number: vijf\n",
        where="number: vijf",
        field=nth("vijf"),
        message="moet een geheel getal zijn",
    ),
    Breakage(
        "missing-field",
        "lots.yaml",
        "    name: Mainframediensten\n",
        "",
        where="  - number: 6\n",
        field=nth(6, then="name"),
        message="verplicht veld ontbreekt",
    ),
    Breakage(
        "unknown-field",
        "lots.yaml",
        "    name: Werkplekdiensten\n",
        "    name: Werkplekdiensten\n    kleur: blauw\n",
        where="kleur: blauw",
        field=nth("kleur"),
        message="onbekend veld",
    ),
    Breakage(
        "dangling-contact",
        "journey.yaml",
        "contacts: [bisdesk]",
        "contacts: [bisdesk-bestaat-niet]",
        where="bisdesk-bestaat-niet",
        field=nth("bisdesk-bestaat-niet"),
        message="onbekend contact 'bisdesk-bestaat-niet'",
    ),
    Breakage(
        "duplicate-lot-id",
        "lots.yaml",
        "    id: perceel-4\n",
        "    id: perceel-3\n",
        where="id: perceel-3\n    name: Netwerkdiensten",
        field=nth("perceel-3", index=1),
        message="perceel-id 'perceel-3' komt twee keer voor (eerst op regel {first})",
        first="id: perceel-3\n    name: Cloud",
    ),
    Breakage(
        "duplicate-key",
        "lots.yaml",
        "    name: Netwerkdiensten\n",
        "    name: Netwerkdiensten\n    name: Netwerk\n",
        where="    name: Netwerk\n",
        field="(bestand)",
        message="sleutel 'name' staat twee keer in dezelfde mapping (eerst op regel {first})",
        first="    name: Netwerkdiensten\n",
    ),
    Breakage(
        "unknown-section",
        "lots.yaml",
        '  section: "6.1.2"\n',
        '  section: "6.1.9"\n',
        where='"6.1.9"',
        field=nth("6.1.9"),
        message="onbekende sectie '6.1.9'",
    ),
    Breakage(
        "unknown-option-in-condition",
        "journey.yaml",
        "{answer: scope_checked, equals: weet-niet}",
        "{answer: scope_checked, equals: kapot}",
        where="equals: kapot",
        field=nth("kapot"),
        message="onbekende optie van 'scope_checked': 'kapot'",
    ),
    Breakage(
        "no-organisation-name-question",
        "interview.yaml",
        "  - id: org_name\n    role: organisation_name\n",
        "  - id: org_name\n",
        where="  - id: org_name\n",
        field="questions",
        message="geen enkele vraag heeft 'role: organisation_name' (de naam van de organisatie)",
    ),
    Breakage(
        "two-organisation-kind-questions",
        "interview.yaml",
        "  - id: needs\n",
        "  - id: needs\n    role: organisation_kind\n",
        where="    role: organisation_kind\n    kind: checkbox",
        field="questions[4].role",
        message="meer dan één vraag heeft 'role: organisation_kind'",
    ),
    Breakage(
        "organisation-name-question-of-another-kind",
        "interview.yaml",
        "  - id: org_name\n    role: organisation_name\n    kind: text\n",
        "  - id: org_name\n    role: organisation_name\n    kind: confirm\n",
        where="    role: organisation_name\n    kind: confirm",
        field="questions[0].role",
        message="een vraag met 'role: organisation_name' is van soort 'text'",
    ),
]


def problem_lines(result: Result, directory: Path) -> list[tuple[str, int, str, str]]:
    """The problems in the output as (file name, line, field, message); each must name a file in directory."""
    found = []
    for line in result.err.splitlines():
        match = re.match(r"^(.+)/([\w.-]+\.yaml):(\d+):(\d+): (\S+): (.+)$", line)
        if match:
            folder, name, number, _column, field, message = match.groups()
            assert Path(folder).resolve() == directory.resolve(), line
            found.append((name, int(number), field, message))
    return found


def assert_reports_one_problem(result: Result, directory: Path, case: Breakage, expected: tuple[int, str, str]) -> None:
    line, field, message = expected
    assert result.code == 1, result.text
    assert "Traceback" not in result.text
    assert result.err.startswith("De inhoud bevat 1 fout:"), result.err
    problems = problem_lines(result, directory)
    assert problems == [(case.file, line, field, message)], result.err
    assert not ENGLISH.search(problems[0][3]), result.err


@pytest.mark.parametrize("case", BREAKAGES, ids=lambda c: c.id)
def test_broken_content_is_reported_at_its_place(
    case: Breakage, data_copy: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = case.expected(data_copy)

    validated = cli("validate", "--data-dir", str(data_copy))
    assert_reports_one_problem(validated, data_copy, case, expected)
    assert validated.out == ""

    monkeypatch.setenv("INSTAPGIDS_DATA_DIR", str(data_copy))
    listed = cli("lots", "list")
    assert_reports_one_problem(listed, data_copy, case, expected)
    assert problem_lines(listed, data_copy) == problem_lines(validated, data_copy)


# Common slips when editing YAML by hand; each must be explained in Dutch.
# libyaml (used when PyYAML has it) words several problems differently from
# pure-Python PyYAML; the Dutch table in yamlsource.py knows both.
SYNTAX_SLIPS = [
    pytest.param("    name: Netwerkdiensten\n", "    name Netwerkdiensten\n", id="colon-forgotten"),
    pytest.param(
        "    name: Netwerkdiensten\n",
        "    name: Netwerkdiensten: LAN en WAN\n",
        id="colon-in-unquoted-text",
    ),
    pytest.param(
        "    summary: Beveiligde connectiviteit",
        "\tsummary: Beveiligde connectiviteit",
        id="tab-indent",
    ),
    pytest.param(
        "      - redmine\n",
        "      - [redmine\n",
        id="bracket-not-closed",
    ),
]


@pytest.mark.parametrize(("old", "new"), SYNTAX_SLIPS)
def test_yaml_syntax_slips_are_explained_in_dutch(
    old: str, new: str, data_copy: Path, cli: Callable[..., Result]
) -> None:
    lots = data_copy / "lots.yaml"
    text = lots.read_text(encoding="utf-8")
    assert text.count(old) == 1
    broken = text.replace(old, new)
    lots.write_text(broken, encoding="utf-8")
    mistake = line_of(broken, new)

    result = cli("validate", "--data-dir", str(data_copy))
    assert result.code == 1, result.text
    assert "Traceback" not in result.text
    [(name, line, field, message)] = problem_lines(result, data_copy)
    assert (name, field) == ("lots.yaml", "(bestand)")
    # YAML may only notice a missing ':' on the next line.
    assert line in (mistake, mistake + 1), result.err
    assert message.startswith("ongeldige YAML: ")
    assert not ENGLISH.search(message), message


def test_problems_in_several_files_are_all_reported_at_once(data_copy: Path, cli: Callable[..., Result]) -> None:
    # Problems of shape in three files: each file is checked on its own, so all three are found.
    shape = [
        Breakage(
            "contacts",
            "contacts.yaml",
            "    name: Bisdesk van de Vlaamse overheid\n",
            "    name: Bisdesk van de Vlaamse overheid\n    kleur: blauw\n",
            where="kleur: blauw",
            field=nth("kleur"),
            message="onbekend veld",
        ),
        Breakage(
            "roles",
            "roles.yaml",
            "    level: organisatie\n    note: >-\n      Alleen",
            "    level: team\n    note: >-\n      Alleen",
            where="level: team",
            field=nth("team"),
            message="moet een van deze waarden zijn: 'persoon', 'organisatie'",
        ),
        next(c for c in BREAKAGES if c.id == "wrong-type"),
    ]
    expected = sorted((case.file, *case.expected(data_copy)) for case in shape)

    result = cli("validate", "--data-dir", str(data_copy))
    assert result.code == 1, result.text
    assert "Traceback" not in result.text
    assert result.err.startswith(f"De inhoud bevat {len(shape)} fouten:"), result.err
    assert sorted(problem_lines(result, data_copy)) == expected


def test_reference_problems_in_several_files_are_all_reported_at_once(
    data_copy: Path, cli: Callable[..., Result]
) -> None:
    cases = [c for c in BREAKAGES if c.id in ("dangling-contact", "unknown-section", "duplicate-lot-id")]
    expected = sorted((case.file, *case.expected(data_copy)) for case in cases)

    result = cli("validate", "--data-dir", str(data_copy))
    assert result.code == 1, result.text
    assert result.err.startswith(f"De inhoud bevat {len(cases)} fouten:"), result.err
    assert sorted(problem_lines(result, data_copy)) == expected


def test_missing_files_are_reported(data_copy: Path, cli: Callable[..., Result]) -> None:
    gone = ["documents.yaml", "roles.yaml"]
    for name in gone:
        (data_copy / name).unlink()
    result = cli("validate", "--data-dir", str(data_copy))
    assert result.code == 1, result.text
    assert "Traceback" not in result.text
    assert result.err.startswith("De inhoud bevat 2 fouten:"), result.err
    assert problem_lines(result, data_copy) == [(name, 1, "(bestand)", "bestand ontbreekt") for name in gone]


def test_data_dir_that_does_not_exist(tmp_path: Path, cli: Callable[..., Result]) -> None:
    missing = tmp_path / "bestaat-niet"
    result = cli("validate", "--data-dir", str(missing))
    assert result.code == 2, result.text
    assert "Traceback" not in result.text
    assert f"De inhoudsmap '{missing}' bestaat niet" in result.err
    assert result.out == ""


def test_data_dir_from_the_environment_that_does_not_exist(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "bestaat-niet"
    monkeypatch.setenv("INSTAPGIDS_DATA_DIR", str(missing))
    result = cli("lots", "list")
    assert result.code == 2, result.text
    assert f"De inhoudsmap '{missing}' bestaat niet" in result.err


def test_data_dir_that_is_a_file(cli: Callable[..., Result]) -> None:
    result = cli("validate", "--data-dir", str(DATA / "lots.yaml"))
    assert result.code == 2, result.text
    assert "bestaat niet of is geen map" in result.err


# --------------------------------------------------------------------------- the cache hides no change


def test_a_change_after_a_cached_run_is_noticed(
    data_copy: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, private_home: Path
) -> None:
    import instapgids.content.load

    monkeypatch.setenv("INSTAPGIDS_DATA_DIR", str(data_copy))
    assert cli("lots", "show", "4").code == 0
    assert any(p.is_file() for p in (private_home / "cache").rglob("*")), "the first run wrote no cache"

    # Unchanged content comes from the cache: validation is not even called.
    with monkeypatch.context() as patched:
        patched.setattr(instapgids.content.load, "validate_files", lambda *a: pytest.fail("cache not used"))
        cached = cli("lots", "show", "4")
    assert cached.code == 0, cached.text
    assert "Proximus" in cached.out

    # An edit of the same size (only the modification time tells) is seen at once ...
    lots = data_copy / "lots.yaml"
    text = lots.read_text(encoding="utf-8")
    lots.write_text(text.replace("- name: Proximus\n", "- name: Proximux\n"), encoding="utf-8")
    renamed = cli("lots", "show", "4")
    assert renamed.code == 0, renamed.text
    assert "Proximux" in renamed.out
    assert "Proximus" not in renamed.out

    # ... and so is breaking it.
    broken = lots.read_text(encoding="utf-8").replace("  - number: 5\n", "  - number: 0\n")
    lots.write_text(broken, encoding="utf-8")
    result = cli("lots", "show", "4")
    assert result.code == 1, result.text
    assert problem_lines(result, data_copy) == [
        ("lots.yaml", line_of(broken, "number: 0"), "lots[4].number", "moet een perceelnummer zijn (1 of meer)")
    ]


# --------------------------------------------------------------------------- promises between the files


def test_a_waits_for_cycle_of_any_length_is_reported_with_its_path(data_copy: Path, cli: Callable[..., Result]) -> None:
    journey = data_copy / "journey.yaml"
    text = journey.read_text(encoding="utf-8")
    # behoefte-beschrijven → klantbereik-nakijken → ... → behoefte-beschrijven: three items in a ring
    done_when = "            done_when: {answer: scope_checked, one_of: [ja, weet-niet]}\n"
    broken = text.replace(done_when, done_when + "            waits_for: [demand-contacteren]\n")
    journey.write_text(broken, encoding="utf-8")
    result = cli("validate", "--data-dir", str(data_copy))
    assert result.code == 1, result.text
    no_traceback(result)
    assert "behoefte-beschrijven → klantbereik-nakijken → demand-contacteren → behoefte-beschrijven" in flat(
        result.err
    ) or "klantbereik-nakijken → demand-contacteren → behoefte-beschrijven → klantbereik-nakijken" in flat(result.err)


def test_an_item_that_can_start_before_what_the_guide_puts_first_is_reported(
    data_copy: Path, cli: Callable[..., Result]
) -> None:
    journey = data_copy / "journey.yaml"
    text = journey.read_text(encoding="utf-8")
    broken = text.replace(
        "            waits_for: [acm-idm-navragen, acm-idm-aansluiten, bisnummer-aanvragen, digitale-sleutels, ",
        "            waits_for: [acm-idm-navragen, bisnummer-aanvragen, digitale-sleutels, ",
    )
    assert broken != text
    journey.write_text(broken, encoding="utf-8")
    result = cli("validate", "--data-dir", str(data_copy))
    assert result.code == 1, result.text
    assert "'lokale-beheerder-aanvraag' wacht niet op 'acm-idm-aansluiten'" in flat(result.err)
    assert "§6.2.1.2" in result.err


def test_a_note_in_the_guide_order_is_named_as_a_note_not_as_an_item_that_waits(
    data_copy: Path, cli: Callable[..., Result]
) -> None:
    """A note (kind: note) is nothing to do: it never starts, so it has no place in an order."""
    journey = data_copy / "journey.yaml"
    text = journey.read_text(encoding="utf-8")
    broken = text.replace("    then: [behoefte-beschrijven, ", "    then: [behoefte-beschrijven, hoofdaannemer, ", 1)
    assert broken != text
    journey.write_text(broken, encoding="utf-8")
    result = cli("validate", "--data-dir", str(data_copy))
    assert result.code == 1, result.text
    assert "'hoofdaannemer' is een opmerking (kind: note)" in flat(result.err)
    assert "'hoofdaannemer' wacht niet op" not in flat(result.err)


def test_content_without_lot_6_is_an_error_in_validate_and_never_a_crash_in_start(
    data_copy: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    lots = data_copy / "lots.yaml"
    text = lots.read_text(encoding="utf-8")
    lots.write_text(
        text[: text.index("  # ------------------------------------------------------------------ perceel 6")]
    )
    result = cli("validate", "--data-dir", str(data_copy))
    assert result.code == 1, result.text
    no_traceback(result)
    assert ("interview.yaml", "onbekend perceel '6'") in {
        (name, message) for name, _, _, message in problem_lines(result, data_copy)
    }
    monkeypatch.setenv("INSTAPGIDS_DATA_DIR", str(data_copy))
    started = cli("start", "--answers", str(AGENTSCHAP))
    assert started.code == 1, started.text
    no_traceback(started)


def test_an_outcome_or_request_that_names_no_such_item_is_reported(data_copy: Path, cli: Callable[..., Result]) -> None:
    interview = data_copy / "interview.yaml"
    interview.write_text(
        interview.read_text(encoding="utf-8").replace("outcome: [buiten-klantbereik]", "outcome: [bestaat-niet]"),
        encoding="utf-8",
    )
    journey = data_copy / "journey.yaml"
    journey.write_text(
        journey.read_text(encoding="utf-8").replace("asked_in: lokale-beheerder-aanvraag", "asked_in: ddc-dms-toegang"),
        encoding="utf-8",
    )
    result = cli("validate", "--data-dir", str(data_copy))
    assert result.code == 1, result.text
    messages = {message for _, _, _, message in problem_lines(result, data_copy)}
    assert "onbekend checklistpunt 'bestaat-niet'" in messages
    assert any("'ddc-dms-toegang' is geen aanvraag bij de lokale beheerder" in m for m in messages), messages
