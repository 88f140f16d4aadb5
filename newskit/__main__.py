"""``python -m newskit`` runs the command line."""

import sys

from newskit._cli import main

sys.exit(main())
