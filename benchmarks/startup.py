"""Start-up time of instapgids commands, as whole processes.

Runs each command in turn (alternating, so that machine noise hits all of
them alike), then prints the median, the ratio to a bare `python -c pass`,
and the target from issue 2.

    python benchmarks/startup.py            # 21 rounds
    python benchmarks/startup.py --rounds 51

`checklist` and `next` read a profile made from examples/lokaal-bestuur-netwerk.yaml in a temporary
INSTAPGIDS_HOME.
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

LANG_EN = "instapgids --lang en lots show 5"  # issue 11: beside the Dutch, to show what choosing English costs
TARGETS_MS = {"instapgids --version": 100, "instapgids lots show 5": 250, LANG_EN: 250}
EXAMPLE = (
    Path(__file__).resolve().parent.parent / "examples" / "lokaal-bestuur-netwerk.yaml"
)  # the profile of `checklist` and `next`


def commands() -> dict[str, list[str]]:
    beside = Path(sys.executable).with_name("instapgids")  # the install of this Python, not another on PATH
    exe = str(beside) if beside.is_file() else shutil.which("instapgids") or str(beside)
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "instapgids --version": [exe, "--version"],
        "instapgids lots show 5": [exe, "lots", "show", "5"],
        LANG_EN: [exe, "--lang", "en", "lots", "show", "5"],
        "instapgids checklist": [exe, "checklist"],
        "instapgids next": [exe, "next"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=21)
    args = parser.parse_args()
    env = {**os.environ, "COLUMNS": "100"}
    with tempfile.TemporaryDirectory() as cache:
        env["XDG_CACHE_HOME"] = cache  # a cache of our own, filled by the first (unmeasured) run
        env["INSTAPGIDS_HOME"] = cache  # and a profile of our own, for `checklist` and `next`
        env.pop("INSTAPGIDS_LANG", None)
        subprocess.run(
            [commands()["instapgids --version"][0], "start", "--answers", str(EXAMPLE)],
            env=env,
            stdout=subprocess.DEVNULL,
            check=True,
        )
        cmds = commands()
        for argv in cmds.values():
            subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
        times: dict[str, list[float]] = {name: [] for name in cmds}
        for _ in range(args.rounds):
            for name, argv in cmds.items():
                start = time.perf_counter()
                subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
                times[name].append((time.perf_counter() - start) * 1000)
    base = statistics.median(times["python -c pass"])
    print(f"{'command':33} {'median':>9} {'fastest':>9} {'vs python':>10}  target (median)")
    for name, values in times.items():
        median = statistics.median(values)
        target = TARGETS_MS.get(name)
        verdict = "" if target is None else f"{target} ms {'ok' if median <= target else 'TOO SLOW'}"
        print(f"{name:33} {median:7.1f} ms {min(values):6.1f} ms {median / base:9.1f}x  {verdict}")
    dutch, english = (statistics.median(times[name]) for name in ("instapgids lots show 5", LANG_EN))
    print(f"choosing English: {english - dutch:+.1f} ms (median of --lang en lots show 5 minus the Dutch one)")
    print(f"({args.rounds} rounds, {os.cpu_count()} cores, Python {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
