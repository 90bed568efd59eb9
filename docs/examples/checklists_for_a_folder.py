"""Build the checklist of every answers file in a folder, as Markdown next to it (docs/library.md)."""

import sys
from pathlib import Path

from instapgids import api

content = api.load_content()
for answers_file in sorted(Path(sys.argv[1]).glob("*.yaml")):
    checklist = api.build_checklist(content, api.read_answers(answers_file, content))
    open_items = [item.id for item in checklist.items if item.status != "done"]
    answers_file.with_suffix(".md").write_text(api.export(checklist, "md"), encoding="utf-8")
    print(f"{answers_file.name}: {len(checklist.items)} punten, {len(open_items)} te doen")
