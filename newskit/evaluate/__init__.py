"""Evaluation: ROUGE, data-set loaders, the extractive oracle, and a runner.

>>> from newskit.evaluate import rouge
>>> round(rouge("Storms closed schools.", "Schools closed after storms.")["rouge1"].fmeasure, 3)
0.857
"""

from newskit._public import publish
from newskit.evaluate._classification import (
    MultilabelReport,
    TopicScores,
    multilabel_report,
    reliability_bins,
)
from newskit.evaluate._datasets import (
    Example,
    load_bbc,
    load_frank_cnndm,
    load_frank_xsum,
    recover_bbc_reference,
)
from newskit.evaluate._oracle import oracle
from newskit.evaluate._rouge import ROUGE_TYPES, RougeScore, normalize_reference, rouge, rouge_many
from newskit.evaluate._runner import SummaryEvaluation, evaluate_summarizer

__all__ = [
    "ROUGE_TYPES",
    "Example",
    "MultilabelReport",
    "RougeScore",
    "SummaryEvaluation",
    "TopicScores",
    "evaluate_summarizer",
    "load_bbc",
    "load_frank_cnndm",
    "load_frank_xsum",
    "multilabel_report",
    "normalize_reference",
    "oracle",
    "recover_bbc_reference",
    "reliability_bins",
    "rouge",
    "rouge_many",
]

publish(__name__, globals(), __all__)
