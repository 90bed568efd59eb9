"""Issue 16: `instapgids web` in a real browser (headless Chromium through selenium, pages served by waitress on
127.0.0.1): the interview by clicking, a mark read back through the command line, axe-core on every kind of page,
and no horizontal scrolling at 390 px or at 200 % zoom. One browser for the module; each site its own server."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, ROOT, Result, chromium, example_answers

pytestmark = pytest.mark.usefixtures("shared_content_cache")

AXE = ROOT / "tests" / "axe" / "axe.min.js"
# Three answer sets that walk different paths: a local government, an agency, a consultant (an outcome).
WALKS = ["lokaal-bestuur-netwerk", "agentschap-applicaties", "consultant-zonder-eid"]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with chromium(tmp_path_factory.mktemp("chromium")) as driver:
        yield driver


@contextlib.contextmanager
def serving(profile: Path | None = None, folder: Path | None = None) -> Iterator[str]:
    """A real server on 127.0.0.1 and a free port, in a thread; yields the address with its token."""
    from instapgids.web.server import bind
    from instapgids.web.site import Site

    site = Site(profile=profile, folder=folder)
    _app, server = bind(site, "127.0.0.1", 0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield site.address("127.0.0.1")
    finally:
        server.close()


def by_css(driver: Any, selector: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, selector)


def all_css(driver: Any, selector: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return list(driver.find_elements(By.CSS_SELECTOR, selector))


def click(driver: Any, selector: str) -> None:
    """Click what leads to another page, and wait until that page has come (the old one had a mark)."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    driver.execute_script("window.instapgidsOld = true;")
    by_css(driver, selector).click()
    WebDriverWait(driver, 10, ignored_exceptions=[WebDriverException]).until(
        lambda d: d.execute_script("return !window.instapgidsOld && document.readyState === 'complete';")
    )


def enter(driver: Any, address: str, lang: str = "nl") -> None:
    """Open the address with its token, in this language (headless Chromium asks for English by default)."""
    driver.get(address)
    base = address.split("/?")[0]
    driver.get(f"{base}/taal/{lang}?next=/")


def question_id(driver: Any) -> str:
    assert "/vraag/" in driver.current_url, driver.current_url
    return str(driver.current_url.split("/vraag/")[1].split("?")[0])


def answer(driver: Any, value: Any) -> None:
    """Fill in this question's answer as a user would (type, or click the labels), then Continue."""
    text = all_css(driver, "input#answer")
    if text:
        text[0].clear()
        text[0].send_keys(value)
    else:
        wanted = [value] if not isinstance(value, list) else value
        wanted = ["true" if v is True else "false" if v is False else v for v in wanted]
        boxes = driver.execute_script(  # one round trip: which boxes are there, and which are ticked
            "return [...document.querySelectorAll('input[name=answer]')].map(b => [b.id, b.value, b.checked]);"
        )
        for box_id, box_value, ticked in boxes:
            if (box_value in wanted) != ticked:
                by_css(driver, f"label[for={box_id}]").click()
    click(driver, "form button[type=submit]")


def axe(driver: Any) -> list[dict[str, Any]]:
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script("const done = arguments[0]; axe.run(document).then(r => done(r.violations));")
    return list(result)


def no_horizontal_scroll(driver: Any) -> list[str]:
    """What sticks out on the right: the page itself, or an element that is cut or outside the viewport."""
    return list(
        driver.execute_script(
            """
            const root = document.documentElement, width = root.clientWidth, wrong = [];
            if (root.scrollWidth > width) wrong.push('page ' + root.scrollWidth + ' > ' + width);
            for (const e of document.body.querySelectorAll('*')) {
              const box = e.getBoundingClientRect();
              if (box.width <= 1 && box.height <= 1) continue;  // visually hidden: for screen readers only
              if (box.width && box.right > width + 1 && getComputedStyle(e).position !== 'absolute')
                wrong.push(e.tagName + '.' + e.className + ' right=' + Math.round(box.right));
              if (e.scrollWidth > e.clientWidth + 1 && ['hidden', 'clip'].includes(getComputedStyle(e).overflowX)
                  && !e.classList.contains('visually-hidden'))
                wrong.push(e.tagName + '.' + e.className + ' cut');
            }
            return wrong;"""
        )
    )


@pytest.mark.parametrize("name", WALKS)
def test_the_whole_interview_by_clicking(browser: Any, tmp_path: Path, name: str) -> None:
    from instapgids import api

    answers = example_answers(EXAMPLES / f"{name}.yaml")
    profile = tmp_path / "klant.yaml"
    with serving(profile) as address:
        enter(browser, address)
        assert by_css(browser, "h1").text
        click(browser, "a.button-start")
        first = question_id(browser)
        answer(browser, answers[first])
        assert not api.open_profile(profile).complete  # saved as it goes, an unfinished interview for `start`
        if name == WALKS[0]:  # one step back: the first answer is shown again, and Continue goes on
            click(browser, "a.back-link")
            assert question_id(browser) == first
            assert by_css(browser, "input#answer").get_attribute("value") == answers[first]
            click(browser, "form button[type=submit]")
        while "/vraag/" in browser.current_url:
            answer(browser, answers[question_id(browser)])
        assert browser.current_url.endswith("/controle")
        if name == WALKS[1]:  # one Change: back to the question, then straight back to the check page
            click(browser, "a[href*='/vraag/org_name']")
            answer(browser, "Agentschap Gewijzigd")
            assert browser.current_url.endswith("/controle")
            assert "Agentschap Gewijzigd" in by_css(browser, ".summary-list").text
            answers = {**answers, "org_name": "Agentschap Gewijzigd"}
        click(browser, "form button[type=submit]")
        assert browser.current_url.endswith("/checklist")
        shown = {a.get_attribute("href").rsplit("/", 1)[1] for a in all_css(browser, ".phases a.task-list-link")}
    content = api.load_content()
    expected = api.build_checklist(content, api.applicable_answers(content, answers))
    assert shown == {item.id for item in expected.items}
    saved = api.open_profile(profile)
    assert saved.complete
    assert unordered(saved.answers) == unordered(api.applicable_answers(content, answers))


def unordered(answers: dict[str, Any]) -> dict[str, Any]:
    """Answers with each list as a set: the page sends the ticked boxes in the options' order."""
    return {k: set(v) if isinstance(v, list) else v for k, v in answers.items()}


@pytest.fixture
def started(tmp_path: Path, process: Any) -> Path:
    profile = tmp_path / "gemeente.yaml"
    done: Result = process("start", "--answers", str(EXAMPLES / "lokaal-bestuur-netwerk.yaml"), "-p", str(profile))
    assert done.code == 0, done.err
    return profile


def test_a_mark_in_the_page_shows_in_the_command_line_and_back(browser: Any, started: Path, process: Any) -> None:
    def status_in_cli(item_id: str) -> str:
        done = process("checklist", "-p", str(started), "--export", "json")
        assert done.code == 0, done.err
        return str(next(i["status"] for i in json.loads(done.out)["items"] if i["id"] == item_id))

    with serving(started) as address:
        enter(browser, address)
        assert browser.current_url.endswith("/checklist")  # a profile started in the terminal goes on here
        link = by_css(browser, ".task-list a.task-list-link")  # the first of "Dit kunt u nu doen"
        item_id = link.get_attribute("href").rsplit("/", 1)[1]
        before = status_in_cli(item_id)
        click(browser, ".task-list a.task-list-link")
        click(browser, "form:has(input[value=done]) button")
        assert "Bewaard in uw profiel." in by_css(browser, ".notification").text
        assert status_in_cli(item_id) == "done" != before
        assert process("doing", item_id, "-p", str(started)).code == 0  # and the other way round
        browser.refresh()
        assert "Bezig" in by_css(browser, "main").text


def page_kinds(browser: Any, address: str, folder: Path) -> Iterator[str]:
    """Visit every kind of page in turn (the browser holds the cookie); yields the kind's name."""
    browser.get(address.split("/?")[0] + "/")
    yield "profiles overview"
    click(browser, "a[href$='/p/nieuw/']")
    yield "start"
    click(browser, "a.button-start")
    yield "question"
    click(browser, "form button[type=submit]")  # nothing typed
    yield "question with an error"
    base = browser.current_url.split("/p/")[0]
    browser.get(f"{base}/p/klaar/controle")
    yield "check answers"
    browser.get(f"{base}/p/klaar/checklist")
    yield "task list"
    click(browser, ".task-list a.task-list-link")
    yield "item"
    browser.get(f"{base}/p/klaar/punt/ddc-dms-toegang")  # in progress for weeks: its mail and the reminder
    assert len(browser.find_elements("css selector", "pre.mail")) >= 2
    yield "item with a reminder"
    browser.get(f"{base}/p/klaar/export")
    yield "exports"
    browser.get(f"{base}/bestaat-niet")
    yield "not found"


@pytest.fixture
def folder(tmp_path: Path, process: Any) -> Path:
    (tmp_path / "nieuw.yaml").write_text("format: 1\nanswers: {}\n", encoding="utf-8")
    done = process(
        "start", "--answers", str(EXAMPLES / "lokaal-bestuur-netwerk.yaml"), "-p", str(tmp_path / "klaar.yaml")
    )
    assert done.code == 0, done.err
    weeks_ago = {"INSTAPGIDS_TODAY": "2026-11-16"}  # the server counts to today: a reminder is due
    assert process("doing", "ddc-dms-toegang", "-p", str(tmp_path / "klaar.yaml"), env=weeks_ago).code == 0
    return tmp_path


# A page zoomed to 200 % in a 1280 px window lays out as a 640 px one at twice the pixel density.
NARROW = {"390px": (390, 1), "200%": (1280, 2)}


def narrow_problems(browser: Any) -> dict[str, list[str]]:
    """What sticks out at 390 px and at 200 % zoom on this page."""
    found = {}
    for name, (width, zoom) in NARROW.items():
        metrics = {"width": width // zoom, "height": 800 // zoom, "deviceScaleFactor": zoom, "mobile": False}
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        try:
            if wrong := no_horizontal_scroll(browser):
                found[name] = wrong[:5]
        finally:
            browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_kind_of_page_passes_axe_and_fits_a_phone_and_200_percent_zoom(
    browser: Any, folder: Path, lang: str
) -> None:
    """axe-core finds nothing (WCAG 2.1 A and AA and its best practices); at 390 px wide and at 200 % zoom
    nothing sticks out on the right (no horizontal scrolling, nothing cut)."""
    found = {}
    with serving(folder=folder) as address:
        enter(browser, address, lang)
        for kind in page_kinds(browser, address, folder):
            assert browser.find_element("xpath", "/html").get_attribute("lang") == lang
            if violations := axe(browser):
                found[kind] = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
            if lang == "nl" and (narrow := narrow_problems(browser)):
                found[f"{kind} (smal)"] = narrow
    assert not found, json.dumps(found, indent=1)


FOCUS_SHOWN = """
const e = document.activeElement;
if (!e || e === document.body) return null;
const shown = s => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)
  || (s.boxShadow && s.boxShadow !== 'none') || s.backgroundColor === 'rgb(255, 221, 0)';
let ok = shown(getComputedStyle(e));
if (e.type === 'radio' || e.type === 'checkbox')  // the real input is invisible: its label's box shows the focus
  ok = shown(getComputedStyle(document.querySelector('label[for="' + e.id + '"]'), '::before'));
return [e.tagName + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || e.value || '').trim().slice(0, 30), ok];
"""


def tab_to(driver: Any, wanted: str, most: int = 15) -> list[Any]:
    """Press Tab until the element matching the CSS selector ``wanted`` has the focus; each stop's focus is shown."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    stops = []
    for _ in range(most):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        stop = driver.execute_script(FOCUS_SHOWN)
        stops.append(stop)
        if driver.execute_script("return document.activeElement.matches(arguments[0]);", wanted):
            return stops
    raise AssertionError(f"{wanted} never got the focus: {stops}")


def test_the_keyboard_alone_goes_from_the_start_page_through_questions_with_a_visible_focus(
    browser: Any, tmp_path: Path
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    def press(*keys: str) -> None:
        browser.execute_script("window.instapgidsOld = true;")
        ActionChains(browser).send_keys(*keys).perform()

    def arrived() -> None:
        from selenium.webdriver.support.ui import WebDriverWait

        WebDriverWait(browser, 10).until(
            lambda d: d.execute_script("return !window.instapgidsOld && document.readyState === 'complete';")
        )

    stops = []
    with serving(tmp_path / "nieuw.yaml") as address:
        enter(browser, address)
        stops += tab_to(browser, "a.button-start")
        press(Keys.ENTER)
        arrived()
        stops += tab_to(browser, "input#answer")
        press("Gemeente Toetsenbord", Keys.ENTER)
        arrived()
        assert "/vraag/" in browser.current_url and "org_name" not in browser.current_url
        stops += tab_to(browser, "input[name=answer]")
        press(Keys.SPACE)
        press(Keys.ENTER)
        arrived()
    assert api_answers(tmp_path / "nieuw.yaml")["org_name"] == "Gemeente Toetsenbord"
    assert len(api_answers(tmp_path / "nieuw.yaml")) == 2
    hidden = [stop for stop in stops if stop is not None and not stop[1]]
    assert not hidden, f"focus not visible on: {hidden}"


def api_answers(profile: Path) -> dict[str, Any]:
    from instapgids import api

    return dict(api.open_profile(profile).answers)
