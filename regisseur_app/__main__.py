from regisseur_app.cli import main

raise SystemExit(main())
