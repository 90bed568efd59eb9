"""instapgids against `cookiecutter --version`, as whole processes, run in pairs (issue 19).

The machine is shared, so absolute times say little: each round runs every command right after
cookiecutter, and the figure is the median of the ratios of those pairs.

    pip install cookiecutter
    python benchmarks/paired.py               # 21 rounds
    python benchmarks/paired.py --rounds 41
    python benchmarks/paired.py --exe OTHER   # another instapgids (e.g. a wrapper around an older checkout)

The first question: `instapgids start` in a pseudo-terminal until its first prompt is on screen, against
cookiecutter until the first prompt of a one-variable template (pexpect). Beside it, for context, a script
that only asks the same question with questionary: the floor of any program that asks with questionary.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from first_prompt import first_prompt, time_to_prompt

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "lokaal-bestuur-netwerk.yaml"
TARGETS = {"--version": 0.1, "status": 0.6, "lots show 5": 0.5, "checklist": 0.5, "next": 0.5, "first question": 0.7}


def _exe(name: str) -> str:
    beside = Path(sys.executable).with_name(name)  # the install of this Python, not another on PATH
    return str(beside) if beside.is_file() else shutil.which(name) or name


def _run(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--exe", default=_exe("instapgids"), help="the instapgids to measure")
    args = parser.parse_args()
    exe, baseline = args.exe, [_exe("cookiecutter"), "--version"]
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "COLUMNS": "100", "XDG_CACHE_HOME": f"{home}/cache", "INSTAPGIDS_HOME": f"{home}/state"}
        env.pop("INSTAPGIDS_DATA_DIR", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's install has its bytecode: the first runs write it
        subprocess.run([exe, "start", "--answers", str(EXAMPLE)], env=env, capture_output=True, check=True)
        commands = {name: [exe, *name.split()] for name in TARGETS if name != "first question"}
        for argv in [baseline, *commands.values()]:  # fill the caches, unmeasured
            _run(argv, env)
        ratios: dict[str, list[float]] = {name: [] for name in commands}
        base: list[float] = []
        for _ in range(args.rounds):
            for name, argv in commands.items():
                reference = _run(baseline, env)
                base.append(reference)
                ratios[name].append(_run(argv, env) / reference)
        template = Path(home) / "template"
        (template / "{{cookiecutter.name}}").mkdir(parents=True)
        (template / "cookiecutter.json").write_text('{"name": "demo"}', encoding="utf-8")
        term = {**env, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1", "LC_ALL": "C.UTF-8"}  # C: Dutch
        cookie = [_exe("cookiecutter"), str(template), "-o", str(Path(home) / "out")]
        ratios["first question"] = []
        prompt = first_prompt()  # the question itself: the welcome before it names "de naam van uw organisatie" too
        # The floor: a program that does nothing but ask this question with questionary (prompt_toolkit and
        # asyncio load, a prompt session is built). Measured beside, for context; it has no target.
        bare = Path(home) / "bare_questionary.py"
        bare.write_text(f"import questionary\nquestionary.text({prompt!r}).ask()\n", encoding="utf-8")
        floor: list[float] = []
        for n in range(args.rounds):
            reference = time_to_prompt(cookie, "name", term, home)
            ours = time_to_prompt([exe, "start", "--profile", f"eerste-{n}"], prompt, term, home)
            ratios["first question"].append(ours / reference)
            floor.append(time_to_prompt([sys.executable, str(bare)], prompt, term, home) / reference)
    print(f"cookiecutter --version: median {statistics.median(base) * 1000:.0f} ms ({args.rounds} rounds)")
    for name, values in ratios.items():
        median = statistics.median(values)
        verdict = "ok" if median <= TARGETS[name] else "above target"
        print(f"instapgids {name:<12} {median:5.2f}×   target ≤ {TARGETS[name]:.1f}×  {verdict}")
    print(f"(questionary alone, the same prompt and nothing else: {statistics.median(floor):5.2f}×)")


if __name__ == "__main__":
    main()
