"""The English next to the Dutch content (data/en/): complete, nothing extra, nothing stale, placeholders kept.

Independent of the rest of the package: only instapgids.content.translations, PyYAML and the files.
"""

from __future__ import annotations

import copy
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from instapgids.content.texts import FIELDS, NAME, TEXT, translatable, unclassified
from instapgids.content.translations import (
    check,
    english,
    load_located,
    placeholders,
    position,
    with_gloss,
)

from conftest import DATA

CONTENT_FILES = sorted(FIELDS)

# Texts that are the same in English (technical terms the Dutch already borrows from English).
SAME_IN_ENGLISH = {
    "Data & analytics",
    "CMDB2",
    "DXC Technology & Cegeka",
    "Cronos Public Services",
    "Leveraged managed mainframe services.",
}


def dutch(name: str) -> Any:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def english_doc(name: str) -> Any:
    return yaml.safe_load((DATA / "en" / name).read_text(encoding="utf-8"))


def test_every_content_file_is_covered() -> None:
    # provenance.yaml holds the content team's reviewed exceptions and decisions (Dutch), not content to translate
    assert sorted(path.name for path in DATA.glob("*.yaml") if path.name != "provenance.yaml") == CONTENT_FILES
    assert sorted(path.name for path in (DATA / "en").glob("*.yaml")) == CONTENT_FILES


@pytest.mark.parametrize("name", CONTENT_FILES)
def test_every_string_is_classified(name: str) -> None:
    assert unclassified(name, dutch(name)) == []


@pytest.mark.parametrize("name", CONTENT_FILES)
def test_shipped_translations_are_complete_and_current(name: str) -> None:
    problems = check(translatable(name, dutch(name)), english_doc(name))
    assert problems == [], "\n".join(f"data/en/{name}: {key}: {message}" for key, message in problems)


@pytest.mark.parametrize("name", CONTENT_FILES)
def test_english_differs_from_dutch_and_keeps_placeholders(name: str) -> None:
    doc = english_doc(name)
    for item in translatable(name, dutch(name)):
        entry = doc[item.key]
        if item.kind == NAME:
            assert "en" not in entry, item.key
            gloss = entry.get("gloss")
            assert gloss is None or (gloss.strip() and gloss != item.text), item.key
            continue
        en = entry["en"]
        assert en.strip(), item.key
        only_placeholders = not re.sub(r"\{[a-z_]+\}", "", item.text).strip()
        same_ok = item.text in SAME_IN_ENGLISH or only_placeholders
        assert en != item.text or same_ok, f"{item.key}: not translated: {en!r}"
        assert placeholders(en) == placeholders(item.text), item.key
        assert en == en.strip() and "  " not in en.replace("\n", ""), f"{item.key}: stray spaces"


def test_keys_are_stable_places() -> None:
    keys = {item.key: item for item in translatable("journey.yaml", dutch("journey.yaml"))}
    assert keys["phases.fase-1.title"].text == "Definitie van de dienstverleningsbehoefte"
    item = "phases.fase-1.steps.validatie-klantbereik.items.klantbereik-nakijken"
    assert keys[f"{item}.details.0"].kind == TEXT
    assert f"{item}.section" not in keys
    options = {item.key for item in translatable("interview.yaml", dutch("interview.yaml"))}
    assert "questions.scope_checked.options.weet-niet.label" in options  # options keyed by their value
    roles = {item.key: item.kind for item in translatable("roles.yaml", dutch("roles.yaml"))}
    assert roles["rights.servicenow-gebruiker.roles.klantportaalgebruiker.name"] == NAME
    lots = {item.key: item.kind for item in translatable("lots.yaml", dutch("lots.yaml"))}
    assert lots["lots.perceel-2.name"] == TEXT  # descriptive lot names are translated
    assert lots["lots.perceel-3.service_types.in-regie.note"] == TEXT
    assert not any(".partners." in key and key.endswith(".name") for key in lots)  # company names


def test_names_keep_dutch_with_a_gloss() -> None:
    doc = english_doc("roles.yaml")
    key = "rights.servicenow-gebruiker.roles.klantportaalgebruiker.name"
    assert with_gloss(doc, key, "Klantportaalgebruiker") == "Klantportaalgebruiker (customer portal user)"
    assert with_gloss(doc, key, "Iets anders") == "Iets anders"  # a changed name is not glossed wrongly


def test_english_falls_back_to_dutch_when_stale() -> None:
    doc = {"a": {"nl": "Oud", "en": "Old"}}
    assert english(doc, "a", "Oud") == "Old"
    assert english(doc, "a", "Nieuw") is None
    assert english(doc, "b", "Oud") is None


# ------------------------------------------------------------ the three problem kinds, on a modified copy


def problems_of(dutch_raw: Any, doc: Any) -> dict[str, str]:
    return {key: message for key, message in check(translatable("journey.yaml", dutch_raw), doc)}


def test_a_changed_dutch_text_makes_its_translation_stale() -> None:
    raw = copy.deepcopy(dutch("journey.yaml"))
    raw["phases"][0]["title"] = "Een nieuwe titel"
    problems = problems_of(raw, english_doc("journey.yaml"))
    assert list(problems) == ["phases.fase-1.title"]
    assert "older than the Dutch" in problems["phases.fase-1.title"]


def test_a_removed_english_entry_is_missing() -> None:
    doc = english_doc("journey.yaml")
    del doc["phases.fase-1.summary"]
    problems = problems_of(dutch("journey.yaml"), doc)
    assert list(problems) == ["phases.fase-1.summary"]
    assert "no English text" in problems["phases.fase-1.summary"]


def test_an_empty_english_text_is_missing() -> None:
    doc = english_doc("journey.yaml")
    doc["summary"]["en"] = ""
    assert "no English text" in problems_of(dutch("journey.yaml"), doc)["summary"]


def test_an_english_entry_without_dutch_is_unknown() -> None:
    doc = english_doc("journey.yaml")
    doc["phases.fase-9.title"] = {"nl": "Weg", "en": "Gone"}
    problems = problems_of(dutch("journey.yaml"), doc)
    assert list(problems) == ["phases.fase-9.title"]
    assert "no Dutch text has this key" in problems["phases.fase-9.title"]


def test_a_removed_dutch_text_leaves_an_unknown_entry() -> None:
    raw = copy.deepcopy(dutch("journey.yaml"))
    del raw["phases"][0]["summary"]
    assert "no Dutch text has this key" in problems_of(raw, english_doc("journey.yaml"))["phases.fase-1.summary"]


def test_a_lost_placeholder_and_misplaced_fields_are_reported() -> None:
    raw = dutch("mails.yaml")
    doc = english_doc("mails.yaml")
    doc["mails.ddc-dms.subject"]["en"] = "Request for access to DDC-DMS"
    doc["mails.ddc-dms.section"] = {"nl": "6.2.1.1", "en": "6.2.1.1"}
    roles_doc = english_doc("roles.yaml")
    roles_doc["rights.cmdb2-gebruiker.name"]["en"] = "CMDB2 user"
    problems = dict(check(translatable("mails.yaml", raw), doc))
    assert "placeholders" in problems["mails.ddc-dms.subject"]
    assert "no Dutch text" in problems["mails.ddc-dms.section"]
    roles_problems = dict(check(translatable("roles.yaml", dutch("roles.yaml")), roles_doc))
    assert "a name stays Dutch" in roles_problems["rights.cmdb2-gebruiker.name"]


def test_positions_point_into_the_file() -> None:
    text = (DATA / "en" / "journey.yaml").read_text(encoding="utf-8")
    doc = load_located(text)
    key = next(k for k in doc if k == "phases.fase-1.title")
    line, column = position(key) or (0, 0)
    assert text.splitlines()[line - 1][column - 1 :].startswith("phases.fase-1.title:")


def test_command_line_reports_and_writes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "en").mkdir(parents=True)
    for name in CONTENT_FILES:
        (data / name).write_text((DATA / name).read_text(encoding="utf-8"), encoding="utf-8")
        (data / "en" / name).write_text((DATA / "en" / name).read_text(encoding="utf-8"), encoding="utf-8")
    command = [sys.executable, "-m", "instapgids.content.translations", "--data-dir", str(data)]
    assert subprocess.run(command, capture_output=True, text=True).returncode == 0

    journey = data / "journey.yaml"
    journey.write_text(
        journey.read_text(encoding="utf-8").replace(
            "title: Definitie van de dienstverleningsbehoefte", "title: Definitie van de behoefte"
        ),
        encoding="utf-8",
    )
    english_journey = data / "en" / "journey.yaml"
    before = english_journey.read_text(encoding="utf-8")
    english_journey.write_text(before.replace("phases.fase-1.summary:", "phases.fase-0.summary:"), encoding="utf-8")
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert any(line.startswith(f"{english_journey}:") and "phases.fase-1.title: older" in line for line in lines)
    assert any(line.startswith(f"{journey}:") and "phases.fase-1.summary: no English" in line for line in lines)
    assert any("phases.fase-0.summary: no Dutch text" in line for line in lines)

    written = subprocess.run([*command, "--write"], capture_output=True, text=True)
    assert written.returncode == 1  # the stale and unknown entries remain, and the new one is empty
    after = yaml.safe_load(english_journey.read_text(encoding="utf-8"))
    assert after["phases.fase-1.summary"]["en"] == ""  # added, empty
    assert after["phases.fase-1.title"]["nl"] == "Definitie van de dienstverleningsbehoefte"  # not refreshed
    assert english_journey.read_text(encoding="utf-8").startswith(before[:200])  # nothing above was touched


def test_a_glossed_name_with_brackets_gets_no_second_pair() -> None:
    """'Werkaanvragenbeheer (Atos) (work request management)' reads badly: the gloss goes inside the brackets."""
    from instapgids.content.load import load_content

    english = load_content(language="en")
    names = [c.name for c in english.contacts_file.contacts] + [s.name for s in english.systems_file.systems]
    names += [d.title for d in english.documents_file.documents] + [t.term for t in english.glossary.terms]
    names += [s.title for s in english.guide.sections]
    assert not [n for n in names if re.search(r"\)\s*\(", n)]
    assert "Werkaanvragenbeheer (Atos; work request management)" in names
