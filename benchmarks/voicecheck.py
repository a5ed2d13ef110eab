"""The voice detector against the hand check: precision and recall on sentences labelled by hand.

    python benchmarks/voicecheck.py [--check benchmarks/data/roundups/voice-check.jsonl]
        [--summaries [FILE]] [--census [--flagged FILE]]

Each line of a check is one sentence with ``own_voice`` (true when, read by hand, the outlet
speaks for itself outside quotations). The default check is 50 sentences of the roundups'
documents, 25 drawn from the sentences ``newsbrief.pipeline.voice.own_voice`` flagged when it was
first written and 25 from the rest; ``data/roundups/unflagged-voice-check.jsonl`` (pass it as
``--check``) is 100 drawn at random from the document sentences it did not flag at ``09b8bbe``.
Prints the share a person found (with its 95% Wilson interval), the precision and recall of
``own_voice`` now, and every sentence it gets wrong. A sample seen while fixing the detector
flatters it. ``--summaries`` does the same for the lines the neutral style selected on the
roundups (``data/roundups/summary-voice-check.jsonl``: 200 drawn at random, seeds 2026 to 2035, from one
run's lines, per ``sample``, the code that selected them): the share of summary lines in an
outlet's own voice counted by a person, not by the detector. ``--census``
also counts, by reason, the sentences (blingfire's) of every roundup and Multi-News document that
the detector finds in an outlet's own voice, and writes each flagged sentence to ``--flagged``
when given, so that two versions of the detector can be compared sentence by sentence.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from pathlib import Path

from common import sentences_of  # benchmarks/ is on sys.path when run
from newsbrief.pipeline.voice import own_voice

DATA = Path(__file__).resolve().parent / "data"
CHECK = DATA / "roundups" / "voice-check.jsonl"
SUMMARIES = DATA / "roundups" / "summary-voice-check.jsonl"
DOCUMENTS = {"roundups": DATA / "roundups" / "roundups.jsonl", "Multi-News": DATA / "clusters.jsonl"}


def read_check(path: Path) -> list[dict[str, object]]:
    """The labelled sentences of a check file, one JSON object a line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def census(flagged: Path | None) -> None:
    """Per data set, how many document sentences ``own_voice`` flags, by reason."""
    found = []
    for name, path in DOCUMENTS.items():
        reasons: Counter[str] = Counter()
        sentences = 0
        for line in path.read_text(encoding="utf-8").splitlines():
            for document in json.loads(line)["documents"]:
                for sentence in sentences_of(document):
                    sentences += 1
                    reason = own_voice(sentence)
                    if reason is not None:
                        reasons[reason] += 1
                        found.append({"set": name, "reason": reason, "text": sentence})
        by_reason = ", ".join(f"{reason} {count}" for reason, count in sorted(reasons.items()))
        print(f"{name}: {reasons.total()} of {sentences} sentences flagged ({by_reason})")
    if flagged is not None:
        flagged.write_text("".join(json.dumps(row) + "\n" for row in found), encoding="utf-8")


def wilson(successes: int, trials: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a proportion (95% at z = 1.96): unlike the normal
    approximation it stays inside [0, 1] and is not empty when a sample has no success."""
    share = successes / trials
    centre = (share + z * z / (2 * trials)) / (1 + z * z / trials)
    spread = (
        z * math.sqrt(share * (1 - share) / trials + z * z / (4 * trials * trials)) / (1 + z * z / trials)
    )
    return centre - spread, centre + spread


def ratio(part: int, whole: int) -> str:
    """``part / whole`` to two decimals with its counts, or "n/a" when there is nothing to divide."""
    return f"{part / whole:.2f} ({part}/{whole})" if whole else f"n/a ({part}/{whole})"


def report(rows: list[dict[str, object]], title: str) -> None:
    """The share of ``rows`` a person found in an outlet's own voice, with its Wilson interval,
    and ``own_voice``'s precision and recall on them, after every sentence it gets wrong."""
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for row in rows:
        verdict = own_voice(str(row["text"]))
        key = ("t" if (verdict is not None) == row["own_voice"] else "f") + ("p" if verdict else "n")
        counts[key] += 1
        if key in {"fp", "fn"}:
            print(f"{key.upper()} ({verdict or 'not flagged'}): {row['text']}")
    flagged, voiced = counts["tp"] + counts["fp"], counts["tp"] + counts["fn"]
    low, high = wilson(voiced, len(rows))
    print(
        f"{title}: {voiced} of {len(rows)} in an outlet's own voice by hand, {voiced / len(rows):.1%} "
        f"(95% Wilson interval {low:.1%} to {high:.1%}); detector precision {ratio(counts['tp'], flagged)}, "
        f"recall {ratio(counts['tp'], voiced)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", type=Path, default=CHECK)
    parser.add_argument(
        "--summaries", type=Path, nargs="?", const=SUMMARIES, default=None, help="the summary lines' check"
    )
    parser.add_argument("--census", action="store_true", help="count flags over every document sentence")
    parser.add_argument("--flagged", type=Path, default=None, help="with --census, write the flagged here")
    args = parser.parse_args()

    report(read_check(args.check), args.check.name)
    if args.summaries is not None:
        rows = read_check(args.summaries)
        for sample in sorted({str(row.get("sample", "")) for row in rows}):
            report([row for row in rows if str(row.get("sample", "")) == sample], f"summary lines ({sample})")
    if args.census:
        census(args.flagged)


if __name__ == "__main__":
    main()
