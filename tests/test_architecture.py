"""The package layout is the architecture: imports go one way and no module imports in a circle.

Every ``import`` of a newsbrief module is read from the source (those inside functions too, which
are imports all the same), so a new edge that breaks the layering fails here, not in review.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "newsbrief"

# What each part may import besides itself; model and errors are the base every part stands on.
ALLOWED = {
    "errors": set(),
    "model": {"errors"},
    "analysis": {"model", "errors"},
    "pipeline": {"model", "errors", "analysis"},
    "rendering": {"model", "errors", "analysis.lexicon"},
    "stream": {"model", "errors", "pipeline", "analysis.similarity", "analysis.wordvectors", "rendering"},
    "evaluate": {"model", "errors", "pipeline"},
    "service": {"model", "errors", "pipeline", "analysis", "rendering", "stream", "__init__"},
    "cli": {
        "model",
        "errors",
        "pipeline",
        "analysis",
        "rendering",
        "stream",
        "service",
        "evaluate",
        "__init__",
    },
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts) or "__init__"


def _imports(path: Path) -> set[str]:
    """The newsbrief modules a source file imports, as names relative to the package."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "newsbrief":
                found.update(f"__init__:{alias.name}" for alias in node.names)
            elif node.module.startswith("newsbrief."):
                found.add(node.module.removeprefix("newsbrief."))
        elif isinstance(node, ast.Import):
            found.update(
                alias.name.removeprefix("newsbrief.")
                for alias in node.names
                if alias.name.startswith("newsbrief.")
            )
    return found


@cache
def _graph() -> dict[str, set[str]]:
    graph = {}
    for path in sorted(SRC.rglob("*.py")):
        name = _module_name(path)
        graph[name] = {target.split(":")[0] for target in _imports(path)} - {name}
    return graph


def _part(module: str) -> str:
    return module.split(".")[0]


def _allowed(source: str, target: str) -> bool:
    part = _part(source)
    if part == "__init__" or _part(target) == part:
        return True
    rules = ALLOWED[part]
    return target in rules or _part(target) in rules


def test_every_part_of_the_package_has_a_rule() -> None:
    parts = {_part(module) for module in _graph()} - {"__init__", "__main__"}
    assert parts == set(ALLOWED)


@pytest.mark.parametrize("module", sorted(m for m in _graph() if _part(m) not in ("__init__", "__main__")))
def test_imports_go_one_way(module: str) -> None:
    wrong = sorted(target for target in _graph()[module] if not _allowed(module, target))
    assert not wrong, f"{module} imports {wrong}: against the layering in ALLOWED"


def test_no_module_imports_in_a_circle() -> None:
    graph = _graph()
    state: dict[str, str] = {}
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                cycles.append([*path[path.index(target) :], target] if target in path else [module, target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not cycles, f"import cycles: {cycles}"


def test_the_model_imports_nothing_of_ours_but_the_errors() -> None:
    assert _graph()["model"] == {"errors"}
