"""The one exception hierarchy of newskit.

Every error newskit raises on purpose is a :class:`NewskitError`, and so is the
one warning it issues, :class:`ParseWarning`. Errors about
the *type* of an argument also subclass :class:`TypeError`, and errors about
its *value* also subclass :class:`ValueError`, so code that already catches the
built-in exceptions keeps working.
"""

from __future__ import annotations

__all__ = [
    "InputTypeError",
    "InputValueError",
    "ModelError",
    "ModelIntegrityError",
    "ModelVersionError",
    "NewskitError",
    "ParseWarning",
    "UnsupportedLanguageError",
    "UntrustedModelError",
]


class NewskitError(Exception):
    """Base class of every error newskit raises on purpose."""


class InputTypeError(NewskitError, TypeError):
    """An argument has the wrong type (e.g. ``None`` or a number where text is expected)."""


class InputValueError(NewskitError, ValueError):
    """An argument has the right type but an unusable value (e.g. ``n_sentences=0``)."""


class UnsupportedLanguageError(InputValueError):
    """The text is clearly not English, so topics or a summary would be meaningless."""


class ModelError(NewskitError):
    """A model artifact could not be loaded or used."""


class ModelIntegrityError(ModelError):
    """A model file does not match the sha256 recorded in its manifest; it was not unpickled."""


class ModelVersionError(ModelError):
    """A model was saved with library versions outside the range this newskit supports."""


class UntrustedModelError(ModelError):
    """Loading a user-supplied pickle was refused because ``trusted=True`` was not given."""


class ParseWarning(NewskitError, UserWarning):
    """The parser kept the text but could not tell its structure for sure.

    :func:`~newskit.parse_text` issues it when a page copy holds prose that may
    be another article (several page copies in one file whose boundaries it
    could not find) and that prose was left out as page chrome. Turn it into an
    error with ``warnings.simplefilter("error", newskit.ParseWarning)``, or
    silence it with ``"ignore"``.
    """
