"""Builders and helpers shared by the tests, imported as ``helpers.<module>`` (not fixtures: those live in
tests/conftest.py)."""
