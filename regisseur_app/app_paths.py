"""Where a database, its backups, the logs and the settings live. Standard library and platformdirs only:
the command line knows the database path (and begins its check, storage/start_check.py) before it imports
SQLAlchemy or Qt. Re-exported by regisseur_app.context."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

from regisseur_app import APP_NAME

DB_FILE = "regisseur.sqlite"
DEMO_DB_FILE = "regisseur-demo.sqlite"


@dataclass(frozen=True)
class AppPaths:
    db_path: Path
    backup_dir: Path
    log_dir: Path
    config_dir: Path

    @property
    def settings_file(self) -> Path:
        """The window's settings (geometry, dragged column widths): an ini file in the configuration folder."""
        return self.config_dir / "regisseur.ini"

    @classmethod
    def for_db(cls, db_path: Path, log_dir: Path | None = None, config_dir: Path | None = None) -> AppPaths:
        db_path = db_path.expanduser().resolve()
        return cls(
            db_path=db_path,
            backup_dir=db_path.parent / "backups" / db_path.stem,
            log_dir=log_dir or Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
            config_dir=config_dir or Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        )

    @classmethod
    def default(cls, demo: bool = False) -> AppPaths:
        data_dir = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        return cls.for_db(data_dir / (DEMO_DB_FILE if demo else DB_FILE))
