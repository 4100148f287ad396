"""Programme outcomes: test gains, surveys, the accelerator selection, reach and the funnel
(pure functions over plain data; the services in smm_event/services/ load and store)."""
