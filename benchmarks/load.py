"""Latency and throughput of the HTTP API under concurrent clients, for 1 and 2 worker processes.

    python benchmarks/load.py [--workers 1 2] [--requests 500] [--all-requests 40] [--clients 16] [--words 250]

Starts one ``newsbrief serve --workers N`` (uvicorn) per worker count, each on a free loopback
port in a subprocess, then sends ``--requests`` requests from ``--clients`` concurrent httpx
clients for each run, to each server in turn (run by run, so that the servers compared are
measured minutes apart at most on a machine whose load varies; an idle server costs no CPU):

- ``GET /v1/health``: the floor (HTTP, uvicorn and FastAPI, no work);
- ``POST /v1/briefs`` with the three Aleppo articles, ``analysis: "none"`` (the fast path);
- the same with ``analysis: "all"`` (spaCy parse and every analysis), ``--all-requests`` of them:
  each costs most of a second of CPU, so 500 would take many minutes on a small machine.

Each run starts after a warm-up of one request per client (spaCy loads on the first "all").
Latency is measured per request in the client, from send to the last byte of the answer.
The peers: the floor above, and ``brief()`` called directly in this process on the same articles
(median of repeated calls, ``to_json(explain=True)`` included), i.e. the work without HTTP.
Prints a Markdown table; the last column, server throughput times the in-process time of one
brief, is the server's efficiency: 1.0 means HTTP costs nothing and the CPU is used as fully as
by serial calls in one process (more than 1.0 needs several cores working at once, i.e. several
workers). A second table puts each run's throughput for the worker counts side by side.
Absolute times depend on the machine and its load; compare the ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from common import free_port  # benchmarks/ is on sys.path when run
from newsbrief.model import ANALYSES, Options
from newsbrief.pipeline.brief import brief
from newsbrief.pipeline.ingest import read_story
from newsbrief.rendering import render

ROOT = Path(__file__).resolve().parent.parent
ALEPPO = ROOT / "examples" / "aleppo"
OUTLETS = {"aljazeera": "Al Jazeera", "npr": "NPR", "zerohedge": "ZeroHedge"}
SERVER_START_S = 180  # workers import spaCy: slow on a busy shared machine


@dataclass(frozen=True, slots=True)
class Run:
    """The measured latencies (seconds) of one run and its wall time."""

    name: str
    latencies: tuple[float, ...]
    errors: int
    wall_s: float

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    """``newsbrief serve --workers N`` on loopback, ready to answer /v1/health."""
    command = [sys.executable, "-m", "newsbrief", "serve", "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + SERVER_START_S
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit(f"the server did not start within {SERVER_START_S} s")


async def run_load(
    name: str, base_url: str, method: str, path: str, body: object, n_requests: int, n_clients: int
) -> Run:
    """n_requests requests from n_clients concurrent clients, after one warm-up request per client."""
    latencies: list[float] = []
    errors = 0
    remaining = n_requests
    async with httpx.AsyncClient(base_url=base_url, timeout=300) as client:

        async def one() -> bool:
            response = await client.request(method, path, json=body)
            return response.status_code == 200 and bool(response.content)

        await asyncio.gather(*(one() for _ in range(n_clients)))

        async def worker() -> None:
            nonlocal remaining, errors
            while remaining > 0:
                remaining -= 1
                start = time.perf_counter()
                try:
                    ok = await one()
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - start)
                errors += not ok

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(n_clients)))
        wall_s = time.perf_counter() - start
    return Run(name, tuple(latencies), errors, wall_s)


def in_process_ms(analyses: tuple[str, ...], words: int, repeat: int) -> float:
    """Median milliseconds of brief() + render(..., "json", explain=True) on the Aleppo articles, after a warm-up."""
    story = read_story([ALEPPO])
    options = Options(max_words=words, analyses=analyses)
    render(brief(story, options), "json", explain=True)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        render(brief(story, options), "json", explain=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to compare")
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument(
        "--all-requests",
        type=int,
        default=40,
        help='requests in the "all" run (each takes most of a second of CPU)',
    )
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--words", type=int, default=250)
    args = parser.parse_args()

    articles = [
        {"text": (ALEPPO / f"{article_id}.txt").read_text(encoding="utf-8"), "outlet": outlet}
        for article_id, outlet in OUTLETS.items()
    ]
    # the in-process peer first, so that the server does not compete with it for the CPU
    direct_ms = {"none": in_process_ms((), args.words, 50), "all": in_process_ms(ANALYSES, args.words, 5)}
    plan = [
        ("GET /v1/health (floor)", "GET", "/v1/health", None, args.requests, None),
        *(
            (
                f'POST /v1/briefs analysis "{analysis}"',
                "POST",
                "/v1/briefs",
                {"articles": articles, "words": args.words, "analysis": analysis},
                n_requests,
                direct_ms[analysis],
            )
            for analysis, n_requests in (("none", args.requests), ("all", args.all_requests))
        ),
    ]
    body_kb = len(json.dumps(plan[1][3]).encode()) / 1000
    print(
        f"{args.clients} concurrent clients; uvicorn with {' and '.join(map(str, args.workers))} worker "
        f"processes; request body {body_kb:.0f} kB (3 Aleppo articles), words={args.words}\n"
    )
    print(
        "| run | workers | requests | errors | p50 ms | p95 ms | p99 ms | req/s | p50 / floor p50 | "
        "in-process brief() ms | server req/s x in-process s |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |", flush=True)
    throughputs: dict[tuple[str, int], float] = {}
    floor_p50: dict[int, float] = {}
    servers: dict[int, tuple[str, subprocess.Popen[bytes]]] = {}
    try:
        for workers in args.workers:
            port = free_port()
            servers[workers] = f"http://127.0.0.1:{port}", start_server(port, workers)
        for name, method, path, body, n_requests, direct in plan:
            for workers, (base_url, _) in servers.items():
                run = asyncio.run(run_load(name, base_url, method, path, body, n_requests, args.clients))
                floor_p50.setdefault(workers, run.percentile(0.5))
                throughput = len(run.latencies) / run.wall_s
                throughputs[name, workers] = throughput
                peer = f"{direct:.1f} | {throughput * direct / 1000:.2f}" if direct is not None else "– | –"
                print(
                    f"| {run.name} | {workers} | {len(run.latencies)} | {run.errors} | "
                    f"{run.percentile(0.5) * 1000:.1f} | {run.percentile(0.95) * 1000:.1f} | "
                    f"{run.percentile(0.99) * 1000:.1f} | {throughput:.2f} | "
                    f"{run.percentile(0.5) / floor_p50[workers]:.1f} | {peer} |",
                    flush=True,
                )
    finally:
        for _, server in servers.values():
            server.terminate()
            server.wait(timeout=60)
    print_side_by_side(throughputs, [name for name, *_ in plan], args.workers)


def print_side_by_side(
    throughputs: dict[tuple[str, int], float], runs: list[str], workers: list[int]
) -> None:
    """Requests per second of each run for each worker count, and each count's ratio to the first."""
    first = workers[0]
    print("\n| run | " + " | ".join(f"req/s, {n} worker{'s' * (n > 1)}" for n in workers), end="")
    print("".join(f" | {n} / {first}" for n in workers[1:]) + " |")
    print("| --- |" + " ---: |" * (2 * len(workers) - 1))
    for name in runs:
        cells = [f"{throughputs[name, n]:.2f}" for n in workers]
        cells += [f"{throughputs[name, n] / throughputs[name, first]:.2f}x" for n in workers[1:]]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
