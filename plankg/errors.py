"""The one exception root of plankg.

Every error says what failed, where (file, query, store URL), and how to fix it.
Stages raise subclasses; the CLI catches `PlankgError` and prints its message.
"""
from __future__ import annotations


class PlankgError(Exception):
    """Root of every error plankg raises on purpose.

    >>> str(PlankgError("reading plan.txt failed", where="data/plan.txt", fix="save it as UTF-8"))
    'reading plan.txt failed [data/plan.txt]. Fix: save it as UTF-8'
    """

    def __init__(self, what: str, *, where: str | None = None, fix: str | None = None):
        self.what, self.where, self.fix = what, where, fix
        message = what
        if where:
            message += f" [{where}]"
        if fix:
            message += f". Fix: {fix}"
        super().__init__(message)

    def __reduce__(self):
        # a process pool's worker sends its errors back pickled; the default would call
        # cls(message), losing `where` and `fix` and failing for subclasses with other arguments
        return (_rebuild, (type(self), self.what, self.where, self.fix, dict(self.__dict__)))


def _rebuild(cls: type[PlankgError], what: str, where: str | None, fix: str | None, state: dict) -> PlankgError:
    """An error as pickled by `PlankgError.__reduce__`.

    >>> import pickle
    >>> error = pickle.loads(pickle.dumps(MissingDependencyError("dask", "ingest on Dask", "scale")))
    >>> type(error).__name__, error.fix
    ('MissingDependencyError', 'run: pip install "plankg[scale]"')
    """
    error = cls.__new__(cls)
    PlankgError.__init__(error, what, where=where, fix=fix)
    error.__dict__.update(state)
    return error


class InputError(PlankgError):
    """A source document cannot be read or decoded."""


class ExtractionError(PlankgError):
    """Extraction produced something that violates the contract."""


class OntologyError(PlankgError):
    """A label, relationship type or property is not in the ontology."""


class StoreError(PlankgError):
    """A graph store cannot be opened, written or queried."""


class StaleStoreError(StoreError):
    """An embedded store was built by another version of the ontology."""


class QueryError(PlankgError):
    """A query pack file is malformed, unknown, or was called with bad parameters."""


class VizError(PlankgError):
    """A view or export cannot be written."""


class MissingDependencyError(PlankgError):
    """An optional package is not installed; the message carries the pip command."""

    def __init__(self, package: str, purpose: str, extra: str | None = None):
        pip = f'pip install "plankg[{extra}]"' if extra else f"pip install {package}"
        super().__init__(f"{purpose} needs the Python package '{package}', which is not installed",
                         fix=f"run: {pip}")
