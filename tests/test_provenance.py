"""Every fact traceable to the guide: `instapgids validate --guide FILE` (issue 17).

The guide as text is not part of the repository: CI has it in ../shared/source/ beside the clone. The
tests that need it are skipped, with that reason, where it is absent.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from instapgids.content.load import load_content
from instapgids.content.provenance import Guide, check, guide_headings, values_in

from conftest import DATA, ROOT, Result, flat, no_traceback, shared_source


def guide_file() -> Path:
    found = sorted(shared_source().glob("*.txt"))
    if not found:
        pytest.skip(
            "the guide as text is absent: no ../shared/source/*.txt beside the clone (README: Voor het inhoudsteam)"
        )
    return found[0]


@pytest.fixture(scope="module")
def guide() -> Guide:
    return Guide.read(guide_file())


# --------------------------------------------------------------------------- what is looked for


def test_quotes_and_apostrophes_are_told_apart() -> None:
    text = "De Service Portfolio's en EWA's staan in 'Rapporten en overlegfora' en \"Kernteam Communicatie\"."
    assert list(values_in(text)) == [("naam", "Rapporten en overlegfora"), ("naam", "Kernteam Communicatie")]


def test_a_mail_field_in_quotes_is_no_name_but_a_made_up_name_beside_it_is() -> None:
    text = "Op {datum} stuurde ik u een mail met als onderwerp \"{onderwerp}\" over 'Mijn profiel'."
    assert list(values_in(text)) == [("naam", "Mijn profiel")]


def test_addresses_urls_and_phone_numbers_are_found() -> None:
    text = "Mail ict.gos@vlaanderen.be of bel 02/553 90 00, zie https://ddc-dwh.vlaanderen.be/ibmcognos."
    assert set(values_in(text)) == {
        ("e-mailadres", "ict.gos@vlaanderen.be"),
        ("telefoonnummer", "02/553 90 00"),
        ("URL", "https://ddc-dwh.vlaanderen.be/ibmcognos"),
    }


def test_the_headings_of_the_guide_are_its_numbered_chapters_not_its_numbered_lists() -> None:
    text = "\n".join([
        "6.2.2 Stap 2: Indienen Werkaanvraag.....\t26",
        "- 6.4 Fase 4: Exploitatie van de dienstverlening37",
        "7 INFORMATIE OVER KLANTONDERSTEUNING",
        "6.3.1.4.1.1 Delegate365",
        "1. Exploitatie",
        "1 – Administratieve onboarding deel 1",
        "4 Controle en bestelling van de offerte voor de werkaanvraag",
    ])  # fmt: skip
    assert guide_headings(text) == {
        "6.2.2": "Stap 2: Indienen Werkaanvraag",
        "6.3.1.4.1.1": "Delegate365",
        "6.4": "Fase 4: Exploitatie van de dienstverlening",
        "7": "INFORMATIE OVER KLANTONDERSTEUNING",
    }


# --------------------------------------------------------------------------- against the guide


def test_the_guide_has_every_heading_the_content_knows(guide: Guide) -> None:
    assert {s.number for s in load_content().guide.sections} <= set(guide.headings)


def test_our_content_traces_to_the_guide(guide: Guide) -> None:
    problems, table = check(DATA, load_content(DATA), guide)
    assert not problems, "\n".join(map(str, problems))
    assert set(table.uncited()) == set(table.decisions)


def _invent(data_copy: Path, file: str, old: str, new: str) -> int:
    """Replace the first ``old`` in a content file by ``new``; the line it is on."""
    path = data_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text, (file, old)
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def test_an_invented_address_fails_at_its_place(guide: Guide, data_copy: Path) -> None:
    line = _invent(data_copy, "contacts.yaml", "ict.gos@vlaanderen.be", "ict.support@vlaanderen.be")
    problems, _ = check(data_copy, load_content(data_copy, use_cache=False), guide)
    assert [(p.file.name, p.line) for p in problems] == [("contacts.yaml", line)], problems
    assert "ict.support@vlaanderen.be" in problems[0].message


def test_an_invented_name_section_and_english_url_fail_at_their_place(guide: Guide, data_copy: Path) -> None:
    name = _invent(data_copy, "journey.yaml", "'Rapporten en overlegfora'", "'Verslagen en fora'")
    section = _invent(data_copy, "journey.yaml", "(6.2.1.2)", "(6.2.9)")
    english = _invent(data_copy, "en/contacts.yaml", "en: ", "en: See https://example.org/help. ")
    problems, _ = check(data_copy, load_content(data_copy, use_cache=False), guide)
    found = {(p.file.relative_to(data_copy).as_posix(), p.line) for p in problems}
    assert found == {("journey.yaml", name), ("journey.yaml", section), ("en/contacts.yaml", english)}, problems


def test_exceptions_and_decisions_must_be_used_and_complete(guide: Guide, data_copy: Path) -> None:
    decisions = data_copy / "provenance.yaml"
    text = decisions.read_text(encoding="utf-8")
    text = text.replace("exceptions:\n", "exceptions:\n  - value: niet-gebruikt@vlaanderen.be\n    reason: Test.\n", 1)
    text = text.replace('  - section: "4"\n', '  - section: "6.1"\n', 1)  # cited, and section 4 left undecided
    decisions.write_text(text, encoding="utf-8")
    problems, _ = check(data_copy, load_content(data_copy, use_cache=False), guide)
    messages = " ".join(p.message for p in problems)
    assert "niet-gebruikt@vlaanderen.be" in messages
    assert "sectie 6.1 wordt nu geciteerd" in messages
    assert "sectie 4 ('Service-integratie') wordt door niets geciteerd" in messages
    assert {p.file.name for p in problems} == {"provenance.yaml"}


# --------------------------------------------------------------------------- the command, end to end


def test_validate_with_the_guide_passes_and_shows_the_coverage(cli: Callable[..., Result]) -> None:
    result = cli("validate", "--guide", str(guide_file()))
    assert result.code == 0, result.text
    out = flat(result.out)
    assert "Dekking:" in out and "Niet geciteerd" in out and "Herkomst OK" in out


def test_validate_with_the_guide_fails_with_file_and_line_on_an_invented_address(
    cli: Callable[..., Result], data_copy: Path
) -> None:
    line = _invent(data_copy, "contacts.yaml", "ict.gos@vlaanderen.be", "ict.support@vlaanderen.be")
    result = cli("validate", "--data-dir", str(data_copy), "--guide", str(guide_file()))
    assert result.code == 1, result.text
    no_traceback(result)
    assert f"contacts.yaml:{line}:" in result.err
    assert "'ict.support@vlaanderen.be' staat niet in de gids" in flat(result.err)


def test_validate_with_a_guide_that_cannot_be_read(cli: Callable[..., Result], tmp_path: Path) -> None:
    missing = cli("validate", "--guide", str(tmp_path / "gids.txt"))
    assert missing.code == 2, missing.text
    no_traceback(missing)
    assert "Kan de gids" in missing.err
    other = tmp_path / "ander.txt"
    other.write_text("Een tekst zonder koppen.\n", encoding="utf-8")
    wrong = cli("validate", "--guide", str(other))
    assert wrong.code == 2 and "lijkt niet op de gids" in wrong.err, wrong.text


def test_a_broken_decisions_file_is_reported_by_validate_alone(cli: Callable[..., Result], data_copy: Path) -> None:
    decisions = data_copy / "provenance.yaml"
    text = decisions.read_text(encoding="utf-8").replace("    reason: Een opdracht", "    reden: Een opdracht", 1)
    decisions.write_text(text, encoding="utf-8")
    result = cli("validate", "--data-dir", str(data_copy))
    assert result.code == 1, result.text
    no_traceback(result)
    assert "provenance.yaml:" in result.err


def test_the_help_example_of_validate_works_as_typed_beside_the_guide(cli: Callable[..., Result]) -> None:
    """Copied from `instapgids validate --help` in the clone, the example finds the guide (seen in tmux: it named a
    file that does not exist) and is short enough for one line of an 80-column help page (it was broken in two)."""
    import re

    from instapgids.cli.commands import content_team

    command = next(c for c in content_team.app.registered_commands if c.callback is content_team.validate)
    example = re.search(r"Voorbeeld: (instapgids validate [^\n]*)", str(command.help))
    assert example and len(example.group(1)) <= 60, command.help
    guide = re.search(r"--guide (\S+)", example.group(1))
    assert guide and f"--guide {guide.group(1)}" in (ROOT / "README.md").read_text(encoding="utf-8")
    folder = ROOT / guide.group(1)
    if not folder.exists():
        pytest.skip(f"{folder} is not beside this clone")
    result = cli(*example.group(1).split()[1:])
    assert result.code == 0, result.text


def test_a_guide_folder_needs_exactly_one_text_file(cli: Callable[..., Result], tmp_path: Path) -> None:
    result = cli("validate", "--guide", str(tmp_path))
    assert result.code == 2 and "precies één .txt-bestand" in result.err, result.text
    no_traceback(result)
