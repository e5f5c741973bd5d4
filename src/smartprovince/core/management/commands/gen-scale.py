"""``smartprovince gen-scale`` (the name the issue uses) — same as ``gen_scale``."""

from .gen_scale import Command  # noqa: F401
