"""Test set-up shared by every app's tests (src/smartprovince/*/tests and tests/)."""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytest_plugins = ["smartprovince.testing.fixtures"]
