"""How fast `instapgids web` serves each kind of page: median and worst over many requests, over loopback.

A real waitress server in this process (127.0.0.1, a free port), a profile made from
examples/lokaal-bestuur-netwerk.yaml and a folder of three, one client with keep-alive:

    python benchmarks/web.py              # 51 requests per page kind
    python benchmarks/web.py --rounds 201

The first request of each kind is left out (it loads the content and the templates once).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from webclient import Client

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def pages(client: Client, key: str) -> dict[str, Callable[[], tuple[int, str, float]]]:
    _status, tasks, _seconds = client.request("GET", f"/p/{key}/checklist")
    item = re.search(r'href="(/p/[^"]+/punt/[^"/]+)"', tasks)
    assert item, "no item on the task list"
    get = client.request
    return {
        "profielen (--folder)": lambda: get("GET", "/"),
        "start": lambda: get("GET", "/p/nieuw/"),
        "vraag": lambda: get("GET", "/p/nieuw/vraag/org_name"),
        "vraag met fout (POST)": lambda: get("POST", "/p/nieuw/vraag/org_name", {"answer": ""}),
        "antwoorden nakijken": lambda: get("GET", f"/p/{key}/controle"),
        "checklist (takenlijst)": lambda: get("GET", f"/p/{key}/checklist"),
        "checklistpunt": lambda: get("GET", item.group(1)),
        "aanduiden (POST)": lambda: get("POST", item.group(1) + "/aanduiden", {"status": "doing"}),
        "export html": lambda: get("GET", f"/p/{key}/export/html"),
        "export json": lambda: get("GET", f"/p/{key}/export/json"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=51)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as home:
        os.environ["INSTAPGIDS_HOME"] = home
        from instapgids import api
        from instapgids.web.server import bind
        from instapgids.web.site import Site

        folder = Path(home) / "klanten"
        folder.mkdir()
        content = api.load_content()
        api.save_answers(
            folder / "gemeente.yaml", api.read_answers(EXAMPLES / "lokaal-bestuur-netwerk.yaml"), content=content
        )
        api.save_answers(
            folder / "agentschap.yaml", api.read_answers(EXAMPLES / "agentschap-applicaties.yaml"), content=content
        )
        api.save_answers(folder / "nieuw.yaml", {}, content=content, complete=False)
        site = Site(folder=folder)
        _app, server = bind(site, "127.0.0.1", 0)
        threading.Thread(target=server.run, daemon=True).start()
        client = Client(site.address("127.0.0.1"))
        kinds = pages(client, "gemeente")
        times: dict[str, list[float]] = {name: [] for name in kinds}
        for round_ in range(rounds + 1):  # alternating, so that machine noise hits every kind alike
            for name, fetch in kinds.items():
                status, _body, seconds = fetch()
                assert status in (200, 303, 400), (name, status)
                if round_:
                    times[name].append(seconds * 1000)
        server.close()
    print(f"{'pagina':<26}{'mediaan':>10}{'slechtst':>10}   ({rounds} keer, ms)")
    for name, found in times.items():
        print(f"{name:<26}{statistics.median(found):>10.1f}{max(found):>10.1f}")
    everything = [t for found in times.values() for t in found]
    print(f"{'alle soorten':<26}{statistics.median(everything):>10.1f}{max(everything):>10.1f}")


if __name__ == "__main__":
    main()
