"""``python -m newsbrief`` and the ``newsbrief`` console script.

The command line is imported inside ``main`` so that a Ctrl-C while Typer and Rich load (the
first few tenths of a second) is the CLI's one line and exit 130, not a traceback.
"""

import sys

from newsbrief.errors import INTERRUPTED_EXIT_CODE


def main() -> None:
    """Run the command line; an interrupt while it is still loading is one line too."""
    try:
        from newsbrief.cli import main as run_cli
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        sys.exit(INTERRUPTED_EXIT_CODE)
    run_cli()


if __name__ == "__main__":
    main()
