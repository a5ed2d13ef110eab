"""The online clusterer on real BASIL and AllSides articles."""

from __future__ import annotations

import dataclasses
import importlib
import itertools
import math
import socket
from pathlib import Path

import numpy as np
import pytest

import newsbrief
from newsbrief.analysis.similarity import load_wordllama
from newsbrief.errors import OptionError, SourceError
from newsbrief.model import Article, ClusterSettings
from newsbrief.pipeline.ingest import read_directory
from newsbrief.stream import Clusterer, Store, cluster, features
from newsbrief.stream.sources import read_articles

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "stream"


@pytest.fixture(scope="module")
def basil() -> list[Article]:
    return list(read_articles([str(FIXTURES / "basil-24.jsonl")]))


def event(key: str) -> str:
    """The BASIL event a fixture id embeds: basil-<event uuid>-<outlet>."""
    return key.removeprefix("basil-").rsplit("-", 1)[0]


def test_articles_of_one_event_join_and_no_story_mixes_events(basil: list[Article]) -> None:
    stories = cluster(basil)
    assert all(len({event(key) for key in story.articles}) == 1 for story in stories)
    three_outlets = [story for story in stories if len(story.outlets) == 3]
    assert three_outlets, "no event was linked across its three outlets"
    assert sum(len(story.articles) for story in stories) == len(basil)


def test_a_wire_copy_is_recorded_as_a_duplicate_in_its_original_story(basil: list[Article]) -> None:
    original = basil[0]
    copy = dataclasses.replace(original, id="wire-copy", outlet="Yahoo News", url="https://example.org/beck")
    clusterer = Clusterer()
    first = clusterer.add(original)
    assert clusterer.add(copy) == first
    story = next(story for story in clusterer.stories() if story.id == first)
    assert story.duplicates == (("wire-copy", original.id),)
    assert story.articles == (original.id, "wire-copy")


def test_an_article_is_scored_by_its_mean_cosine_to_the_story_members(basil: list[Article]) -> None:
    """Group-average link: a story's pull does not grow with its size (the centroid cosine did)."""
    clusterer = Clusterer()
    for article in newsbrief.stream.in_publication_order(basil):
        clusterer.add(article)
    records = list(clusterer.store.articles())
    vectors = {
        r.seq: dict(zip(np.frombuffer(r.terms, np.int64), np.frombuffer(r.weights, np.float64), strict=True))
        for r in records
    }
    checked = 0
    for record in records:
        earlier = [r for r in records if r.seq < record.seq and r.story == record.story]
        if len(earlier) < 2 or record.duplicate_of is not None or any(r.duplicate_of for r in earlier):
            continue
        cosines = [
            sum(w * vectors[r.seq].get(t, 0.0) for t, w in vectors[record.seq].items()) for r in earlier
        ]
        gap_days = abs(record.time - max(r.time for r in earlier)) / 86_400.0
        expected = sum(cosines) / len(cosines) * math.exp(-gap_days / clusterer.settings.decay_days)
        assert record.similarity == pytest.approx(expected, rel=1e-9)
        checked += 1
    assert checked, "no article joined a story of two or more members"


def test_adding_an_article_again_changes_nothing(basil: list[Article]) -> None:
    clusterer = Clusterer()
    joined = [clusterer.add(article) for article in basil]
    before = clusterer.stories()
    assert [clusterer.add(article) for article in basil] == [
        next(story.id for story in before if article.id in story.articles) for article in basil
    ]
    assert clusterer.stories() == before
    assert joined[0] == before[0].id


def test_adding_in_batches_gives_what_adding_one_at_a_time_gives(
    basil: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    """add_all featurizes batches ahead (here of 5, so batches end mid-stream); nothing may change."""
    monkeypatch.setattr(importlib.import_module("newsbrief.stream.cluster"), "_BATCH", 5)
    ordered = newsbrief.stream.in_publication_order(basil)
    one_by_one, batched = Clusterer(), Clusterer()
    joined = [one_by_one.add(article) for article in ordered]
    assert list(batched.add_all([*ordered, ordered[3]])) == [*joined, joined[3]]
    assert batched.stories() == one_by_one.stories()
    assert list(batched.store.articles()) == list(one_by_one.store.articles())


def test_the_postings_give_every_open_storys_dot_product_as_stories_go_dormant(
    basil: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing a dormant story unlinks its entries from the postings and the hash tables; every
    dot product must still be the sum over the article's terms, in their order, bit for bit
    (here over the number of member vectors, the mean cosine the scorer uses)."""
    monkeypatch.setattr(importlib.import_module("newsbrief.stream.cluster"), "_SWEEP_EVERY", 2)
    clusterer = Clusterer()
    dormant = 0
    for article in newsbrief.stream.in_publication_order(basil):
        clusterer.add(article)
        index = clusterer._index["en"]
        centroids = {
            sid: clusterer._centroid(story)
            for sid, story in clusterer._stories.items()
            if story.closed is None
        }
        dormant = max(dormant, len(clusterer._stories) - len(centroids))
        seen = clusterer._seen[-1]
        slots, cosines, _ = index.near_dots(np.array(seen.terms), np.array(seen.weights), 0.0, math.inf)
        found = dict(zip(index.story[slots].tolist(), cosines.tolist(), strict=True))
        expected = {
            sid: sum(
                weight * centroid[term]
                for term, weight in zip(seen.terms, seen.weights, strict=True)
                if term in centroid
            )
            / index.vectors[index.slot_of[sid]]
            for sid, centroid in centroids.items()
            if not centroid.keys().isdisjoint(seen.terms)
        }
        assert found == expected
    assert dormant, "no story went dormant: the closing of postings was not exercised"


def test_one_story_is_reported_as_stories_reports_it(basil: list[Article]) -> None:
    """``story(id)`` (``watch`` reads the stories a round touched) is the story ``stories`` lists."""
    clusterer = Clusterer()
    returned = list(clusterer.add_all(basil))
    listed = {story.id: story for story in clusterer.stories()}
    assert {story_id: clusterer.story(story_id) for story_id in returned} == {
        story_id: listed[story_id] for story_id in returned
    }
    for unknown in ("s999", "999", "s", "s-1"):
        # issue api: 's999' was KeyError(999), the number inside, where an integrator looks for the id
        with pytest.raises(KeyError) as error:
            clusterer.story(unknown)
        assert error.value.args == (unknown,)


def test_same_key_with_other_text_is_an_error_naming_both(basil: list[Article]) -> None:
    clusterer = Clusterer()
    clusterer.add(dataclasses.replace(basil[0], source="a.jsonl line 1"))
    changed = dataclasses.replace(basil[1], id=basil[0].id, source="b.jsonl line 7")
    with pytest.raises(SourceError, match=r"b\.jsonl line 7 .*a\.jsonl line 1"):
        clusterer.add(changed)
    assert [story.articles for story in clusterer.stories()] == [(basil[0].id,)]


def test_key_is_the_url_then_a_text_hash_when_there_is_no_id(basil: list[Article]) -> None:
    by_url = dataclasses.replace(basil[0], id="", url="https://www.foxnews.com/beck")
    by_text = dataclasses.replace(basil[3], id="", url=None)
    stories = cluster([by_url, by_text])
    keys = [key for story in stories for key in story.articles]
    assert "https://www.foxnews.com/beck" in keys
    assert any(key.startswith("sha256:") for key in keys)


def test_story_reports_outlets_dates_title_and_keywords(basil: list[Article]) -> None:
    story = max(cluster(basil), key=lambda story: (len(story.articles), story.id))
    members = [article for article in basil if article.id in story.articles]
    assert story.title in {article.title for article in members}
    assert set(story.outlets) == {article.outlet for article in members}
    assert story.first_published == min(article.published or "" for article in members)
    assert story.keywords and all(word == word.lower() for word in story.keywords)


def test_issue_cli_a_storys_dates_are_iso_8601_in_order_and_never_a_non_date(basil: list[Article]) -> None:
    """A story dated "2010-02-21" by one record and "Sat, 20 Feb 2010 23:00:00 -0500" by a feed
    read as if its last article came a day before its first; "yesterday" was a story's date."""
    story = next(story for story in cluster(basil) if len(story.articles) == 3)
    first, second, third = (article for article in basil if article.id in story.articles)
    dated = [
        dataclasses.replace(first, published="2010-02-21"),
        dataclasses.replace(second, published="Sat, 20 Feb 2010 23:00:00 -0500"),
        dataclasses.replace(third, published="yesterday"),
    ]
    (story,) = [story for story in cluster(dated) if first.id in story.articles]
    assert (story.first_published, story.last_published) == ("2010-02-21", "2010-02-21T04:00:00+00:00")
    undated = [dataclasses.replace(article, published="2010-02-31") for article in dated]
    assert {(story.first_published, story.last_published) for story in cluster(undated)} == {(None, None)}


def test_story_titles_and_keywords_are_those_of_the_centroids_dict(
    basil: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report reads its centroid through ``kernels.centroid_dots``: the title and keywords are
    those the Python it replaced chose from a dict of the centroid (closest titled member, the
    earliest on a tie; heaviest title stems, in their most common spelling, the first alphabetically
    on a tie), for open and dormant stories alike."""
    monkeypatch.setattr(importlib.import_module("newsbrief.stream.cluster"), "_SWEEP_EVERY", 2)
    clusterer = Clusterer(settings=ClusterSettings(window_days=0.5))
    for _ in clusterer.add_all(newsbrief.stream.in_publication_order(basil)):
        pass
    stories = {story.id: story for story in clusterer.stories()}
    assert any(story.closed is not None for story in clusterer._stories.values())
    assert any(len(story.members) > 1 for story in clusterer._stories.values())
    for story_id, story in clusterer._stories.items():
        centroid = clusterer._centroid(story)
        members = [clusterer._seen[seq - 1] for seq in story.members]
        titled = [(position, seen) for position, seen in enumerate(members) if seen.article.title]
        closeness = {
            position: sum(
                w * centroid.get(t, 0.0)
                for t, w in zip(seen.terms.tolist(), seen.weights.tolist(), strict=True)
            )
            for position, seen in titled
        }
        title = (
            max(titled, key=lambda item: (closeness[item[0]], -item[0]))[1].article.title if titled else ""
        )
        weight: dict[int, float] = {}
        spellings: dict[int, dict[str, int]] = {}
        for seen in members:
            for term, written in zip(seen.title_words[0], seen.title_words[1].split(), strict=True):
                weight[term] = centroid.get(term, 0.0)
                word = written.removesuffix("'s").removesuffix("’s")  # the possessive left off
                spellings.setdefault(term, {})[word] = spellings.get(term, {}).get(word, 0) + 1
        best = sorted(weight, key=lambda term: (-weight[term], term))[:5]
        keywords = tuple(max(sorted(spellings[t]), key=lambda word: spellings[t][word]) for t in best)
        report = stories[f"s{story_id}"]
        assert (report.title, report.keywords) == (title, keywords)


# Two real AllSides leads on weekly jobless claims, a week apart: the figures tell them apart.
CLAIMS = "Data released Thursday showed {} Americans filed first-time jobless claims in the week ended"


def test_figures_are_terms_that_tell_weekly_reports_apart() -> None:
    settings = ClusterSettings()
    found = features.features(
        [("", CLAIMS.format("719,000")), ("", CLAIMS.format("885,000")), ("", CLAIMS.format("719,000"))],
        settings,
    )
    march, december, again = (
        set(found.terms[start:end].tolist()) for start, end in itertools.pairwise(found.starts.tolist())
    )
    assert march != december
    assert march == again


def test_a_word_pair_weighs_pair_weight_of_a_word() -> None:
    found = features.features([("", "Jobless claims")], ClusterSettings(pair_weight=0.25))
    assert sorted(found.weights.tolist()) == [0.25, 1.0, 1.0]


def test_a_batch_sums_each_articles_weights_in_title_then_lead_order() -> None:
    """Title words weigh ``title_weight``, inner capitals ``entity_weight`` more; articles stay apart."""
    settings = ClusterSettings(title_weight=3.0, entity_weight=2.0, pair_weight=0.5)
    found = features.features([("Claims rise", "Jobless claims rise, Labor says"), ("", "")], settings)
    assert found.starts.tolist() == [0, len(found.terms), len(found.terms)]
    weight = dict(zip(found.terms.tolist(), found.weights.tolist(), strict=True))
    singles = {
        word: weight.pop(features._term(word)) for word in ("claims", "rise", "jobless", "labor", "says")
    }
    # "claims" and "rise": 3 in the title, 1 in the lead; "Labor" is capitalised inside a sentence
    assert singles == {"claims": 4.0, "rise": 4.0, "jobless": 1.0, "labor": 2.0, "says": 1.0}
    # pairs: "claims rise" in the title (1.5) and the lead (0.5); jobless-claims, rise-labor, labor-says
    assert sorted(weight.values()) == [0.5, 0.5, 0.5, 2.0]


def test_two_stories_naming_one_senator_in_one_week_stay_apart() -> None:
    """Names weigh as other words (``entity_weight`` 1, chosen by cross-validation): two AllSides
    stories of one week on McConnell (the $2,000 stimulus checks; backing Trump in 2024) share his
    name, not the event, and stay two stories; with names weighed twice they were joined."""
    context = list(read_articles([str(FIXTURES / "allsides-30.jsonl")]))
    mcconnell = list(read_articles([str(FIXTURES / "allsides-mcconnell.jsonl")]))

    def stories_of(settings: ClusterSettings) -> list[set[str]]:
        keys = {article.id for article in mcconnell}
        return [
            {key.rsplit("-", 1)[0] for key in story.articles if key in keys}
            for story in cluster(context + mcconnell, settings=settings)
            if keys & set(story.articles)
        ]

    assert stories_of(ClusterSettings()) == [{"probe-2252"}, {"probe-1968"}]
    assert stories_of(ClusterSettings(entity_weight=2.0)) == [{"probe-2252", "probe-1968"}]


def test_keywords_are_words_not_figures() -> None:
    titles = (
        "719,000 Americans file for first-time unemployment benefits",
        "U.S. jobless claims rise to 719K",
    )
    articles = [
        Article(id=f"a{n}", outlet="x", title=title, url=None, published=None, text=CLAIMS.format("719,000"))
        for n, title in enumerate(titles)
    ]
    (story,) = cluster(articles)
    assert story.keywords and not any(word.isdigit() for word in story.keywords)


@pytest.mark.parametrize(
    "field, value",
    [
        ("threshold", 0.0),
        ("threshold", 1.5),
        ("window_days", -1.0),
        ("window_days", float("inf")),
        ("window_days", 3651.0),
        ("decay_days", float("inf")),
        ("lead_words", 0),
        ("pair_weight", 0.0),
    ],
)
def test_settings_out_of_range_are_refused(field: str, value: float) -> None:
    with pytest.raises(OptionError, match=field):
        ClusterSettings(**{field: value})


def test_cluster_and_clusterer_are_public() -> None:
    assert {"cluster", "Clusterer", "StreamStory", "ClusterSettings"} <= set(newsbrief.__all__)
    assert newsbrief.cluster is cluster


def test_dense_embeddings_load_from_the_wheel_without_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("wordllama tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    load_wordllama.cache_clear()
    features.embed.cache_clear()
    vector = features.embed("Trump slams John Kerry", "President Trump on Monday slammed John Kerry.")
    assert vector.shape == (features.DENSE_DIMENSIONS,)
    assert abs(float(vector @ vector) - 1.0) < 1e-5


def test_dense_clustering_keeps_events_apart_and_resumes_from_its_store(
    basil: list[Article], tmp_path: Path
) -> None:
    settings = ClusterSettings(dense=True, threshold=0.35)
    stories = cluster(basil, settings=settings)
    assert all(len({event(key) for key in story.articles}) == 1 for story in stories)
    assert any(len(story.outlets) == 3 for story in stories)
    first = Clusterer(Store(tmp_path / "x.sqlite"), settings=settings)
    for article in basil[:10]:
        first.add(article)
    first.close()
    features.embed.cache_clear()  # the reopened store replays the stored embeddings, not the cache
    second = Clusterer(Store(tmp_path / "x.sqlite"), settings=settings)
    for article in basil:
        second.add(article)
    assert second.stories() == stories
    second.close()


def test_a_story_keyword_is_a_name_not_its_possessive() -> None:
    """BASIL's three reports of Adam Schiff's demand (Fox, HuffPost, NYT) named the story
    "schiff's": a keyword's spelling leaves the possessive off, and counts "Schiff" and "Schiff's"
    as one."""
    basil = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "stream" / "basil.jsonl"
    event = "basil-b7021938-ff8d-42ea-adec-5704c0b65237"
    articles = [article for article in read_articles([str(basil)]) if article.id.startswith(event)]
    assert len(articles) == 3 and any("Schiff’s" in a.title or "Schiff's" in a.title for a in articles)
    (story,) = cluster(articles)
    assert "schiff" in story.keywords
    assert not any(keyword.endswith(("'s", "’s")) for keyword in story.keywords)


def test_a_stream_record_that_is_not_an_object_says_what_it_is(tmp_path: Path) -> None:
    """It said 'expected a JSON object' where the one-story reader says '(got array)'."""
    stream = tmp_path / "stream.jsonl"
    stream.write_text('["Aleppo is encircled."]\n', encoding="utf-8")
    with pytest.raises(SourceError, match=r"line 1: expected a JSON object \(got array\)$"):
        list(read_articles([str(stream)]))


def test_a_story_of_articles_without_headlines_takes_keywords_from_their_openings(aleppo_dir: Path) -> None:
    """Plain text files have no headline: their story had no title and no keywords, so a list of
    stories named nothing; its keywords now come from the words the articles open with."""
    untitled = [article for article in read_directory(aleppo_dir).articles if not article.title]
    assert len(untitled) == 2
    (story,) = cluster(untitled)
    assert story.title == ""
    assert len(story.keywords) == 5 and "aleppo" in story.keywords
    openings = " ".join(" ".join(article.text.split()[:25]) for article in untitled).lower()
    assert all(keyword in openings for keyword in story.keywords)
