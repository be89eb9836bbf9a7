"""Progress of long CLI work on one terminal line: ingest (documents), load (rows), viz and
export (files and bytes written).

`ProgressLine` draws counted work: a bar, done of all, the rate per second and the time left.
`OutputWatch` draws work whose total is unknown to the caller (views, exports): it watches the
files appear under an output path and shows how many, how large, and how fast.

The CLI shows them only on a terminal and never with `--quiet`, so scripts and pipes get only the
results. The clock is a parameter, so the lines can be tested without waiting.

>>> import io
>>> ticks = iter([0.0, 2.0, 4.0])
>>> out = io.StringIO()
>>> line = ProgressLine("ingest", out, clock=lambda: next(ticks), width=10)
>>> line(1, 4, "001_科技.txt")
>>> line(4, 4, "004_数字.txt")
>>> out.getvalue().replace("\\r", "|").rstrip()  # the shorter line is padded over the longer one
'|ingest [##--------] 1/4  0.5 docs/s  ETA 0:06  001_科技.txt|ingest [##########] 4/4  1.0 docs/s  0:04  004_数字.txt'
>>> out.getvalue().endswith("\\n")
True
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


def clock_time(seconds: float) -> str:
    """Seconds as H:MM:SS, or M:SS under an hour.

    >>> clock_time(6), clock_time(754.4), clock_time(3 * 3600 + 61)
    ('0:06', '12:34', '3:01:01')
    """
    s = int(round(seconds))
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def rate_text(rate: float) -> str:
    """A rate as a person reads it: one decimal below 100, thousands grouped above.

    >>> rate_text(0.54), rate_text(12345.6)
    ('0.5', '12,346')
    """
    return f"{rate:.1f}" if rate < 100 else f"{rate:,.0f}"


class ProgressLine:
    """A progress callback `(done, total, item)` that redraws one line of `stream` in place and
    ends it when the work is done. `unit` names what is counted (docs, rows); the line shows
    `unit`/s and the time left at that rate (ETA), and at the end the time taken.

    >>> import io
    >>> ticks = iter([10.0, 12.0])
    >>> out = io.StringIO()
    >>> ProgressLine("load", out, unit="rows", clock=lambda: next(ticks), width=4)(5000, 20000, "document-1")
    >>> out.getvalue()
    '\\rload [#---] 5,000/20,000  2,500 rows/s  ETA 0:06  document-1'
    """

    def __init__(self, label: str, stream: TextIO, *, unit: str = "docs", clock: Callable[[], float] = time.monotonic,
                 width: int = 24) -> None:
        self.label, self.stream, self.unit, self.clock, self.width = label, stream, unit, clock, width
        self.start = clock()
        self.last_length = 0

    def __call__(self, done: int, total: int, item: str) -> None:
        elapsed = self.clock() - self.start
        rate = done / elapsed if elapsed > 0 else 0.0
        filled = min(self.width, self.width * done // total if total else self.width)
        if done >= total:
            timing = clock_time(elapsed)
        else:
            timing = f"ETA {clock_time((total - done) / rate)}" if rate > 0 else "ETA -"
        text = (f"{self.label} [{'#' * filled}{'-' * (self.width - filled)}] {done:,}/{total:,}  "
                f"{rate_text(rate)} {self.unit}/s  {timing}  {item}")
        # pad over the rest of a longer line drawn before
        self.stream.write("\r" + text + " " * max(0, self.last_length - len(text)))
        self.last_length = len(text)
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


def output_size(path: Path, since: float = 0.0) -> tuple[int, int]:
    """(files, bytes) under `path` (a file counts as one) modified at `since` (a time.time()) or
    later: what a writer has written so far.

    >>> output_size(Path("/nonexistent/plankg"))
    (0, 0)
    """
    found = [str(path)] if path.is_file() else [os.path.join(folder, name) for folder, _, names in os.walk(path)
                                                 for name in names]
    files = size = 0
    for name in found:
        try:
            stat = os.stat(name)
        except OSError:  # removed or renamed meanwhile
            continue
        if stat.st_mtime >= since:
            files, size = files + 1, size + stat.st_size
    return files, size


class OutputWatch:
    """A line showing what a writer has put under `path` (files, MB, files/s, time taken), for
    work whose total the caller does not know. `tick()` draws it once; `watching` draws it every
    `interval` seconds on a helper thread while the work runs, and a last time at the end.

    >>> import io, tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.html").write_text("x" * 2048, encoding="utf-8")
    >>> ticks = iter([0.0, 2.0])
    >>> out = io.StringIO()
    >>> OutputWatch("viz", folder, out, clock=lambda: next(ticks), since=0.0).tick(final=True)
    >>> out.getvalue()
    '\\rviz 1 files  0.0 MB  0.5 files/s  0:02\\n'
    """

    def __init__(self, label: str, path: Path, stream: TextIO, *, clock: Callable[[], float] = time.monotonic,
                 interval: float = 0.5, since: float | None = None) -> None:
        self.label, self.path, self.stream, self.clock, self.interval = label, Path(path), stream, clock, interval
        self.start = clock()
        # files written by this run: modified from now on (a second early, for coarse file system clocks)
        self.since = time.time() - 1 if since is None else since
        self.last_length = 0

    def tick(self, *, final: bool = False) -> None:
        files, size = output_size(self.path, self.since)
        elapsed = self.clock() - self.start
        rate = files / elapsed if elapsed > 0 else 0.0
        text = (f"{self.label} {files:,} files  {size / 1e6:,.1f} MB  {rate_text(rate)} files/s  "
                f"{clock_time(elapsed)}")
        self.stream.write("\r" + text + " " * max(0, self.last_length - len(text)) + ("\n" if final else ""))
        self.last_length = len(text)
        self.stream.flush()

    @contextmanager
    def watching(self) -> Iterator[OutputWatch]:
        stop = threading.Event()

        def run() -> None:
            while not stop.wait(self.interval):
                self.tick()

        thread = threading.Thread(target=run, name="plankg-progress", daemon=True)
        thread.start()
        try:
            yield self
        finally:
            stop.set()
            thread.join()
            self.tick(final=True)
