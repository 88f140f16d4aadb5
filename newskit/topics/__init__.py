"""Topic classification: security, climate, diplomacy and politics.

>>> from newskit.topics import classify
>>> classify("The prime minister called a snap election after parliament voted.").topics
('politics',)
"""

from newskit._public import publish
from newskit.topics._api import classify, classify_many, explain
from newskit.topics._classifier import TOPICS, TopicClassifier
from newskit.topics._model import load_model, save_model
from newskit.topics._results import TermWeight, TopicExplanation, TopicResult

__all__ = [
    "TOPICS",
    "TermWeight",
    "TopicClassifier",
    "TopicExplanation",
    "TopicResult",
    "classify",
    "classify_many",
    "explain",
    "load_model",
    "save_model",
]

publish(__name__, globals(), __all__)
