"""Plain data that crosses the core/UI boundary: frozen dataclasses and enums, never ORM rows."""
