"""argparse in Dutch: its messages ("usage:", "options", "show this help message and exit", the errors)
go through `argparse._` (gettext); `install()` points that at this table. Untranslated strings stay as
they are (a newer Python's new message shows in English rather than breaking)."""

from __future__ import annotations

import argparse

DUTCH = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze argumenten zijn verplicht: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "invalid %(type)s value: %(value)r": "ongeldige waarde (%(type)s): %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
    "not allowed with argument %s": "niet samen met argument %s",
    "one of the arguments %s is required": "een van deze argumenten is verplicht: %s",
    "ignored explicit argument %r": "genegeerde waarde %r",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "onbekende opdracht %(parser_name)r (kies uit %(choices)s)",
}
DUTCH_PLURAL = {
    ("expected %s argument", "expected %s arguments"): ("verwacht %s waarde", "verwacht %s waarden"),
}


def _gettext(text: str) -> str:
    return DUTCH.get(text, text)


def _ngettext(singular: str, plural: str, n: int) -> str:
    one, many = DUTCH_PLURAL.get((singular, plural), (singular, plural))
    return one if n == 1 else many


def install() -> None:
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]
