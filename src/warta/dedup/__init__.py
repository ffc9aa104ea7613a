"""Near-duplicate stage (between ingest and clean): the same story syndicated across outlets is
coded once; later copies are recorded as mentions of the first. See `near.NearDuplicates`."""

from .minhash import Signer
from .near import NearDuplicates

__all__ = ["NearDuplicates", "Signer"]
