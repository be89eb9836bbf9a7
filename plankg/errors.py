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
