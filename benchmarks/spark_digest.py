"""Run newskit's digest inside Spark with a pandas UDF (the recipe of docs/batch.rst).

Needs ``pip install pyspark pandas pyarrow`` and a Java runtime; starts a
local Spark (``local[N]``), digests a small generated DataFrame of records
and checks the result equals a single-process run.

    python benchmarks/spark_digest.py --records 200 --cores 2
"""

from __future__ import annotations

import argparse
import json
import os
import sys

import pandas as pd
from _common import Timer
from pyspark.sql import SparkSession
from pyspark.sql.functions import pandas_udf
from pyspark.sql.types import StringType

import newskit


@pandas_udf(StringType())  # type: ignore[misc]
def digest_udf(ids: pd.Series, texts: pd.Series) -> pd.Series:
    # Runs on the executors: each Python worker loads newskit's models once.
    records = ({"id": i, "text": t} for i, t in zip(ids, texts, strict=True))
    return pd.Series(
        [json.dumps(r.to_dict()) for r in newskit.digest_many(records, batch_size=256)]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200)
    parser.add_argument("--cores", type=int, default=2)
    args = parser.parse_args()
    # Spark's Python workers must run the interpreter that has newskit installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    rows = [
        (
            str(i),
            f"Talks resume in Geneva, round {i}\n\n"
            "Foreign ministers of the two countries met on Monday to resume talks.\n\n"
            "Floods hit the coast as the meeting began, officials said.",
        )
        for i in range(args.records)
    ]
    spark = (
        SparkSession.builder.master(f"local[{args.cores}]")
        .appName("newskit-digest")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    try:
        df = spark.createDataFrame(rows, ["id", "text"]).repartition(args.cores)
        with Timer() as timer:
            out = df.select("id", digest_udf("id", "text").alias("digest")).collect()
    finally:
        spark.stop()
    got = {r["id"]: json.loads(r["digest"]) for r in out}
    want = {r.id: r.to_dict() for r in newskit.digest_many({"id": i, "text": t} for i, t in rows)}
    assert got == want, "Spark result differs from the single-process result"
    print(
        f"spark local[{args.cores}]: {len(out)} records in {timer.wall:.1f} s, same as one process"
    )


if __name__ == "__main__":
    main()
