"""The deferred import of the compiled kernels."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

# A new process, so that the kernels are not imported yet: four threads cluster at once, as the
# service's first requests may (each in its own worker thread), while the first imports them.
_FIRST_CLUSTERINGS_AT_ONCE = """
import json, sys, threading
from newsbrief.stream import cluster
from newsbrief.stream.sources import read_articles

assert "numba" not in sys.modules
articles = list(read_articles(["tests/fixtures/stream/basil-24.jsonl"]))
barrier = threading.Barrier(4)
found = {}


def run(number):
    barrier.wait()
    try:
        found[number] = [story.articles for story in cluster(articles[6 * number : 6 * number + 6])]
    except Exception as exc:
        found[number] = repr(exc)


threads = [threading.Thread(target=run, args=(number,)) for number in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(json.dumps({
    "threads": found,
    "alone": [[story.articles for story in cluster(articles[6 * n : 6 * n + 6])] for n in range(4)],
}))
"""


def test_threads_that_cluster_first_at_once_wait_for_the_kernels_instead_of_failing() -> None:
    """``importlib.util.LazyLoader`` (Python 3.11) let the other threads read the module while the
    first still imported it: AttributeError, module 'newsbrief.stream.kernels' has no attribute 'EMPTY'."""
    run = subprocess.run(
        [sys.executable, "-c", _FIRST_CLUSTERINGS_AT_ONCE],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(run.stdout)
    assert [found["threads"][str(number)] for number in range(4)] == found["alone"]
