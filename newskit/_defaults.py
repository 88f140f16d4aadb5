"""Every default that more than one function shares, in one place."""

from __future__ import annotations

__all__ = ["BATCH_SIZE", "METHOD", "N_SENTENCES"]

#: Summary length in sentences when no length is given.
N_SENTENCES = 3

#: The summarization method used when none is named.
METHOD = "default"

#: Inputs handed to a worker (or vectorised) at once by every ``*_many`` function.
BATCH_SIZE = 64
