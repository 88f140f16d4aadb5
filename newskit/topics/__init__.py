"""Topic classification: security, climate, diplomacy and politics.

>>> from newskit.topics import classify
>>> classify("The prime minister called a snap election after parliament voted.").topics
('politics',)
"""

from newskit.topics._api import classify, classify_many, explain
from newskit.topics._classifier import TopicClassifier
from newskit.topics._mapping import TOPICS
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
