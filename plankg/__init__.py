"""plankg: a knowledge graph of plans and actors from Chinese government policy documents."""

__version__ = "0.1.0"
