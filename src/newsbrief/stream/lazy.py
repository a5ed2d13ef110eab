"""A module imported on first attribute access, for the compiled kernels.

``stream.kernels`` imports numba and compiles its kernels, or loads them from numba's cache (a
second with a warm cache, half a minute without one): ``import newsbrief`` (and with it every
CLI command, the one-story path included) should not pay that unless it clusters.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["lazy_module"]


class _Deferred(ModuleType):
    """A stand-in for a module that imports it on the first attribute access, then holds its names.

    Thread-safe, unlike ``importlib.util.LazyLoader`` before Python 3.12: that one marks the
    module loaded before executing it, so another thread that reads an attribute meanwhile gets
    an AttributeError (two first requests of the service at once did). Here a thread that comes
    while another imports the module waits on the import system's lock for that module.
    """

    def __getattr__(self, attr: str) -> object:
        module = importlib.import_module(self.__name__)
        self.__dict__.update(vars(module))  # later reads find the names without this call
        return getattr(module, attr)


def lazy_module(name: str) -> ModuleType:
    """A stand-in for the module ``name`` that imports it on its first attribute access."""
    return _Deferred(name)
