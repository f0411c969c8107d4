"""Masking identifiers in messages: ``Margaret Owen`` -> ``M******* O***``.

Uses :func:`storymaker.anonymise.mask` when that module is present, so there is
one masking rule in the project; the local fallback follows the same rule.
"""
from __future__ import annotations


def _local_mask(value: str) -> str:
    return " ".join(word[:1] + "*" * (len(word) - 1) for word in value.split())


try:  # pragma: no cover - depends on which stages are installed
    from ..anonymise import mask as mask  # type: ignore[attr-defined]
except ImportError:  # the anonymiser has not landed yet
    mask = _local_mask
