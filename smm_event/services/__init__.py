"""Use cases, one a function. Each takes a Workspace, owns its transaction and returns plain
data from ``smm_event.domain``. The CLI, the GUI and the tests all call these."""
