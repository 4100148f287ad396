"""Sync between laptops and the central PostgreSQL database, and by bundle files.

Kept import-light: db/env.py imports ``smm_event.sync.models`` to register the local table."""
