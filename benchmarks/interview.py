"""The interview in numbers: questions and items per path, time to build a checklist, time to the first question.

    python benchmarks/interview.py

- Questions per path: over the systematic cover of tests/interview_paths.py
  (all pairs of answers + every needs × kinds-of-service combination).
- Items per checklist: over the same cover, so a change that bloats the list shows.
- Checklist from a profile (target < 20 ms): reading a saved profile, the
  (cached) content and building the checklist, in-process, median of many.
- First question (target < 500 ms): `instapgids start` in a pseudo-terminal,
  from spawning the process until the first prompt is on screen.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from first_prompt import first_prompt, time_to_prompt  # noqa: E402
from instapgids.content.load import load_content  # noqa: E402
from instapgids.engine.checklist import build_checklist  # noqa: E402
from instapgids.store.profiles import Profile, read_profile, write_profile  # noqa: E402

from interview_paths import asked, cover  # noqa: E402


def questions_per_path() -> None:
    content = load_content()
    paths = cover(content)
    counts = sorted(len(asked(content, answers)) for answers in paths)
    print(
        f"questions per path over {len(paths)} paths: shortest {counts[0]}, "
        f"median {statistics.median(counts):g}, longest {counts[-1]} "
        f"(of {len(content.interview.questions)} questions in all)"
    )


def items_per_checklist() -> None:
    content = load_content()
    paths = cover(content)
    counts = sorted(len(build_checklist(content, answers).items()) for answers in paths)
    print(
        f"items per checklist over {len(paths)} paths: shortest {counts[0]}, "
        f"median {statistics.median(counts):g}, longest {counts[-1]}"
    )


def lines_after_interview(width: int = 80) -> None:
    """The lines printed after the interview at 80 columns: the next step first (now), the whole checklist (before)."""
    from instapgids.presentation.next_steps import summary
    from instapgids.presentation.terminal.checklist import checklist_lines
    from instapgids.presentation.terminal.next import next_lines

    content = load_content()
    now, before = [], []
    for answers in cover(content):
        checklist = build_checklist(content, answers)
        now.append(len(next_lines(summary(content, checklist), width)) + 2)  # + where the answers are, printing
        before.append(len(checklist_lines(content, checklist, width)))
    print(
        f"lines after the interview at {width} columns over {len(now)} paths: median {statistics.median(now):g}, "
        f"longest {max(now)} (the whole checklist, as before: median {statistics.median(before):g}, "
        f"longest {max(before)})"
    )


def checklist_from_profile(rounds: int = 200) -> None:
    content = load_content()
    answers = cover(content)[-1]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "profiel.yaml"
        write_profile(Profile(path=path, answers=answers, complete=True), content)
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            saved = read_profile(path, load_content(), strict=False)
            build_checklist(content, saved.answers)
            times.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    print(
        f"checklist from a saved profile: median {median:.1f} ms (target 20 ms: {'ok' if median < 20 else 'TOO SLOW'})"
    )


def first_question(rounds: int = 7) -> None:
    exe = str(Path(sys.executable).with_name("instapgids"))
    times = []
    prompt = first_prompt()  # the question itself, not the welcome before it
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "INSTAPGIDS_HOME": home, "PROMPT_TOOLKIT_NO_CPR": "1", "XDG_CACHE_HOME": home}
        env["LC_ALL"] = "C.UTF-8"  # C counts as no choice: Dutch
        for round_ in range(rounds + 1):
            elapsed = time_to_prompt([exe, "start", "--profile", f"bench{round_}"], prompt, env) * 1000
            if round_:  # the first run fills the content cache
                times.append(elapsed)
    median = statistics.median(times)
    print(f"first question on screen: median {median:.0f} ms (target 500 ms: {'ok' if median < 500 else 'TOO SLOW'})")


if __name__ == "__main__":
    questions_per_path()
    items_per_checklist()
    lines_after_interview()
    if "--counts" in sys.argv:  # only the counts, without timings
        sys.exit()
    checklist_from_profile()
    first_question()
