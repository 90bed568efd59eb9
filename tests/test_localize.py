"""click's and Typer's own words reach the user in Dutch, through the gettext catalog of cli/locale."""

from __future__ import annotations

import ast
import gettext
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, command_paths, instapgids_exe

LOCALE = ROOT / "src" / "instapgids" / "cli" / "locale"
ENGLISH = re.compile(
    r"\b(Usage|Options|Arguments|Commands|Error|Missing|No such|Try|Show this message|Got unexpected|"
    r"required|default|Aborted|Did you mean)\b"
)
USAGE_ERRORS = {
    "missing-argument": ("done",),
    "unknown-option": ("status", "--kleur"),
    "option-without-value": ("checklist", "--export"),
    "bad-option-value": ("checklist", "--force=ja"),
    "unknown-command": ("bestaat-niet",),
    "unknown-subcommand": ("lots", "toon"),
    "typo-in-command": ("lo",),
    "extra-argument": ("lots", "show", "1", "2"),
}


def run(args: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
    """A fresh process, so that what click and Typer read at import comes from the catalog; Dutch asked for
    over an English locale (the locale alone would choose English, issue 11)."""
    env = {"PATH": "/usr/bin:/bin", "LANG": "en_US.UTF-8", "INSTAPGIDS_LANG": "nl", "COLUMNS": "100", "NO_COLOR": "1"}
    return subprocess.run([instapgids_exe(), *args], capture_output=True, text=True, env=env, timeout=60)


def test_every_help_page_and_usage_error_is_without_english_words() -> None:
    calls = [(*path, "--help") for path in command_paths()] + list(USAGE_ERRORS.values())
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(run, calls))
    for args, result in zip(calls, results, strict=True):
        assert "Traceback" not in result.stderr, args
        assert result.returncode == (0 if args[-1] == "--help" else 2), (args, result.stderr)
        found = ENGLISH.findall(result.stdout + result.stderr)
        assert not found, (args, found, result.stdout + result.stderr)


def _po_catalog(path: Path) -> dict[Any, str]:
    """msgid (or (msgid, n) for plural forms) -> msgstr, as Python's gettext keys a .mo catalog."""
    catalog: dict[Any, str] = {}
    entry: dict[str, str] = {}
    field = ""
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith('"'):
            entry[field] += ast.literal_eval(line)
        elif line.strip() == "" and entry:
            if "msgid_plural" in entry:
                for key in sorted(k for k in entry if k.startswith("msgstr[")):
                    catalog[(entry["msgid"], int(key[7:-1]))] = entry[key]
            else:
                catalog[entry["msgid"]] = entry["msgstr"]
            entry = {}
        elif line and not line.startswith("#"):
            field, _, value = line.partition(" ")
            entry[field] = ast.literal_eval(value)
    return catalog


# Every catalog the package ships: click's and Typer's words (cli/locale) and the program's own (locale/).
CATALOGS = sorted((ROOT / "src" / "instapgids").rglob("*.po"))
HOW_TO_COMPILE = {
    "click": "in its folder: msgfmt -o click.mo click.po",
    "instapgids": "pybabel compile -d src/instapgids/locale -D instapgids (README, 'Ontwikkeling')",
}


@pytest.mark.parametrize("po", CATALOGS, ids=lambda p: f"{p.parts[-3]}-{p.stem}")
def test_the_committed_mo_says_what_the_po_says(po: Path) -> None:
    """The .mo ships in the wheel as committed; after editing the .po, compile it again."""
    with po.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    shipped = {k: v for k, v in compiled._catalog.items() if k}  # type: ignore[attr-defined]
    expected = {k: v for k, v in _po_catalog(po).items() if k}  # the header: as the compiler writes it
    assert shipped == expected, f"{po.name} and its .mo differ; {HOW_TO_COMPILE[po.stem]}"


def test_both_catalogs_are_checked() -> None:
    assert {p.stem for p in CATALOGS} == set(HOW_TO_COMPILE)
