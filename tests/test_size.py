"""Modules small enough to read in one sitting: none over 400 lines, no function over 60.

The files that may break this for now are the ones exempt from ruff's C901 in pyproject.toml
(one list for both): each says who is rewriting it.
"""

from __future__ import annotations

import ast
import tomllib
from fnmatch import fnmatch
from pathlib import Path

from conftest import ROOT

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def exempt() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    ignores = config["tool"]["ruff"]["lint"]["per-file-ignores"]
    return [pattern for pattern, codes in ignores.items() if "C901" in codes]


def too_big(root: Path = ROOT, patterns: list[str] | None = None) -> list[str]:
    """Every module under ``root``/src over the limit and every function over its limit, but the exempt."""
    found = []
    patterns = exempt() if patterns is None else patterns
    for path in sorted((root / "src").rglob("*.py")):
        name = path.relative_to(root).as_posix()
        if any(fnmatch(name, pattern) for pattern in patterns):
            continue
        text = path.read_text(encoding="utf-8")
        if (lines := len(text.splitlines())) > MAX_MODULE_LINES:
            found.append(f"{name}: {lines} lines (at most {MAX_MODULE_LINES})")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    found.append(f"{name}:{node.lineno}: {node.name}() has {length} lines")
    return found


def stale(patterns: list[str], root: Path = ROOT) -> list[str]:
    """The exemptions that name no file (left behind after a rewrite)."""
    return [pattern for pattern in patterns if not list(root.glob(pattern))]


def test_no_module_or_function_is_too_big() -> None:
    assert not too_big(), "\n".join(too_big())


def test_every_exemption_names_an_existing_file() -> None:
    assert not stale(exempt()), f"pyproject.toml exempts files that do not exist: {stale(exempt())}"


def test_a_big_module_a_long_function_and_a_stale_exemption_are_found(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "long.py").write_text("x = 1\n" * (MAX_MODULE_LINES + 1), encoding="utf-8")
    (src / "short.py").write_text("x = 1\n" * MAX_MODULE_LINES, encoding="utf-8")
    body = "    x = 1\n" * (MAX_FUNCTION_LINES - 1)
    (src / "functions.py").write_text(f"def fits():\n{body}\n\ndef over():\n{body}    x = 2\n", encoding="utf-8")
    (src / "exempt.py").write_text("x = 1\n" * 500, encoding="utf-8")
    assert too_big(tmp_path, ["src/exempt.py"]) == [
        f"src/functions.py:{MAX_FUNCTION_LINES + 3}: over() has {MAX_FUNCTION_LINES + 1} lines",
        f"src/long.py: {MAX_MODULE_LINES + 1} lines (at most {MAX_MODULE_LINES})",
    ]
    assert stale(["src/exempt.py", "src/rewritten.py"], tmp_path) == ["src/rewritten.py"]
