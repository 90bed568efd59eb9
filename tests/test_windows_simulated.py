"""The customer's whole path on a Python that looks like Windows' to instapgids (issue 15).

We cannot run Windows here. What stops instapgids on Windows is the POSIX-only part of Python: ``os.fchmod``
(absent before 3.13), ``os.fchown``, ``os.geteuid``/``getuid``/``getgid``, and the modules ``fcntl``,
``termios``, ``pwd`` and ``grp``. A ``sitecustomize.py`` on ``PYTHONPATH`` takes those away before instapgids
starts, and the path runs in a home folder with a space, an accent and a OneDrive-like name.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ANSI, ITEM_ID, LOKAAL, flat

SITECUSTOMIZE = """
import importlib.abc
import os
import signal
import sys

# On Windows platformdirs uses its Windows module; its Linux one (which Linux picks by sys.platform) needs
# os.getuid at import. Load it first, so that what is simulated is Windows' Python, not a broken Linux.
import platformdirs
import platformdirs.unix
import warnings

# Without fcntl, filelock falls back to its soft lock and warns; on Windows it takes msvcrt's lock.
warnings.filterwarnings("ignore", "only soft file lock is available")

for name in ("fchmod", "fchown", "geteuid", "getuid", "getgid", "getegid", "lchown", "chown"):
    if hasattr(os, name):
        delattr(os, name)
if hasattr(signal, "SIGHUP"):
    del signal.SIGHUP

REFUSED = {"fcntl", "termios", "pwd", "grp", "tty", "resource"}


class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name in REFUSED:
            raise ModuleNotFoundError(f"No module named {name!r} (simulated Windows)", name=name)
        return None


# Windows gives the language of the user's settings through locale.getlocale(), not through LANG.
if os.environ.get("SIMULATED_LOCALE"):
    import locale

    _setlocale = locale.setlocale

    def _windows_setlocale(category, value=None):
        if value is None and category == locale.LC_CTYPE:  # a query: what Windows has set from the user's settings
            return os.environ["SIMULATED_LOCALE"] + ".1252"
        return _setlocale(category, value)

    locale.setlocale = _windows_setlocale
    locale.getlocale = lambda category=None: (os.environ["SIMULATED_LOCALE"], "1252")

for name in REFUSED:
    sys.modules.pop(name, None)
sys.meta_path.insert(0, Refuse())
"""

PROBE = """
import importlib, os, signal
gone = [n for n in ("fchmod", "fchown", "geteuid", "getuid", "getgid") if not hasattr(os, n)]
refused = []
for name in ("fcntl", "termios", "pwd", "grp"):
    try:
        importlib.import_module(name)
    except ImportError:
        refused.append(name)
print(len(gone), len(refused), hasattr(signal, "SIGHUP"))
"""


def _windows_like(tmp_path: Path) -> dict[str, str]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    home = tmp_path / "Users" / "José Peeters"
    env = {
        **os.environ,
        "PYTHONPATH": str(site),
        "HOME": str(home),
        "USERPROFILE": str(home),
        "INSTAPGIDS_HOME": str(home / "OneDrive - Stad Gent" / "instapgids état"),
        "XDG_CACHE_HOME": str(home / "AppData" / "Local"),
    }
    env.pop("INSTAPGIDS_DEBUG", None)
    return env


def _run(env: dict[str, str], *args: str, cwd: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "instapgids", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=60,
    )
    out = ANSI.sub("", done.stdout + done.stderr)
    assert done.returncode == 0, f"instapgids {' '.join(args)} -> exit {done.returncode}\n{out}"
    assert "Traceback" not in out, out
    return out


def test_the_simulation_takes_the_posix_parts_away(tmp_path: Path) -> None:
    env = _windows_like(tmp_path)
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=60)
    assert done.stdout.split() == ["5", "4", "False"], done.stdout + done.stderr


def test_the_customer_path_works_without_the_posix_parts(tmp_path: Path) -> None:
    env = _windows_like(tmp_path)
    work = tmp_path / "Mijn documenten" / "klant één"
    work.mkdir(parents=True)
    profile = work / "gemeente voorbeeld.yaml"

    _run(env, "start", "--answers", str(LOKAAL), "--profile", str(profile), cwd=work)
    first = ITEM_ID.findall(flat(_run(env, "next", "--profile", str(profile), cwd=work)))[0][1]
    _run(env, "done", first, "--profile", str(profile), cwd=work)
    _run(env, "done", "ddc-dms-toegang", "--force", "--profile", str(profile), cwd=work)  # waits on phase 1

    markdown = _run(env, "checklist", "--export", "md", "--profile", str(profile), cwd=work)
    assert "Checklist" in markdown
    _run(env, "checklist", "--export", "html", "-o", "checklist é.html", "--profile", str(profile), cwd=work)
    assert "<html" in (work / "checklist é.html").read_text(encoding="utf-8")
    exported = json.loads(_run(env, "checklist", "--export", "json", "--profile", str(profile), cwd=work))
    statuses = {item["id"]: item["status"] for item in exported["items"]}
    assert statuses[first] == statuses["ddc-dms-toegang"] != statuses["klantenportaal-rollen"]

    _run(env, "mails", "--export", "eml", "-o", "mails map", "--profile", str(profile), cwd=work)
    assert list((work / "mails map").glob("*.eml"))

    # The default profile, in the state folder under the OneDrive-like home.
    _run(env, "start", "--answers", str(LOKAAL), cwd=work)
    listing = flat(_run(env, "profiles", cwd=work))
    assert "Gemeente Voorbeeld" in listing
    assert (Path(env["INSTAPGIDS_HOME"]) / "profielen" / "standaard.yaml").exists()

    # The marks were kept in the profile itself.
    saved = profile.read_text(encoding="utf-8")
    assert first in saved and "ddc-dms-toegang" in saved


def test_a_file_another_program_holds_open_for_a_moment_is_still_saved_on_windows(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Windows refuses to replace a file that a virus scanner, OneDrive or a preview holds open."""
    from instapgids.errors import UserError
    from instapgids.store import files

    real_replace = os.replace
    refusals = iter([True, True])

    def busy_replace(source: str, target: Path) -> None:
        if next(refusals, False):
            raise PermissionError(13, "The process cannot access the file because it is being used")
        real_replace(source, target)

    monkeypatch.setattr(files.os, "replace", busy_replace)
    monkeypatch.setattr(files, "REPLACE_RETRIES", (0.0,) * 5)
    profile = tmp_path / "profiel.yaml"
    profile.write_text("oud\n", encoding="utf-8")

    monkeypatch.setattr(files, "RETRY_REPLACE", False)  # as on Linux and macOS, where this does not happen
    with pytest.raises(UserError):
        files.write_file(profile, "nieuw\n")
    assert profile.read_text(encoding="utf-8") == "oud\n"

    refusals = iter([True, True])
    monkeypatch.setattr(files, "RETRY_REPLACE", True)
    files.write_file(profile, "nieuw\n")
    assert profile.read_text(encoding="utf-8") == "nieuw\n"
    assert [p.name for p in tmp_path.iterdir()] == ["profiel.yaml"]


@pytest.mark.parametrize(("setting", "said"), [("English_United States", "Lot"), ("Dutch_Belgium", "Perceel")])
def test_the_language_of_the_windows_settings_is_used(tmp_path: Path, setting: str, said: str) -> None:
    env = _windows_like(tmp_path)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "INSTAPGIDS_LANG"):
        env.pop(name, None)
    env["SIMULATED_LOCALE"] = setting
    assert _run(env, "lots", "show", "5", cwd=tmp_path).startswith(said)


def test_the_default_profile_folder_under_a_home_with_an_accent_and_spaces(tmp_path: Path) -> None:
    """No INSTAPGIDS_HOME: the profile goes where the system keeps a user's state, under their own name."""
    env = _windows_like(tmp_path)
    for name in ("INSTAPGIDS_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
        env.pop(name, None)
    _run(env, "start", "--answers", str(LOKAAL), cwd=tmp_path)
    listing = flat(_run(env, "profiles", cwd=tmp_path))
    assert "José Peeters" in listing and "Gemeente Voorbeeld" in listing
    assert list((tmp_path / "Users" / "José Peeters").rglob("standaard.yaml"))


def test_the_suite_can_be_collected_without_the_posix_parts(tmp_path: Path) -> None:
    """No test module needs pexpect's spawn, termios, pty or resource to be imported: they skip, saying why."""
    env = {k: v for k, v in _windows_like(tmp_path).items() if not k.startswith(("PYTEST_", "COV_"))}
    root = Path(__file__).resolve().parents[1]
    args = ["--collect-only", "-q", "-n0", "-p", "no:cacheprovider", str(root / "tests")]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", *args], capture_output=True, text=True, env=env, cwd=root, timeout=120
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert " collected" in done.stdout.splitlines()[-1]
