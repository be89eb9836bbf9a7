"""Opening an embedded store: the driver, imported lazily; a read-only open that finishes a
checkpoint a killed writer cut short; what a failed open means (a lock, damage, anything else);
and deleting a store with the files the engine keeps beside it."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from plankg.errors import MissingDependencyError, StoreError


def import_driver() -> Any:
    """The `ladybug` module, or the error that says how to install it."""
    try:
        import ladybug
    except ImportError:
        raise MissingDependencyError("ladybug", "the embedded graph store") from None
    return ladybug


def open_database(ladybug: Any, path: Path, *, read_only: bool) -> Any:
    """A `ladybug.Database` on `path`. Read-only, a store whose last checkpoint was cut short
    (a killed writer) is first opened for writing once: LadybugDB finishes the checkpoint then,
    which restores the state of the last commit and changes no data."""
    try:
        return ladybug.Database(str(path), read_only=read_only)
    except RuntimeError as exc:
        if not (read_only and "recovery is pending" in str(exc)):
            raise
    ladybug.Database(str(path)).close()
    return ladybug.Database(str(path), read_only=True)


def remove_store(path: Path) -> None:
    """Delete an embedded store: its file or folder and the files beside it (`.wal`, …).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> for name in ("g.lbdb", "g.lbdb.wal", "other.lbdb"):
    ...     _ = (folder / name).write_text("x")
    >>> remove_store(folder / "g.lbdb")
    >>> sorted(p.name for p in folder.iterdir())
    ['other.lbdb']
    """
    import shutil

    for item in [path, *path.parent.glob(path.name + ".*")]:
        if item.is_dir():
            shutil.rmtree(item)
        elif item.exists():
            item.unlink()



_DAMAGE = ("not a valid Lbug database", "Cannot read checkpoint", "outside the database file", "checksum",
           "corrupt", "Corrupt")


def open_failure(message: str, url: str, path: Path) -> StoreError:
    """The error to raise when LadybugDB cannot open the store at `path`, told apart by the
    engine's message: another process writing it, a damaged file, or anything else.

    >>> open_failure("Unable to open database. The file is not a valid Lbug database file!",
    ...              "ladybug:///s", Path("/s")).what
    'the graph store /s is damaged (Unable to open database. The file is not a valid Lbug database file!)'
    >>> locked = open_failure("Could not set lock on file : /s (Lock is held by PID 7)", "ladybug:///s", Path("/s"))
    >>> "plankg load" in locked.fix
    True
    """
    message = message.removeprefix("Runtime exception: ").removeprefix("IO exception: ")
    if "Could not set lock" in message:
        holder = re.search(r"held by PID (\d+)", message)
        who = f"process {holder.group(1)}" if holder else "another process"
        return StoreError(f"the graph store {path} is open for writing by {who}", where=url,
                          fix="wait until that process (a `plankg load` or `plankg demo`) ends, or stop it")
    if any(sign in message for sign in _DAMAGE):
        # LadybugDB adds "please retry later" because a checkpoint in another process looks the
        # same for a moment; a store no process is writing stays this way: it is damaged
        message = message.split(" The database may be checkpointing")[0]
        return StoreError(f"the graph store {path} is damaged ({message})", where=url,
                          fix=f"restore it from a copy, or delete {path} (and {path}.wal) and build it again with "
                              "`plankg load DOCUMENTS` (or `plankg demo`); if a `plankg load` is writing it right now, "
                              "wait for it to end first")
    return StoreError(f"cannot open the graph store {path}: {message}", where=url,
                      fix="check that the path is a plankg store (a file) and that its folder is writable")


def missing_store(url: str, path: Path) -> StoreError:
    return StoreError(f"there is no graph store at {path}", where=url,
                      fix="build one with `plankg demo` (or `plankg load DOCUMENTS --store ladybug://PATH`), or name "
                          "an existing store with --store or PLANKG_STORE")


