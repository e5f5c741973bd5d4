"""System check: every view in the URL conf declares known permissions or is public."""

from __future__ import annotations

from typing import Any

from django.core import checks
from django.urls import URLPattern, URLResolver, get_resolver

from .permissions import _REGISTRY, view_declarations


def iter_view_classes(patterns: Any = None, prefix: str = "") -> list[tuple[str, Any]]:
    if patterns is None:
        patterns = get_resolver().url_patterns
    found: list[tuple[str, Any]] = []
    for entry in patterns:
        if isinstance(entry, URLResolver):
            found.extend(iter_view_classes(entry.url_patterns, prefix + str(entry.pattern)))
        elif isinstance(entry, URLPattern):
            callback = entry.callback
            cls = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
            found.append((prefix + str(entry.pattern), cls))
    return found


@checks.register()
def check_declared_permissions(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    errors: list[checks.CheckMessage] = []
    for route, cls in iter_view_classes():
        if cls is None:
            continue
        for name in view_declarations(cls):
            if name not in _REGISTRY:
                errors.append(
                    checks.Error(f"{cls.__name__} at {route} declares unknown permission {name!r}", id="core.E001")
                )
    return errors
