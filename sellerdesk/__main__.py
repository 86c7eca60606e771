"""Entry point: `sellerdesk COMMAND ...` runs the CLI; `sellerdesk [--db PATH] [--demo]` opens the window."""

from __future__ import annotations

import multiprocessing
import sys


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()  # big imports parse in a child process, also in frozen builds
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in _cli_commands():
        from sellerdesk.cli import main as cli_main

        return cli_main(argv)
    from sellerdesk.app import main as app_main

    return app_main(argv)


def _cli_commands() -> tuple[str, ...]:
    from sellerdesk.cli import COMMANDS

    return COMMANDS


if __name__ == "__main__":
    sys.exit(main())
