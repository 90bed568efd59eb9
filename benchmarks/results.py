"""How fast the result commands are, next to a well-known peer (`cookiecutter --version`), as whole processes.

Issue 10: the full `checklist` and `next` of a profile take at most 0.6x the time of
`cookiecutter --version`. Runs every command in turn (alternating, so that machine noise hits them alike)
and prints the medians and the ratios. Nothing is installed by this script: without cookiecutter it
says how to install it and measures only instapgids.

    python benchmarks/results.py               # 21 rounds
    python benchmarks/results.py --rounds 41 --example examples/agentschap-applicaties.yaml
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

TARGET = 0.6  # at most this many times the peer
PEER = "cookiecutter --version"
ROOT = Path(__file__).resolve().parent.parent


def _exe(name: str) -> str | None:
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--example", default=str(ROOT / "examples" / "lokaal-bestuur-netwerk.yaml"))
    args = parser.parse_args()
    exe = _exe("instapgids")
    if exe is None:
        sys.exit("instapgids is not installed in this environment: pip install -e .")
    cmds: dict[str, list[str]] = {}
    peer = _exe("cookiecutter")
    if peer is not None:
        cmds[PEER] = [peer, "--version"]
    else:
        print("cookiecutter is not installed; only instapgids is measured. To compare: pip install cookiecutter")
    cmds["instapgids checklist"] = [exe, "checklist"]
    cmds["instapgids next"] = [exe, "next"]
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "COLUMNS": "80", "INSTAPGIDS_HOME": home, "XDG_CACHE_HOME": cache}
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        subprocess.run([exe, "start", "--answers", args.example], env=env, check=True, **quiet)
        for argv in cmds.values():  # warm up, and fill the content cache (unmeasured)
            subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times: dict[str, list[float]] = {name: [] for name in cmds}
        for _ in range(args.rounds):
            for name, argv in cmds.items():
                start = time.perf_counter()
                subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
                times[name].append((time.perf_counter() - start) * 1000)
    base = statistics.median(times[PEER]) if PEER in times else None
    print(f"{'command':24} {'median':>9} {'fastest':>9} {'vs peer':>8}  target")
    for name, values in times.items():
        median = statistics.median(values)
        ratio = f"{median / base:7.2f}x" if base else "       -"
        verdict = ""
        if base and name != PEER:
            verdict = f"<= {TARGET}x {'ok' if median / base <= TARGET else 'TOO SLOW'}"
        print(f"{name:24} {median:7.1f} ms {min(values):6.1f} ms {ratio}  {verdict}")
    print(f"({args.rounds} rounds, {Path(args.example).name}, {os.cpu_count()} cores, Python {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
