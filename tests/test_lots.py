"""The lots commands, help for every command, and the version, as a user sees them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
import typer.main
import typer.models
import yaml

import instapgids
from instapgids.cli import commands as cli_module

from conftest import DATA, ROOT, Result

LOTS_FILE = yaml.safe_load((DATA / "lots.yaml").read_text(encoding="utf-8"))
LOTS: list[dict[str, Any]] = LOTS_FILE["lots"]
SERVICE_NAMES = {t["id"]: t["name"] for t in LOTS_FILE["service_types"]}
DOCUMENT_TITLES = {
    d["id"]: d["title"] for d in yaml.safe_load((DATA / "documents.yaml").read_text(encoding="utf-8"))["documents"]
}
BY_NUMBER = {lot["number"]: lot for lot in LOTS}
BOX = re.compile(r"[│┃║╭╮╰╯─━┏┓┗┛┡┩┣┫╇╈┳┻╋┼┬┴├┤┌┐└┘═]")
# Words of click's and Python's own messages that must not reach the user instead of a Dutch one.
ENGLISH = re.compile(r"\b(error|usage|no such|invalid|traceback|try '|got unexpected)\b", re.I)


@pytest.fixture(scope="session")
def validated_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A content cache holding the shipped content, validated once for the whole session."""
    from instapgids.content.load import load_content

    cache = tmp_path_factory.mktemp("validated-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(cache))
        load_content(DATA)
    assert any(cache.rglob("*")), "validating the content left no cache"
    return cache


@pytest.fixture(autouse=True)
def warm_cache(private_home: Path, validated_cache: Path) -> None:
    """Each test here starts with that cache in its own private cache folder: these tests read, never edit."""
    shutil.copytree(validated_cache, private_home / "cache", dirs_exist_ok=True)


def flat(text: str) -> str:
    """Lower case, box lines gone, every run of whitespace one space: robust against Rich's wrapping."""
    return " ".join(BOX.sub(" ", text).split()).lower()


def lot_id(lot: dict[str, Any]) -> str:
    return f"perceel-{lot['number']}"


# --------------------------------------------------------------------------- lots list


def table_rows(output: str) -> dict[str, list[str]]:
    """The rows of the lots table, by number, each a list of cell texts (wrapped lines joined)."""
    rows: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for line in output.splitlines():
        if not line.startswith("│"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("│").split("│")]
        if cells[0]:
            current = rows.setdefault(cells[0], [[] for _ in cells])
        assert current is not None, line
        for parts, cell in zip(current, cells, strict=True):
            if cell:
                parts.append(cell)
    return {number: [" ".join(parts) for parts in cells] for number, cells in rows.items()}


def test_lots_list_shows_each_lot_once(cli: Callable[..., Result]) -> None:
    result = cli("lots", "list")
    assert result.code == 0, result.text
    assert sorted(table_rows(result.out)) == sorted(str(lot["number"]) for lot in LOTS)


@pytest.mark.parametrize("lot", LOTS, ids=lot_id)
def test_lots_list_shows_the_lot_with_its_partners(lot: dict[str, Any], cli: Callable[..., Result]) -> None:
    result = cli("lots", "list")
    assert result.code == 0, result.text
    assert "Traceback" not in result.text
    row = table_rows(result.out).get(str(lot["number"]))
    assert row is not None, result.out
    _number, name_and_partners, _summary = row
    assert name_and_partners.startswith(lot["name"] + " ")
    for partner in lot["partners"]:
        assert partner["name"] in name_and_partners.removeprefix(lot["name"])


def test_lots_list_fits_every_name_in_an_80_column_terminal(process: Callable[..., Result]) -> None:
    result = process("lots", "list", env={"COLUMNS": "80"})
    assert result.code == 0, result.text
    assert max(len(line) for line in result.out.splitlines()) <= 80
    rows = table_rows(result.out)
    for lot in LOTS:
        assert flat(rows[str(lot["number"])][1]).startswith(flat(lot["name"]))


# --------------------------------------------------------------------------- lots show N

LOT_FACTS = {
    2: ["Delegate365", "Entra ID", "Provisioning tool", "template", "vo.support@cegeka.com"],
    3: ["Cloud Minimaal Beheer", "minimaal beheer", "traditioneel beheer", "CloudOps", "cloud-accounts"],
    4: ["Redmine", "vonet", "in-regie"],
    5: ["minicompetitie", "IO-nummer", "PO-referentie", "evaluatieverslag", "gunningsverslag", "bestelbon"],
}


def expected_texts(lot: dict[str, Any]) -> list[str]:
    texts = [f"Perceel {lot['number']}: {lot['name']}", f"§{lot['section']}"]
    texts += [partner["name"] for partner in lot["partners"]]
    texts += [domain["title"] for domain in lot["domains"]]
    texts += [SERVICE_NAMES[entry["type"]] for entry in lot["service_types"]]
    texts += [DOCUMENT_TITLES[doc] for doc in lot.get("documents") or []]
    return texts + LOT_FACTS.get(lot["number"], [])


def test_every_lot_offers_the_four_kinds_of_service() -> None:
    assert len(SERVICE_NAMES) == 4
    for lot in LOTS:
        assert sorted(entry["type"] for entry in lot["service_types"]) == sorted(SERVICE_NAMES)


@pytest.mark.parametrize("number", range(1, 7))
def test_lots_show(number: int, cli: Callable[..., Result]) -> None:
    lot = BY_NUMBER[number]
    result = cli("lots", "show", str(number))
    assert result.code == 0, result.text
    assert result.err == ""
    shown = flat(result.out)
    missing = [text for text in expected_texts(lot) if flat(text) not in shown]
    assert not missing, f"lots show {number} does not mention {missing}"


# --------------------------------------------------------------------------- unknown lots


@pytest.mark.parametrize(
    "given",
    [
        "9",
        "0",
        "7",
        "abc",
        "5.0",
        "",
        "-1",
        "²",
    ],
)
def test_an_unknown_lot_lists_the_valid_ones_in_dutch(given: str, cli: Callable[..., Result]) -> None:
    result = cli("lots", "show", given)
    assert result.code == 2, result.text
    assert result.out == ""
    message = flat(result.err)
    assert not ENGLISH.search(message), result.err
    assert f"perceel '{given}' bestaat niet" in message
    for lot in LOTS:
        assert flat(f"{lot['number']} ({lot['name']})") in message


def test_an_unknown_lot_from_a_real_process(process: Callable[..., Result]) -> None:
    result = process("lots", "show", "9")
    assert result.code == 2
    assert result.out == ""
    assert "Traceback" not in result.err
    assert "bestaat niet" in result.err


# --------------------------------------------------------------------------- help


def _help_of(info: Any) -> str:
    help_text = getattr(info, "help", None)
    return "" if isinstance(help_text, typer.models.DefaultPlaceholder) else (help_text or "")


def commands(app: typer.Typer, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str, Any]]:
    """Every command and group of the app: (words after 'instapgids', its help text, its callback)."""
    callback = app.registered_callback.callback if app.registered_callback else None
    yield path, _help_of(app.info) or (callback.__doc__ or "" if callback else ""), callback
    for command in app.registered_commands:
        assert command.callback is not None
        name = command.name or command.callback.__name__.replace("_", "-")
        yield (*path, name), _help_of(command) or command.callback.__doc__ or "", command.callback
    for group in app.registered_groups:
        assert group.typer_instance is not None
        name = group.name if isinstance(group.name, str) else group.typer_instance.info.name
        assert isinstance(name, str)
        yield from commands(group.typer_instance, (*path, name))


COMMANDS = list(commands(cli_module.app))


def test_the_walk_finds_the_commands() -> None:
    found = {" ".join(path) for path, _, _ in COMMANDS}
    assert {"", "lots", "lots list", "lots show", "validate"} <= found


def command_name(path: tuple[str, ...]) -> str:
    return " ".join(("instapgids", *path))


@pytest.mark.parametrize(("path", "help_text"), [pytest.param(p, h, id=command_name(p)) for p, h, _ in COMMANDS])
def test_every_command_has_help(path: tuple[str, ...], help_text: str, cli: Callable[..., Result]) -> None:
    assert help_text.strip(), f"'instapgids {' '.join(path)}' has no help text"
    result = cli(*path, "--help")
    assert result.code == 0, result.text
    first_line = help_text.strip().splitlines()[0]
    assert flat(first_line) in flat(result.out)


def argument_help_survives() -> bool:
    """typer 0.25 sets an argument's help before calling click's constructor, which (click 8.5) resets it."""
    from typer.core import TyperArgument

    return TyperArgument(param_decls=["probe"], help="probe").help == "probe"


ARGUMENT_HELP_BUG = pytest.mark.xfail(
    not argument_help_survives(), reason="bug: typer 0.25 with click 8.5 drops every argument's help", strict=True
)


def parameters() -> Iterator[Any]:
    for path, _, callback in COMMANDS:
        if callback is None:
            continue
        hints = typing.get_type_hints(callback, include_extras=True)  # in the globals of its command group
        for name, hint in hints.items():
            infos = [m for m in getattr(hint, "__metadata__", ()) if isinstance(m, typer.models.ParameterInfo)]
            if name == "return" or not infos or infos[0].hidden:  # hidden: not in the help by design (--lang)
                continue
            marks = [ARGUMENT_HELP_BUG] if isinstance(infos[0], typer.models.ArgumentInfo) else []
            yield pytest.param(path, name, infos[0].help or "", id=f"{command_name(path)} {name}", marks=marks)


@pytest.mark.parametrize(("path", "name", "help_text"), list(parameters()))
def test_every_parameter_shows_its_help(
    path: tuple[str, ...], name: str, help_text: str, cli: Callable[..., Result]
) -> None:
    assert help_text.strip(), f"'{name}' of 'instapgids {' '.join(path)}' has no help text"
    result = cli(*path, "--help")
    assert result.code == 0, result.text
    # Rich may cut a long help text at the panel's edge; its first words must be there.
    assert flat(help_text)[:40] in flat(result.out)


# --------------------------------------------------------------------------- version


@pytest.mark.parametrize("args", [["--version"], ["-V"], ["--version", "lots", "list"]], ids=" ".join)
def test_version(args: list[str], cli: Callable[..., Result]) -> None:
    result = cli(*args)
    assert result.code == 0, result.text
    assert result.out.strip() == f"instapgids {instapgids.__version__}"


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_from_the_installed_command(flag: str, process: Callable[..., Result]) -> None:
    result = process(flag)
    assert result.code == 0, result.text
    assert result.out.strip() == f"instapgids {instapgids.__version__}"


def test_version_from_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "instapgids", "--version"], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"instapgids {instapgids.__version__}"


def test_the_version_is_the_package_version() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{instapgids.__version__}"' in pyproject
