"""The organizer's dashboard page and the evidence-pack button."""
