"""Build, mark and export a checklist in Dutch and in English, in one process (docs/library.md).

    python docs/examples/build_mark_export.py examples/lokaal-bestuur-netwerk.yaml OUT

writes OUT/checklist.nl.md, .html, .json and the same in English (checklist.en.*), from a profile in a
temporary folder whose first item that can start is marked as in progress.
"""

import sys
import tempfile
from pathlib import Path

from instapgids import api

answers_file, out = Path(sys.argv[1]), Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
with tempfile.TemporaryDirectory() as folder:
    profile = Path(folder) / "klant.yaml"
    for language in ("nl", "en"):
        content = api.load_content(language=language)
        api.save_answers(profile, api.read_answers(answers_file, content), content=content)
        first = api.build_checklist(content, api.open_profile(profile).answers).startable[0]
        checklist = api.mark(profile, first, "doing", content=content)
        for fmt in ("md", "html", "json"):
            (out / f"checklist.{language}.{fmt}").write_text(api.export(checklist, fmt), encoding="utf-8")
        item = checklist.item(first)
        print(f"{language}: {item.title} ({item.status_text}); {checklist.done}/{len(checklist.items)}")
