"""Scale-out on Dask: the joblib Dask backend and dask.bag give the same records as one process."""

from __future__ import annotations

from collections.abc import Iterator

import joblib
import pytest

from newskit._digest import digest_many

distributed = pytest.importorskip(
    "distributed", reason="the optional 'scale' extra (dask[distributed]) is not installed"
)
dask_bag = pytest.importorskip("dask.bag", reason="the optional 'scale' extra is not installed")

RECORDS = [
    {"id": str(i), "text": f"Story {i}\n\nFloods hit the coast.\n\nTalks began in Geneva."}
    for i in range(24)
] + [{"id": "bad", "text": None}]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as c:
        yield c


def _expected() -> list[dict[str, object]]:
    return [r.to_dict() for r in digest_many(RECORDS)]


@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::ResourceWarning")
def test_joblib_dask_backend(client: object) -> None:
    with joblib.parallel_config(backend="dask"):
        got = [r.to_dict() for r in digest_many(RECORDS, n_jobs=2, batch_size=5)]
    assert got == _expected()


def _partition(records: list[dict[str, object]]) -> list[dict[str, object]]:
    return [r.to_dict() for r in digest_many(records)]


@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::ResourceWarning")
def test_dask_bag_map_partitions(client: object) -> None:
    bag = dask_bag.from_sequence(RECORDS, npartitions=4).map_partitions(_partition)
    got = bag.compute()
    assert got == _expected()
    assert got[-1]["ok"] is False
