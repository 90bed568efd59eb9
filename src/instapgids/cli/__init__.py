"""Layer 4, command line: the thin shell around the library.

Owns the process entry and exit codes (``main``), the Typer commands by group (``commands``), the profile
commands' results printed with the commands to type (``session``, over ``store.usecases``), ``start``
with its interview loop (``start``), the questionary prompts (``interview``, the one module that
imports questionary; what it prints around its prompts is in ``lines``), stopping on signals
(``signals``) and click's and Typer's own words in the run's language (``localize``, with the Dutch
gettext catalog in ``locale/``).

May import everything below it. Nothing below imports it.
"""
