"""What the benchmarks wait for when they time `instapgids start` until its first question is on screen.

The first question's prompt, as interview.yaml words it (Dutch: the benchmarks run without a language
choice). Not a phrase of the welcome: the welcome's "Houd bij de hand: de naam van uw organisatie …" is
on screen ~25 ms before the question, and an earlier version of these benchmarks stopped the clock there
(tests/test_benchmarks.py).
"""

from __future__ import annotations

import time


def first_prompt() -> str:
    """The prompt of the first question of the interview, in Dutch."""
    from instapgids.content.load import load_content
    from instapgids.engine.routing import next_question
    from instapgids.paths import data_dir

    first = next_question(load_content(data_dir()), {})
    assert first is not None, "the interview has no questions"
    return " ".join(first.prompt.split())


def time_to_prompt(argv: list[str], prompt: str, env: dict[str, str], cwd: str | None = None) -> float:
    """Seconds from spawning ``argv`` in a pseudo-terminal (30×80) until ``prompt`` is on screen."""
    import pexpect

    start = time.perf_counter()
    child = pexpect.spawn(argv[0], argv[1:], env=env, cwd=cwd, encoding="utf-8", dimensions=(30, 80), timeout=60)
    child.expect_exact(prompt)
    took = time.perf_counter() - start
    child.terminate(force=True)
    return took
