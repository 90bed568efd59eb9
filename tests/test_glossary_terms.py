"""The glossary as the app loads it: validation with file:line, matching terms in a text, `instapgids explain`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result, flat, no_traceback

pytestmark = pytest.mark.usefixtures("shared_content_cache")


def _break(data: Path, old: str, new: str) -> None:
    path = data / "glossary.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_glossary_is_loaded(content: object) -> None:
    terms = content.glossary.terms  # type: ignore[attr-defined]
    assert len(terms) == 35
    assert {"perceel", "ewa", "digitale-sleutels"} <= {t.id for t in terms}


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("see: [ict-partner, service-portfolio, klantbereik]", "see: [ict-partner, bestaat-niet]", "onbekende term"),
        ('section: "6.1.2"', 'section: "9.9"', "onbekende sectie"),
        ("aliases: [percelen]", "aliases: [percelen, EWA]", "al de naam van term"),
        ("  - id: hoofdaannemer", "  - id: perceel", "komt twee keer voor"),
        ("    term: hoofdaannemer\n", "    term: hoofdaannemer\n    kleur: rood\n", "onbekend veld"),
    ],
)
def test_validate_reports_glossary_problems_with_their_place(
    cli: Callable[..., Result], data_copy: Path, old: str, new: str, message: str
) -> None:
    _break(data_copy, old, new)
    result = cli("validate", "--data-dir", str(data_copy))
    assert result.code != 0
    assert "glossary.yaml:" in result.text and message in result.text, result.text
    no_traceback(result)


def test_terms_in_a_text_whole_words_accents_and_case_do_not_count(content: object) -> None:
    from instapgids.content.glossary import terms_in

    terms = content.glossary.terms  # type: ignore[attr-defined]
    ids = [t.id for t in terms_in(terms, ["Welke PERCELEN? Uw eenvoudige werkaanvragen (EWA's)."])]
    assert ids == ["perceel", "ewa"]
    assert [t.id for t in terms_in(terms, ["Coördinatie van ICT-partners"])] == ["ict-partner"]
    assert terms_in(terms, ["percelenlijst", "projectmatig"]) == []  # not inside another word


def test_explain_one_term_ignores_accents_and_case(cli: Callable[..., Result]) -> None:
    result = cli("explain", "DIGITALE", "sleutels")
    assert result.code == 0 and "digitale sleutels" in result.out and "§6.2.1.2" in result.out


def test_explain_a_near_miss_suggests_and_exits_2(cli: Callable[..., Result]) -> None:
    result = cli("explain", "klantenportal")
    assert result.code == 2
    assert "Bedoelt u 'Klantenportaal'?" in result.err
    no_traceback(result)


def test_explain_without_a_term_lists_them_all(cli: Callable[..., Result], content: object) -> None:
    result = cli("explain")
    assert result.code == 0
    for term in content.glossary.terms:  # type: ignore[attr-defined]
        assert term.term.split()[0] in result.out


@pytest.mark.parametrize(
    ("args", "word", "suggested"),
    [
        (("explain",), "sleutel", "eIDAS-sleutel"),
        (("--lang", "en", "explain"), "key", "eIDAS-sleutel (eIDAS key)"),
        (("--lang", "en", "explain"), "request", "Werkaanvraag (work request)"),
    ],
)
def test_explain_a_word_of_a_longer_term_suggests_that_term(
    args: tuple[str, ...], word: str, suggested: str, cli: Callable[..., Result]
) -> None:
    result = cli(*args, word)
    assert result.code == 2
    assert suggested in flat(result.err), result.err
