"""Text layer: sentences, word tokens, stop words and stemming, all offline.

>>> from newskit.text import split_sentences, content_terms
>>> split_sentences("Mr. Smith went to Washington. He met Sen. Jones.")
['Mr. Smith went to Washington.', 'He met Sen. Jones.']
>>> content_terms("Voters were voting")
['voter', 'vote']
"""

from newskit._public import publish
from newskit.text._sentences import sentence_spans, split_sentences
from newskit.text._tokens import content_terms, word_tokens
from newskit.text._words import stem, stop_words

__all__ = [
    "content_terms",
    "sentence_spans",
    "split_sentences",
    "stem",
    "stop_words",
    "word_tokens",
]

publish(__name__, globals(), __all__)
