"""`python -m bot` is the `citebot` command."""

import sys

from .cli import main

sys.exit(main())
