"""The ``smm-event`` command line: the same services the GUI calls, for organizers and scripts."""
