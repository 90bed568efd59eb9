"""Issue 11: the program's own messages, in gettext catalogs (domain ``instapgids``, Dutch msgids).

The catalog is what translators know: ``src/instapgids/locale/instapgids.pot`` (extracted by Babel),
``locale/en/LC_MESSAGES/instapgids.po`` (the English) and the ``.mo`` compiled from it (committed: the
wheel carries it, nothing is built at install). These tests fail when one of them falls behind the code
(the .mo against its .po: tests/test_localize.py, for every catalog).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from instapgids import language

from conftest import ROOT

PACKAGE = ROOT / "src" / "instapgids"
LOCALE = PACKAGE / "locale"
PO = LOCALE / "en" / "LC_MESSAGES" / "instapgids.po"
HOW = (
    "run: pybabel extract -F babel.cfg -o src/instapgids/locale/instapgids.pot --project instapgids"
    " --no-location --sort-output src/instapgids"
    " && pybabel update -i src/instapgids/locale/instapgids.pot -d src/instapgids/locale -D instapgids -l en"
    ", translate, then: pybabel compile -d src/instapgids/locale -D instapgids (README, 'Ontwikkeling')"
)


def marked_in_the_code() -> set[str]:
    """Every message marked with _() or N_() in the package, as Babel extracts it with babel.cfg."""
    method_map = [("**.py", "python"), ("web/templates/**.html", "jinja2")]
    found = extract_from_dir(str(PACKAGE), method_map, keywords={"_": None, "N_": None})
    return {message for _file, _line, message, _comments, _context in found if isinstance(message, str)}


def ids(path: Path) -> set[str]:
    with path.open("rb") as handle:
        return {m.id for m in read_po(handle) if m.id and isinstance(m.id, str)}


def test_babel_cfg_extracts_what_the_test_extracts() -> None:
    config = (ROOT / "babel.cfg").read_text(encoding="utf-8")
    assert config.count("[python: **.py]") == 1
    assert config.count("[jinja2: web/templates/**.html]") == 1


def test_every_marked_message_is_in_the_template_and_the_english_catalog() -> None:
    marked = marked_in_the_code()
    assert len(marked) > 40  # the interview's words at least
    assert ids(LOCALE / "instapgids.pot") == marked, HOW
    assert ids(PO) == marked, HOW


def test_every_message_has_an_english_translation_that_keeps_its_placeholders() -> None:
    import string

    with PO.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if not message.id:
            continue
        assert message.string and not message.fuzzy, f"{message.id!r} has no (checked) English; {HOW}"
        fields = {f for _t, f, _s, _c in string.Formatter().parse(str(message.id)) if f}
        assert fields == {f for _t, f, _s, _c in string.Formatter().parse(str(message.string)) if f}, message.id


@pytest.fixture
def english() -> Iterator[None]:
    before = language.current()
    language.use("en")
    yield
    language.use(before)


def test_underscore_is_the_identity_in_dutch_and_the_catalog_in_english(english: None) -> None:
    assert language._("Welkom bij instapgids.") == "Welcome to instapgids."
    assert language._("Een zin die niet in de catalogus staat.") == "Een zin die niet in de catalogus staat."
    language.use("nl")
    assert language._("Welkom bij instapgids.") == "Welkom bij instapgids."


def test_a_question_problem_follows_the_language(english: None, content: object) -> None:
    question = content.question_by_id["needs"]  # type: ignore[attr-defined]
    assert question.problem([]) == "Choose at least one answer."
    language.use("nl")
    assert question.problem([]) == "Kies minstens één antwoord."
