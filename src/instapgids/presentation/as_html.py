"""The personal checklist as one self-contained HTML page.

No network and no external files: the style and the small script are inline.
Every text is escaped. The checkboxes remember their state in the browser
(localStorage, per organisation and guide version); items that the profile
already marks as done start ticked.
"""

from __future__ import annotations

import json
import re
from html import escape

from instapgids.content.bundle import Content
from instapgids.engine.checklist import Checklist
from instapgids.language import N_, _, current
from instapgids.presentation.items import EVERYONE, ItemText, PhaseText, all_items, heading_lines, progress_counts, walk
from instapgids.presentation.words import NOTE, STATUS_WORDS, organisation_name

STYLE = """
:root { color-scheme: light; --accent: #0b6e69; --muted: #5b6770; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto;
       max-width: 52rem; padding: 1.5rem; color: #1b1f23; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
dl.heading { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .15rem 1rem; margin: .5rem 0; }
dd { overflow-wrap: anywhere; }
dl.heading dt { font-weight: 600; }
.progress { margin: 1rem 0; }
progress { width: 100%; height: 1rem; accent-color: var(--accent); }
ul.items { list-style: none; padding: 0; margin: 0; }
li.item { border: 1px solid #d5dbe0; border-radius: .4rem; padding: .6rem .8rem; margin: .5rem 0; }
li.item label { font-weight: 600; display: flex; gap: .6rem; align-items: baseline; cursor: pointer; }
li.item input { transform: scale(1.25); }
li.item.klaar label span.title { text-decoration: line-through; color: var(--muted); }
.meta { color: var(--muted); font-size: .9rem; font-weight: normal; }
.fields { margin: .4rem 0 0 2rem; font-size: .95rem; display: grid;
          grid-template-columns: max-content minmax(0, 1fr); gap: .2rem .8rem; }
.fields dt { font-weight: 600; }
.fields dd { margin: 0; }
.fields ul, .details { margin: .2rem 0; padding-left: 1.2rem; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
@media (max-width: 36rem) {  /* a phone: each label above its value, nothing sticks out on the right */
  body { padding: 1rem; }
  dl.heading, .fields { grid-template-columns: minmax(0, 1fr); }
  dl.heading dd, .fields dd { margin: 0 0 .4rem; }
  .fields { margin-left: 0; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  li.item { break-inside: avoid; }
  .noprint { display: none; }
}
"""

SCRIPT = """
(function () {
  var key = document.body.getAttribute("data-storage-key");
  var saved = {};
  try { saved = JSON.parse(localStorage.getItem(key) || "{}") || {}; } catch (e) { saved = {}; }
  var boxes = document.querySelectorAll("input[data-item]");
  function refresh() {
    var done = 0;
    boxes.forEach(function (box) {
      var item = box.closest("li");
      var status = item.querySelector(".status");
      item.classList.toggle("klaar", box.checked);
      status.textContent = box.checked ? "klaar" : status.getAttribute("data-status").replace("klaar", "niet gestart");
      if (box.checked) { done += 1; }
    });
    var bar = document.getElementById("voortgang");
    bar.value = done; bar.max = boxes.length;
    document.getElementById("voortgang-tekst").textContent = done + " van " + boxes.length + " punten klaar";
  }
  boxes.forEach(function (box) {
    var id = box.getAttribute("data-item");
    if (Object.prototype.hasOwnProperty.call(saved, id)) { box.checked = saved[id]; }
    box.addEventListener("change", function () {
      saved[id] = box.checked;
      try { localStorage.setItem(key, JSON.stringify(saved)); } catch (e) { /* private mode: no memory */ }
      refresh();
    });
  });
  refresh();
})();
"""


PROGRESS = N_("{done} van {total} punten klaar")


def script() -> str:
    """:data:`SCRIPT` with its words (the status words and the progress line) in the language of the run."""
    before, rest = _(PROGRESS).split("{done}", 1)
    between, after = rest.split("{total}", 1)
    done, not_started = (json.dumps(_(STATUS_WORDS[s]), ensure_ascii=False) for s in ("done", "open"))
    words = {
        '? "klaar" :': f"? {done} :",
        '.replace("klaar", "niet gestart")': f".replace({done}, {not_started})",
        '" van "': json.dumps(between, ensure_ascii=False),
        '" punten klaar"': json.dumps(after, ensure_ascii=False),
    }
    text = SCRIPT
    for old, new in words.items():
        text = text.replace(old, new)
    return text.replace("done + ", f"{json.dumps(before, ensure_ascii=False)} + done + ") if before else text


# An e-mail address or a web address in a text; the text is escaped first, so these are the escaped forms.
_LINKS = re.compile(r"(?P<url>https?://[^\s<>\"']*[^\s<>\"'.,;:!?)])|(?P<mail>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)")


def linked(text: str) -> str:
    """``text`` escaped, with every web address and e-mail address a link (https:, mailto:)."""

    def link(match: re.Match[str]) -> str:
        found = match.group()
        href = found if match.group("url") else f"mailto:{found}"
        return f'<a href="{href}">{found}</a>'

    return _LINKS.sub(link, escape(text))


def _summary(content: Content, checklist: Checklist) -> list[str]:
    """The next step first, as on the screen after the interview: what to do now, and progress per phase."""
    from instapgids.presentation.next_steps import summary

    found = summary(content, checklist)
    out = ['<section class="next">', "<h2>" + _("Dit kunt u nu doen") + "</h2>"]
    if found.steps:
        out.append("<ol>")
        for step in found.steps:
            mails = "".join(
                '<br><span class="meta">'
                + _("Mail:")
                + f' <a href="{escape(d.mailto)}">{escape(d.subject)}</a>{escape(d.translated_subject)}</span>'
                for d in step.mails
            )
            out.append(
                f'<li><a href="#punt-{escape(step.text.id)}-li">{escape(step.text.title)}</a>'
                f' <span class="meta">({escape(step.text.status)}, id: {escape(step.text.id)})</span>{mails}</li>'
            )
        out.append("</ol>")
        if found.others:  # named, each a link to its item below (what `next --all` shows on the screen)
            rest = summary(content, checklist, None).steps[len(found.steps) :]
            one = found.others == 1
            told = _("En {count} ander punt kan ook al starten:") if one else None
            told = (told or _("En {count} andere punten kunnen ook al starten:")).format(count=found.others)
            links = ", ".join(f'<a href="#punt-{escape(s.text.id)}-li">{escape(s.text.title)}</a>' for s in rest)
            out.append(f'<p class="meta">{told} {links}.</p>')
    else:
        out.append(f"<p>{_('Alles is klaar.') if found.done == found.total else _('Niets kan nu starten.')}</p>")
    out.append("<ul>")
    for phase in found.phases:
        phase_name = _("Fase {number}: {title}").format(number=phase.number, title=escape(phase.title))
        count = _("{done} van {total} klaar").format(done=phase.done, total=phase.total)
        out.append(f"<li>{phase_name} — {count}</li>")
    out += ["</ul>", "</section>"]
    return out


def _head(checklist: Checklist, version: str) -> list[str]:
    """The document up to the page's title; the body carries the key the ticked boxes are saved under."""
    name = organisation_name(checklist)
    storage_key = json.dumps(["instapgids", name, version])
    title = _("Checklist voor {name}").format(name=escape(name))
    return [
        "<!DOCTYPE html>",
        f'<html lang="{current()}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        f'<body data-storage-key="{escape(storage_key)}">',
        f"<h1>{title}</h1>",
    ]


def _heading(content: Content, checklist: Checklist) -> list[str]:
    """Who the checklist is for, and the progress bar."""
    done, total = progress_counts(checklist)
    counted = _(PROGRESS).format(done=done, total=total)
    out = ['<dl class="heading">']
    for label, value in heading_lines(content, checklist):
        out.append(f"<dt>{escape(label)}</dt><dd>{linked(value)}</dd>")
    return [
        *out,
        "</dl>",
        '<div class="progress">',
        f'<progress id="voortgang" value="{done}" max="{total}"></progress>',
        f'<div id="voortgang-tekst">{counted}</div>',
        "</div>",
        '<p class="noprint meta">'
        + _("Vink punten aan als ze klaar zijn; uw browser onthoudt dat op dit toestel.")
        + "</p>",
    ]


def _fields(fields: list[tuple[str, list[str]]]) -> list[str]:
    """An item's fields as the terms and descriptions of a definition list: one value as is, more as a list."""
    out = []
    for label, values in fields:
        if len(values) == 1:
            out.append(f"<dt>{escape(label)}</dt><dd>{linked(values[0])}</dd>")
        else:
            items = "".join(f"<li>{linked(v)}</li>" for v in values)
            out.append(f"<dt>{escape(label)}</dt><dd><ul>{items}</ul></dd>")
    return out


def _item(text: ItemText) -> list[str]:
    """One item: its checkbox (ticked when done), title and status, then its details and fields."""
    checked = " checked" if text.code == "done" else ""
    box_id = f"punt-{escape(text.id)}"
    box = f'<input type="checkbox" id="{box_id}" data-item="{escape(text.id)}"{checked}>'
    out = [
        f'<li class="item" id="{box_id}-li">',
        f'<label for="{box_id}">{box}<span class="title">{escape(text.title)}</span>'
        f'<span class="meta">(<span class="status" data-status="{escape(text.status)}">'
        f"{escape(text.status)}</span>, id: {escape(text.id)})</span></label>",
    ]
    if text.details:
        out.append('<ul class="details">' + "".join(f"<li>{linked(d)}</li>" for d in text.details) + "</ul>")
    return [*out, '<dl class="fields">', *_fields(text.fields), "</dl></li>"]


def _phases(phases: list[PhaseText]) -> list[str]:
    """The checklist itself: per phase and step, its items."""
    out = []
    for phase_text in phases:
        phase = phase_text.phase
        out.append(
            "<h2>" + _("Fase {number}: {title}").format(number=phase.number, title=escape(phase.title)) + "</h2>"
        )
        for step_text in phase_text.steps:
            step = step_text.step
            out.append(
                "<h3>"
                + _("Stap {number}: {title}").format(number=step.number, title=escape(step.title))
                + f' <span class="meta">§{escape(step.section)}</span></h3>'
            )
            out.append('<ul class="items">')
            for text in step_text.items:
                out += _item(text)
            out.append("</ul>")
            for note in step_text.notes:  # to keep in mind: no checkbox, no id
                details = "".join(f"<li>{linked(d)}</li>" for d in [*note.details, *note.reasons])
                out.append(
                    f'<div class="note"><strong>{escape(_(NOTE))}</strong> {escape(note.title)} '
                    f'<span class="meta">§{escape(note.entry.item.section)}</span>'
                    + (f'<ul class="details">{details}</ul>' if details else "")
                    + "</div>"
                )
    return out


def checklist_html(content: Content, checklist: Checklist) -> str:
    g = content.guide.guide
    out = [*_head(checklist, g.version), *_heading(content, checklist), *_summary(content, checklist)]
    phases = walk(content, checklist)
    if any(i.everyone for i in all_items(phases)):
        out.append(f'<p class="meta">{escape(_(EVERYONE))}</p>')
    out += [
        *_phases(phases),
        "<footer>"
        + _("Gemaakt met instapgids uit de {title} v{version} ({date}).").format(
            title=escape(g.title), version=escape(g.version), date=escape(g.date)
        )
        + "</footer>",
        f"<script>{script()}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"
