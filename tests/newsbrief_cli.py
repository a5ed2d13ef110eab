"""The real ``newsbrief`` command in a subprocess, importing this checkout's ``src``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def run_newsbrief(
    *arguments: str, stdin: str | None = None, timeout: float = 300, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m newsbrief ARGUMENTS`` (in ``cwd``, so that messages name files as given): its
    exit code, stdout and stderr (never raises on failure)."""
    return subprocess.run(
        [sys.executable, "-m", "newsbrief", *arguments],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=timeout,
        cwd=cwd,
        check=False,
    )
