"""Spiders, one module per platform. They route requests; parsing is in ``spiders.extract``."""
