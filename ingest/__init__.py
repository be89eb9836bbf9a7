"""Ingest: read (formats, encodings) -> structure -> extract (spaCy + rules) -> model instances."""
