"""Issue 11: what the content team reads in English (``--lang en``): validate's OK line, every problem of
broken content, the translation checks, and a load error met by a customer command.

Each broken copy of data/ is validated twice, in Dutch and in English: the same exit code, the same
``file:line:column`` and field for every problem (the field of a whole file, ``(bestand)``, is ``(file)``),
an English sentence, and no Dutch word left once names, quoted values, ids and paths are out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from dutch import dutch_words
from test_content import BREAKAGES, SYNTAX_SLIPS, Breakage

from conftest import Result, no_traceback

PROBLEM = re.compile(r"^(.+\.yaml):(\d+):(\d+): (\S+): (.+)$")
Problem = tuple[str, int, int, str, str]


def problems(result: Result) -> list[Problem]:
    found = []
    for line in result.err.splitlines():
        if match := PROBLEM.match(line):
            file, row, column, field, message = match.groups()
            found.append((file, int(row), int(column), field, message))
    return found


def edit(directory: Path, name: str, old: str, new: str) -> None:
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def english_field(field: str) -> str:
    return "(file)" if field == "(bestand)" else field


def assert_same_places_in_english(cli: Callable[..., Result], directory: Path, *args: str) -> list[Problem]:
    """Run ``args`` in Dutch and in English on broken content; return the English problems."""
    dutch = cli(*args)
    english = cli("--lang", "en", *args)
    assert dutch.code == english.code == 1, english.text
    no_traceback(english)
    nl, en = problems(dutch), problems(english)
    assert nl, dutch.err
    assert [(f, r, c, english_field(field)) for f, r, c, field, _ in nl] == [
        (f, r, c, field) for f, r, c, field, _ in en
    ]
    count = len(en)
    head = "The content has 1 error:" if count == 1 else f"The content has {count} errors:"
    assert english.err.splitlines()[0] == head, english.err
    for (*_, dutch_message), (*_, english_message) in zip(nl, en, strict=True):
        assert english_message != dutch_message, english_message
    assert dutch_words(english.err, [str(directory)]) == [], english.err
    return en


# ------------------------------------------------------------------------- one file, then across files

EXTRA = [
    Breakage("literal", "roles.yaml", "    level: organisatie\n", "    level: team\n", "", "", ""),
    Breakage("not-an-id", "lots.yaml", "    id: perceel-4\n", "    id: Perceel 4\n", "", "", ""),
    Breakage(
        "two-forms",
        "journey.yaml",
        "{answer: scope_checked, equals: weet-niet}",
        "{answer: scope_checked, equals: weet-niet, lot: 3}",
        "",
        "",
        "",
    ),
    Breakage(
        "system-without-lot", "systems.yaml", "    scope: perceel\n    lot: 2\n", "    scope: perceel\n", "", "", ""
    ),
    Breakage(
        "no-sections",
        "documents.yaml",
        '    sections:\n      - "2"\n  - id: basiscontract',
        "    sections: []\n  - id: basiscontract",
        "",
        "",
        "",
    ),
    Breakage(
        "waits-for-cycle",
        "journey.yaml",
        "            done_when: {answer: scope_checked, one_of: [ja, weet-niet]}\n",
        "            done_when: {answer: scope_checked, one_of: [ja, weet-niet]}\n"
        "            waits_for: [demand-contacteren]\n",
        "",
        "",
        "",
    ),
    Breakage(
        "guide-order",
        "journey.yaml",
        "            waits_for: [acm-idm-navragen, acm-idm-aansluiten, bisnummer-aanvragen, digitale-sleutels, ",
        "            waits_for: [acm-idm-navragen, bisnummer-aanvragen, digitale-sleutels, ",
        "",
        "",
        "",
    ),
    Breakage(
        "unknown-outcome", "interview.yaml", "outcome: [buiten-klantbereik]", "outcome: [bestaat-niet]", "", "", ""
    ),
    Breakage(
        "not-a-request",
        "journey.yaml",
        "asked_in: lokale-beheerder-aanvraag",
        "asked_in: ddc-dms-toegang",
        "",
        "",
        "",
    ),
    Breakage("not-utf8", "contacts.yaml", "    name: Account & Demand Management\n", "    name: \udcff\n", "", "", ""),
]

CASES = [
    *(pytest.param(case, id=case.id) for case in BREAKAGES),
    *(
        pytest.param(Breakage("syntax", "lots.yaml", old, new, "", "", ""), id=f"syntax-{p.id}")
        for p in SYNTAX_SLIPS
        for old, new in [p.values]
    ),
    *(pytest.param(case, id=case.id) for case in EXTRA),
]


@pytest.mark.parametrize("case", CASES)
def test_broken_content_is_reported_in_english_at_the_same_place(
    case: Breakage, data_copy: Path, cli: Callable[..., Result]
) -> None:
    path = data_copy / case.file
    text = path.read_text(encoding="utf-8")
    assert case.old in text, case.old
    broken = text.replace(case.old, case.new, 1)
    path.write_bytes(broken.encode("utf-8", "surrogateescape"))  # \udcff: a byte that is not UTF-8
    assert_same_places_in_english(cli, data_copy, "validate", "--data-dir", str(data_copy))


def test_several_problems_and_missing_files_in_english(data_copy: Path, cli: Callable[..., Result]) -> None:
    (data_copy / "documents.yaml").unlink()
    edit(data_copy, "lots.yaml", "  - number: 5\n", "  - number: vijf\n")
    edit(data_copy, "contacts.yaml", "    kind: team\n", "    kind: team\n    kleur: blauw\n")
    found = assert_same_places_in_english(cli, data_copy, "validate", "--data-dir", str(data_copy))
    messages = {Path(file).name: message for file, _, _, _, message in found}
    assert messages == {
        "documents.yaml": "file missing",
        "lots.yaml": "must be a whole number",
        "contacts.yaml": "unknown field",
    }
    assert (
        "References between the files are checked once every file has the right shape."
        in cli("--lang", "en", "validate", "--data-dir", str(data_copy)).err
    )


# ------------------------------------------------------------------------- the English texts of data/en/


def test_the_three_translation_problems_in_english(data_copy: Path, cli: Callable[..., Result]) -> None:
    edit(data_copy, "en/journey.yaml", "phases.fase-1.summary:", "phases.fase-0.summary:")
    edit(
        data_copy,
        "journey.yaml",
        "title: Definitie van de dienstverleningsbehoefte",
        "title: Definitie van de behoefte",
    )
    found = assert_same_places_in_english(cli, data_copy, "validate", "--data-dir", str(data_copy))
    by_field = {field: message for _, _, _, field, message in found}
    assert by_field == {
        "phases.fase-1.summary": "English text missing: add it to the English file",
        "phases.fase-0.summary": "English text for a key that no longer exists: remove it",
        "phases.fase-1.title": "English text older than the Dutch, which now reads 'Definitie van de behoefte'",
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param(
            lambda en: (en / "roles.yaml").write_text("a: [\n", encoding="utf-8"), "not valid YAML", id="not-yaml"
        ),
        pytest.param(lambda en: (en / "roles.yaml").unlink(), "the English file is missing", id="missing"),
    ],
)
def test_an_english_file_that_cannot_be_used_in_english(
    change: Callable[[Path], object], message: str, data_copy: Path, cli: Callable[..., Result]
) -> None:
    change(data_copy / "en")
    [(file, _, _, field, said)] = assert_same_places_in_english(
        cli, data_copy, "validate", "--data-dir", str(data_copy)
    )
    assert (Path(file).name, field, said) == ("roles.yaml", "(file)", message)


def test_an_english_text_without_its_placeholders(data_copy: Path, cli: Callable[..., Result]) -> None:
    old = "  en: 'Question: is {organisatie} within"
    edit(data_copy, "en/mails.yaml", old, old.replace("{organisatie}", "your organisation"))
    found = assert_same_places_in_english(cli, data_copy, "validate", "--data-dir", str(data_copy))
    assert all(message.startswith("en must have the same placeholders") for *_, message in found), found


# ------------------------------------------------------------------------- valid content, and customers


def test_validate_in_english_on_the_shipped_content(cli: Callable[..., Result]) -> None:
    dutch, english = cli("validate"), cli("--lang", "en", "validate")
    assert dutch.code == english.code == 0, english.text
    ok = english.out.splitlines()[0]
    assert ok.startswith("OK: 6 lots, 4 phases, ") and ok.endswith(" terms."), ok
    numbers = re.findall(r"\d+", dutch.out.splitlines()[0])
    assert re.findall(r"\d+", ok) == numbers  # the same counts, in the same order
    assert english.out.splitlines()[1].startswith(
        "Guide: Instapgids ICT-raamcontracten 2022 v1.01 (17-05-2024); content from "
    )
    assert dutch_words(english.out, [english.out.split("content from ")[-1].strip()]) == [], english.out


def test_content_without_english_says_so_in_english(data_copy: Path, cli: Callable[..., Result]) -> None:
    import shutil

    shutil.rmtree(data_copy / "en")
    result = cli("--lang", "en", "validate", "--data-dir", str(data_copy))
    assert result.code == 0, result.text
    assert "No English texts (no en/ folder): the content is in Dutch only." in result.out


@pytest.mark.parametrize(
    ("counts", "dutch", "english"),
    [
        ({"percelen": 1, "fases": 2}, "1 perceel, 2 fases", "1 lot, 2 phases"),
        (
            {"checklistpunten": 1, "mails": 1, "vragen": 0},
            "1 checklistpunt, 1 mail, 0 vragen",
            "1 checklist item, 1 email, 0 questions",
        ),
    ],
)
def test_counts_take_the_singular_for_one_in_both_languages(counts: dict[str, int], dutch: str, english: str) -> None:
    from instapgids import language
    from instapgids.content.messages import counted

    before = language.current()
    try:
        assert counted(counts) == dutch
        language.use("en")
        assert counted(counts) == english
    finally:
        language.use(before)


def test_a_customer_command_on_broken_content_in_english(
    data_copy: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(data_copy, "lots.yaml", "  - number: 5\n", "  - number: vijf\n")
    monkeypatch.setenv("INSTAPGIDS_DATA_DIR", str(data_copy))
    [(_, _, _, field, message)] = assert_same_places_in_english(cli, data_copy, "lots", "list")
    assert (field, message) == ("lots[4].number", "must be a whole number")


def test_a_content_folder_that_does_not_exist_in_english(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "bestaat-niet"
    result = cli("--lang", "en", "validate", "--data-dir", str(missing))
    assert result.code == 2, result.text
    assert result.err.strip() == f"The content folder '{missing}' does not exist or is not a folder."
    monkeypatch.setenv("INSTAPGIDS_DATA_DIR", str(missing))
    assert cli("--lang", "en", "lots", "list").err.strip() == result.err.strip()


def test_english_and_dutch_runs_on_one_folder_never_mix(
    data_copy: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The valid content is cached per language; problems never are: each run words its own."""
    monkeypatch.setenv("INSTAPGIDS_DATA_DIR", str(data_copy))
    assert cli("--lang", "en", "lots", "list").code == cli("lots", "list").code == 0  # both caches filled
    edit(data_copy, "lots.yaml", "  - number: 5\n", "  - number: 0\n")
    args = ("lots", "list")
    for _ in range(2):
        assert problems(cli("--lang", "en", *args))[0][4] == "must be a lot number (1 or more)"
        assert problems(cli(*args))[0][4] == "moet een perceelnummer zijn (1 of meer)"
