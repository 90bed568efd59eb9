"""Beside the engine, store: the user's own files, kept safe.

Owns profiles and answers files (``profiles``: read, check, write; ``userfile``: read within bounds,
never block on a FIFO, never write what would be refused; their progress entries with their dates:
``progress``; today, or ``INSTAPGIDS_TODAY``: ``clock``), writing any file atomically
with its lock (``files``), writing YAML back with the user's comments in place (``roundtrip``), and
what a new guide version changed on a profile's checklist (``changes``), and
the use cases over a profile that return results and raise typed errors (``usecases``: its
checklist, progress marks, the interview's merged saves, exports and drafts written as one set).

May import: content, engine and the shared ground. Nothing from presentation or cli.
"""
