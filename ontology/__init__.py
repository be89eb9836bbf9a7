"""The plankg vocabulary: node labels, relationship types, properties (vocab), the pydantic
model they map to (model), content-derived ids (ids), and the OWL/Turtle files."""
