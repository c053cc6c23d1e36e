"""The command line speaks Dutch: argparse's own words (usage, options, help, errors) are translated."""

import pytest

from regisseur_app.cli import build_parser


def test_help_is_dutch(capsys):
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args(["--help"])
    assert info.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("gebruik: regisseur-app")
    assert "opties:" in text and "toon deze hulp en stop" in text and "toon het versienummer en stop" in text
    for english in ("usage:", "options:", "show this help", "positional arguments", "version number"):
        assert english not in text


def test_errors_are_dutch(capsys):
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args(["--bestaat-niet"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "regisseur-app: fout: onbekende argumenten: --bestaat-niet" in err and "error" not in err
    with pytest.raises(SystemExit):
        build_parser().parse_args(["onbekend"])
    assert "ongeldige keuze" in capsys.readouterr().err
