"""What the page's Cancel leaves on the server: the work of the brief it stopped waiting for.

    python benchmarks/cancel.py [--trials 2] [--after 2.0]

Starts ``newsbrief serve`` in a subprocess on a free loopback port and waits for its warm-up. A
large brief (the 24 BASIL articles of ``tests/fixtures/stream/basil-24.jsonl``, every analysis)
is asked for once to the end, measuring its wall time and the server process's CPU time; then,
``--trials`` times, it is asked for again and the client gives up after ``--after`` seconds and
closes the connection, as the page's AbortController does, a small brief (the three Aleppo
articles, no analysis) is asked for at once, and the server's CPU time is read again once the
large brief would have finished. A cancelled brief whose CPU time is that of the whole one was
finished by the server; the small brief's time beside its time alone is what the next reader
waits for meanwhile. Absolute times depend on the machine and its load; compare the ratios.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from common import free_port  # benchmarks/ is on sys.path when run

ROOT = Path(__file__).resolve().parents[1]
BASIL = ROOT / "tests" / "fixtures" / "stream" / "basil-24.jsonl"
ALEPPO = ROOT / "examples" / "aleppo"
WARM_UP_S = 20.0  # the server loads spaCy and WordLlama in the background as it starts


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def large_request() -> dict[str, Any]:
    records = [json.loads(line) for line in BASIL.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [{"text": record["text"], "outlet": record.get("outlet")} for record in records]
    return {"articles": articles, "analysis": "all"}


def small_request() -> dict[str, Any]:
    names = ("aljazeera", "npr", "zerohedge")
    articles = [
        {"text": (ALEPPO / f"{name}.txt").read_text(encoding="utf-8"), "outlet": name} for name in names
    ]
    return {"articles": articles, "analysis": "none"}


def post(url: str, body: dict[str, Any]) -> float:
    """Seconds until the whole answer of POST /v1/briefs is in."""
    start = time.monotonic()
    httpx.post(f"{url}/v1/briefs", json=body, timeout=600).raise_for_status()
    return time.monotonic() - start


def wait_for(url: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/v1/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("the server did not answer")


def measure(url: str, pid: int, trials: int, after: float) -> None:
    large, small = large_request(), small_request()
    words = sum(len(article["text"].split()) for article in large["articles"])
    post(url, small), post(url, large)  # every path once
    before = cpu_seconds(pid)
    whole = post(url, large)
    time.sleep(3)
    whole_cpu = cpu_seconds(pid) - before
    alone = [post(url, small) for _ in range(3)]
    print(f"large brief ({len(large['articles'])} articles, {words} words, every analysis), not cancelled:")
    print(
        f"  {whole:.1f} s, server CPU {whole_cpu:.1f} s; small brief alone: {', '.join(f'{t:.2f}' for t in alone)} s"
    )
    for trial in range(1, trials + 1):
        before = cpu_seconds(pid)
        start = time.monotonic()
        # the client stops waiting and closes the connection: the page's Cancel
        with contextlib.suppress(httpx.ReadTimeout):
            httpx.post(f"{url}/v1/briefs", json=large, timeout=httpx.Timeout(600, read=after))
        meanwhile = post(url, small)
        time.sleep(max(0.0, whole - (time.monotonic() - start)) + 3)
        print(
            f"trial {trial}: cancelled after {after:.1f} s; small brief right after: {meanwhile:.2f} s; "
            f"server CPU for the cancelled brief and the small one: {cpu_seconds(pid) - before:.1f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=2)
    parser.add_argument("--after", type=float, default=2.0, help="seconds before the client gives up")
    args = parser.parse_args()
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "newsbrief", "serve", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(url)
        time.sleep(WARM_UP_S)
        measure(url, server.pid, args.trials, args.after)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
