"""Type aliases of what newskit's public functions accept.

One alias per kind of input, so every signature and every docstring says the
same thing the same way.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any, TypeAlias

from newskit._article import Article

__all__ = ["Content", "NewsInput", "NewsInputs", "Record", "StrPath"]

#: Text or HTML content: a string, or bytes decoded as described in :doc:`/input`.
Content: TypeAlias = str | bytes | bytearray | memoryview

#: A file system path.
StrPath: TypeAlias = str | os.PathLike[str]

#: What :func:`newskit.parse`, :func:`newskit.classify`, :func:`newskit.summarize`
#: and :func:`newskit.digest` take: content, a :class:`pathlib.Path` to read it
#: from, or an :class:`~newskit.Article` parsed before.
NewsInput: TypeAlias = Content | os.PathLike[str] | Article

#: A record of :func:`newskit.digest_many`: ``{"id": ..., "text": ...}`` or
#: ``{"id": ..., "html": ..., "url": ...}``.
Record: TypeAlias = Mapping[str, Any]

#: What the batch functions (``*_many``) take: any iterable, consumed lazily.
NewsInputs: TypeAlias = Iterable[NewsInput | Record]
