"""The documentation's relative links lead somewhere: every file exists and every #anchor is a heading.

The README is a front page and the detail lives in docs/ (the long explanations, and the history of
every measurement round in docs/history/), so most of what a reader follows is a relative link; a
section moved without its links mended would send them to nothing, which GitHub shows silently.

The README's three briefs of the Aleppo example are checked against the command that makes each,
byte for byte, so that a change to the pipeline cannot leave the front page showing old output.
"""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import typer.main
from typer.testing import CliRunner

from newsbrief.cli import app

ROOT = Path(__file__).resolve().parents[1]
HISTORY = ROOT / "docs" / "history"
README = ROOT / "README.md"
BENCHMARKS = ROOT / "benchmarks"

# [text](target) or ![alt](target), the target without spaces, an optional "title" after it.
_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_FENCE = re.compile(r"^(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def _documents() -> list[Path]:
    """The Markdown files whose links are checked: the README, all of docs/, the benchmarks' README."""
    return [ROOT / "README.md", ROOT / "benchmarks" / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def _lines_outside_fences(path: Path) -> list[str]:
    """The file's lines outside fenced code blocks, as written."""
    lines: list[str] = []
    in_fence = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if _FENCE.match(line.lstrip()):
            in_fence = not in_fence
            continue
        if not in_fence:
            lines.append(line)
    return lines


def _prose_lines(path: Path) -> list[str]:
    """The file's lines outside fenced code blocks, code spans blanked (links there are examples)."""
    return [_CODE_SPAN.sub("", line) for line in _lines_outside_fences(path)]


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, each space a hyphen.

    Link text in the heading counts by its text; word characters (any script), hyphens and
    underscores stay, as GitHub's own slugger keeps them.
    """
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).lower()
    return "".join(char for char in text if char.isalnum() or char in "-_ ").replace(" ", "-")


@cache
def anchors(path: Path) -> frozenset[str]:
    """Every anchor of a Markdown file's headings; a repeated heading gets -1, -2, ... as on GitHub.

    A heading's code spans count by their text, as on GitHub: "### `quality.py`" is #qualitypy.
    """
    seen: dict[str, int] = {}
    found: set[str] = set()
    for line in _lines_outside_fences(path):
        match = _HEADING.match(line)
        if not match:
            continue
        slug = github_slug(match.group(2))
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        found.add(slug if count == 0 else f"{slug}-{count}")
    return frozenset(found)


def relative_links(path: Path) -> list[str]:
    """The targets of a file's links that point inside the repository (no scheme, no mail)."""
    prose = "\n".join(_prose_lines(path))  # a link's text may wrap onto the next line
    return [target for target in _LINK.findall(prose) if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target)]


def _shown(path: Path) -> str:
    """A path as the failure names it: relative to the repository when it is inside."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def broken_link(source: Path, target: str) -> str | None:
    """Why a link from source to target leads nowhere, or None when its file and anchor exist."""
    file_part, _, anchor = target.partition("#")
    destination = (source.parent / unquote(file_part)).resolve() if file_part else source
    if not destination.exists():
        return f"{_shown(source)}: {target}: no such file"
    if anchor and destination.suffix == ".md" and unquote(anchor) not in anchors(destination):
        return f"{_shown(source)}: {target}: no heading #{anchor} in {destination.name}"
    return None


def test_the_slug_follows_githubs_rules() -> None:
    assert github_slug("Install, run, test") == "install-run-test"
    assert github_slug("The neutral style (the default) and the extract style") == (
        "the-neutral-style-the-default-and-the-extract-style"
    )
    assert github_slug("Scaling out on Dask") == "scaling-out-on-dask"
    assert github_slug("`watch` speed: p99 ≤ 50 ms") == "watch-speed-p99--50-ms"


@pytest.mark.parametrize("document", _documents(), ids=lambda path: str(path.relative_to(ROOT)))
def test_every_relative_link_leads_to_a_file_and_heading(document: Path) -> None:
    problems = [problem for target in relative_links(document) if (problem := broken_link(document, target))]
    assert problems == []


def test_the_checker_sees_a_broken_link(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# Title\n\n[here](#title) [gone](#nowhere) [file](missing.md) [wrapped\ntext](#no-such)\n"
        "```\n[x](y.md)\n```\n`[z](z.md)`\n"
    )
    found = [problem for target in relative_links(page) if (problem := broken_link(page, target))]
    assert len(found) == 3


def test_a_heading_in_code_has_the_anchor_github_gives_it(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Scripts\n\n### `quality.py`\n\n[the script](#qualitypy)\n")
    assert "qualitypy" in anchors(page)
    assert [problem for target in relative_links(page) if (problem := broken_link(page, target))] == []


def test_every_history_file_is_in_the_index() -> None:
    index = HISTORY / "README.md"
    assert index.exists(), "docs/history/README.md, the index of the history files, is missing"
    listed = {(index.parent / target.partition("#")[0]).resolve() for target in relative_links(index)}
    files = {path.resolve() for path in HISTORY.rglob("*.md") if path != index}
    assert sorted(str(path.relative_to(ROOT)) for path in files - listed) == []


def test_every_benchmark_script_has_its_entry_in_the_benchmarks_readme() -> None:
    """A script a reader can run gets a heading of its own in benchmarks/README.md (what it measures,
    the command, its options and data follow it); a module the scripts share is named there."""
    text = (BENCHMARKS / "README.md").read_text(encoding="utf-8")
    headed = set(re.findall(r"^#{2,6} `(\w+\.py)`$", text, re.MULTILINE))
    scripts = {
        path.name for path in BENCHMARKS.glob("*.py") if 'if __name__ == "__main__":' in path.read_text()
    }
    modules = {path.name for path in BENCHMARKS.glob("*.py")} - scripts
    assert sorted(scripts - headed) == [], "benchmark scripts without a heading in benchmarks/README.md"
    assert sorted(name for name in modules if f"`{name}`" not in text) == [], "shared modules never named"
    assert sorted(headed - scripts) == [], "headings for scripts that are not in benchmarks/"


def test_the_feeds_benchmark_reads_its_pages_from_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    """benchmarks/README.md promises that every script runs from a fresh clone: feeds.py's default
    BASIL file is the copy shipped in benchmarks/data/stream/, not one beside the repository."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    feeds = importlib.import_module("feeds")
    assert feeds.DEFAULT_BASIL.is_relative_to(ROOT)
    assert feeds.DEFAULT_BASIL.is_file()


# The README shows three briefs of the shipped example, each under the command that makes it, in
# this order; a change to the pipeline that changes them must change the README with it.
_README_BRIEFS = (
    ("summarize", "examples/aleppo"),
    ("summarize", "examples/aleppo", "--style", "extract"),
    ("analyze", "examples/aleppo"),
)
_MARKDOWN_BLOCK = re.compile(r"^```markdown\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def readme_briefs() -> list[str]:
    """The README's ```markdown blocks, in order: the briefs it shows, as the CLI prints them."""
    return _MARKDOWN_BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8"))


def test_the_readme_shows_one_brief_per_command_checked_here() -> None:
    assert len(readme_briefs()) == len(_README_BRIEFS)


@pytest.mark.parametrize(
    "arguments",
    [
        _README_BRIEFS[0],
        _README_BRIEFS[1],
        pytest.param(_README_BRIEFS[2], marks=pytest.mark.nlp),
    ],
    ids=lambda arguments: " ".join(arguments),
)
def test_the_readme_aleppo_briefs_are_what_the_cli_prints(
    arguments: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # the README's commands run from the repository root, as written
    result = CliRunner().invoke(app, list(arguments))
    assert result.exit_code == 0, result.output
    assert result.stdout == readme_briefs()[_README_BRIEFS.index(arguments)]


def _readme_synopsis() -> dict[str, set[str]]:
    """The options each command's line of the README's "Command line" block names."""
    block = README.read_text(encoding="utf-8").split("## Command line", 1)[1].split("```text\n", 1)[1]
    named: dict[str, set[str]] = {}
    for line in block.split("```", 1)[0].splitlines():
        if match := re.match(r"newsbrief ([a-z]+) ", line):
            named[match.group(1)] = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", line))
    return named


def _options_of(command: str) -> dict[str, str]:
    """Every option of a command, each of its names mapped to its long name."""
    click_command = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    names: dict[str, str] = {}
    for parameter in click_command.params:
        flags = [flag for flag in (*parameter.opts, *parameter.secondary_opts) if flag.startswith("-")]
        long_name = next((flag for flag in flags if flag.startswith("--")), "")
        names.update(dict.fromkeys(flags, long_name))
    return names


def test_the_readme_command_lines_name_real_options_and_every_option_is_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    synopsis = _readme_synopsis()
    assert {"summarize", "analyze", "eval", "serve"} <= set(synopsis)
    for command, named in synopsis.items():
        options = _options_of(command)
        assert sorted(named - set(options)) == [], f"newsbrief {command}: the README names options it lacks"
        documented = {options[flag] for flag in named}
        missing = {
            long_name
            for long_name in set(options.values()) - documented - {"--help"}
            if f"`{long_name}" not in readme and f"[{long_name}" not in readme
        }
        assert sorted(missing) == [], f"newsbrief {command}: options the README never names"


def test_the_readme_short_forms_are_the_options_it_pairs_them_with() -> None:
    bullet = README.read_text(encoding="utf-8").split("- Short forms:", 1)[1].split("\n- ", 1)[0]
    pairs = re.findall(r"`(-[a-z])` \(`(--[a-z-]+)`\)", bullet)
    assert len(pairs) >= 6
    every = [_options_of(command) for command in _readme_synopsis()]
    for short, long_name in pairs:
        assert any(options.get(short) == long_name for options in every), f"{short} is not {long_name}"


def _readme_error_examples() -> list[tuple[str, str]]:
    """The README's ``$ newsbrief …`` lines with the ``error:`` line under each (serve's port in
    use is tests/test_cli.py's, on a port it holds)."""
    lines = README.read_text(encoding="utf-8").splitlines()
    return [
        (command.removeprefix("$ newsbrief "), answer)
        for command, answer in pairwise(lines)
        if command.startswith("$ newsbrief summarize ") and answer.startswith("error: ")
    ]


def test_the_readme_error_examples_are_what_the_cli_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    examples = _readme_error_examples()
    assert len(examples) == 4
    # the README's stories.jsonl: eleven stories, then a record missing a comma
    story = json.dumps({"id": "mn-1", "documents": ["Aleppo is besieged."], "summary": "Aleppo."})
    (tmp_path / "stories.jsonl").write_text(
        story + "\n" * 11 + '{"id": "12" "documents": []}\n', encoding="utf-8"
    )
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    for command, answer in examples:
        result = CliRunner().invoke(app, command.split())
        assert (result.exit_code, result.stderr.strip()) == (2, answer), command


JSON_DOC = ROOT / "docs" / "json-schema.md"
# Each table of docs/json-schema.md and where its object is in the Aleppo brief's JSON.
_JSON_TABLES = {
    "Top level": lambda data: data,
    "Summary line": lambda data: data["summary"][0],
    "Citation": lambda data: data["summary"][0]["citations"][0],
    "Source": lambda data: data["sources"][0],
    "Options": lambda data: data["options"],
    "Removal": lambda data: data["removals"][0],
    "Analysis": lambda data: data["analysis"],
    "Fact": lambda data: data["analysis"]["facts"][0],
    "Fact sentence": lambda data: data["analysis"]["facts"][0]["sentences"][0],
    "Claim": lambda data: data["analysis"]["claims"][0],
    "Disputed claim": lambda data: data["analysis"]["disputes"][0],
    "Quote": lambda data: data["analysis"]["quotes"][0],
    "Entity": lambda data: data["analysis"]["entities"][0],
    "Article": lambda data: data["articles"][0],
}


def documented_keys(heading: str) -> list[str]:
    """The keys a table of docs/json-schema.md lists under ``heading``, in its order."""
    text = JSON_DOC.read_text(encoding="utf-8")
    section = re.split(rf"\n#+ {re.escape(heading)}\n", text, maxsplit=1)[1]
    section = re.split(r"\n#+ ", section, maxsplit=1)[0]
    cells = re.findall(r"^\| ((?:`[^`]+`(?:, )?)+) \|", section, flags=re.MULTILINE)
    return [key for cell in cells for key in re.findall(r"`([^`]+)`", cell)]


@pytest.mark.nlp
@pytest.mark.parametrize("heading", _JSON_TABLES)
def test_issue_api_the_json_doc_lists_keys_in_the_order_written(heading: str) -> None:
    """docs/json-schema.md promises 'keys always come in the order listed'; its Analysis table
    listed `disputes` after `conflicts` while the output writes it last."""
    assert documented_keys(heading) == list(_JSON_TABLES[heading](_aleppo_json()))


@cache
def _aleppo_json() -> dict[str, Any]:
    """The Aleppo example's brief with every analysis, as JSON with its articles (made once)."""
    import newsbrief

    made = newsbrief.summarize([str(ROOT / "examples" / "aleppo")], analysis="all")
    data: dict[str, Any] = json.loads(newsbrief.render(made, "json", explain=True))
    return data


def python_examples() -> list[tuple[str, str]]:
    """Each ```python block of the README and docs/, with the page it is on."""
    return [
        (_shown(path), block)
        for path in _documents()
        for block in re.findall(
            r"^```python\n(.*?)^```", path.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL
        )
    ]


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("page", "code"), python_examples(), ids=lambda value: value if value.endswith(".md") else ""
)
def test_issue_api_every_python_example_runs_as_written(page: str, code: str) -> None:
    """The README's Python API example named https://example.org/story.html and stories.jsonl,
    neither of which a reader has: as written it stopped at 'cannot fetch'. Each example runs
    from the repository's root, offline, in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False, timeout=600
    )
    assert result.returncode == 0, f"{page}: {result.stderr[-2000:]}"
