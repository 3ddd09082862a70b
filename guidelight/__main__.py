"""`python -m guidelight` is the same as the `guidelight` command."""

from guidelight.cli.main import main

raise SystemExit(main())
