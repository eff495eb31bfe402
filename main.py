"""Midad (مداد): start the desktop newsroom, or run one command-line subcommand.

python main.py                    open the application (Arabic, right to left)
python main.py --lang en          ... in English
python main.py --db FILE_OR_URL   ... on another database
python main.py --help             list the subcommands
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from editor.cli import build_parser, run

    args = build_parser().parse_args(argv)
    if args.command is not None:
        return run(args)
    # Qt is imported only when a window is wanted: subcommands stay light.
    from ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
