"""PyInstaller entry script for the `regisseur-app` executable (see build.spec)."""

import sys

from regisseur_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
