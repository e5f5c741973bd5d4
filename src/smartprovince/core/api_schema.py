"""OpenAPI schema generation (drf-spectacular)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema


class AutoSchema(SpectacularAutoSchema):
    """Marks public operations (``public`` / ``public_write`` views) as not needing a token."""

    def get_auth(self) -> list[dict[str, Any]]:
        auths = super().get_auth()
        safe = self.method in ("GET", "HEAD", "OPTIONS")
        public = (safe and getattr(self.view, "public", False)) or (not safe and getattr(self.view, "public_write", False))
        if public and {} not in auths:
            auths.append({})
        return auths

