"""Every path of the interview cover, in English (issue 11): a complete checklist, and no Dutch but names.

For each of the ~1100 paths of tests/interview_paths.py the English checklist must hold every item of the
Dutch one, in the same order, with as many details, reasons and fields, and none of its texts may hold a
Dutch word (tests/dutch.py; names, quotes, addresses, ids and command lines are taken out first).

Then what the user reads: the terminal checklist, `next`, `status`, and the Markdown, HTML and JSON
exports, rendered in-process for one path per distinct checklist (the same items with the same
statuses; the ~1100 paths give ~200), fresh, and every third also with progress (an item in progress,
one done), and one with everything done. Each view must show its items in order, each with its English
title, details and reasons (as far as the view shows them), and no Dutch words. What differs between
paths with the same items (the answers in the reasons, the lots, the kind of organisation) is in the
item texts that the first test checks for every path; every view prints those as they are
(presentation/items.py is the one walk they all follow).
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from dutch import dutch_words

from conftest import content_in, contents, flat
from interview_paths import Answers, cover

pytestmark = pytest.mark.usefixtures("shared_content_cache")

WIDTH = 100


@dataclass(frozen=True)
class Case:
    """One path of the cover: its answers, its organisation's name, and its number in the cover."""

    number: int
    answers: Answers

    @property
    def organisation(self) -> str:
        return str(self.answers.get("org_name", ""))


@functools.cache
def cases() -> tuple[Case, ...]:
    return tuple(Case(n, answers) for n, answers in enumerate(cover(contents()[0])))


def speaking(language: str) -> None:
    from instapgids import language as chosen

    chosen.use("en" if language == "en" else "nl")


def item_texts(content: Any, answers: Answers, progress: dict[str, str], language: str) -> tuple[Any, list[Any]]:
    """The checklist in ``language`` and what each of its items says, as every view gets it."""
    from instapgids.engine.checklist import build_checklist
    from instapgids.presentation.items import all_items, walk

    speaking(language)
    checklist = build_checklist(content, answers, progress)
    return checklist, list(all_items(walk(content, checklist)))


def strings(texts: list[Any]) -> Iterator[str]:
    for text in texts:
        yield text.title
        yield from text.details
        yield from text.reasons
        for label, values in text.fields:
            yield label
            yield from values


def differences(dutch: list[Any], english: list[Any]) -> list[str]:
    """How the English items fall short of the Dutch: a missing item, or fewer details, reasons or fields."""
    if [t.id for t in english] != [t.id for t in dutch]:
        return [f"items {[t.id for t in english]} instead of {[t.id for t in dutch]}"]
    found = []
    for nl, en in zip(dutch, english, strict=True):
        shape_nl = (nl.code, len(nl.details), len(nl.reasons), [len(v) for _, v in nl.fields])
        shape_en = (en.code, len(en.details), len(en.reasons), [len(v) for _, v in en.fields])
        if shape_en != shape_nl or not en.title:
            found.append(f"{en.id}: (status, details, reasons, fields) {shape_en} instead of {shape_nl}")
    return found


def test_every_path_gives_every_dutch_item_in_english_without_dutch_words() -> None:
    from instapgids.presentation.items import heading_lines

    dutch, english = contents()
    short: list[str] = []
    texts: dict[str, Case] = {}  # each text once, with the first path that gives it
    for case in cases():
        _, nl = item_texts(dutch, case.answers, {}, "nl")
        checklist, en = item_texts(english, case.answers, {}, "en")
        short += [f"path {case.number}: {d}" for d in differences(nl, en)]
        for text in [*strings(en), *(v for pair in heading_lines(english, checklist) for v in pair)]:
            texts.setdefault(text, case)
    assert not short, "\n".join(short[:20])
    left = [f"path {c.number}: {w}" for t, c in texts.items() for w in dutch_words(t, [c.organisation])]
    assert not left, "\n".join(left[:20])


# --------------------------------------------------------------------------- the views, as the user reads them


@functools.cache
def distinct() -> tuple[tuple[Case, dict[str, str]], ...]:
    """One path per distinct checklist (the same items with the same statuses); every third with progress a
    user might have made (the first item that can start in progress, the next one done), the others none."""
    from instapgids.engine.checklist import build_checklist

    english = contents()[1]
    seen: dict[tuple[tuple[str, str], ...], tuple[Case, dict[str, str]]] = {}
    for case in cases():
        items = build_checklist(english, case.answers, {}).items()
        key = tuple((e.item.id, e.status) for e in items)
        if key not in seen:
            startable = [e.item.id for e in items if e.status == "open"] if len(seen) % 3 == 0 else []
            seen[key] = (case, dict(zip(startable, ["doing", "done"], strict=False)))
    return tuple(seen.values())


def compact(text: str) -> str:
    """Text without white space: wrapping (Rich, textwrap, Markdown) does not change it."""
    return "".join(text.split())


compact_part = functools.lru_cache(maxsize=4096)(compact)  # an item's texts recur in every view of every path


def in_order(text: str, texts: list[Any], shown: Callable[[Any], list[str]]) -> list[str]:
    """What of each item (title, id, then ``shown(item)``) ``text`` lacks, looked for one after the other."""
    plain, at, missing = compact(text), 0, []
    for item in texts:
        for part in [item.title, f"id:{item.id}", *shown(item)]:
            found = plain.find(compact_part(part), at)
            if found < 0:
                missing.append(f"{item.id}: {part!r}")
            else:
                at = found + len(compact_part(part))
    return missing


def said(item: Any) -> list[str]:
    """What the checklist says of an item besides its title: its details, and its reasons unless it is for
    everyone (the heading says so once)."""
    return [*item.details, *([] if item.everyone else item.reasons)]


def terminal_checklist(content: Any, checklist: Any, texts: list[Any]) -> tuple[str, list[str]]:
    from instapgids.presentation.terminal.checklist import checklist_lines

    text = "\n".join(line.plain for line in checklist_lines(content, checklist, WIDTH))
    return text, in_order(text, texts, lambda t: [] if t.code == "done" else said(t))  # a finished item folds


def terminal_next(content: Any, checklist: Any, texts: list[Any]) -> tuple[str, list[str]]:
    from instapgids.presentation.next_steps import summary
    from instapgids.presentation.terminal.next import next_lines

    found = summary(content, checklist)
    text = "\n".join(line.plain for line in next_lines(found, WIDTH))
    first = [t.id for t in texts if t.code == "doing"] + [t.id for t in texts if t.code == "open"]
    missing = [] if [s.text.id for s in found.steps] == first[:3] else ["other items first"]
    missing += untranslated(found.steps, text)
    return text, missing + in_order(text, [s.text for s in found.steps], lambda t: [*t.details, *t.reasons])


def terminal_status(content: Any, checklist: Any, texts: list[Any]) -> tuple[str, list[str]]:
    from instapgids.presentation.terminal.status import status_lines

    text = "\n".join(line.plain for line in status_lines(content, checklist, WIDTH))
    first = [t for t in texts if t.code == "doing"] + [t for t in texts if t.code == "open"]
    return text, in_order(text, first[:3], lambda t: [])


def mail_subjects(content: Any, checklist: Any) -> list[str]:
    from instapgids.presentation.mails import drafts

    return [d.subject for d in drafts(content, checklist)]


def untranslated(steps: Any, text: str) -> list[str]:
    """The mails of the next steps whose Dutch subject is not followed by what it says in English."""
    shown = flat(text)
    mails = [m for s in steps for m in s.mails]
    return [
        f"{m.id}: no English subject" for m in mails if not m.translated_subject or m.translated_subject not in shown
    ]


def markdown(content: Any, checklist: Any, texts: list[Any]) -> tuple[str, list[str]]:
    from instapgids.presentation.as_markdown import checklist_markdown

    text = checklist_markdown(content, checklist).replace("`", "")  # ids stand in backquotes
    return text, in_order(text, texts, said)


def html_text(content: Any, checklist: Any, texts: list[Any]) -> tuple[str, list[str]]:
    """The page's text as a browser shows it (no style, no script), the items after the summary at the top."""
    from instapgids.presentation.as_html import checklist_html
    from instapgids.presentation.next_steps import summary

    page = checklist_html(content, checklist)
    assert '<html lang="en">' in page
    page = re.sub(r"<(style|script)>.*?</\1>", "", page, flags=re.DOTALL)
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    items = html.unescape(re.sub(r"<[^>]+>", " ", page.split("</section>", 1)[1]))
    return text, in_order(items, texts, said) + untranslated(summary(content, checklist).steps, text)


def json_texts(content: Any, checklist: Any, texts: list[Any]) -> tuple[str, list[str]]:
    """Every text of the JSON export (not its codes: ids, statuses, the kind of organisation)."""
    from instapgids.presentation.as_json import checklist_json

    data = json.loads(checklist_json(content, checklist))
    got = [(i["id"], i["title"], i["details"], i["reasons"]) for i in data["items"]]
    missing = [] if got == [(t.id, t.title, t.details, t.reasons) for t in texts] else ["other items or texts"]
    return "\n".join(values(data)), missing


CODES = {"id", "status", "kind", "waits_for", "generator", "schema_version", "section", "url", "email", "phone"}


def values(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in CODES:
                yield from values(value)
    elif isinstance(data, list):
        for value in data:
            yield from values(value)
    elif isinstance(data, str):
        yield data


VIEWS = {
    "checklist": terminal_checklist,
    "next": terminal_next,
    "status": terminal_status,
    "markdown": markdown,
    "html": html_text,
    "json": json_texts,
}


@pytest.mark.parametrize("view", VIEWS)
def test_every_distinct_checklist_reads_in_english_in_every_view(view: str) -> None:
    english = contents()[1]
    render = VIEWS[view]
    first = distinct()[0][0]
    finished = {t.id: "done" for t in item_texts(english, first.answers, {}, "en")[1]}  # "Everything is done."
    runs = [(case, p) for case, made in distinct() for p in ([{}, made] if made else [{}])] + [(first, finished)]
    problems: list[str] = []
    for case, progress in runs:
        checklist, texts = item_texts(english, case.answers, progress, "en")
        text, missing = render(english, checklist, texts)
        where = f"path {case.number} ({len(progress)} marked)"
        problems += [f"{where}: missing {m}" for m in missing]
        sent = mail_subjects(english, checklist)  # a mail stays Dutch: its subject is a name here
        problems += [f"{where}: {w}" for w in dutch_words(text, [case.organisation, *sent])]
    speaking("nl")
    assert len(distinct()) > 100  # the cover gives ~200 different checklists
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_mail_line_of_next_goes_on_under_its_text_in_either_language(language: str) -> None:
    from instapgids.language import _
    from instapgids.presentation.next_steps import summary
    from instapgids.presentation.terminal.next import next_lines

    content = content_in(language)
    phase_1 = dict.fromkeys(("behoefte-beschrijven", "demand-contacteren", "werkaanvraag-voorbereiden"), "done")
    checklist, _texts = item_texts(content, cases()[0].answers, phase_1, language)  # mails come after phase 1
    lines = [line.plain for line in next_lines(summary(content, checklist), 60)]
    label = "    " + _("Mail: ")  # "Mail: " in Dutch, "Email: " in English
    starts = [n for n, line in enumerate(lines) if line.startswith(label)]
    assert starts, lines
    for n in starts:
        assert lines[n + 1].startswith(" " * len(label)) and lines[n + 1][len(label)] != " ", lines[n : n + 2]
