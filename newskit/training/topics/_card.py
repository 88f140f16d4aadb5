"""The Markdown model card written next to a trained topic model."""

from __future__ import annotations

from typing import Any

__all__ = ["render_card"]

_CREDITS = (
    "AllSides / Article-Bias-Prediction (Baly et al., EMNLP 2020); BBC News (Greene & "
    "Cunningham, ICML 2006; Kaggle BBC News Summary); HuffPost News Category Dataset "
    "(Misra 2022, CC BY 4.0); AG News (Zhang et al. 2015); LIAR (Wang, ACL 2017); GWSD "
    "(Luo et al., Findings of EMNLP 2020); CLIMATE-FEVER (Diggelmann et al. 2020). "
    "Evaluation only: Wikinews (CC BY 2.5), NYT front-page headlines (Boydstun 2013, "
    "RTextTools), BABE (Spinde et al. 2021)."
)


def render_card(meta: dict[str, Any]) -> str:
    """Render the model card from the manifest entry ``meta`` of a trained model."""
    dev = meta["dev_metrics"]
    lines = [
        "# newskit topic classifier — model card",
        "",
        "Multi-label classifier of English news into four topics "
        "(security, climate, diplomacy, politics; any subset, including none), "
        "defined by the newskit topic guidelines v1 (see `docs/topics.rst`).",
        "",
        "## Model",
        f"- {meta['kind']}; {meta['n_features']} word uni/bigram features "
        f"(min_df {meta['params']['min_df']}), first {meta['params']['max_words']} words "
        "of title + body, plus one guideline-keyword count feature per topic.",
        f"- Versions: {', '.join(f'{k} {v}' for k, v in meta['versions'].items())}; "
        f"label mapping v{meta['label_mapping_version']}; seed {meta['seed']}.",
        "- Thresholds (picked on the dev set): "
        + ", ".join(f"{k} {v:.3f}" for k, v in meta["thresholds"].items()),
        f"- Rebuild: `{meta['command']}`",
        "",
        "## Training data",
        "",
        "| source | texts read |",
        "|---|---:|",
        *(f"| {k} | {v} |" for k, v in meta["training_sources"].items()),
        "",
        f"{meta['training_texts']} training texts in all (leads of full articles added as "
        "short texts). Per topic, positive / negative / unknown (masked) targets:",
        "",
        "| topic | positive | negative | unknown |",
        "|---|---:|---:|---:|",
        *(
            f"| {k} | {v['positive']} | {v['negative']} | {v['unknown']} |"
            for k, v in meta["training_targets"].items()
        ),
        "",
        "Held out of training (cross-source tests): "
        + ", ".join(f"{k} {'/'.join(v)}" for k, v in meta["held_out"].items())
        + ". The Wikinews dev set chose the thresholds and hyper-parameters only.",
        "",
        "## Dev-set metrics (Wikinews, 148 articles; thresholds tuned on it, so optimistic)",
        "",
        "| topic | precision | recall | F1 | support | Brier |",
        "|---|---:|---:|---:|---:|---:|",
        *(
            f"| {k} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | "
            f"{v['support']} | {v['brier']:.4f} |"
            for k, v in dev["per_topic"].items()
        ),
        f"| **macro** | {dev['macro_precision']:.3f} | {dev['macro_recall']:.3f} | "
        f"**{dev['macro_f1']:.3f}** | | {dev['brier']:.4f} |",
        "",
        "Cross-source checks and baselines: `python benchmarks/bench_topics.py` "
        "(figures in `benchmarks/README.md`).",
        "",
        "## Limits",
        "- English only; trained mostly on US outlets 2004-2020 and short headline "
        "sets; one-sentence texts are less reliable than articles.",
        "- Labels come from a documented mapping of other data sets' tags "
        "(`docs/topics.rst`), not from annotation under the guidelines, so the model "
        "inherits their noise (e.g. region tags, 'energy' stories).",
        "- The dev set is small (148 articles; 12 diplomacy, 15 climate positives): "
        "per-topic F1 moves by several points with one article.",
        "- A bag of words cannot tell a passing mention from a central subject as a person would.",
        "",
        "## Credits",
        _CREDITS,
        "",
    ]
    return "\n".join(lines)
