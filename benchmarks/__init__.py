"""Speed measurements at national scale (`python -m benchmarks`); never part of the test suite."""
