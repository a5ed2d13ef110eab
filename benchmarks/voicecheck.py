"""The voice detector against the hand check: precision and recall on 50 labelled sentences.

    python benchmarks/voicecheck.py [--check benchmarks/data/roundups/voice-check.jsonl] [--census]

Each line of the check is one sentence of the roundups' documents with ``own_voice`` (true when,
read by hand, the outlet speaks for itself outside quotations); 25 were drawn from the sentences
``newsbrief.pipeline.voice.own_voice`` flagged when it was first written and 25 from the rest.
Prints the counts, precision and recall of ``own_voice`` now, and every sentence it gets wrong.
The sample has been seen while fixing the detector, so these figures flatter it. ``--census``
also counts, by reason, the sentences (blingfire's) of every roundup and Multi-News document that
the detector finds in an outlet's own voice, and writes each flagged sentence to ``--flagged``
when given, so that two versions of the detector can be compared sentence by sentence.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from common import sentences_of  # benchmarks/ is on sys.path when run
from newsbrief.pipeline.voice import own_voice

DATA = Path(__file__).resolve().parent / "data"
CHECK = DATA / "roundups" / "voice-check.jsonl"
DOCUMENTS = {"roundups": DATA / "roundups" / "roundups.jsonl", "Multi-News": DATA / "clusters.jsonl"}


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", type=Path, default=CHECK)
    parser.add_argument("--census", action="store_true", help="count flags over every document sentence")
    parser.add_argument("--flagged", type=Path, default=None, help="with --census, write the flagged here")
    args = parser.parse_args()

    rows = [json.loads(line) for line in args.check.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for row in rows:
        verdict = own_voice(row["text"])
        key = ("t" if (verdict is not None) == row["own_voice"] else "f") + ("p" if verdict else "n")
        counts[key] += 1
        if key in {"fp", "fn"}:
            print(f"{key.upper()} ({verdict or 'not flagged'}): {row['text']}")
    flagged, voiced = counts["tp"] + counts["fp"], counts["tp"] + counts["fn"]
    print(
        f"{len(rows)} sentences: precision {counts['tp'] / flagged:.2f} ({counts['tp']}/{flagged}), "
        f"recall {counts['tp'] / voiced:.2f} ({counts['tp']}/{voiced})"
    )
    if args.census:
        census(args.flagged)


if __name__ == "__main__":
    main()
