"""storymaker: anonymised composite stories from tagged interview excerpts."""
__version__ = "0.1.0"
