"""Size of the topic model file each candidate of a ``topics_cv.py`` grid would make.

Each candidate is fitted on every labelled item and the mapped data, as
``newskit train topics`` fits the shipped model after its out-of-fold step
(``newskit.training.topics._select.fit_model``; calibration left at the
fit's own, which is the same few numbers in size), and written to a
temporary file by ``save_model`` (compressed as the shipped file is). The
shipped file is not touched. Also prints how many words the dense
word-vector block of a candidate keeps (``vector_words_``), and how many of
the labelled full articles ``predict_proba`` scores per CPU-second (one
thread; a comparison between candidates, not ``bench_topics.py``'s
``classify_many`` figure).

    python benchmarks/topics_model_size.py [--data-dir ../shared/data]
        [--grid round9] [--candidates 0,3] [--cache DIR]

``--cache`` is ``topics_cv.py``'s: the corpus, word classes and word vectors
are read from it (or built and kept there).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(REPO / "benchmarks"))
    import topics_cv
    from threadpoolctl import threadpool_limits

    from newskit.topics._model import save_model
    from newskit.training.topics._select import fit_model

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", type=Path, default=None)
    ap.add_argument("--grid", default="round9")
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--labels", type=Path, default=None)
    ap.add_argument(
        "--candidates", help="comma-separated positions in the grid (0 first; default: all)"
    )
    args = ap.parse_args(argv)
    from newskit.training._paths import default_data_dir
    from newskit.training.topics._labels import LABELS_FILE

    args.data_dir = args.data_dir or default_data_dir()
    args.labels = args.labels or LABELS_FILE
    data = topics_cv.corpus_data(args)
    configs = topics_cv.grid(args.grid)
    if args.candidates:
        configs = [configs[int(k)] for k in args.candidates.split(",")]
    data.clusters = topics_cv.word_clusters(args, configs)
    data.vectors = topics_cv.word_vectors(args, configs)
    print(f"labelled items {len(data.items)}; mapped examples {len(data.mapped.texts)}")
    with tempfile.TemporaryDirectory() as tmp:
        for config in configs:
            t0 = time.process_time()
            with threadpool_limits(1):
                model = fit_model(data, config)
                fitting = time.process_time() - t0
                full = [i.text for i in data.items if i.length == "full"]
                model.predict_proba(full[:512])  # warm: look-up tables built
                c0 = time.process_time()
                model.predict_proba(full)
                speed = len(full) / (time.process_time() - c0)
            path = Path(tmp) / "topics.joblib"
            save_model(model, path)
            kept = [
                len(m.vector_words_ or [])
                for m in (model, model.short_model_)
                if m is not None and m.vector_words_ is not None
            ]
            print(
                f"{path.stat().st_size / 1e6:.2f} MB  vector words {kept or '-'}  "
                f"{speed:,.0f} full articles per CPU-second  "
                f"(fitted in {fitting:.0f} CPU s)  {config.name}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
