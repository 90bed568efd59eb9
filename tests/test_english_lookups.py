"""Issue 11, English: the look-ups, the glossary, the profile list and the mails speak English.

Each look-up with ``--lang en`` leaves no Dutch words once names are out (tests/dutch.py). A mail goes to
a Flemish service desk: it stays Dutch, byte for byte the mail of the Dutch run, and the English screen
also says in English what it asks. The Dutch output itself is pinned by the golden files.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from dutch import dutch_words

from conftest import DATA, EXAMPLE_FILES, EXAMPLES, LOKAAL, Result, contents, example_answers, flat, start

pytestmark = pytest.mark.usefixtures("shared_content_cache")

LOTS = [lot["number"] for lot in yaml.safe_load((DATA / "lots.yaml").read_text(encoding="utf-8"))["lots"]]
SYSTEMS = [s["id"] for s in yaml.safe_load((DATA / "systems.yaml").read_text(encoding="utf-8"))["systems"]]
TERMS = [t["id"] for t in yaml.safe_load((DATA / "glossary.yaml").read_text(encoding="utf-8"))["terms"]]
MAILTO = re.compile(r"mailto:\S+")


def english(cli: Callable[..., Result], *args: str) -> str:
    result = cli("--lang", "en", *args)
    assert result.code == 0, result.text
    return result.out


# Names that stand inside the guide's sentences, as names (the shared supporting systems, GOS).
IN_SENTENCES = ("Gemeenschappelijke Ondersteunende Systemen",)


@functools.cache
def more_names() -> tuple[str, ...]:
    """Names tests/dutch.py does not take out: the bare Dutch names, which English sentences use too ("the
    right CMDB2 gebruiker"), the glossary's terms and Dutch aliases ("Also: percelen"), the Klantenportaal's
    menu labels and the fora."""
    dutch, shown = contents()
    names = [*IN_SENTENCES, *(r.name for r in dutch.right_by_id.values())]
    names += [r.name for _, r in dutch.role_by_id.values()] + [s.name for s in dutch.system_by_id.values()]
    names += [c.name for c in dutch.contact_by_id.values()] + [d.title for d in dutch.document_by_id.values()]
    for content in (dutch, shown):
        names += [name for term in content.glossary.terms for name in term.names]
        names += [f.name for f in content.guide.support.portal_functions]
        names += [f.name for f in content.guide.support.fora]
    return tuple(names)


def no_dutch(text: str, extra: list[str] | None = None) -> None:
    found = dutch_words(text, [*more_names(), *(extra or [])])
    assert not found, "\n".join(found)


# --------------------------------------------------------------------------- the look-ups


@pytest.mark.parametrize(
    "args",
    [("lots", "list"), ("systems",), ("contacts",), ("journey",), ("explain",)],
    ids=lambda a: " ".join(a),
)
def test_each_overview_in_english_has_no_dutch_words(args: tuple[str, ...], cli: Callable[..., Result]) -> None:
    no_dutch(english(cli, *args))


@pytest.mark.parametrize("lot", LOTS)
def test_each_lot_in_english_has_no_dutch_words(lot: int, cli: Callable[..., Result]) -> None:
    out = english(cli, "lots", "show", str(lot))
    assert flat(out).startswith(f"Lot {lot}: ")
    no_dutch(out)


@pytest.mark.parametrize("system", SYSTEMS)
def test_each_system_in_english_has_no_dutch_words(system: str, cli: Callable[..., Result]) -> None:
    no_dutch(english(cli, "systems", system))


@pytest.mark.parametrize("term", TERMS)
def test_each_glossary_term_in_english_has_no_dutch_words(term: str, cli: Callable[..., Result]) -> None:
    out = english(cli, "explain", term)
    assert "Source: " in out
    no_dutch(out)


@pytest.mark.parametrize(
    ("words", "title"),
    [
        ("licence", "Lot 2: Workplace services"),  # English words
        ("licentie", "Lot 2: Workplace services"),  # Dutch words, shown in English
        ("mini-competition", "Lot 5: Application services"),
        ("minicompetitie", "Lot 5: Application services"),
        ("goedkeurder", "Goedkeurder EWAs (approver of simple work requests)"),  # a name
        ("customer portal user", "Klantportaalgebruiker (customer portal user)"),  # its gloss
        ("work request", "Werkaanvraag"),
        ("werkaanvraag", "Werkaanvraag"),
    ],
)
def test_search_in_english_finds_english_and_dutch_words_and_shows_english(
    words: str, title: str, cli: Callable[..., Result]
) -> None:
    out = english(cli, "search", *words.split())
    assert re.match(rf"\d+ results? for '{words}':", out), out
    assert title in flat(out)
    no_dutch(out)


def test_search_in_dutch_finds_an_english_word_and_shows_dutch(cli: Callable[..., Result]) -> None:
    out = cli("search", "licence").out
    assert "Perceel 2: Werkplekdiensten" in flat(out) and "licenties" in out and "licences" not in out


def test_the_english_messages_of_the_look_ups(cli: Callable[..., Result]) -> None:
    assert english(cli, "search", "qqqzz").startswith("Nothing found for 'qqqzz'.")
    unknown_lot = cli("--lang", "en", "lots", "show", "9")
    assert unknown_lot.code != 0 and "Lot '9' does not exist. Choose one of: 1 (Service integration" in unknown_lot.err
    unknown_term = cli("--lang", "en", "explain", "werkaanvrage")
    assert unknown_term.code != 0 and "'werkaanvrage' is not in the glossary. Did you mean" in flat(unknown_term.err)


@pytest.mark.parametrize(("name", "term"), [("lot", "perceel (lot)"), ("percelen", "perceel (lot)"), ("EWA", "EWA")])
def test_explain_in_english_finds_a_term_by_its_english_or_dutch_name(
    name: str, term: str, cli: Callable[..., Result]
) -> None:
    assert english(cli, "explain", name).startswith(term)


# --------------------------------------------------------------------------- the profile list


def test_profiles_in_english_have_no_dutch_words(cli: Callable[..., Result]) -> None:
    assert english(cli, "profiles").startswith("There are no profiles in ")
    organisations = []
    for example in (EXAMPLES / "consultant-zonder-eid.yaml", LOKAAL):
        start(cli, example, example.stem)
        organisations.append(str(example_answers(example)["org_name"]))
    out = english(cli, "profiles")
    assert out.startswith("2 profiles in ")
    assert flat(out).count("Progress: lot(s) ") == 2 and "Waiting for: " in out
    from instapgids.store.overview import profile_folder

    no_dutch(out, [*organisations, str(profile_folder())])


# --------------------------------------------------------------------------- the mails


def dutch_drafts(content: Any, example: Path) -> list[Any]:
    from instapgids import language
    from instapgids.presentation.mails import drafts

    from conftest import checklist_of

    language.use("nl")
    return drafts(content, checklist_of(content, example))


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_mails_in_english_keep_each_dutch_mail_and_say_in_english_what_it_asks(
    example: Path, cli: Callable[..., Result], content: Any
) -> None:
    start(cli, example, "p")
    dutch = cli("mails", "--profile", "p").out
    out = english(cli, "mails", "--profile", "p")
    assert MAILTO.findall(out) == MAILTO.findall(dutch)  # the same mails: recipient, subject and body encoded
    mails = dutch_drafts(content, example)
    for draft in mails:
        assert f"Subject: {draft.subject}" in flat(out)
        assert flat(draft.body) in flat(out)  # the Dutch mail, as the Dutch run shows it
    if mails:
        assert out.count("This email in English, for you to read (not to send):") == len(mails)
    else:
        assert out.startswith("You have no more emails to send")
    sent = [draft.subject for draft in mails] + [draft.body for draft in mails] + MAILTO.findall(out)
    no_dutch(out, [*sent, str(example_answers(example)["org_name"])])


def test_the_english_reading_is_the_english_mail_and_the_drafts_stay_dutch(
    cli: Callable[..., Result], content: Any, tmp_path: Path
) -> None:
    """The .eml drafts are the Dutch ones in either language; the reading on screen is data/en/mails.yaml."""
    example = EXAMPLES / "consultant-zonder-eid.yaml"
    start(cli, example, "p")
    assert cli("mails", "--profile", "p", "--export", "eml", "-o", str(tmp_path / "nl")).code == 0
    assert cli("--lang", "en", "mails", "--profile", "p", "--export", "eml", "-o", str(tmp_path / "en")).code == 0
    written = sorted(p.name for p in (tmp_path / "nl").iterdir())
    assert written and written == sorted(p.name for p in (tmp_path / "en").iterdir())
    for name in written:
        assert (tmp_path / "en" / name).read_bytes() == (tmp_path / "nl" / name).read_bytes()
    out = flat(english(cli, "mails", "--profile", "p"))
    assert "Subject: Request for access to DDC-DMS – Agentschap Voorbeeld" in out
    assert "Aanvraag toegang DDC-DMS – Agentschap Voorbeeld" in out
    assert "Right 'Digitaal Vlaanderen ServiceNow gebruiker (Digitaal Vlaanderen ServiceNow user)'" in out
    assert "- Recht 'Digitaal Vlaanderen ServiceNow gebruiker' met rol 'Klantportaalgebruiker'" in out  # sent
    assert "Right 'Digitaal Vlaanderen ServiceNow gebruiker' with" not in out  # no English in the Dutch mail


# --------------------------------------------------------------------------- the glossary in the interview


def test_english_questions_explain_the_terms_they_use_in_english_or_by_their_dutch_name() -> None:
    from instapgids.content.glossary import terms_in

    dutch, shown = contents()
    terms, names = shown.glossary.terms, dutch.glossary.terms
    assert [t.id for t in terms_in(terms, ["Which lots do you need?"], names)] == ["perceel"]  # the gloss, plural
    assert [t.id for t in terms_in(terms, ["Ask the Klantenportaal for a quote"], names)] == [
        "klantenportaal",
        "offerte",
    ]
    assert [t.id for t in terms_in(terms, ["Simple work requests", "Projects"], names)] == ["ewa", "project"]
    assert terms_in(terms, ["Which lots do you need?"]) == []  # without the Dutch glossary: glossed names only
    found = missed = 0
    for question in shown.interview.questions:
        in_dutch = dutch.question_by_id[question.id]
        wanted = {t.id for t in terms_in(names, [in_dutch.prompt, *(o.label for o in in_dutch.options)])}
        got = {t.id for t in terms_in(terms, [question.prompt, *(o.label for o in question.options)], names)}
        found, missed = found + len(wanted & got), missed + len(wanted - got)
    assert found >= 9 * missed, (found, missed)  # nearly every term the Dutch question explains


def test_the_interview_in_english_shows_the_glossary_under_a_question(monkeypatch: pytest.MonkeyPatch) -> None:
    from instapgids import language
    from instapgids.cli.interview import _notes
    from instapgids.cli.lines import in_language
    from instapgids.content.load import load_content

    language.use("en")
    shown = in_language(load_content())
    notes = [text for _style, text in _notes(shown, shown.question_by_id["needs"])]
    assert any(n.startswith("perceel (lot): One of the six domains") for n in notes), notes
