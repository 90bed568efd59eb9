"""`checklist` and `next` with at most a profile run without Typer and click (issue 10, speed): the same
output and exit code as through Typer, and neither Typer nor click is imported."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

import pytest

from conftest import EXAMPLES, Result

CASES = [
    ("checklist",),
    ("next",),
    ("checklist", "--profile", "klant"),
    ("next", "-p", "klant"),
    ("checklist", "--profile=klant"),
    ("--lang", "en", "next"),
    ("next", "--lang=en", "--profile", "klant"),
    ("checklist", "--profile", "ontbreekt"),
    ("next", "-p", "ontbreekt"),
]


@pytest.mark.parametrize("args", CASES, ids=" ".join)
def test_the_fast_path_says_what_typer_says(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    from instapgids import language
    from instapgids.cli import main

    answers = str(EXAMPLES / "lokaal-bestuur-netwerk.yaml")
    assert cli("start", "--answers", answers).code == 0
    assert cli("start", "--answers", answers, "--profile", "klant").code == 0
    assert main._fast(main._after_lang(language.pull_option(args)[1])) is not None
    fast = cli(*args)
    monkeypatch.setattr(main, "_fast", lambda args: None)
    slow = cli(*args)
    assert (fast.code, fast.out, fast.err) == (slow.code, slow.out, slow.err)


@pytest.mark.parametrize(
    "args", [("checklist", "--help"), ("checklist", "--export", "md"), ("next", "extra"), ("next", "--profile")]
)
def test_other_arguments_go_through_typer(args: tuple[str, ...]) -> None:
    from instapgids.cli import main

    assert main._fast(list(args)) is None


def test_the_fast_path_imports_neither_typer_nor_click(process: Callable[..., Result]) -> None:
    assert process("start", "--answers", str(EXAMPLES / "lokaal-bestuur-netwerk.yaml")).code == 0
    code = (
        "import sys\nsys.argv = ['instapgids', 'checklist']\nfrom instapgids.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('typer', 'click') if m in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stderr.strip().endswith("[]"), done.stderr
