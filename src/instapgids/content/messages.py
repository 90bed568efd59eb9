"""The content layer's tables of messages: pydantic's problems, ids defined twice, the counts of ``validate``.

Each message is a whole Dutch sentence marked with ``N_`` (the msgid of the gettext catalog) and
translated with ``_`` where it is used, during the run, once the language is chosen (see
:mod:`instapgids.language`). Nothing here is cached: the content cache holds only valid content.
"""

from __future__ import annotations

from typing import Any

from instapgids.language import N_, _

# pydantic's error types and what they say of a field.
_PYDANTIC = {
    "missing": N_("verplicht veld ontbreekt"),
    "missing_argument": N_("verplicht veld ontbreekt"),
    "extra_forbidden": N_("onbekend veld"),
    "unexpected_keyword_argument": N_("onbekend veld"),
    "dataclass_type": N_("moet een mapping (sleutel: waarde) zijn"),
    "dataclass_args_type": N_("moet een mapping (sleutel: waarde) zijn"),
    "string_type": N_("moet tekst zijn"),
    "string_too_short": N_("mag niet leeg zijn"),
    "int_type": N_("moet een geheel getal zijn"),
    "int_parsing": N_("moet een geheel getal zijn"),
    "int_from_float": N_("moet een geheel getal zijn"),
    "bool_type": N_("moet true of false zijn"),
    "bool_parsing": N_("moet true of false zijn"),
    "list_type": N_("moet een lijst zijn"),
    "dict_type": N_("moet een mapping (sleutel: waarde) zijn"),
    "model_type": N_("moet een mapping (sleutel: waarde) zijn"),
    "model_attributes_type": N_("moet een mapping (sleutel: waarde) zijn"),
    "none_required": N_("moet leeg zijn"),
}


def validation_message(error: Any) -> str:
    """One of pydantic's errors (an element of ``ValidationError.errors()``) as a sentence about its field.

    Our own validators (``fields.Check``, the models' ``__post_init__``) raise ``ValueError`` with a
    sentence already in the language of the run.
    """
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "literal_error":
        values = str(ctx.get("expected", "")).replace(" or ", ", ")
        return _("moet een van deze waarden zijn: {values}").format(values=values)
    if kind == "greater_than_equal":
        return _("moet minstens {bound} zijn").format(bound=ctx.get("ge"))
    if kind == "less_than_equal":
        return _("moet hoogstens {bound} zijn").format(bound=ctx.get("le"))
    if kind == "too_short":
        return _("moet minstens {n} element(en) hebben").format(n=ctx.get("min_length"))
    if kind == "too_long":
        return _("mag hoogstens {n} element(en) hebben").format(n=ctx.get("max_length"))
    if kind in _PYDANTIC:
        return _(_PYDANTIC[kind])
    return _("ongeldige waarde ({kind})").format(kind=kind)


# What ``crosscheck.unique_ids`` says of an id defined a second time, per kind of id (the keys of
# ``crosscheck._entries``, and ``options`` for the options of one question).
TWICE = {
    "sections": N_("sectie '{value}' komt twee keer voor (eerst op regel {line})"),
    "lot_numbers": N_("perceelnummer '{value}' komt twee keer voor (eerst op regel {line})"),
    "lot_ids": N_("perceel-id '{value}' komt twee keer voor (eerst op regel {line})"),
    "types": N_("soort dienst '{value}' komt twee keer voor (eerst op regel {line})"),
    "systems": N_("systeem-id '{value}' komt twee keer voor (eerst op regel {line})"),
    "contacts": N_("contact-id '{value}' komt twee keer voor (eerst op regel {line})"),
    "documents": N_("document-id '{value}' komt twee keer voor (eerst op regel {line})"),
    "rights": N_("recht-id '{value}' komt twee keer voor (eerst op regel {line})"),
    "roles": N_("rol-id '{value}' komt twee keer voor (eerst op regel {line})"),
    "questions": N_("vraag-id '{value}' komt twee keer voor (eerst op regel {line})"),
    "phases": N_("fase-id '{value}' komt twee keer voor (eerst op regel {line})"),
    "steps": N_("stap-id '{value}' komt twee keer voor (eerst op regel {line})"),
    "items": N_("checklistpunt-id '{value}' komt twee keer voor (eerst op regel {line})"),
    "mails": N_("mail-id '{value}' komt twee keer voor (eerst op regel {line})"),
    "terms": N_("term-id '{value}' komt twee keer voor (eerst op regel {line})"),
    "options": N_("optie '{value}' komt twee keer voor (eerst op regel {line})"),
}

# The counts on the OK line of ``instapgids validate`` (the keys of ``Content.counts``): one, and
# more than one (Dutch and English both take the singular for exactly 1, and only then).
COUNTED = {
    "percelen": (N_("{n} perceel"), N_("{n} percelen")),
    "fases": (N_("{n} fase"), N_("{n} fases")),
    "stappen": (N_("{n} stap"), N_("{n} stappen")),
    "checklistpunten": (N_("{n} checklistpunt"), N_("{n} checklistpunten")),
    "systemen": (N_("{n} systeem"), N_("{n} systemen")),
    "rechten": (N_("{n} recht"), N_("{n} rechten")),
    "rollen": (N_("{n} rol"), N_("{n} rollen")),
    "contacten": (N_("{n} contact"), N_("{n} contacten")),
    "documenten": (N_("{n} document"), N_("{n} documenten")),
    "vragen": (N_("{n} vraag"), N_("{n} vragen")),
    "mails": (N_("{n} mail"), N_("{n} mails")),
    "termen": (N_("{n} term"), N_("{n} termen")),
}


def counted(counts: dict[str, int]) -> str:
    """The counts of ``Content.counts()`` as one phrase: "6 percelen, 4 fases, …" ("6 lots, 4 phases, …")."""
    return ", ".join(_(COUNTED[what][n != 1]).format(n=n) for what, n in counts.items())
