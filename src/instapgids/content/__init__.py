"""Layer 1, content: the guide as data, validated.

Owns the shapes of ``data/*.yaml`` (``models``, ``questions``, ``journey``, built from the field
types and conditions of ``fields``), the YAML loader that
remembers where every value stands (``yamlsource``), loading and validating the files (``load``),
the checks that span files (``crosscheck``), the validated whole with its look-ups (``bundle``) and
the cache of validated content (``cache``).

May import: the standard library, pydantic and PyYAML (only where used), and the shared ground
(``instapgids.errors``, ``instapgids.paths``). Imports nothing from engine, store, presentation or
cli. A new question goes into ``data/interview.yaml``; a new kind of content gets its model here.
"""
