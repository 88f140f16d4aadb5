"""The :class:`Article` model shared by every part of newskit."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from newskit._errors import InputTypeError, InputValueError

__all__ = ["Article", "Section"]


@dataclass
class Section:
    """A subhead and the body paragraphs under it.

    Attributes
    ----------
    heading : str
        The subhead as printed, e.g. ``'GRAVE SECURITY BREACH'`` (quotes removed).
    paragraphs : list of str
        The paragraphs under the heading, up to the next heading. They are the
        same strings as the matching slice of :attr:`Article.body`.
    """

    heading: str
    paragraphs: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-compatible dict."""
        return {"heading": self.heading, "paragraphs": list(self.paragraphs)}


@dataclass
class Article:
    """One news article with every field newskit knows how to fill.

    All fields are optional (each is also a keyword of the constructor); an
    unknown value is ``None`` (scalars) or empty (lists). Datetimes are
    timezone-aware when the source says which zone, naive otherwise.

    Attributes
    ----------
    title : str
        The headline.
    body : list of str
        Body paragraphs in reading order, without page chrome, dateline,
        highlights, captions or subheads. Paragraphs under subheads are included.
    sections : list of Section
        Subheads with the paragraphs under them. Paragraphs before the first
        subhead belong to no section.
    highlights : list of str
        Bullet-point highlights / standfirst, bullet characters removed.
    captions : list of str
        Image captions.
    dateline : str or None
        The place of the dateline, e.g. ``'ISLAMABAD'``.
    authors : list of str
        Author names from a byline.
    published : datetime or None
        When the article was published, when known.
    updated : datetime or None
        When the article was last updated, when known.
    published_text : str or None
        The raw date text ``published`` was read from, e.g. ``'Nov 14, 2024'``.
    updated_text : str or None
        The raw date text ``updated`` was read from, e.g. ``'12 sec ago'``.
    url : str or None
        Canonical URL, when known.
    source : str or None
        Publisher or site name, when known.
    language : str or None
        ISO 639-1 code when known.
    id : str or None
        A caller-supplied identifier, carried through batch processing.
    is_article : bool
        ``False`` when a parser judged the input not to be an article
        (e.g. an index page); the other fields are then best effort.

    Examples
    --------
    >>> a = Article(title="Rain at last", body=["It rained.", "People cheered."])
    >>> a.text
    'It rained.\\n\\nPeople cheered.'
    >>> Article.from_json(a.to_json()) == a
    True
    """

    title: str = ""
    body: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    highlights: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    dateline: str | None = None
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    updated: datetime | None = None
    published_text: str | None = None
    updated_text: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    id: str | None = None
    is_article: bool = True

    @property
    def text(self) -> str:
        """The body paragraphs joined by blank lines (the article text without boilerplate)."""
        return "\n\n".join(self.body)

    @property
    def caption(self) -> str | None:
        """The first image caption, or ``None``."""
        return self.captions[0] if self.captions else None

    @property
    def is_empty(self) -> bool:
        """``True`` when the article has neither title nor body."""
        return not self.title and not self.body

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-compatible dict; datetimes become ISO 8601 strings."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, datetime):
                value = value.isoformat()
            elif f.name == "sections":
                value = [s.to_dict() for s in value]
            elif isinstance(value, list):
                value = list(value)
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Build an Article from :meth:`to_dict` output; unknown keys raise ``InputValueError``."""
        if not isinstance(data, dict):
            raise InputTypeError(f"data must be a dict, not {type(data).__name__}")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InputValueError(f"unknown Article fields: {', '.join(unknown)}")
        kwargs = dict(data)
        for key in ("published", "updated"):
            raw = kwargs.get(key)
            if isinstance(raw, str):
                try:
                    kwargs[key] = datetime.fromisoformat(raw)
                except ValueError as exc:
                    raise InputValueError(f"{key} is not an ISO 8601 datetime: {raw!r}") from exc
        if "sections" in kwargs:
            kwargs["sections"] = [
                s if isinstance(s, Section) else Section(s["heading"], list(s["paragraphs"]))
                for s in kwargs["sections"]
            ]
        return cls(**kwargs)

    def to_json(self, **kwargs: Any) -> str:
        """Serialise to JSON (``kwargs`` go to :func:`json.dumps`)."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_json(cls, text: str) -> Article:
        """Inverse of :meth:`to_json`."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputValueError(f"not valid JSON: {exc}") from exc
        return cls.from_dict(data)
