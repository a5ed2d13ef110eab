"""The one-story pipeline: sources in, a cited brief out, one stage per module.

ingest (and fetch) read sources into a Story; clean, segment, represent, align and select make
the cited summary; ``brief`` calls them in order and hands the articles to ``newsbrief.analysis``.
"""
