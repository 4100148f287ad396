"""The accelerator selection page."""
