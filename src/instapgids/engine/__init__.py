"""Layer 2, engine: answers → the personal checklist, as pure functions over the content.

Owns the conditions (``conditions``), which questions apply and which come next (``routing``), and
the checklist with its statuses and reasons (``checklist``). No I/O, no printing and no text for
the user: statuses are codes and reasons are data; the words are the presentation's.

May import: content and the shared ground. Nothing from store, presentation or cli.
"""
