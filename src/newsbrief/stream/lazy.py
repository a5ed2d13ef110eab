"""A module imported on first attribute access, for the compiled kernels.

``stream.kernels`` imports numba, which takes about a second: ``import newsbrief`` (and with it
every CLI command, the one-story path included) should not pay that unless it clusters.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

__all__ = ["lazy_module"]


def lazy_module(name: str) -> ModuleType:
    """The module ``name``, executed on its first attribute access (``importlib.util.LazyLoader``).

    The same module object for every caller: it is registered in ``sys.modules`` at once.
    """
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None, name
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
