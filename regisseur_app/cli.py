"""Command line: `regisseur-app` starts the GUI; sub-commands do maintenance without a window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from regisseur_app import __version__


def _add_db_options(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument("--db", type=Path, default=default,
                        help="pad naar het databasebestand (standaard: gebruikersmap)")
    parser.add_argument("--demo", action="store_true", default=default if default is not None else False,
                        help="open de aparte demodatabase met fictieve gegevens")


def build_parser() -> argparse.ArgumentParser:
    from regisseur_app import cli_dutch

    cli_dutch.install()  # argparse's own words (usage, options, errors) in Dutch
    parser = argparse.ArgumentParser(prog="regisseur-app", description="Regisseur lokale sociale economie")
    _add_db_options(parser)
    parser.add_argument("--self-test", action="store_true", help="test deze installatie en stop (exit 0 = in orde)")
    parser.add_argument("--version", action="version", version=f"Regisseur {__version__}",
                        help="toon het versienummer en stop")
    sub = parser.add_subparsers(dest="command", title="opdrachten", metavar="OPDRACHT")
    for name, text in (("gui", "start het venster (standaard)"), ("check", "controleer de database"),
                       ("backup", "maak een gecontroleerde back-up")):
        # the options may also follow the sub-command; SUPPRESS keeps a value given before it
        _add_db_options(sub.add_parser(name, help=text), default=argparse.SUPPRESS)
    from regisseur_app.reports.college import command as report_command

    report_command.add_parser(sub, _add_db_options)
    restore = sub.add_parser("restore", help="toon de back-ups, of zet er een terug")
    _add_db_options(restore, default=argparse.SUPPRESS)
    restore.add_argument("backup", nargs="?", help="nummer uit de lijst, 'nieuwste' of het pad van een back-up")
    restore.add_argument("--ja", action="store_true", help="niet om bevestiging vragen")
    return parser


def _paths(args: argparse.Namespace):  # noqa: ANN202
    from regisseur_app.app_paths import AppPaths

    return AppPaths.for_db(args.db) if args.db else AppPaths.default(demo=args.demo)


def _open_context(args: argparse.Namespace):  # noqa: ANN202
    """The database of the options, opened safely (the demo database filled when --demo)."""
    paths = _paths(args)
    if args.demo:
        from regisseur_app.demo import open_demo_context

        return open_demo_context(paths)
    from regisseur_app.startup import open_context

    return open_context(paths)


def begin_gui_start(db_path: Path) -> None:
    """What the window's process does first, before importing Qt: begin the read-only database check on its
    thread (open_context waits for it), pause the garbage collector until the window is shown (start_gc),
    then import what opens the database (SQLAlchemy, the models of the start, the registry).

    Those come before Qt on purpose: once Qt for Python is imported, every `import` statement of the process
    goes through its `__feature__` import hook (a Python function around `__import__`; regisseur_app.ui
    makes its per-module check cheap, not the call itself). SQLAlchemy runs thousands of them while it
    loads; imported first, none pays the hook (≈ −11 ms of a 0,43 s start, paired, docs/performance.md)."""
    from regisseur_app import start_gc
    from regisseur_app.storage import start_check

    start_gc.pause()
    start_check.begin(db_path)
    import regisseur_app.startup  # noqa: F401  (SQLAlchemy and the start's models, before Qt: see above)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.self_test:
        from regisseur_app.selftest import run_self_test

        return 0 if run_self_test() else 1
    if args.command == "check":
        from regisseur_app.operations.maintenance import check

        paths = _paths(args)
        if not paths.db_path.exists():
            print(f"Database {paths.db_path} bestaat niet.", file=sys.stderr)
            return 2
        report = check(paths.db_path)
        print(report.as_text())
        return 0 if report.ok else 1
    if args.command == "restore":
        from regisseur_app.cli_restore import run_restore

        return run_restore(_paths(args), args.backup, args.ja)
    if args.command == "backup":
        from regisseur_app.storage.backup import BackupError, make_backup
        from regisseur_app.storage.errors import StorageError

        paths = _paths(args)
        try:
            print(f"Back-up gemaakt: {make_backup(paths.db_path, paths.backup_dir)}")
        except (BackupError, StorageError) as exc:
            print(f"Back-up mislukt: {exc}", file=sys.stderr)
            return 1
        return 0
    if args.command == "rapport":
        from regisseur_app.reports.college import command as report_command

        return report_command.run(args, _open_context)
    paths = _paths(args)
    begin_gui_start(paths.db_path)
    from regisseur_app.ui.app import run_gui

    return run_gui(paths, demo=args.demo)
