"""The roster: who takes part. ``store`` reads participants inside a caller's transaction;
importing a roster file is ``smm_event.importing``, its use cases ``smm_event.services``."""
