"""The conflict stage's CPU time against ``brief()`` with every analysis, on the 40 Multi-News
stories of 1,800 to 2,300 words (nine of them), with and without round 10's event class by meaning.

Run: ``taskset -c 1 python benchmarks/conflicts_time.py`` (a minute). Prints the word vectors'
load time (once per process), then per story the median of three CPU times of ``brief()`` with
every analysis and of ``find_conflicts`` with ``EVENT_MIN`` off and on, the vectors already loaded.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from conflicts import load_stories
from newsbrief import Options, Story, brief
from newsbrief.analysis import conflicts as conflict_rules
from newsbrief.analysis.conflicts import find_conflicts
from newsbrief.analysis.entities import find_entities, names_of
from newsbrief.analysis.figures import find_figures
from newsbrief.analysis.nlp import parse
from newsbrief.analysis.wordvectors import load_word_vectors
from newsbrief.model import ANALYSES
from newsbrief.pipeline.align import align, similarity_matrix
from newsbrief.pipeline.represent import represent
from newsbrief.pipeline.segment import segment

WORDS = (1800, 2300)


def _cpu(run: Callable[[], object]) -> float:
    """The median of three CPU times of ``run``, in seconds."""
    times = []
    for _ in range(3):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> int:
    start = time.perf_counter()
    load_word_vectors()
    print(f"word vectors loaded in {time.perf_counter() - start:.2f} s wall (once per process)")
    kept = conflict_rules.EVENT_MIN
    for story_id, articles in load_stories():
        words = sum(len(article.text.split()) for article in articles)
        if not WORDS[0] <= words <= WORDS[1]:
            continue
        story = Story(articles=articles, id=story_id)
        whole = _cpu(lambda: brief(story, Options(analyses=ANALYSES)))  # noqa: B023
        docs = list(parse(articles))
        sentences = tuple(sent for article in articles for sent in segment(article))
        figures = find_figures(articles, docs, sentences, names_of(find_entities(articles, docs)))
        facts = align(sentences, similarity_matrix(represent(sentences)))
        stage = {}
        for value in (None, kept):
            conflict_rules.EVENT_MIN = value
            stage[value] = _cpu(lambda: find_conflicts(figures, articles=articles, facts=facts))  # noqa: B023
        conflict_rules.EVENT_MIN = kept
        print(
            f"{story_id} ({words} words): brief {whole * 1000:.0f} ms; conflicts without the event class "
            f"by meaning {stage[None] * 1000:.1f} ms, with it {stage[kept] * 1000:.1f} ms "
            f"({stage[kept] / whole:.1%} of the brief)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
