"""Great Expectations suites (generated from the one schema) and row-level quarantine."""
