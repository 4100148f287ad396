"""Trust: enrolled stations, signed change log, what each role may write (docs/trust.md)."""
