"""Neutral roundups: newsbrief beside the lead baselines and sumy's LexRank on AllSides stories.

    python benchmarks/roundups.py [--stories benchmarks/data/roundups/roundups.jsonl] [--words 60]
        [--limit N] [--summaries FILE] [--matched]

Each story is one article lead from an outlet rated left, one center, one right; the reference
is the AllSides editors' neutral roundup (the NeuS data set, Lee et al., NAACL 2022). For every
system, at the same word budget, in one run:

- ROUGE-1/2/Lsum F1: ``newsbrief.evaluate.score_summary`` (rouge-score, Porter stemming; Lsum on
  one sentence per line by blingfire), as ``quality.py`` and ``newsbrief eval`` score.
- own voice: the share of the summary's sentences (blingfire's, for every system alike; a
  newsbrief line is one sentence or one joined quotation) that ``newsbrief.pipeline.voice``
  finds in an outlet's own voice outside quotation marks.
- framing bias: NeuS scores the emotional arousal (NRC-VAD) of the summary's words that the
  reference does not use. NRC-VAD's licence is for research only, so this uses VADER's
  lexicon instead (Hutto & Gilbert 2014, MIT licence, shipped in the ``vaderSentiment`` wheel):
  the summed absolute valence (0 to 4 each) of the summary's words that are not in the
  reference, per summary; lower is better. It measures how strongly charged the words are
  that a summary adds beyond the neutral reference, not arousal itself.

Systems: ``newsbrief --style S`` for each style in ``STYLES`` (``newsbrief.brief`` at ``--words``;
the default style first); ``lead (first article)``, the first
``--words`` words of the documents read in order (the first article, then the next);
``lead (round-robin)``, sentences taken in turn from each article's start (first sentence of
each, then the second of each, ...), cut at ``--words`` words; ``lexrank``, sumy's LexRank as
``speed.py`` runs it (blingfire tokenizer), ranked sentences cut at ``--words``; and, for the
own-voice and bias columns only, the ``reference`` itself. ``--summaries FILE`` also writes every
newsbrief summary, one JSON line per story and style (``{"system", "id", "lines"}``), so two
versions of the code can be compared summary by summary. ``--matched`` prints, instead of the
table, ROUGE of the default style beside the two leads cut, story by story, to the word count of
that story's newsbrief summary: how much of the margin over a lead is the words a whole-sentence
summary leaves unused.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from common import sentences_of  # benchmarks/ is on sys.path when this file is run
from newsbrief import Options, Story, brief, read_stories
from newsbrief.evaluate import score_summary
from newsbrief.model import STYLES
from newsbrief.pipeline.voice import own_voice
from speed import lexrank

DATA = Path(__file__).resolve().parent / "data" / "roundups" / "roundups.jsonl"
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def lead_first(max_words: int) -> Callable[[Story], str]:
    def run(story: Story) -> str:
        words = " ".join(article.text for article in story.articles).split()
        return " ".join(words[:max_words])

    return run


def lead_round_robin(max_words: int) -> Callable[[Story], str]:
    def run(story: Story) -> str:
        per_article = [sentences_of(article.text) for article in story.articles]
        turns = [
            sent
            for k in range(max(map(len, per_article)))
            for sents in per_article
            if k < len(sents)
            for sent in [sents[k]]
        ]
        words = " ".join(turns).split()
        return " ".join(words[:max_words])

    return run


def newsbrief_lines(max_words: int, style: str) -> Callable[[Story], list[str]]:
    options = Options(max_words=max_words, style=style)
    return lambda story: [line.text for line in brief(story, options).summary]


def split_after(system: Callable[[Story], str]) -> Callable[[Story], list[str]]:
    """A system whose summary is one string, returning the summary's sentences."""
    return lambda story: sentences_of(system(story))


def vader_valence() -> dict[str, float]:
    """VADER's lexicon: word -> absolute mean valence (0 to 4), from the file its wheel ships."""
    import vaderSentiment

    path = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    lexicon = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, valence, *_ = line.split("\t")
        lexicon[word] = abs(float(valence))
    return lexicon


def framing_bias(summary: str, reference: str, lexicon: dict[str, float]) -> float:
    """Summed |valence| of the summary's word occurrences that the reference does not use."""
    used = set(WORD.findall(reference.lower()))
    return sum(lexicon.get(word, 0.0) for word in WORD.findall(summary.lower()) if word not in used)


def systems(max_words: int) -> dict[str, Callable[[Story], list[str]]]:
    """Every system of the table by name, each at ``max_words``; the reference last."""
    return {
        **{
            f"newsbrief --style {style}" + (" (default)" if style == STYLES[0] else ""): newsbrief_lines(
                max_words, style
            )
            for style in STYLES
        },
        "lead (first article)": split_after(lead_first(max_words)),
        "lead (round-robin)": split_after(lead_round_robin(max_words)),
        "lexrank": split_after(lexrank(max_words)),
        "reference": lambda story: sentences_of(story.reference or ""),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=Path, default=DATA)
    parser.add_argument("--words", type=int, default=60)
    parser.add_argument("--limit", type=int, default=None, help="only the first N stories")
    parser.add_argument("--summaries", type=Path, default=None, help="write newsbrief's summaries here")
    parser.add_argument("--matched", action="store_true", help="the leads at newsbrief's own word counts")
    args = parser.parse_args()

    stories = [story for story in read_stories(args.stories) if story.reference][: args.limit]
    print(f"{len(stories)} stories, {args.words}-word budget\n")
    if args.matched:
        print_matched(stories, args.words)
        return
    if args.summaries is None:
        print_table(stories, systems(args.words))
        return
    with args.summaries.open("w", encoding="utf-8") as summaries:
        print_table(stories, systems(args.words), summaries)


def print_table(
    stories: list[Story],
    systems: dict[str, Callable[[Story], list[str]]],
    summaries: TextIO | None = None,
) -> None:
    """One Markdown row per system: ROUGE against each story's reference, words, own voice, bias;
    newsbrief's summaries written to ``summaries`` when given."""
    lexicon = vader_valence()
    print(
        "| system | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | words | own voice (sentences) | framing bias (VADER) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, system in systems.items():
        rouge, voiced, total, bias, words = [], 0, 0, [], []
        for story in stories:
            lines = system(story)
            if summaries is not None and name.startswith("newsbrief"):
                summaries.write(json.dumps({"system": name, "id": story.id, "lines": lines}) + "\n")
            summary = "\n".join(lines)
            reference = story.reference or ""
            if name != "reference":
                rouge.append(score_summary(reference, summary))
            voiced += sum(own_voice(line) is not None for line in lines)
            total += len(lines)
            bias.append(framing_bias(summary, reference, lexicon))
            words.append(len(summary.split()))
        scores = [f"{statistics.mean(r[k] for r in rouge):.3f}" for k in range(3)] if rouge else ["–"] * 3
        print(
            f"| {name} | {' | '.join(scores)} | {statistics.mean(words):.0f} "
            f"| {voiced / total:.2%} ({voiced}/{total}) | {statistics.mean(bias):.2f} |"
        )


def print_matched(stories: list[Story], max_words: int) -> None:
    """ROUGE of the default style and of each lead at the budget and at the summary's own length."""
    summarize = newsbrief_lines(max_words, STYLES[0])
    leads = {"lead (first article)": lead_first, "lead (round-robin)": lead_round_robin}
    scores: dict[str, list[tuple[float, float, float]]] = {f"newsbrief --style {STYLES[0]}": []}
    for name in leads:
        scores[f"{name}, {max_words} words"] = []
        scores[f"{name}, newsbrief's word count"] = []
    for story in stories:
        reference = story.reference or ""
        summary = "\n".join(summarize(story))
        used = len(summary.split())
        scores[f"newsbrief --style {STYLES[0]}"].append(score_summary(reference, summary))
        for name, lead in leads.items():
            scores[f"{name}, {max_words} words"].append(score_summary(reference, lead(max_words)(story)))
            scores[f"{name}, newsbrief's word count"].append(score_summary(reference, lead(used)(story)))
    print("| system | ROUGE-1 | ROUGE-2 | ROUGE-Lsum |")
    print("| --- | --- | --- | --- |")
    for name, rows in scores.items():
        print(
            f"| {name} | " + " | ".join(f"{statistics.mean(r[k] for r in rows):.4f}" for k in range(3)) + " |"
        )


if __name__ == "__main__":
    main()
