"""The check-in decision: one pure function that judges a scan (``engine.decide``)."""
