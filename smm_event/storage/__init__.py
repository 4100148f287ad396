"""Storage: SQLAlchemy 2.0 models, engines, migrations and the change log.

Storage helpers take a ``Session`` and never commit; services own their transactions."""
