"""Performance benchmarks; run ``uv run python -m benchmarks.run`` (writes docs/benchmarks.md)."""
