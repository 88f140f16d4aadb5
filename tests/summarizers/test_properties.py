"""Properties that hold for every method on arbitrary text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newskit import summarize
from newskit.summarizers import METHODS

_VOCAB = "the council bridge vote 40 million said mayor river town a of and is it was"
WORDS = st.sampled_from(_VOCAB.split(" "))
SENTENCE = st.lists(WORDS, min_size=1, max_size=12).map(lambda ws: " ".join(ws).capitalize() + ".")
TEXT = st.lists(SENTENCE, min_size=0, max_size=12).map(" ".join)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, k=st.integers(min_value=1, max_value=6), method=st.sampled_from(METHODS))
def test_summary_is_a_sorted_subset_of_the_right_size(text: str, k: int, method: str) -> None:
    s = summarize(text, method, n_sentences=k)
    assert s.indices == sorted(set(s.indices))
    assert len(s) == min(k, s.total_sentences)
    assert all(0 <= i < s.total_sentences for i in s.indices)
