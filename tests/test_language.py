"""Issue 11, English: choosing the language, the English view of the content, and validate on data/en/.

The Dutch output is pinned by the golden files (tests/test_golden.py); here the English and the choice.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from instapgids import language
from instapgids.content.bundle import ATTRIBUTES
from instapgids.content.english import in_english, read_translations, strings
from instapgids.content.texts import translatable

from conftest import DATA, Result, flat, no_traceback

# Tests that only read the shipped content share one cache; those that edit a copy (data_copy) keep their own.
SHARED = pytest.mark.usefixtures("shared_content_cache")

# --------------------------------------------------------------------------- choosing the language


@pytest.mark.parametrize(
    ("option", "env", "expected"),
    [
        (None, {}, "nl"),
        ("en", {}, "en"),
        ("EN", {}, "en"),
        ("nl", {"INSTAPGIDS_LANG": "en", "LANG": "en_GB.UTF-8"}, "nl"),  # the option wins
        (None, {"INSTAPGIDS_LANG": "en", "LANG": "nl_BE.UTF-8"}, "en"),  # then INSTAPGIDS_LANG
        (None, {"INSTAPGIDS_LANG": "nl", "LC_ALL": "en_US.UTF-8"}, "nl"),
        (None, {"LC_ALL": "en_US.UTF-8", "LANG": "nl_BE.UTF-8"}, "en"),  # then the locale: LC_ALL first
        (None, {"LC_ALL": "nl_BE.UTF-8", "LANG": "en_GB.UTF-8"}, "nl"),
        (None, {"LC_MESSAGES": "en_IE.UTF-8", "LANG": "de_DE.UTF-8"}, "en"),  # LC_MESSAGES before LANG
        (None, {"LC_ALL": "", "LANG": "en_GB.UTF-8"}, "en"),  # an empty variable is not set
        (None, {"LANG": "C.UTF-8"}, "nl"),
        (None, {"LANG": "fr_BE.UTF-8"}, "nl"),  # neither: Dutch
    ],
)
def test_precedence_option_env_locale(option: str | None, env: dict[str, str], expected: str) -> None:
    assert language.choose(option, env, warn=pytest.fail) == expected


@pytest.mark.parametrize(
    ("env", "system", "expected"),
    [
        ({}, "English_United States", "en"),  # Windows, whose environment says nothing
        ({}, "en_US", "en"),
        ({}, "Dutch_Belgium", "nl"),
        ({}, "French_Belgium", "nl"),
        ({}, None, "nl"),  # the system does not say either
        ({"LC_ALL": ""}, "English_United Kingdom", "en"),  # an empty variable is not set
        ({"INSTAPGIDS_LANG": "nl"}, "English_United States", "nl"),
    ],
)
def test_without_locale_variables_the_systems_locale_decides(
    env: dict[str, str], system: str | None, expected: str
) -> None:
    assert language.choose(None, env, warn=pytest.fail, system=lambda: system) == expected


@pytest.mark.parametrize("env", [{"LANG": "nl_BE.UTF-8"}, {"LC_MESSAGES": "C"}, {"INSTAPGIDS_LANG": "en"}])
def test_the_system_is_not_asked_when_the_environment_says_it(env: dict[str, str]) -> None:
    def ask() -> str:
        raise AssertionError("the system's locale was asked")

    assert language.choose(None, env, system=ask) == ("en" if "INSTAPGIDS_LANG" in env else "nl")


def test_the_system_locale_is_a_name_or_nothing() -> None:
    found = language.system_locale()
    assert found is None or (isinstance(found, str) and found)


def test_a_system_without_any_locale_setting_stays_dutch(tmp_path: Path) -> None:
    """Python 3.11 calls the C.UTF-8 locale it falls back to 'en_US': that is no English setting of the user."""
    import subprocess

    from conftest import instapgids_exe

    env = {"PATH": os.environ["PATH"], "INSTAPGIDS_HOME": str(tmp_path / "s"), "XDG_CACHE_HOME": str(tmp_path / "c")}
    done = subprocess.run([instapgids_exe(), "lots", "show", "5"], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Perceel 5"), done.stdout[:200]


def test_an_unknown_option_value_is_a_user_error_listing_the_languages() -> None:
    with pytest.raises(language.UnknownLanguage) as raised:
        language.choose("fr", {})
    assert raised.value.exit_code == 2 and "nl, en" in str(raised.value)


@pytest.mark.parametrize(
    ("locale", "expected", "said"), [("en_GB.UTF-8", "en", "the output is in English"), ("", "nl", "Nederlands")]
)
def test_an_unknown_environment_value_is_ignored_with_a_warning_in_the_language_of_the_locale(
    locale: str, expected: str, said: str
) -> None:
    warnings: list[str] = []
    assert language.choose(None, {"INSTAPGIDS_LANG": "fr", "LANG": locale}, warn=warnings.append) == expected
    assert len(warnings) == 1 and "\n" not in warnings[0]
    assert "INSTAPGIDS_LANG='fr'" in warnings[0] and said in warnings[0]


@pytest.mark.parametrize(
    ("args", "value", "moved"),
    [
        (["lots", "show", "5"], None, ["lots", "show", "5"]),
        (["--lang", "en", "lots", "show", "5"], "en", ["--lang", "en", "lots", "show", "5"]),
        (["lots", "show", "5", "--lang", "en"], "en", ["--lang", "en", "lots", "show", "5"]),
        (["lots", "--lang=en", "list"], "en", ["--lang=en", "lots", "list"]),
        (["search", "--", "--lang", "en"], None, ["search", "--", "--lang", "en"]),  # after --: search words
        (["lots", "list", "--lang"], None, ["lots", "list", "--lang"]),  # no value: click says so
    ],
)
def test_lang_may_stand_anywhere_before_double_dash(args: list[str], value: str | None, moved: list[str]) -> None:
    assert language.pull_option(args) == (value, moved)


@SHARED
@pytest.mark.parametrize("args", [["--lang", "fr", "lots", "list"], ["lots", "list", "--lang", "fr"]])
def test_an_unknown_lang_is_a_dutch_usage_error(args: list[str], cli: Callable[..., Result]) -> None:
    result = cli(*args)
    assert result.code == 2 and result.out == ""
    assert "Gebruik: instapgids" in result.err and "'fr' is geen taal van instapgids. Kies uit: nl, en." in result.err
    no_traceback(result)


@SHARED
def test_an_unknown_instapgids_lang_warns_once_and_stays_dutch(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INSTAPGIDS_LANG", "fr")
    result = cli("lots", "show", "5")
    assert result.code == 0
    assert result.err.count("INSTAPGIDS_LANG='fr'") == 1
    assert "Applicatiediensten" in result.out


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--lang", "en", "lots", "show", "5"], {}),
        (["lots", "show", "5", "--lang", "en"], {}),
        (["lots", "show", "5"], {"INSTAPGIDS_LANG": "en"}),
        (["lots", "show", "5"], {"LC_ALL": "en_GB.UTF-8"}),
    ],
)
@SHARED
def test_each_way_of_choosing_english_reaches_the_content(
    args: list[str], env: dict[str, str], cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = cli(*args)
    assert result.code == 0, result.text
    assert "Lot 5: Application services" in result.out
    assert language.current() == "en"


@SHARED
def test_version_stays_fast_and_the_same_in_english(process: Callable[..., Result]) -> None:
    assert process("--lang", "en", "--version").out == process("--version").out


# --------------------------------------------------------------------------- the English view of the content


@SHARED
def test_lots_show_5_in_english_keeps_names_dutch_with_a_gloss(cli: Callable[..., Result]) -> None:
    result = cli("--lang", "en", "lots", "show", "5")
    assert result.code == 0, result.text
    out = flat(result.out)
    assert "Building, maintaining and managing applications, through a mini-competition" in out
    assert "Bouw, onderhoud en beheer" not in out
    assert "DXC-Cegeka (DXC Technology & Cegeka)" in out  # company names are names, untranslated
    assert "(§3.6)" in out  # sections untouched
    assert "• Mededeling gunningsbeslissing (notice of award decision)" in out  # a document: name (gloss)
    assert "Source: Instapgids ICT-raamcontracten 2022 v1.01" in out  # the guide's title without its gloss
    assert "What this lot covers" in out and "Wat dit perceel omvat" not in out  # the program's own words too


@SHARED
def test_systems_contacts_and_journey_in_english(cli: Callable[..., Result]) -> None:
    detail = flat(cli("--lang", "en", "systems", "klantenportaal").out)
    assert detail.startswith("Klantenportaal (customer portal)")
    roles = flat(cli("--lang", "en", "search", "klantportaalgebruiker").out)
    assert "Klantportaalgebruiker (customer portal user)" in roles
    journey = flat(cli("--lang", "en", "journey").out)
    assert "Defining the service need" in journey and "Definitie van de dienstverleningsbehoefte" not in journey
    contacts = cli("--lang", "en", "contacts")
    assert contacts.code == 0 and contacts.out != cli("contacts").out


@SHARED
def test_search_finds_english_and_dutch_words_in_either_language(cli: Callable[..., Result]) -> None:
    english_word_in_dutch = cli("search", "mini-competition")
    dutch_word_in_english = cli("--lang", "en", "search", "minicompetitie")
    assert "perceel" in english_word_in_dutch.out and "Perceel 5: Applicatiediensten" in flat(english_word_in_dutch.out)
    assert "Lot 5: Application services" in flat(dutch_word_in_english.out)
    assert cli("--lang", "en", "search", "mini-competition").out.count("[lot]") >= 1


@SHARED
def test_a_system_is_found_by_its_dutch_name_in_english(cli: Callable[..., Result]) -> None:
    assert flat(cli("--lang", "en", "systems", "cmdb2").out) != ""
    assert cli("--lang", "en", "systems", "Klantenportaal").code == 0


@SHARED
def test_the_model_walk_finds_exactly_the_translatable_texts(content: Any) -> None:
    """english.strings() on the models and texts.translatable() on the YAML give the same keys."""
    for file_name, attribute in ATTRIBUTES.items():
        raw = yaml.safe_load((DATA / file_name).read_text(encoding="utf-8"))
        from_yaml = {item.key: (item.kind, item.text.strip()) for item in translatable(file_name, raw)}
        walked = strings(getattr(content, attribute), file_name)
        from_models = {
            key: (kind, holder[place] if isinstance(holder, list) else getattr(holder, place))
            for key, kind, holder, place in walked
        }
        assert from_models == from_yaml, file_name


@SHARED
def test_the_english_view_covers_every_content_file() -> None:
    from instapgids.content.bundle import FILES

    assert set(ATTRIBUTES) == set(FILES)  # the English cache's key lists en/<each of FILES>


@SHARED
def test_the_english_view_replaces_every_text_and_keeps_ids(content: Any) -> None:
    english = in_english(content, read_translations(DATA))
    assert english is not content
    for file_name, attribute in ATTRIBUTES.items():
        dutch_strings = strings(getattr(content, attribute), file_name)
        english_strings = strings(getattr(english, attribute), file_name)
        assert [key for key, *_ in dutch_strings] == [key for key, *_ in english_strings]
    assert [s.id for s in english.systems_file.systems] == [s.id for s in content.systems_file.systems]
    assert english.phase_by_id["fase-1"].title == "Defining the service need"
    assert content.phase_by_id["fase-1"].title == "Definitie van de dienstverleningsbehoefte"  # unchanged
    assert english.guide.guide.title == content.guide.guide.title  # the guide's title stays bare
    _right, role = english.role_by_id["klantportaalgebruiker"]
    assert role.name == "Klantportaalgebruiker (customer portal user)"


@SHARED
def test_a_stale_or_missing_english_text_shows_the_dutch(content: Any) -> None:
    docs = read_translations(DATA)
    docs["journey.yaml"] = dict(docs["journey.yaml"])
    docs["journey.yaml"]["phases.fase-1.title"] = {"nl": "Een oudere titel", "en": "An older title"}
    del docs["journey.yaml"]["phases.fase-2.title"]
    english = in_english(content, docs)
    assert english.phase_by_id["fase-1"].title == "Definitie van de dienstverleningsbehoefte"
    assert english.phase_by_id["fase-2"].title == content.phase_by_id["fase-2"].title
    assert english.phase_by_id["fase-3"].title != content.phase_by_id["fase-3"].title


@SHARED
def test_api_loads_the_english_content() -> None:
    from instapgids import api

    assert api.load_content(language="en").phase_by_id["fase-1"].title == "Defining the service need"
    assert api.load_content().phase_by_id["fase-1"].title == "Definitie van de dienstverleningsbehoefte"
    with pytest.raises(api.Error):
        api.load_content(language="fr")


def test_the_english_cache_follows_an_edit_of_the_english(data_copy: Path) -> None:
    from instapgids.content.load import load_content

    assert load_content(data_copy, language="en").lot_by_number[5].summary.startswith("Building, maintaining")
    english = data_copy / "en" / "lots.yaml"
    english.write_text(
        english.read_text(encoding="utf-8").replace(
            "en: Building, maintaining and managing applications, through a mini-competition",
            "en: Applications, built and run, through a mini-competition",
        ),
        encoding="utf-8",
    )
    assert load_content(data_copy, language="en").lot_by_number[5].summary.startswith("Applications, built and run")


# --------------------------------------------------------------------------- validate on data/en/


def position_of(path: Path, text: str) -> tuple[int, int]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number, line.index(text) + 1
    raise AssertionError(f"{text!r} not in {path}")


@SHARED
def test_validate_passes_the_shipped_content_with_its_english(cli: Callable[..., Result]) -> None:
    result = cli("validate")
    assert result.code == 0, result.text


def test_validate_reports_the_three_translation_problems_at_file_line_column(
    data_copy: Path, cli: Callable[..., Result]
) -> None:
    english_journey = data_copy / "en" / "journey.yaml"
    text = english_journey.read_text(encoding="utf-8")
    # missing: the entry of phase 1's summary is removed (its key renamed to one that no longer exists)
    text = text.replace("phases.fase-1.summary:", "phases.fase-0.summary:")
    english_journey.write_text(text, encoding="utf-8")
    # stale: the Dutch title of phase 1 changes, its English entry still translates the old one
    journey = data_copy / "journey.yaml"
    journey.write_text(
        journey.read_text(encoding="utf-8").replace(
            "title: Definitie van de dienstverleningsbehoefte", "title: Definitie van de behoefte"
        ),
        encoding="utf-8",
    )
    result = cli("validate", "--data-dir", str(data_copy))
    assert result.code == 1, result.text
    no_traceback(result)
    lines = result.err.splitlines()
    assert lines[0] == "De inhoud bevat 3 fouten:"

    def line_for(key: str) -> str:
        [found] = [line for line in lines if f": {key}: " in line]
        return found

    missing = line_for("phases.fase-1.summary")
    assert re.match(rf"{re.escape(str(journey))}:\d+:\d+: phases.fase-1.summary: Engelse tekst ontbreekt", missing)
    where = missing.split(": phases.fase-1.summary")[0].rsplit(":", 2)
    dutch_line = journey.read_text(encoding="utf-8").splitlines()[int(where[1]) - 1]
    assert dutch_line[int(where[2]) - 1 :].startswith(dutch_summary_start(data_copy))

    unknown = line_for("phases.fase-0.summary")
    row, column = position_of(english_journey, "phases.fase-0.summary:")
    assert unknown == (
        f"{english_journey}:{row}:{column}: phases.fase-0.summary: "
        "Engelse tekst voor een sleutel die niet meer bestaat: verwijder ze"
    )
    stale = line_for("phases.fase-1.title")
    row, column = position_of(english_journey, "phases.fase-1.title:")
    assert stale == (
        f"{english_journey}:{row}:{column}: phases.fase-1.title: "
        "Engelse tekst ouder dan de Nederlandse: die luidt nu 'Definitie van de behoefte'"
    )


def dutch_summary_start(data: Path) -> str:
    raw = yaml.safe_load((data / "journey.yaml").read_text(encoding="utf-8"))
    return " ".join(str(raw["phases"][0]["summary"]).split())[:20]


def test_validate_checks_the_english_once_the_dutch_is_valid(data_copy: Path, cli: Callable[..., Result]) -> None:
    english = data_copy / "en" / "journey.yaml"
    english.write_text(english.read_text(encoding="utf-8").replace("phases.fase-1.summary:", "x.y:"), encoding="utf-8")
    lots = data_copy / "lots.yaml"
    lots.write_text(lots.read_text(encoding="utf-8").replace("number: 6", "number: zes", 1), encoding="utf-8")
    result = cli("validate", "--data-dir", str(data_copy))
    assert result.code == 1 and "lots.yaml" in result.err and "Engelse tekst" not in result.err


def test_an_english_file_that_is_not_yaml_is_reported(data_copy: Path, cli: Callable[..., Result]) -> None:
    (data_copy / "en" / "roles.yaml").write_text("a: [\n", encoding="utf-8")
    result = cli("validate", "--data-dir", str(data_copy))
    assert (
        result.code == 1 and f"{data_copy / 'en' / 'roles.yaml'}:" in result.err and "geen geldige YAML" in result.err
    )
    from instapgids.content.load import load_content

    english = load_content(data_copy, language="en")  # shows the Dutch names, and the other files' English
    assert english.role_by_id["klantportaalgebruiker"][1].name == "Klantportaalgebruiker"
    assert english.phase_by_id["fase-1"].title == "Defining the service need"


def test_content_without_an_english_folder_validates_and_shows_dutch(
    data_copy: Path, cli: Callable[..., Result]
) -> None:
    import shutil

    shutil.rmtree(data_copy / "en")
    result = cli("validate", "--data-dir", str(data_copy))
    assert result.code == 0, result.text
    assert "Geen Engelse teksten" in result.out
    from instapgids.content.load import load_content

    assert load_content(data_copy, language="en").lot_by_number[5].name == "Applicatiediensten"


@SHARED
def test_english_from_the_cache_reads_no_yaml(process: Callable[..., Result]) -> None:
    """Start-up: the English content comes from its cache as the Dutch does, without PyYAML or pydantic."""
    import subprocess
    import sys

    assert process("--lang", "en", "lots", "show", "5").code == 0  # fills the cache
    script = (
        "import sys\n"
        "sys.argv = ['instapgids', '--lang', 'en', 'lots', 'show', '5']\n"
        "from instapgids.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(repr(sorted(m for m in ('yaml', 'pydantic') if m in sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.stderr == "[]", done.stderr
