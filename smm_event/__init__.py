"""smm-event core: domain, storage, services, PDFs, sync and CLI. Never imports Qt."""

__version__ = "0.1.0"
