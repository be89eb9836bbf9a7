"""Progress of long CLI work (ingest and load of a folder) on one terminal line: a bar, documents
done of all, documents per second, and the document at hand.

The CLI shows it only on a terminal and never with `--quiet`, so scripts and pipes get only the
results. The clock is a parameter, so the line can be tested without waiting.

>>> import io
>>> ticks = iter([0.0, 2.0, 4.0])
>>> out = io.StringIO()
>>> line = ProgressLine("ingest", out, clock=lambda: next(ticks), width=10)
>>> line(1, 4, "001_科技.txt")
>>> line(4, 4, "004_数字.txt")
>>> print(out.getvalue().replace("\\r", "|"))
|ingest [##--------] 1/4  0.5 docs/s  001_科技.txt|ingest [##########] 4/4  1.0 docs/s  004_数字.txt
<BLANKLINE>
"""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO


class ProgressLine:
    """A progress callback `(done, total, item)` that redraws one line of `stream` in place and
    ends it when the work is done."""

    def __init__(self, label: str, stream: TextIO, *, clock: Callable[[], float] = time.monotonic,
                 width: int = 24) -> None:
        self.label, self.stream, self.clock, self.width = label, stream, clock, width
        self.start = clock()
        self.last_length = 0

    def __call__(self, done: int, total: int, item: str) -> None:
        elapsed = self.clock() - self.start
        rate = done / elapsed if elapsed > 0 else 0.0
        filled = self.width * done // total if total else self.width
        text = (f"{self.label} [{'#' * filled}{'-' * (self.width - filled)}] {done}/{total}  "
                f"{rate:.1f} docs/s  {item}")
        # pad over the rest of a longer line drawn before
        self.stream.write("\r" + text + " " * max(0, self.last_length - len(text)))
        self.last_length = len(text)
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()
