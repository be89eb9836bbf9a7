"""Extraction on every core: a process pool whose workers each build the spaCy pipeline once
(the initializer) and extract documents in the order given, a bounded window at a time.

Extraction holds the GIL for its whole run (regular expressions and spaCy components in
Python), so threads would not help; processes do. The pool keeps the caller's order: results
come back in the order of the inputs whatever worker finishes first, so the outputs of
`--jobs 1` and `--jobs N` are the same bytes. At most `window` documents are in flight, so a
corpus of any size is never held whole.

>>> list(ordered_map(len, ["ab", "c", ""], jobs=1))
[2, 1, 0]
>>> default_jobs() >= 1
True
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from plankg.errors import MissingDependencyError, PlankgError

T = TypeVar("T")
R = TypeVar("R")

WINDOW_PER_WORKER = 4  # documents in flight per worker: enough to keep it busy, few enough to stay small


def default_jobs() -> int:
    """The cores this process may run on (all of them, unless an affinity mask says fewer)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_jobs(jobs: int | None) -> int:
    """`jobs` as a worker count: None means every core.

    >>> check_jobs(2), check_jobs(None) == default_jobs()
    (2, True)
    >>> check_jobs(0)
    Traceback (most recent call last):
    ...
    plankg.errors.PlankgError: --jobs 0 is not a number of processes. Fix: give 1 (in this process) or more
    """
    if jobs is None:
        return default_jobs()
    if jobs < 1:
        raise PlankgError(f"--jobs {jobs} is not a number of processes", fix="give 1 (in this process) or more")
    return jobs


def warm_extraction() -> None:
    """A worker's initializer: build the spaCy pipeline (and load its gazetteers) once."""
    from plankg.ingest.components import build_nlp

    build_nlp()


def _context():
    # forkserver: workers are forked from a clean server process, never from a parent that holds
    # threads or an open database (fork would copy them); spawn where forkserver is missing
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


ENGINES = ("local", "dask")
SCHEDULER_TIMEOUT = "30s"  # how long to try reaching a Dask scheduler


def ordered_map(func: Callable[[T], R], items: Iterable[T], *, jobs: int,
                initializer: Callable[[], None] | None = warm_extraction,
                window: int | None = None, engine: str = "local", scheduler: str | None = None) -> Iterator[R]:
    """`map(func, items)` over `jobs` processes, results in the order of `items`, at most `window`
    items in flight (default `jobs * WINDOW_PER_WORKER`). `jobs=1` runs in this process, with no
    initializer. `func` must be importable by name (a module-level function). An exception raised
    by `func` is raised here, at its item's turn.

    `engine="dask"` runs `func` on the workers of the Dask cluster whose scheduler is at
    `scheduler` (tcp://HOST:8786), or, without one, on a local cluster of `jobs` worker
    processes; the initializer runs once on every worker first. The order is kept the same way."""
    if engine not in ENGINES:
        raise PlankgError(f"unknown engine {engine!r}", fix=f"use one of {', '.join(ENGINES)}")
    if engine == "dask":
        yield from _dask_map(func, items, jobs=jobs, initializer=initializer, window=window, scheduler=scheduler)
        return
    if jobs <= 1:
        yield from map(func, items)
        return
    window = window or jobs * WINDOW_PER_WORKER
    pending: deque[Future[Any]] = deque()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=initializer) as pool:
        try:
            for item in items:
                pending.append(pool.submit(func, item))
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:  # the caller stopped early, or a result raised
                future.cancel()


def _dask_map(func: Callable[[T], R], items: Iterable[T], *, jobs: int, initializer: Callable[[], None] | None,
              window: int | None, scheduler: str | None) -> Iterator[R]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise MissingDependencyError("distributed", "plankg ingest --engine dask", extra="scale") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        else:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
    except OSError as exc:
        if cluster is not None:
            cluster.close()
        raise PlankgError(f"cannot reach the Dask scheduler at {scheduler}: {exc}", where=scheduler,
                          fix="start one (dask scheduler; dask worker ADDRESS on each machine) and give its "
                              "address, e.g. --scheduler tcp://10.0.0.5:8786") from None
    pending: deque[Any] = deque()
    try:
        if initializer is not None:
            client.run(initializer)  # every worker builds the pipeline once, before its first document
        # extraction holds the GIL: a worker's threads share one core, so count threads as processes
        window = window or WINDOW_PER_WORKER * max(1, sum(client.nthreads().values()))
        for item in items:
            pending.append(client.submit(func, item, pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        client.close()
        if cluster is not None:
            cluster.close()


def pipeline_builds(_item: object = None) -> tuple[int, int]:
    """(process id, times this process has built the spaCy pipeline): what a worker reports when
    asked, so a test can see that each worker built it once, in its initializer."""
    from plankg.ingest.components import build_nlp

    build_nlp()
    return os.getpid(), build_nlp.cache_info().misses
