#!/usr/bin/env python3
"""Entry point: `python build.py` builds content/ into site/; `python build.py check` validates only."""

import sys

from xxgk.cli import main

if __name__ == "__main__":
    sys.exit(main())
