"""Worker processes that exit soon after the process that started them dies.

A joblib/loky worker whose parent is killed (``kill -9``, an out-of-memory
kill, a crash) is re-parented to PID 1 and would otherwise wait for work
until loky's idle timeout, minutes later, holding its memory. A worker that
calls :func:`watch_parent` runs a daemon thread that checks twice a second
whether its parent is still the process that started it, and ends the worker
(``os._exit``) as soon as it is not. When every worker has gone, the resource
trackers lose their last pipe and exit too.

Linux's ``prctl(PR_SET_PDEATHSIG)`` would be faster but fires when the parent
*thread* that forked the worker ends, and loky may start workers from a
helper thread: polling the parent id is slower by half a second and always
right, and works on macOS too.
"""

from __future__ import annotations

import os
import threading
import time

__all__ = ["POLL_SECONDS", "watch_parent"]

#: How often a worker checks that its parent is alive.
POLL_SECONDS = 0.5

_lock = threading.Lock()
_watching: int | None = None


def watch_parent(parent_pid: int) -> None:
    """End this process soon after ``parent_pid`` stops being its parent.

    Idempotent: a process watches one parent, however often it is called. A
    loky ``initializer``; :func:`newskit._stream.stream_batches` also calls it
    from every batch a worker process runs.
    """
    global _watching
    with _lock:
        if _watching is not None:
            return
        _watching = parent_pid
    if os.getppid() != parent_pid:
        os._exit(1)  # the parent died before this worker got going
    threading.Thread(
        target=_watch, args=(parent_pid,), name="newskit-parent-watchdog", daemon=True
    ).start()


def _watch(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(POLL_SECONDS)
    os._exit(1)
