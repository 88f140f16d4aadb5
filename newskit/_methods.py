"""The summarization method names, in one place that imports nothing heavy.

The command line builds its parser from these without loading the
summarizers; :mod:`newskit.summarizers` maps each name to its class and a test
keeps the two equal.
"""

from __future__ import annotations

__all__ = ["METHODS", "SUMY_METHODS"]

#: Every method name :func:`newskit.summarize` accepts, in the order the docs list them.
METHODS: tuple[str, ...] = (
    "default",
    "lead",
    "random",
    "luhn",
    "edmundson",
    "lsa",
    "lexrank",
    "textrank",
    "sumbasic",
    "kl",
    "reduction",
)

#: The methods sumy also implements (``default`` and ``lead`` are newskit's own).
SUMY_METHODS: tuple[str, ...] = tuple(m for m in METHODS if m not in ("default", "lead"))
