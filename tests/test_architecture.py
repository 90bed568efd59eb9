"""The shape of the code: layers that only look down, no import cycles, a library that loads no UI.

Every import counts, also one inside a function (that is where the heavy modules are imported, and
where cycles used to hide).
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLE_FILES, EXAMPLES, ROOT

SRC = ROOT / "src"
PACKAGE = SRC / "instapgids"
# Each module's layer; a module may import from its own layer and from lower ones only.
# The front-ends (cli, web) share the top layer: both only call what is below them.
LAYERS = {"ground": 0, "content": 1, "engine": 2, "store": 3, "presentation": 4, "api": 5, "cli": 6, "web": 6}
GROUND = {"instapgids", "instapgids.errors", "instapgids.paths", "instapgids.language"}
UI = ("typer", "click", "rich", "questionary", "prompt_toolkit")
# web front-ends: instapgids.web's (the first six) alone
WEB = ("flask", "werkzeug", "jinja2", "waitress", "flask_wtf", "wtforms", "starlette", "uvicorn", "fastapi", "django")
WEB += ("aiohttp",)


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    if module in GROUND:
        return "ground"
    if module == "instapgids.__main__":  # python -m instapgids: the command line
        return "cli"
    return module.split(".")[1]


def imports(path: Path, modules: set[str]) -> set[str]:
    """The instapgids modules that this file imports, at any level of nesting."""
    found: set[str] = set()
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("instapgids"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            if not base.startswith("instapgids"):
                continue
            for alias in node.names:  # `from instapgids.content import models` imports a module
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    return {m for m in found if m in modules and m != name}


def graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: imports(path, set(files)) for name, path in files.items()}


def test_no_import_cycles() -> None:
    from instapgids.content.crosscheck import waits_for_cycles  # the same search, for items

    found = waits_for_cycles({module: sorted(targets) for module, targets in sorted(graph().items())})
    assert not found, "import cycles:\n" + "\n".join(" → ".join(c) for c in found)


def test_each_layer_imports_only_from_its_own_layer_and_lower_ones() -> None:
    wrong = [
        f"{module} ({layer(module)}) imports {target} ({layer(target)})"
        for module, targets in graph().items()
        for target in sorted(targets)
        if LAYERS[layer(target)] > LAYERS[layer(module)]
    ]
    assert not wrong, "\n".join(wrong)


def test_the_folder_listing_shows_the_layers() -> None:
    # locale/: the catalogs of language.py's messages (data beside the ground, not a layer)
    listed = {p.name for p in PACKAGE.iterdir() if not p.name.startswith(("_", "."))} - {"py.typed", "locale"}
    assert listed == {
        *("api", "errors.py", "paths.py", "language.py"),
        *("content", "engine", "store", "presentation", "cli", "web"),
    }


def test_only_the_terminal_views_and_the_command_line_import_a_user_interface() -> None:
    """Rich belongs to presentation/terminal, questionary and prompt_toolkit to cli (typer/click too)."""
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        name = module_name(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            used = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            used += [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            for module in used:
                top = module.split(".")[0]
                allowed = name.startswith("instapgids.cli") or (
                    top == "rich" and name.startswith("instapgids.presentation.terminal")
                )
                if top in UI and not allowed:
                    wrong.append(f"{name} imports {module}")
                if top in WEB and not name.startswith("instapgids.web"):
                    wrong.append(f"{name} imports {module}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("example", EXAMPLE_FILES[:1], ids=lambda p: p.stem)
def test_the_library_builds_a_checklist_without_loading_a_user_interface(example: Path) -> None:
    script = (
        "import sys\n"
        "from instapgids import api\n"
        f"checklist = api.build_checklist(api.load_content(), api.read_answers({str(example)!r}))\n"
        "assert checklist.items, 'an empty checklist'\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {(*UI, *WEB)!r}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", f"the library loaded: {done.stdout}"


@pytest.mark.parametrize("args", [["--version"], ["status", "-p", "nergens"], ["web", "--help"]])
def test_the_command_line_loads_no_web_library_until_web_runs(args: list[str]) -> None:
    script = (
        "import sys\n"
        f"sys.argv = ['instapgids', *{args!r}]\n"
        "from instapgids.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {WEB!r}), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.stderr.strip().splitlines()[-1] == "[]", done.stderr


def test_importing_and_using_the_library_loads_no_front_end_library(tmp_path: Path) -> None:
    """``python -X importtime``: what importing instapgids.api and a whole round through it (checklist,
    exports, mails, interview, profile) imports, at any depth."""
    script = (
        "from instapgids import api\n"
        f"content = api.load_content(language='en')\n"
        f"answers = api.read_answers({str(EXAMPLE_FILES[0])!r}, content)\n"
        f"profile = api.save_answers({str(tmp_path / 'p.yaml')!r}, answers, content=content).path\n"
        "checklist = api.mark(profile, api.build_checklist(content, answers).startable[0], 'doing', content=content)\n"
        "texts = [api.export(checklist, fmt) for fmt in ('md', 'html', 'json')]\n"
        "eml = [mail.eml_bytes() for mail in api.mails(checklist)]\n"
        "asked = api.active_questions(content, answers), api.welcome(content), api.list_profiles(profile.parent)\n"
    )
    for code in ("import instapgids.api", script):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        imported = {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines() if "|" in line}
        assert "instapgids" in imported, done.stderr[-2000:]
        loaded = sorted(imported & {*UI, *WEB})
        assert loaded == [], f"{code.splitlines()[-1]!r} loaded {loaded}"


def test_the_script_of_docs_library_md_builds_the_checklists_of_a_folder(tmp_path: Path) -> None:
    script = ROOT / "docs" / "examples" / "checklists_for_a_folder.py"
    code = script.read_text(encoding="utf-8").split('"""', 2)[2].strip()
    assert code in (ROOT / "docs" / "library.md").read_text(encoding="utf-8"), "docs/library.md shows another script"
    assert len(code.splitlines()) <= 12
    for example in EXAMPLES.glob("*.yaml"):
        (tmp_path / example.name).write_bytes(example.read_bytes())
    done = subprocess.run([sys.executable, str(script), str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == len(list(EXAMPLES.glob("*.yaml")))
    for example in EXAMPLES.glob("*.yaml"):
        made = (tmp_path / example.name).with_suffix(".md")
        assert made.read_text(encoding="utf-8").startswith("# Checklist voor")


DUTCH = re.compile(r"(?i)(^|\W)(u|uw|heeft|niet|een|het|de|van|voor|nodig|klaar|geldt|perceel|percelen)(\W|$)")


def test_the_engine_holds_no_words_for_the_user() -> None:
    """Statuses are codes and reasons are data: every Dutch word is the presentation's (words.py)."""
    found = []
    for path in sorted((PACKAGE / "engine").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            text = node.value if isinstance(node, ast.Constant) and id(node) not in docstrings else None
            if isinstance(text, str) and DUTCH.search(text):
                found.append(f"{path.name}:{node.lineno}: {text!r}")
    assert not found, "Dutch text in the engine:\n" + "\n".join(found)


def test_the_library_refuses_an_answer_with_the_words_of_the_prompt() -> None:
    from instapgids import api

    content = api.load_content()
    with pytest.raises(api.Error, match=r"^answers\.needs: Kies minstens één antwoord\.$"):
        api.build_checklist(content, {"needs": []})


def test_every_dataclass_has_a_docstring() -> None:
    """It says what the class is; without one, dataclasses computes ``__doc__`` with inspect.signature() each
    time the class is created, which every command pays for the content's models."""
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            decorated = isinstance(node, ast.ClassDef) and any(
                "dataclass" in ast.unparse(decorator) for decorator in node.decorator_list
            )
            if decorated and ast.get_docstring(node) is None:
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert missing == []
