"""Disputed claims as the product finds them, against hand verdicts.

    python benchmarks/disputes.py [--set dev|roundups] [--limit N]

``dev`` (the default) is the 100 BASIL triples (``data/stream/basil.jsonl``) and the 40
Multi-News stories (``data/clusters.jsonl``); ``roundups`` is the 2,130 AllSides stories of three
leads each (``data/roundups/roundups.jsonl``), which the rules were not written on. Every dispute
``find_disputes`` shows is printed with its claim, its denial and what the denial denies, and with
the verdict given by hand in ``disputes-check.json`` when there is one: true when the denying
sentence calls false (denies, disputes) what the claim sentence states, false otherwise (the cue
word in another sense, a claim sentence that is itself a denial, or a claim about something
else). The count of true, false and unjudged disputes follows; precision is over the judged.

Recall: ``disputes-recall.json`` lists, read by hand, every sentence of either set that
``find_disputes`` takes for a denial (a cue word in its sense), whether it calls false a
particular claim, and whether another outlet of its story states that claim (with the sentence
that does). Recall is the share of those with a claim stated elsewhere that are shown with a
claim judged true.
"""

from __future__ import annotations

import argparse
import collections
import json
from collections.abc import Iterator
from pathlib import Path

from common import basil_article, document_articles  # benchmarks/ is on sys.path when run
from newsbrief import Article, Options, Story, brief
from newsbrief.model import DisputedClaim

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
CHECK = HERE / "disputes-check.json"
RECALL = HERE / "disputes-recall.json"
KEY_CHARS = 60


def dev_stories() -> Iterator[tuple[str, tuple[Article, ...]]]:
    """The 100 BASIL triples (ids by story's first 8 characters) and the 40 Multi-News stories."""
    by_story: dict[str, list[dict[str, str]]] = collections.defaultdict(list)
    for line in (DATA / "stream" / "basil.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        by_story[record["story"]].append(record)
    for story_id, records in by_story.items():
        yield story_id[:8], tuple(basil_article(record) for record in records)
    for line in (DATA / "clusters.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        yield record["id"], document_articles(record["documents"])


def roundup_stories() -> Iterator[tuple[str, tuple[Article, ...]]]:
    """The AllSides stories, each lead an article d1, d2, d3."""
    for line in (DATA / "roundups" / "roundups.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        yield record["id"], document_articles(record["documents"])


def key(story_id: str, dispute: DisputedClaim) -> tuple[str, str, str]:
    """A dispute's key in the verdict file: the story and the openings of claim and denial."""
    return story_id, dispute.claim.text[:KEY_CHARS], dispute.dispute.text[:KEY_CHARS]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=("dev", "roundups"), default="dev")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    verdicts = {
        (entry["story"], entry["claim"], entry["dispute"]): entry
        for entry in json.loads(CHECK.read_text(encoding="utf-8"))["disputes"]
    }
    stories = dev_stories() if args.set == "dev" else roundup_stories()
    counts: collections.Counter[str] = collections.Counter()
    shown_true: set[tuple[str, str]] = set()
    options = Options(analyses=("figures",))  # the disputes run with the figures analysis
    for n, (story_id, articles) in enumerate(stories):
        if args.limit is not None and n >= args.limit:
            break
        if len(articles) < 2:
            continue
        for dispute in brief(Story(articles=articles), options).analysis.disputes:
            entry = verdicts.get(key(story_id, dispute))
            verdict = "unjudged" if entry is None else ("true" if entry["verdict"] else "false")
            counts[verdict] += 1
            if verdict == "true":
                shown_true.add((story_id, dispute.dispute.text[:KEY_CHARS]))
            print(f"{story_id} [{verdict}] cue {dispute.cue!r}, {dispute.compared}")
            print(f"  claim  {dispute.claim.article_id}: {dispute.claim.text}")
            print(f"  denial {dispute.dispute.article_id}: {dispute.dispute.text}")
            if dispute.disputed != dispute.dispute:
                print(f"  of     {dispute.disputed.text}")
            if entry is not None:
                print(f"  why    {entry['why']}")
    judged = counts["true"] + counts["false"]
    precision = f"{counts['true'] / judged:.2f}" if judged else "-"
    print(
        f"\n{sum(counts.values())} disputes: {counts['true']} true, {counts['false']} false, "
        f"{counts['unjudged']} unjudged; precision over the judged {precision}"
    )
    if args.limit is None:
        report_recall(args.set, shown_true)


def report_recall(name: str, shown_true: set[tuple[str, str]]) -> None:
    """Print how many of the set's denials whose claim another outlet states (by hand) are shown
    with a claim judged true, and list those that are not."""
    entries = json.loads(RECALL.read_text(encoding="utf-8"))["denials"]
    denials = [entry for entry in entries if entry["set"] == name]
    claimed = [entry for entry in denials if entry["stated_elsewhere"]]
    missed = [entry for entry in claimed if (entry["story"], entry["denial"]) not in shown_true]
    found = len(claimed) - len(missed)
    of_claims = sum(1 for entry in denials if entry["denies_a_claim"])
    print(
        f"recall: {found} of {len(claimed)} denials whose claim another outlet states are shown with "
        f"a true claim ({found / len(claimed):.2f}); {len(denials)} denials read, {of_claims} deny a "
        "particular claim"
    )
    for entry in missed:
        print(
            f"  missed {entry['story']}: {entry['denial']}... | claim {entry['claim_article']}: {entry['claim']}"
        )


if __name__ == "__main__":
    main()
