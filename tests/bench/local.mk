# rules for tests/bench
