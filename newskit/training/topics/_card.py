"""The Markdown model card written next to a trained topic model."""

from __future__ import annotations

from typing import Any

from newskit.training.topics._mapping import TOPICS
from newskit.training.topics._report import markdown_table

__all__ = ["render_card"]

_CREDITS = (
    "Labelled texts and mapped data from: AllSides / Article-Bias-Prediction (Baly et al., "
    "EMNLP 2020); BBC News (Greene & Cunningham, ICML 2006; Kaggle BBC News Summary); "
    "CNN/Daily Mail (Hermann et al. 2015; See et al. 2017); XSum via FRANK (Narayan et al. "
    "2018; Pagnoni et al. 2021); WCXB (Foley 2026, CC BY 4.0); Zyte article-extraction "
    "benchmark; HuffPost News Category Dataset (Misra 2022, CC BY 4.0); AG News (Zhang et "
    "al. 2015); NYT front-page headlines (Boydstun 2013, RTextTools); LIAR (Wang, ACL 2017); "
    "BABE (Spinde et al. 2021); GWSD (Luo et al., Findings of EMNLP 2020); CLIMATE-FEVER "
    "(Diggelmann et al. 2020). Check only: Wikinews (CC BY 2.5)."
)


#: Selection results a configuration's own figures do not show, by configuration name.
_SELECTION_NOTES: dict[str, str] = {
    "C16 map0.25 w400 lead60 lex- ng1 | short: C4 map0.25 w400 lead60 lex- ng1 chars3-5/20000": (
        "Not adopted for the model for short texts (`python benchmarks/topics_cv.py --grid "
        "short2`, `benchmarks/results/topics_cv_short2.txt`, 11207 items): C = 2, no class "
        "weighting, the title + lead blocks weighing 2 or 3 in fitting, fitting on the first 60 "
        "words of each training text (short macro-F1 0.7651-0.7764 against 0.7808 for this "
        "configuration). The title + lead blocks weighing 0.5 in fitting scored 0.7812 (full "
        "articles equal), the selection rule's choice by 0.0004 but lower on security, "
        "diplomacy and politics; this file was not refitted with it. Round 7 (`--grid round7`, "
        "`benchmarks/results/topics_cv_round7.txt`, 12350 items): linear support vector "
        "machines (C = 0.5) for the long model scored a mean 0.0013 higher (full 0.8418 against "
        "0.8394, diplomacy lower), below the 0.003 margin set for a change; a title block, the "
        "long model at C 8 or 32, and other settings of the model for short texts scored lower "
        "or within 0.002; not adopted."
    ),
    (
        "C16 map0.25 w400 lead60 lex- ng1 | short: C4 map0.25 w400 lead60 lex- ng1 "
        "chars3-5/20000 cl256"
    ): (
        "Chosen in round 8 (`python benchmarks/topics_cv.py --grid round8`, "
        "`benchmarks/results/topics_cv_round8.txt`, 14357 items): 256 word classes in the "
        "model for short texts, short macro-F1 0.7986 against 0.7854 without them, full "
        "articles equal (0.8176). 1,024 classes (weighing 1 or 0.5) in the model for short "
        "texts, in the long model, or in both scored a lower mean (0.8030-0.8067)."
    ),
    (
        "C16 map0.25 w400 lead60 lex- ng1 vec1 | short: C4 map0.25 w400 lead60 lex- ng1 "
        "chars3-5/20000 cl256 vec1"
    ): (
        "Chosen in round 9 (`python benchmarks/topics_cv.py --grid round9`, "
        "`benchmarks/results/topics_cv_round9.txt`, 16868 items): the mean word-vector block "
        "in both models, macro-F1 short 0.8042 and full 0.8142 against 0.7918 and 0.8091 "
        "without it (diplomacy on full articles 0.745 against 0.752). The block in the model "
        "for short texts only scored a lower mean (0.8065 at weight 1, 0.8046 at weight 3). "
        "Round 10 (`--grid round10`, `benchmarks/results/topics_cv_round10.txt`, the same "
        "items): the mapped rows not training diplomacy (mean 0.8097, short 0.8037), the "
        "mapped share at 0.125 (0.8091) and the long model's title + lead block weighing 2 "
        "in fitting (0.7964): none passed the selection rule; not adopted."
    ),
}


def _classes_clause(q: dict[str, Any]) -> str:
    """The card's words for a block of word classes, if the model has one."""
    k = q.get("word_classes")
    if not k:
        return ""
    weight = q.get("word_class_weight", 1.0)
    scale = f", weighing {weight:g}" if weight != 1.0 else ""
    return (
        f", and a block of {k} word classes{scale} learned from unlabelled news (CNN/DM "
        "training articles outside the labelled corpus: word vectors from co-occurrence "
        "counts, k-means), so a word no labelled text holds counts for the class of the "
        "words used like it"
    )


def _vectors_clause(q: dict[str, Any]) -> str:
    """The card's words for a dense block of mean word vectors, if the model has one."""
    weight = q.get("word_vector_weight")
    if not weight:
        return ""
    scale = f", weighing {weight:g}" if weight != 1.0 else ""
    return (
        f", and the TF-IDF-weighted mean of the text's word vectors{scale} (learned from the "
        "same unlabelled news: co-occurrence counts, SVD to 150 dimensions), folded after "
        "fitting into one weight per word"
    )


def _short_model_lines(p: dict[str, Any]) -> list[str]:
    """The card's description of a separate model for short texts, if there is one."""
    q = p.get("short_model")
    if not q:
        return []
    chars = q.get("lead_chars")
    grams = (
        f" and character {chars[0]}-{chars[1]}-grams of the title + lead words (each word "
        f"padded with spaces, at most {q['char_features']} n-grams), which let a short text "
        "match training texts through parts of words it shares with them"
        if chars
        else ""
    )
    grams += _classes_clause(q)
    grams += _vectors_clause(q)
    weight = (
        f"; labelled short items weigh {q['short_weight']:g} in its training"
        if q.get("short_weight", 1.0) != 1.0
        else ""
    )
    if q.get("class_weight", "balanced") != "balanced":
        weight += "; no class weighting"
    if q.get("lead_weight", 1.0) != 1.0:
        weight += (
            f"; the title + lead blocks are multiplied by {q['lead_weight']:g} while its "
            "regressions are fitted (a weaker L2 penalty on their weights; the stored weights "
            "absorb the factor)"
        )
    examples = "the same examples"
    if q.get("train_words"):
        examples = (
            f"the first {q['train_words']} words of the same examples (short items whole, the "
            "leads of longer texts)"
        )
    return [
        f"- Texts of fewer than {p['short_words']} words are scored by a second model, fitted "
        f"on {examples}: the same word TF-IDF blocks (title + lead block of "
        f"{q['lead_words']} words){grams}; C = {q['C']:g}{weight}. Articles of "
        f"{p['short_words']}+ words are scored by the model above alone, so the second model "
        "changes nothing for them."
    ]


def render_card(meta: dict[str, Any]) -> str:
    """Render the model card from the manifest entry ``meta`` of a trained model."""
    p = meta["params"]
    oof = meta["oof"]
    lab = meta["labelled"]
    mapped = meta["mapped"]
    lead = (
        f"; a second block of the same terms over the first {p['lead_words']} words"
        if p["lead_words"]
        else ""
    )
    chars = p.get("lead_chars")
    if chars:
        lead += (
            f", and character {chars[0]}-{chars[1]}-grams of those words (each word padded "
            f"with spaces, at most {p['char_features']} n-grams), which let a short text "
            "match training texts through parts of words it shares with them"
        )
    lead += _classes_clause(p)
    lead += _vectors_clause(p)
    grams = {1: "unigram", 2: "uni/bigram", 3: "uni/bi/trigram"}.get(
        p["ngram_range"][1], f"1-{p['ngram_range'][1]}-gram"
    )
    weighting = (
        "classes balanced per topic" if p["class_weight"] == "balanced" else "no class weighting"
    )
    if p.get("positive_weight", 1.0) != 1.0:
        weighting += f", positives weighted x{p['positive_weight']:g}"
    by_length = [
        (f"{name} items" if name == "short" else "full articles", s)
        for name, s in oof["by_length"].items()
    ]
    by_source = [(f"{src} ({s['length']})", s) for src, s in oof["by_source"].items()]
    weak = []
    for name, s in oof["by_length"].items():
        for t in TOPICS:
            f1 = s["per_topic"][t]["f1"]
            if f1 is not None and f1 < 0.78:
                weak.append(f"{t} on {name} texts (F1 {f1:.3f})")
    worst = sorted(
        ((s["macro_f1"], src) for src, s in oof["by_source"].items() if s["macro_f1"] is not None)
    )[:4]
    lines = [
        "# newskit topic classifier — model card",
        "",
        "Multi-label classifier of English news into four topics "
        "(security, climate, diplomacy, politics; any subset, including none), "
        "as defined by the newskit topic guidelines (see `docs/topics.rst`).",
        "",
        "## Model",
        f"- {meta['kind']}.",
        f"- Features: {meta['n_features']} columns: word {grams} TF-IDF (sublinear tf, "
        f"min_df {p['min_df']}, max_df {p['max_df']}, at most {p['max_features']} terms) of "
        f"the first {p['max_words']} words of title + body{lead}"
        + ("; guideline keyword counts." if p["lexicon"] else "; no keyword lists."),
        f"- One L2 logistic regression per topic, C = {p['C']:g}, {weighting}.",
        *_short_model_lines(p),
        f"- Length-aware outputs: texts of fewer than {p['short_words']} words get their own "
        "Platt calibration and thresholds. Both were fitted on out-of-fold predictions of the "
        "labelled corpus (below), never on a check set.",
        "- Thresholds, texts of "
        f"{p['short_words']}+ words: "
        + ", ".join(f"{k} {v:.3f}" for k, v in meta["thresholds"].items())
        + "; shorter texts: "
        + ", ".join(f"{k} {v:.3f}" for k, v in meta["short_thresholds"].items())
        + ".",
        f"- Configuration `{meta['config']}`, chosen by outlet-grouped cross-validation "
        "(`python benchmarks/topics_cv.py`).",
        *([f"- {note}"] if (note := _SELECTION_NOTES.get(meta["config"])) else []),
        f"- Versions: {', '.join(f'{k} {v}' for k, v in meta['versions'].items())}; "
        f"label mapping v{meta['label_mapping_version']}; seed {meta['seed']}.",
        f"- Rebuild: `{meta['command']}` (byte for byte from the committed labels).",
        "",
        "## Training data",
        f"- **Guideline-labelled corpus**: {lab['items']} items ({lab['short']} short, "
        f"{lab['full']} full articles), labels in `labels/topics/` "
        "(datasheet: `labels/topics/DATASHEET.md`, with Cohen's kappa per topic), "
        "texts rebuilt from the public data sets and checked against their hashes. "
        "Each item has weight 1.",
        f"- **Mapped publisher sections** (extra, down-weighted supervision): "
        f"{mapped['examples']} examples whose labels come from a documented mapping of "
        "the sources' own sections (`docs/topics.rst`), partial where a section says "
        f"nothing about a topic. Their total weight is {mapped['weight']:g} times the total "
        "weight of the labelled items (a cross-validated choice), shared between sources as "
        + ", ".join(f"{k} {v:g}" for k, v in mapped["source_shares"].items())
        + ". Labelled items are removed from the mapped data.",
        "- Held out of all training (cross-source checks): "
        + ", ".join(f"{k} {'/'.join(v)}" for k, v in meta["held_out"].items())
        + ".",
        "",
        "## Out-of-fold figures (the headline)",
        "",
        "Five folds that never split an outlet (publisher domain, or data set where no "
        "outlet is known); the mapped data of a test fold's outlets is left out of its "
        "training; calibration and thresholds for each fold fitted on the other folds' "
        "out-of-fold predictions. F1 per topic, support in brackets.",
        "",
        *markdown_table(by_length),
        "",
        "By source:",
        "",
        *markdown_table(by_source),
        "",
        "Printed again, beside the DIY baseline and the previous model, by "
        "`python benchmarks/bench_topics.py`; the nested estimate (configuration chosen per "
        "fold on the other folds) by `python benchmarks/topics_cv.py`.",
        "",
        "## Known weak spots",
        *(
            [f"- Below the 0.78 per-topic target out of fold: {', '.join(weak)}."]
            if weak
            else ["- Every topic reaches F1 0.78 out of fold on short and full texts."]
        ),
        "- Lowest macro-F1 by source: " + ", ".join(f"{src} {f:.3f}" for f, src in worst) + ".",
        "- A bag of words cannot tell a passing mention from a central subject as a reader "
        "would; diplomacy vs a war report and politics vs administrative news are the "
        "usual confusions.",
        "- The labelled corpus was enriched for the thin topics, so precision on a random "
        "news stream is lower than here. English only; mostly US and UK outlets, 1996-2022.",
        "- Labels were given by LLM annotator sessions following the guidelines (see the "
        "datasheet), not by people.",
        "",
        "## Credits",
        _CREDITS,
        "",
    ]
    return "\n".join(lines)
