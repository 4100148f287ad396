"""The evidence pack for the grant report (docs/outcomes.md, "The evidence pack")."""
