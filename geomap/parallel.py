"""Ordered, bounded parallel map over batches of items, on worker processes forked from this
one (so they start with what it has loaded, e.g. the gazetteer), for ``--jobs``.

Results come back in input order and each batch's result depends on that batch alone, so the
output is the same, byte for byte, whatever the number of processes. At most ``2 * jobs``
batches are in flight: the input is read lazily and memory stays bounded. An input of fewer
than two batches is processed here, without starting any process.
"""
from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

BATCH = 32               # items a task: large enough that sending it costs little


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:                     # not on Linux
        return os.cpu_count() or 1


def auto_jobs() -> int:
    """The default number of processes: one per available core where worker processes can
    be forked (they then share the loaded gazetteer), else 1."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return available_cores()


# The function the forked workers apply: set in the parent before the fork (workers inherit
# it), never sent between processes.
_task: Callable | None = None


def _run(batch: list):
    return _task(batch)  # type: ignore[misc]


def _ignore_interrupt() -> None:
    """Leave Ctrl-C to the parent, which lets the batches in flight finish and the workers
    exit (no traceback from each); collect cyclic garbage even if the parent paused that
    (``api.combine`` does while it reads the workers' results)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.enable()


def beside(func: Callable[..., R], *args) -> Callable[[], R]:
    """Start ``func(*args)`` on a process forked now, while this one goes on; the function
    returned waits for its result. It is computed here instead (when called) where no process
    can be forked or this one is a pool's worker, or if the forked one fails (so an error is
    raised here, as without it)."""
    if "fork" not in multiprocessing.get_all_start_methods() or \
            multiprocessing.current_process().daemon:
        return lambda: func(*args)
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_send, args=(send, func, args), daemon=True)
    child.start()
    send.close()

    def result() -> R:
        try:
            return receive.recv()
        except EOFError:                        # it failed: compute (and raise) here
            return func(*args)
        finally:
            receive.close()
            child.join()
    return result


def _send(conn, func: Callable, args: tuple) -> None:
    """``beside``'s forked process: send ``func(*args)`` (nothing if it fails)."""
    _ignore_interrupt()
    try:
        conn.send(func(*args))
    except Exception:       # the parent sees the pipe closed and computes it itself
        pass
    finally:
        conn.close()


def map_batches(func: Callable[[list[T]], R], items: Iterable[T], jobs: int,
                batch: int = BATCH) -> Generator[R, None, None]:
    """``func(b)`` for the consecutive batches ``b`` of ``items`` (lists of ``batch`` items,
    the last one shorter), in order, on ``jobs`` processes. ``func`` need not be picklable;
    each batch and result must be."""
    global _task
    it = iter(items)
    batches = iter(lambda: list(itertools.islice(it, batch)), [])
    first = list(itertools.islice(batches, 2))
    if jobs <= 1 or len(first) < 2:
        yield from map(func, itertools.chain(first, batches))
        return
    _task = func
    # What is loaded now stays out of the collector's reach: a collection in a worker would
    # otherwise touch, and so copy, every page it shares with this process.
    frozen = gc.get_freeze_count()             # the caller's, kept frozen
    gc.freeze()
    pool = multiprocessing.get_context("fork").Pool(jobs, _ignore_interrupt)
    pending: deque = deque()
    try:
        for b in itertools.chain(first, batches):
            pending.append(pool.apply_async(_run, (b,)))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
    finally:
        # However the caller stops (done, an error, the generator closed early), the batches
        # in flight (at most 2 x jobs) finish and the workers exit on their own: terminating
        # a worker while it sends a result can leave the result queue's lock held, and
        # Pool.terminate() then waits for it forever.
        for r in pending:
            r.wait()
        pool.close()
        pool.join()
        if not frozen:
            gc.unfreeze()
        _task = None
