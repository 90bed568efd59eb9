"""`checklist --export json` and `--export html`: the JSON schema, one self-contained and escaped page that
works in a real browser (Debian's chromium through selenium), and folders that cannot be written."""

from __future__ import annotations

import json
import os
import re
import struct
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EXAMPLE_FILES, LOKAAL, Result, checklist_of, example_answers, ids_with, no_traceback, start

pytestmark = pytest.mark.usefixtures("shared_content_cache")

PROFILE = "p"
JSON_STATUS = {"open": "niet-gestart", "doing": "bezig", "done": "klaar", "blocked": "kan-nog-niet-starten"}
NASTY = '<script>alert(1)</script> & "Co"'

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1200,900",
]
PROGRESS_TEXT = re.compile(r"^(\d+) van (\d+) punten klaar$")


@pytest.fixture
def nasty_answers(tmp_path: Path) -> Path:
    """The lokaal-bestuur example, with an organisation name full of HTML's special characters."""
    path = tmp_path / "lastige-naam.yaml"
    answers = {**example_answers(LOKAAL), "org_name": NASTY}
    path.write_text(yaml.safe_dump({"answers": answers}, allow_unicode=True), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- JSON


def export_json(cli: Callable[..., Result], *args: str) -> dict[str, Any]:
    result = cli("checklist", "--profile", PROFILE, "--export", "json", *args)
    assert result.code == 0, result.text
    data = json.loads(result.out)
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_json_export_follows_schema_2_and_the_checklist(
    example: Path, cli: Callable[..., Result], content: Any
) -> None:
    start(cli, example)
    data = export_json(cli)
    checklist = checklist_of(content, example)

    assert data["schema_version"] == 3
    assert data["organisation"]["name"] == example_answers(example)["org_name"]
    assert data["organisation"]["kind"] == example_answers(example)["org_kind"]
    assert [lot["number"] for lot in data["lots"]] == [lot.number for lot in checklist.lots]
    assert data["guide"]["version"] == content.guide.guide.version

    places = {
        e.item.id: (p.phase.number, p.phase.title, s.step.number, s.step.title)
        for p in checklist.phases
        for s in p.steps
        for e in s.items
    }
    entries = checklist.items()
    assert [item["id"] for item in data["items"]] == [e.item.id for e in entries]
    for item, entry in zip(data["items"], entries, strict=True):
        for key in ("id", "phase", "step", "status", "section", "reasons", "contacts", "roles", "documents"):
            assert key in item, (key, item["id"])
        assert "waits_for" in item
        assert item["status"] in {"niet-gestart", "bezig", "klaar", "kan-nog-niet-starten"}
        assert item["status"] == JSON_STATUS[entry.status]
        assert item["title"] == entry.item.title
        number, title, step_number, step_title = places[entry.item.id]
        assert item["phase"] == {"number": number, "title": title}
        assert item["step"] == {"number": step_number, "title": step_title}
        assert item["section"] == entry.item.section
        assert item["reasons"] and all(isinstance(r, str) and r.strip() for r in item["reasons"])
        shown = entry.status != "done"  # schema 2: a finished item shows what the screen shows
        assert [c["name"] for c in item["contacts"]] == [
            content.contact_by_id[c].name for c in entry.item.contacts if shown
        ]
        for contact in item["contacts"]:
            assert {"name", "email", "phone", "url", "text"} <= set(contact)
        assert item["roles"] == [
            {"right": line.right.name, "roles": [r.name for r in line.roles]} for line in entry.roles if shown
        ]
        assert [d["title"] for d in item["documents"]] == [
            content.document_by_id[d].title for d in entry.item.documents if shown
        ]
        assert item["details"] == (entry.details if shown else [])
        assert item["waits_for"] == entry.waits_for
        assert set(item["waits_for"]) <= set(places)
        assert item["done_by_answers"] is entry.done_by_answers


def markdown_items(text: str) -> dict[str, dict[str, list[str]]]:
    """Per item id, what the Markdown export shows: its details and its labelled lines ("Waarom", ...)."""
    items: dict[str, dict[str, list[str]]] = {}
    shown: dict[str, list[str]] = {}
    label = ""
    for line in text.splitlines():
        if found := re.match(r"- \[[ x]\] \*\*.*\*\* \(.*, id: `([^`]+)`\)$", line):
            shown = items.setdefault(found.group(1), {"details": []})
        elif found := re.match(r"  - \*([^*]+):\*(?: (.*))?$", line):
            label = found.group(1)
            shown[label] = [found.group(2)] if found.group(2) is not None else []
        elif line.startswith("    - "):
            shown[label].append(line[6:])
        elif line.startswith("  - "):
            shown["details"].append(line[4:])
    return items


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("marked", [False, True], ids=["as-answered", "marked"])
def test_json_export_shows_what_the_markdown_shows(example: Path, marked: bool, content: Any) -> None:
    """One walk: the same items, details, reasons, contacts, documents and roles in JSON as in Markdown."""
    from instapgids.presentation.as_json import checklist_data
    from instapgids.presentation.as_markdown import checklist_markdown
    from instapgids.presentation.items import ALWAYS

    progress: dict[str, str] = {}
    if marked:  # marked done: an item with rights and roles (they stay in its request) where there is one
        before = checklist_of(content, example).items()
        opened = [e.item.id for e in sorted(before, key=lambda e: not e.roles) if e.status == "open"]
        progress = dict(zip(opened[:2], ["done", "doing"], strict=False))
    checklist = checklist_of(content, example, progress)
    shown = markdown_items(checklist_markdown(content, checklist))
    data = checklist_data(content, checklist)

    assert [item["id"] for item in data["items"]] == list(shown)
    for item in data["items"]:
        lines = shown[item["id"]]
        assert item["details"] == lines["details"], item["id"]
        assert item["reasons"] == lines.get("Waarom", [ALWAYS]), item["id"]
        assert [c["text"] for c in item["contacts"]] == lines.get("Contact", []), item["id"]
        assert [d["text"] for d in item["documents"]] == lines.get("Documenten", []), item["id"]
        roles = lines.get("Rechten en rollen", lines.get("Vraag aan uw lokale beheerder", []))
        assert len(item["roles"]) == len(roles), item["id"]
        assert all(f"'{role['right']}'" in line for role, line in zip(item["roles"], roles, strict=True))


def test_json_export_statuses_follow_done_and_doing(cli: Callable[..., Result], content: Any, tmp_path: Path) -> None:
    start(cli)
    opened = ids_with(checklist_of(content, LOKAAL), "open")
    assert cli("done", opened[0], "--profile", PROFILE).code == 0
    assert cli("doing", opened[1], "--profile", PROFILE).code == 0
    checklist = checklist_of(content, LOKAAL, {opened[0]: "done", opened[1]: "doing"})

    data = export_json(cli)
    statuses = {item["id"]: item["status"] for item in data["items"]}
    assert statuses == {e.item.id: JSON_STATUS[e.status] for e in checklist.items()}
    assert (statuses[opened[0]], statuses[opened[1]]) == ("klaar", "bezig")
    assert set(statuses.values()) == set(JSON_STATUS.values())  # all four, this example has waiting items

    target = tmp_path / "checklist.json"
    result = cli("checklist", "--profile", PROFILE, "--export", "json", "-o", str(target))
    assert result.code == 0, result.text
    assert json.loads(target.read_text(encoding="utf-8")) == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["checklist.json"]


# --------------------------------------------------------------------------- HTML


class Page(HTMLParser):
    """What matters of an exported page: tags, attributes, inline CSS and scripts, and texts by tag."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self.scripts: list[str] = []
        self.texts: dict[str, list[str]] = {}
        self._open: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("input", "meta", "br", "hr", "img", "link"):
            self._open.append(tag)
        if style := dict(attrs).get("style"):
            self.styles.append(style)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if not self._open:
            return
        tag = self._open[-1]
        if tag == "style":
            self.styles.append(data)
        elif tag == "script":
            self.scripts.append(data)
        self.texts.setdefault(tag, []).append(data)

    def boxes(self) -> dict[str, bool]:
        return {
            str(a["data-item"]): "checked" in a for t, a in self.tags if t == "input" and a.get("type") == "checkbox"
        }


def export_html(cli: Callable[..., Result], target: Path, name: str = PROFILE) -> str:
    result = cli("checklist", "--profile", name, "--export", "html", "-o", str(target))
    assert result.code == 0, result.text
    no_traceback(result)
    return target.read_text(encoding="utf-8")


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_html_export_is_one_self_contained_page(
    example: Path, cli: Callable[..., Result], content: Any, tmp_path: Path
) -> None:
    start(cli, example)
    html = export_html(cli, tmp_path / "checklist.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["checklist.html"]
    assert html.lstrip().lower().startswith("<!doctype html>")
    page = Page(html)

    assert [t for t, _ in page.tags].count("html") == 1
    assert ("html", {"lang": "nl"}) in page.tags
    for tag, attrs in page.tags:
        assert tag not in ("link", "iframe", "object", "embed", "img", "base"), (tag, attrs)
        for name in ("src", "href", "srcset", "action", "poster", "data", "xlink:href"):
            value = (attrs.get(name) or "").strip().lower()
            if name in attrs:  # a link out (a web or e-mail address) is followed only when clicked
                allowed = (
                    ("#", "data:", "mailto:", "https:", "http:") if (tag, name) == ("a", "href") else ("#", "data:")
                )
                assert value.startswith(allowed), (tag, name, value)
            if (tag, name) != ("a", "href"):  # nothing is loaded from elsewhere
                assert not value.startswith(("http:", "https:", "//")), (tag, name, value)
    assert not re.search(r"""\b(src)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    css = "\n".join(page.styles)
    assert css.strip(), "the style should be inline"
    assert "@import" not in css and "url(" not in css.lower()
    assert page.scripts and all(s.strip() for s in page.scripts)
    assert not any("src" in a for t, a in page.tags if t == "script")

    checklist = checklist_of(content, example)
    assert list(page.boxes()) == [e.item.id for e in checklist.items()]
    assert f"Checklist voor {example_answers(example)['org_name']}" in page.texts["h1"]


def test_html_export_escapes_the_organisation_name(
    nasty_answers: Path, cli: Callable[..., Result], tmp_path: Path
) -> None:
    start(cli, nasty_answers)
    html = export_html(cli, tmp_path / "checklist.html")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;" in html
    page = Page(html)
    assert page.texts["h1"] == [f"Checklist voor {NASTY}"]
    assert page.texts["title"] == [f"Checklist voor {NASTY}"]
    assert [t for t, _ in page.tags].count("script") == 1  # only the page's own


def test_html_export_ticks_what_the_profile_marks_done(
    cli: Callable[..., Result], content: Any, tmp_path: Path
) -> None:
    start(cli)
    opened = ids_with(checklist_of(content, LOKAAL), "open")
    assert cli("done", opened[0], opened[2], "--profile", PROFILE).code == 0
    assert cli("doing", opened[1], "--profile", PROFILE).code == 0
    checklist = checklist_of(content, LOKAAL, {opened[0]: "done", opened[2]: "done", opened[1]: "doing"})

    page = Page(export_html(cli, tmp_path / "checklist.html"))
    boxes = page.boxes()
    assert boxes == {e.item.id: e.status == "done" for e in checklist.items()}
    assert boxes[opened[0]] and boxes[opened[2]] and not boxes[opened[1]]
    done = sum(boxes.values())
    assert f"{done} van {len(boxes)} punten klaar" in "".join(page.texts["div"])
    assert ("progress", {"id": "voortgang", "value": str(done), "max": str(len(boxes))}) in page.tags


# --------------------------------------------------------------------------- HTML in a real browser


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    """Headless chromium through chromedriver; skipped when they are missing, except on CI (which installs them)."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not (p.is_file() and os.access(p, os.X_OK))]
    if missing:
        reason = (
            f"the browser test needs Debian's chromium and chromedriver, and {', '.join(missing)} is missing "
            "(install them with: apt-get install chromium chromium-driver)"
        )
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI must install them)")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in [*CHROMIUM_ARGS, f"--user-data-dir={tmp_path / 'chromium-profiel'}"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=str(CHROMEDRIVER), log_output=str(tmp_path / "chromedriver.log"))
    driver = webdriver.Chrome(options=options, service=service)
    try:
        driver.set_page_load_timeout(20)
        driver.set_script_timeout(10)
        yield driver
    finally:
        driver.quit()


def _loaded(driver: Any) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def _progress(driver: Any) -> tuple[int, int]:
    from selenium.webdriver.common.by import By

    text = driver.find_element(By.ID, "voortgang-tekst").text.strip()
    found = PROGRESS_TEXT.match(text)
    assert found, text
    return int(found.group(1)), int(found.group(2))


def test_html_export_works_in_a_real_browser(
    browser: Any, nasty_answers: Path, cli: Callable[..., Result], content: Any, tmp_path: Path
) -> None:
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    start(cli, nasty_answers)
    first_open = ids_with(checklist_of(content, nasty_answers), "open")[0]
    assert cli("done", first_open, "--profile", PROFILE).code == 0
    page = tmp_path / "checklist.html"
    export_html(cli, page)

    browser.get(page.as_uri())
    _loaded(browser)
    with pytest.raises(NoAlertPresentException):  # the organisation's name is text, not a script
        browser.switch_to.alert.text  # noqa: B018
    assert browser.find_element(By.TAG_NAME, "h1").text == f"Checklist voor {NASTY}"
    boxes = browser.find_elements(By.CSS_SELECTOR, "input[type=checkbox][data-item]")
    ticked = [b.get_attribute("data-item") for b in boxes if b.is_selected()]
    assert first_open in ticked  # pre-ticked from the profile
    assert _progress(browser) == (len(ticked), len(boxes))

    box = next(b for b in boxes if not b.is_selected())
    item = box.get_attribute("data-item")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", box)
    box.click()
    WebDriverWait(browser, 5).until(lambda d: _progress(d) == (len(ticked) + 1, len(boxes)))
    assert "klaar" in (browser.find_element(By.ID, f"punt-{item}-li").get_attribute("class") or "")

    browser.refresh()
    _loaded(browser)
    again = browser.find_element(By.CSS_SELECTOR, f'input[data-item="{item}"]')
    WebDriverWait(browser, 5).until(lambda d: again.is_selected())  # remembered in localStorage
    assert _progress(browser) == (len(ticked) + 1, len(boxes))
    assert browser.execute_script("return window.localStorage.length") == 1

    browser.execute_script("window.scrollTo(0, 0);")
    shot = tmp_path / "checklist.png"
    assert browser.save_screenshot(str(shot))
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", png[16:24])
    assert width >= 400 and height >= 300, (width, height)
    assert len(png) > 20_000, len(png)  # a page with text and boxes, not a blank image

    severe = [entry for entry in browser.get_log("browser") if entry.get("level") == "SEVERE"]
    assert severe == []


# --------------------------------------------------------------------------- folders that cannot be written


def _assert_refused_in_dutch(result: Result) -> None:
    assert result.code == 2, result.text
    no_traceback(result)
    assert re.search(r"Kan (niet schrijven in|'.*' niet schrijven)", result.err), result.err
    assert result.out == ""


@pytest.mark.parametrize("kind", ["html", "json"])
def test_export_below_a_regular_file_is_refused(kind: str, cli: Callable[..., Result], tmp_path: Path) -> None:
    start(cli)
    (tmp_path / "bestand").write_text("x", encoding="utf-8")
    result = cli("checklist", "--profile", PROFILE, "--export", kind, "-o", str(tmp_path / "bestand" / f"c.{kind}"))
    _assert_refused_in_dutch(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bestand"]
    assert (tmp_path / "bestand").read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize("kind", ["html", "json"])
def test_export_into_a_read_only_folder_is_refused(
    kind: str, cli: Callable[..., Result], read_only_folder: Path
) -> None:
    start(cli)
    result = cli("checklist", "--profile", PROFILE, "--export", kind, "-o", str(read_only_folder / f"c.{kind}"))
    _assert_refused_in_dutch(result)
    assert list(read_only_folder.iterdir()) == []


@pytest.mark.parametrize("kind", ["md", "html", "json"])
def test_export_into_a_folder_that_does_not_exist_is_refused(
    kind: str, cli: Callable[..., Result], tmp_path: Path
) -> None:
    """A mistyped folder is noticed, not silently created."""
    start(cli)
    missing = tmp_path / "bestaat-niet"
    result = cli("checklist", "--profile", PROFILE, "--export", kind, "-o", str(missing / f"c.{kind}"))
    _assert_refused_in_dutch(result)
    assert "de map bestaat niet" in result.err
    assert not missing.exists()


def test_html_links_every_address() -> None:
    from instapgids.presentation.as_html import linked

    text = linked("Mail demand@vlaanderen.be of zie https://example.org/a?b=1&c=2. <b>")
    assert '<a href="mailto:demand@vlaanderen.be">demand@vlaanderen.be</a>' in text
    assert '<a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>.' in text
    assert "&lt;b&gt;" in text
