"""The content travels with the package: in a wheel installed in a fresh venv, and in a plain source checkout."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ANSI, DATA, ROOT

BIN = "Scripts" if os.name == "nt" else "bin"  # where a venv keeps its programs

# pip's own cache as the user has it (the tests' private XDG_CACHE_HOME is set later, per test).
PIP_ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "INSTAPGIDS_DATA_DIR")}


def run(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def user_env(**extra: str) -> dict[str, str]:
    """The test's environment (private state and cache) without anything that points at this checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "INSTAPGIDS_DATA_DIR", "VIRTUAL_ENV")}
    return {**env, **extra}


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path

    @property
    def exe(self) -> Path:
        return self.venv / BIN / "instapgids"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    """The wheel built from this checkout, installed (with its dependencies) in a fresh venv."""
    base = tmp_path_factory.mktemp("packaging")
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(base / "dist"), str(ROOT)], base, PIP_ENV)
    assert built.returncode == 0, built.stdout + built.stderr
    [wheel] = (base / "dist").glob("instapgids-*.whl")

    venv = base / "venv"
    made = run([sys.executable, "-m", "venv", "--without-pip", str(venv)], base, PIP_ENV)
    assert made.returncode == 0, made.stdout + made.stderr
    # The wheel alone, into the new venv with this venv's pip (`pip --python`): ~10 s less than installing pip and
    # resolving every dependency again. The dependencies come from this venv's site-packages, which .ci/run
    # installed from the same pyproject.toml (its .pth files, this checkout's editable install among them, are not
    # read: a plain path in a .pth adds the folder only); test_the_wheel_declares_what_pyproject_needs keeps the
    # wheel's own list honest.
    python = venv / BIN / ("python.exe" if os.name == "nt" else "python")
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", str(wheel)]
    added = run(install, base, PIP_ENV)
    assert added.returncode == 0, added.stdout + added.stderr
    site = run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], base)
    ours = [p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
    (Path(site.stdout.strip()) / "zz-dependencies.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    yield Installed(wheel, venv)


@pytest.mark.slow
def test_the_wheel_carries_every_content_file(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = set(wheel.namelist())
        assert "instapgids/data/lots.yaml" in names
        assert "instapgids/data/journey.yaml" in names
        for source in sorted(DATA.glob("*.yaml")):
            packed = f"instapgids/data/{source.name}"
            assert packed in names
            assert wheel.read(packed) == source.read_bytes(), f"{packed} differs from data/{source.name}"


def test_the_wheel_declares_what_pyproject_needs(installed: Installed) -> None:
    """The wheel's Requires-Dist is pyproject.toml's dependencies (and its extras'): a user's pip installs those."""
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    with zipfile.ZipFile(installed.wheel) as wheel:
        metadata = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
        required = [line.split(":", 1)[1].strip() for line in wheel.read(metadata).decode().splitlines()
                    if line.startswith("Requires-Dist:") and "extra ==" not in line]  # fmt: skip
    from packaging.requirements import Requirement  # pytest's own dependency

    def normal(requirement: str) -> tuple[str, frozenset[str]]:
        parsed = Requirement(requirement)
        return re.sub(r"[-_.]+", "-", parsed.name).lower(), frozenset(str(s) for s in parsed.specifier)

    assert sorted(map(normal, required)) == sorted(map(normal, declared))


@pytest.mark.slow
def test_the_wheel_carries_the_licence(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        [licence] = [name for name in wheel.namelist() if name.endswith(".dist-info/licenses/LICENSE")]
        assert wheel.read(licence) == (ROOT / "LICENSE").read_bytes()
        metadata = wheel.read(licence.replace("licenses/LICENSE", "METADATA")).decode()
    assert "License-Expression: EUPL-1.2" in metadata.splitlines()
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")


@pytest.mark.slow
def test_the_installed_package_is_the_wheel_not_this_checkout(installed: Installed, tmp_path: Path) -> None:
    done = run(
        [str(installed.venv / BIN / "python"), "-c", "import instapgids; print(instapgids.__file__)"],
        tmp_path,
        user_env(),
    )
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()).resolve().is_relative_to(installed.venv.resolve())


@pytest.mark.slow
def test_the_installed_command_shows_a_lot_from_another_folder(installed: Installed, tmp_path: Path) -> None:
    done = run([str(installed.exe), "lots", "show", "1"], tmp_path, user_env())
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Atos" in ANSI.sub("", done.stdout)


@pytest.mark.slow
def test_the_installed_command_validates_the_content_inside_the_wheel(installed: Installed, tmp_path: Path) -> None:
    done = run([str(installed.exe), "validate"], tmp_path, user_env())
    assert done.returncode == 0, done.stdout + done.stderr
    out = ANSI.sub("", done.stdout)
    assert out.startswith("OK: 6 percelen, 4 fases")
    folder = out.rsplit("inhoud uit ", 1)[-1].strip()
    assert Path(folder).resolve().is_relative_to(installed.venv.resolve()), out
    assert Path(folder).name == "data"


# --------------------------------------------------------------------------- a source checkout, not installed


def test_a_source_checkout_finds_its_content(tmp_path: Path) -> None:
    env = user_env(PYTHONPATH=str(ROOT / "src"))
    shown = run([sys.executable, "-m", "instapgids", "lots", "show", "2"], tmp_path, env, timeout=60)
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert "Cegeka" in ANSI.sub("", shown.stdout)


def test_a_copied_source_checkout_reads_its_own_content(tmp_path: Path) -> None:
    """Not the editable install's: a checkout elsewhere shows what its own data/ says."""
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "src", checkout / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(DATA, checkout / "data")
    lots = checkout / "data" / "lots.yaml"
    text = lots.read_text(encoding="utf-8")
    assert text.count("    name: Werkplekdiensten\n") == 1
    lots.write_text(text.replace("    name: Werkplekdiensten\n", "    name: Werkplekdiensten uit de kopie\n"))
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()

    env = user_env(PYTHONPATH=str(checkout / "src"))
    shown = run([sys.executable, "-m", "instapgids", "lots", "show", "2"], elsewhere, env, timeout=60)
    assert shown.returncode == 0, shown.stdout + shown.stderr
    out = ANSI.sub("", shown.stdout)
    assert "Perceel 2: Werkplekdiensten uit de kopie" in out
    assert "Cegeka" in out


@pytest.mark.slow
def test_the_installed_command_speaks_dutch_from_the_catalog_in_the_wheel(installed: Installed, tmp_path: Path) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        assert "instapgids/cli/locale/nl/LC_MESSAGES/click.mo" in wheel.namelist()
    done = run([str(installed.exe), "done"], tmp_path, user_env())
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Fout: Ontbrekend argument 'ID...'." in done.stderr


@pytest.mark.slow
def test_the_installed_command_speaks_english_from_its_own_catalog_in_the_wheel(
    installed: Installed, tmp_path: Path
) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        assert "instapgids/locale/en/LC_MESSAGES/instapgids.mo" in wheel.namelist()
    shown = run([str(installed.exe), "--lang", "en", "--help"], tmp_path, user_env())
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert "Output language: nl or en" in " ".join(ANSI.sub("", shown.stdout).split())
