"""Fuzz (issue 18): whatever fields and comments a user writes into a profile, `done` and `undo` give
them back byte for byte.

Random user fields (YAML 1.1 look-alikes, tags, timestamps, flow and block collections, block
scalars, Unicode), each with or without a comment after it (a tab before it too), placed at the top,
between instapgids' sections and at the end, with comment lines of their own and an extra field in a
progress entry. The profile is marked done and then undone through the store's use case (what
`instapgids done`/`undo` call), in this process so that it stays fast (~30 examples in the suite).
A longer run: ``INSTAPGIDS_FUZZ_EXAMPLES=2000 python -m pytest -n0 tests/test_roundtrip_fuzz.py``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import LOKAAL, checklist_of, example_answers

pytestmark = pytest.mark.usefixtures("shared_content_cache")

SETTINGS = settings(
    max_examples=int(os.environ.get("INSTAPGIDS_FUZZ_EXAMPLES", "30")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Values a person may write, as YAML text; "\n" starts a block value (indented by two spaces).
TRICKY = [
    "14:30",
    "yes",
    "Off",
    "~",
    "",
    "2026-11-02",
    "2026-11-02 09:30:00",
    "2026-11-02t09:30:00.10+02:00",
    "!!str 0123",
    "!!float 1",
    "017",
    "0x1F",
    "1_000",
    "-.inf",
    "[a,   b]",
    "{x: 1,  y: [2]}",
    "'quoted ''x'''",
    '"esc\\t\\u00e9"',
    "|\n  regel 1\n\n  regel 3",
    ">-\n  gevouwen\n  tekst",
    "\n  - a\n  - b: 14:30",
    "\n  sub: 14:30   # in een eigen mapping\n  ander: yes",
]
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéëñ€ 0123456789", min_size=1, max_size=15).filter(
    lambda t: t.strip() == t and not t[0].isdigit()
)
SINGLE_LINE = st.one_of(st.sampled_from([v for v in TRICKY if "\n" not in v]), WORDS)
KEYS = st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True).filter(
    lambda k: k not in {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
)
COMMENT = st.text(alphabet="abcdefghij #:éü😀\t", max_size=12).map(lambda t: "#" + t)


@st.composite
def field(draw: Any, key: str) -> str:
    """One top-level field of the user's, as its lines."""
    if draw(st.booleans()):
        value = draw(SINGLE_LINE)
        after = draw(st.sampled_from(["", "", "  ", "\t"]))
        comment = (draw(st.sampled_from([" ", "  ", "\t"])) + draw(COMMENT)) if draw(st.booleans()) else ""
        return f"{key}: {value}{after if not comment else ''}{comment}\n"
    value = draw(st.sampled_from([v for v in TRICKY if "\n" in v]))
    return f"{key}: {value}\n"


@st.composite
def user_blocks(draw: Any) -> list[str]:
    """Three blocks of the user's lines: for the top, between answers and checklist, and the end."""
    keys = draw(st.lists(KEYS, min_size=1, max_size=6, unique=True))
    blocks = ["", "", ""]
    for key in keys:
        where = draw(st.integers(0, 2))
        if draw(st.booleans()):
            blocks[where] += draw(COMMENT) + "\n"
        blocks[where] += draw(field(key))
    return blocks


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """A profile of the example with one item marked done, as instapgids writes it; and that item."""
    from instapgids.content.load import load_content
    from instapgids.store.profiles import Profile, write_profile

    content = load_content()
    item = next(e.item.id for e in checklist_of(content, LOKAAL).items() if not e.done_by_answers)
    path = tmp_path_factory.mktemp("fuzz") / "p.yaml"
    profile = Profile(path=path, answers=example_answers(LOKAAL), complete=True)
    profile.progress[item] = {"status": "done", "date": "2026-11-02"}
    write_profile(profile, content)
    return path.read_text(encoding="utf-8"), item


@SETTINGS
@given(blocks=user_blocks(), extra=st.one_of(st.none(), SINGLE_LINE), comment=COMMENT)
def test_fuzz_the_users_fields_and_comments_survive_done_and_undo(
    base: tuple[str, str], content: Any, tmp_path: Path, blocks: list[str], extra: str | None, comment: str
) -> None:
    from instapgids.store.profiles import ProfileError
    from instapgids.store.usecases import mark_items

    text, item = base
    top, middle, end = blocks
    head, body = text.split("format:", 1)
    text = head + top + "format:" + body
    text = text.replace("answers:\n", f"answers:\n  {comment}\n", 1)
    text = text.replace("checklist:\n", middle + "checklist:\n", 1)
    entry = f"  {item}:\n    status: done\n"
    if extra is not None:
        text = text.replace(entry, entry + f"    wie: {extra}\n", 1)
    text += end
    try:
        yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        assume(False)  # not YAML: the reader refuses it (tested elsewhere)
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")

    def never_waits() -> None:
        raise AssertionError("nobody else holds the lock")

    try:
        mark_items(content, path, [item], "doing", never_waits)
    except ProfileError:
        assume(False)  # e.g. a key twice: refused as it is read, nothing written
    after_doing = path.read_text(encoding="utf-8")
    mark_items(content, path, [item], None, never_waits)
    after_undo = path.read_text(encoding="utf-8")
    for written in (after_doing, after_undo):
        for block in blocks:
            assert block in written, f"lost:\n{block}\nfrom:\n{written}"
        assert f"  {comment}\n" in written or comment.replace("\t", " ") in written
    if extra is not None:
        assert f"    wie: {extra}\n" in after_doing
