"""Layer 3, presentation: everything a person reads, in Dutch.

Owns the words (``words``: statuses, reasons, answers, contacts), what each checklist item says in
every format (``items``), the export formats (``as_markdown``, ``as_html``, ``as_json``), the
mails (``mails``), searching the content (``search``) and the terminal views (``terminal/``, the
one place that uses Rich). A new output format is a new ``as_*`` module over ``items``; a second
language starts in ``words``.

May import: content, engine, store and the shared ground. Nothing from cli.
"""
