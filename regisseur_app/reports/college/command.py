"""`regisseur-app rapport`: the college reports from the command line, without a window.

    regisseur-app rapport --gemeente Bekkevoort --jaar 2025 --uit bekkevoort.pdf   (or .docx)
    regisseur-app rapport --alle --jaar 2025 --uit map/                            (batch, progress line)
    regisseur-app rapport --gemeente Glabbeek --van 01/01/2025 --tot 30/06/2025 --uit glabbeek.pdf
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction, add_db_options) -> None:  # noqa: ANN001
    parser = sub.add_parser("rapport", help="maak rapporten voor het college (PDF/Word) zonder venster",
                            description="Rapporten voor het college van burgemeester en schepenen.")
    add_db_options(parser, default=argparse.SUPPRESS)
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--gemeente", help="naam of NIS-code van een deelnemende gemeente")
    who.add_argument("--regio", action="store_true", help="het regionale rapport (alle gemeenten)")
    who.add_argument("--alle", action="store_true",
                     help="alle gemeenten + het regionale rapport + Excel met de tabellen, in de map --uit")
    parser.add_argument("--jaar", type=int, help="het jaar (1 januari tot en met 31 december)")
    parser.add_argument("--van", help="begindatum dd/mm/jjjj (met --tot, in plaats van --jaar)")
    parser.add_argument("--tot", help="einddatum dd/mm/jjjj")
    parser.add_argument("--uit", type=Path, required=True, help="bestand (.pdf of .docx) of map (met --alle)")
    parser.add_argument("--secties", help="alleen deze onderdelen, met komma's (bv. kerncijfers,evenementen)")
    parser.add_argument("--docx", action="store_true", help="met --alle: ook een Word-versie van elk rapport")


def _period(args: argparse.Namespace) -> tuple[date, date]:
    from regisseur_app.formatting import parse_date

    if args.jaar and (args.van or args.tot):
        raise ValueError("Geef --jaar of --van/--tot, niet allebei.")
    if args.jaar:
        return date(args.jaar, 1, 1), date(args.jaar, 12, 31)
    if not (args.van and args.tot):
        raise ValueError("Geef een periode: --jaar 2025, of --van 01/01/2025 --tot 30/06/2025.")
    start, end = parse_date(args.van), parse_date(args.tot)
    if end < start:
        raise ValueError("De einddatum ligt vóór de begindatum.")
    return start, end


def run(args: argparse.Namespace, context_for) -> int:  # noqa: ANN001
    """Exit 0 when every report was made; 2 for a wrong argument; 1 when writing failed."""
    from regisseur_app.operations import reports as ops
    from regisseur_app.reports.college.assemble import available_sections, find_scope, region_scope

    try:
        start, end = _period(args)
    except ValueError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    known = [s.key for s in available_sections()]
    keys = None
    if args.secties:
        keys = [k.strip() for k in args.secties.split(",") if k.strip()]
        unknown = [k for k in keys if k not in known]
        if unknown:
            print(f"Fout: onbekend onderdeel {', '.join(unknown)}; kies uit {', '.join(known)}.", file=sys.stderr)
            return 2
    ctx = context_for(args)
    try:
        if args.alle:
            def progress(percent: int, text: str) -> None:
                print(f"\r[{percent:3d}%] {text:<60}", end="", file=sys.stderr, flush=True)

            result = ops.run_batch(ctx, start, end, args.uit, keys, progress, docx=args.docx)
            print(file=sys.stderr)
            for path in result.files:
                print(path)
            print(f"{len(result.files)} bestanden in {args.uit} ({result.seconds:.1f} s).", file=sys.stderr)
            return 0
        if args.regio:
            scope = region_scope(start, end)
        else:
            with ctx.reading() as session:
                scope = find_scope(session, args.gemeente, start, end)
            if scope is None:
                print(f"Fout: '{args.gemeente}' is geen deelnemende gemeente.", file=sys.stderr)
                return 2
        if args.uit.suffix.lower() not in (".pdf", ".docx"):
            print("Fout: --uit moet eindigen op .pdf of .docx.", file=sys.stderr)
            return 2
        print(ops.make_report(ctx, scope, args.uit, keys))
        return 0
    except Exception as exc:  # noqa: BLE001 - a Dutch line instead of a traceback
        print(f"Rapport mislukt: {exc}", file=sys.stderr)
        return 1
    finally:
        ctx.close()
