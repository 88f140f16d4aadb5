"""Page chrome: lines a page dump carries that are not article text.

A line is chrome when, stripped and compared case-insensitively with runs of
whitespace collapsed, it is one of :data:`CHROME_LINES` (share and follow
buttons, "Short Url", advertising labels), or when it holds no letter or digit
at all (a lone bullet, ``***``, ``|``). Chrome lines land in no field.
"""

from __future__ import annotations

__all__ = ["BULLETS", "CHROME_LINES", "bullet_item", "is_chrome"]

#: Whole lines (case-folded) dropped as page chrome.
CHROME_LINES: frozenset[str] = frozenset(
    {
        "short url",
        "follow",
        "share",
        "share this",
        "share this article",
        "share on facebook",
        "share on twitter",
        "share on x",
        "share on whatsapp",
        "share on linkedin",
        "copy link",
        "link copied",
        "print",
        "email",
        "save",
        "save article",
        "listen",
        "listen to this article",
        "advertisement",
        "scroll to continue with content",
        "skip advertisement",
        "read more",
        "show more",
        "comments",
        "subscribe",
        "sign up",
        "most read",
        "related",
        "related articles",
        "related topics",
    }
)

#: Characters that mark a bullet point when they start a line.
BULLETS = "•●▪◦‣∙■▶►"
_ASCII_BULLETS = ("* ", "- ")


def is_chrome(text: str) -> bool:
    """Return ``True`` for a stripped, non-empty line of page chrome.

    >>> is_chrome("Short Url"), is_chrome("FOLLOW"), is_chrome("•"), is_chrome("Follow the money.")
    (True, True, True, False)
    """
    if len(text) > 40:
        # chrome lines are short; a long line is chrome only if it has no letter or digit
        return not (text[0].isalnum() or any(ch.isalnum() for ch in text))
    if not any(ch.isalnum() for ch in text):
        return True
    return " ".join(text.split()).casefold() in CHROME_LINES


def bullet_item(text: str) -> str | None:
    """Return the text of a bullet-point line without its marker, or ``None``.

    ``text`` is a stripped line. Unicode bullets (:data:`BULLETS`) and ``* `` /
    ``- `` mark a bullet.

    >>> bullet_item("•  String of recent attacks")
    'String of recent attacks'
    >>> bullet_item("- one") , bullet_item("-1 degree") is None
    ('one', True)
    """
    if text[:1] and text[0] in BULLETS:
        item = text[1:].strip()
    elif text.startswith(_ASCII_BULLETS):
        item = text[2:].strip()
    else:
        return None
    return item or None
