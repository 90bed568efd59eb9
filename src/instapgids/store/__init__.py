"""Beside the engine, store: the user's own files, kept safe.

Owns profiles and answers files (``profiles``: read, check, write), writing any file atomically
with its lock (``files``) and writing YAML back with the user's comments in place (``roundtrip``).

May import: content, engine and the shared ground. Nothing from presentation or cli.
"""
