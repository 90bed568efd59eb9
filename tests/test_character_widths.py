"""Every character instapgids shows takes one column, whichever wcwidth prompt_toolkit uses.

pyproject.toml keeps wcwidth below 0.3 (it loads 10-20 ms faster before the first question). That is only
safe while the text we show has no character whose width the versions disagree on: a wide (East Asian)
character or an emoji. Checked here over the content, the English catalog and the program's own strings.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import wcwidth

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    *sorted((ROOT / "data").rglob("*.yaml")),
    ROOT / "src" / "instapgids" / "locale" / "en" / "LC_MESSAGES" / "instapgids.po",
    *sorted((ROOT / "src" / "instapgids").rglob("*.py")),
]


def _shown_characters() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in SOURCES:
        for char in path.read_text(encoding="utf-8"):
            if char.isprintable() and not char.isascii():
                found.setdefault(char, path)
    return found


def test_every_character_shown_is_one_column_wide() -> None:
    found = _shown_characters()
    assert "✔" in found and "█" in found  # what the interview and `status` show: the scan sees it
    odd = {
        f"{char!r} U+{ord(char):04X} ({path.relative_to(ROOT)})"
        for char, path in found.items()
        if wcwidth.wcwidth(char) != 1 or unicodedata.east_asian_width(char) in ("W", "F")
    }
    assert odd == set(), "a character whose width wcwidth versions may disagree on: " + ", ".join(sorted(odd))
