"""A bounded load test of `instapgids web --folder`: many users at once, no errors, no lost marks.

Starts `instapgids web --folder DIR --no-browser` on 127.0.0.1 (a free port) over ten profiles made from
the examples, then lets CLIENTS users (threads, each with its own cookies and connection) loop for SECONDS:
the profiles overview, a task list, an item, and a mark of that item (doing, done, open in turn). Each user
marks an item of its own, so the last mark each made is what its profile must say at the end.

    python benchmarks/web_load.py                    # 50 users, 30 seconds
    python benchmarks/web_load.py --clients 10 --seconds 5

Exits 1 when a request failed or a mark was lost. Not part of the test suite (it takes half a minute).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from webclient import Client

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PROFILES = 10
CYCLE = ("doing", "done", "open")


@dataclass
class User:
    key: str
    item: str
    requests: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    seconds: list[float] = field(default_factory=list)
    last: str | None = None  # the last mark the server confirmed

    def run(self, address: str, until: float) -> None:
        try:
            client = Client(address)
        except Exception as exc:
            self.errors[f"enter: {type(exc).__name__}"] += 1
            return
        steps = [
            ("GET", "/", None, 200),
            ("GET", f"/p/{self.key}/checklist", None, 200),
            ("GET", f"/p/{self.key}/punt/{self.item}", None, 200),
        ]
        turn = 0
        while time.monotonic() < until:
            status_wanted = CYCLE[turn % len(CYCLE)]
            for method, path, form, expected in [
                *steps,
                ("POST", f"/p/{self.key}/punt/{self.item}/aanduiden", {"status": status_wanted}, 303),
            ]:
                try:
                    status, _body, seconds = client.request(method, path, form)
                except Exception as exc:
                    self.errors[f"{method} {type(exc).__name__}"] += 1
                    continue
                self.requests += 1
                self.seconds.append(seconds)
                if status != expected:
                    self.errors[f"{method} {path.split('/')[-1] or '/'} -> {status}"] += 1
                elif method == "POST":
                    self.last = status_wanted
            turn += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    options = parser.parse_args()
    home = tempfile.mkdtemp(prefix="instapgids-load-")
    os.environ["INSTAPGIDS_HOME"] = home
    from instapgids import api

    folder = Path(home) / "klanten"
    folder.mkdir()
    content = api.load_content()
    examples = sorted(EXAMPLES.glob("*.yaml"))
    markable: dict[str, list[str]] = {}
    for number in range(PROFILES):
        key = f"klant-{number:02d}"
        answers = api.read_answers(examples[number % len(examples)], content)
        api.save_answers(folder / f"{key}.yaml", answers, content=content)
        checklist = api.build_checklist(content, answers)
        markable[key] = [item.id for item in checklist.items if not item.done_by_answers]
    users = []
    for number in range(options.clients):
        key = f"klant-{number % PROFILES:02d}"
        users.append(User(key, markable[key][(number // PROFILES) % len(markable[key])]))
    assert len({(u.key, u.item) for u in users}) == len(users), "two users would mark the same item"

    exe = shutil.which("instapgids", path=str(Path(sys.executable).parent)) or "instapgids"
    server = subprocess.Popen(
        [exe, "web", "--folder", str(folder), "--no-browser"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        address = next(line.strip() for line in server.stdout if line.startswith("http://"))
        until = time.monotonic() + options.seconds
        threads = [threading.Thread(target=u.run, args=(address, until)) for u in users]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        took = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=20)

    lost = []
    for user in users:
        saved = api.open_profile(folder / f"{user.key}.yaml", content).progress.get(user.item, "open")
        if user.last is not None and saved != user.last:
            lost.append(f"{user.key} {user.item}: marked {user.last}, saved {saved}")
    requests = sum(u.requests for u in users)
    errors = sum((u.errors for u in users), Counter())
    seconds = sorted(s * 1000 for u in users for s in u.seconds)
    marks = sum(1 for u in users if u.last is not None)
    print(f"{options.clients} gebruikers, {took:.0f} s, {len(list(folder.glob('*.yaml')))} profielen")
    print(f"verzoeken: {requests} ({requests / took:.0f}/s), fouten: {sum(errors.values())} {dict(errors) or ''}")
    if seconds:
        median, p95, worst = statistics.median(seconds), seconds[int(len(seconds) * 0.95)], seconds[-1]
        print(f"antwoordtijd: mediaan {median:.0f} ms, p95 {p95:.0f} ms, slechtst {worst:.0f} ms")
    print(f"gebruikers met een bevestigde aanduiding: {marks}; verloren aanduidingen: {len(lost)}")
    for line in lost[:10]:
        print("  " + line)
    shutil.rmtree(home, ignore_errors=True)
    return 1 if errors or lost or not marks else 0


if __name__ == "__main__":
    sys.exit(main())
