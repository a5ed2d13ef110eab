"""``python -m newsbrief``: the same as the ``newsbrief`` command."""

from newsbrief.cli import main

main()
