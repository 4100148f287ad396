"""«Станции»: enrolled laptops (organizer) and joining an event (new laptop)."""
