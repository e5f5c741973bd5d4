"""Stored file names: a random name under a folder, keeping only a short lower-case suffix, so
nothing a user typed reaches the file system."""

from __future__ import annotations

import uuid
from pathlib import PurePath


def random_upload_path(folder: str, filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"{folder}/{uuid.uuid4().hex}{suffix}"
