"""PDF rendering with reportlab: badges, sign-in sheets, certificates. Cyrillic fonts embedded."""
