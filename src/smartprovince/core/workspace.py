"""Panels on the back-office home, declared by each app (like the menu): a title, a short
text, links, for users holding a permission. Apps call ``workspace_panel`` in navigation.py.
A link may name a permission of its own (``(label, url name, permission)``), e.g. a "create"
link in a panel that read-only roles also see."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse

from .permissions import has_perm


@dataclass(frozen=True)
class Panel:
    title_th: str
    text_th: str
    links: tuple[tuple[str, ...], ...]  # (label, url name) or (label, url name, permission)
    permission: str
    order: int = 100


_PANELS: list[Panel] = []


def workspace_panel(title_th: str, text_th: str, links: list[tuple[str, ...]], *, permission: str, order: int = 100) -> None:
    panel = Panel(title_th, text_th, tuple(links), permission, order)
    if panel not in _PANELS:
        _PANELS.append(panel)


def workspace_panels(user: Any) -> list[dict[str, Any]]:
    result = []
    for panel in sorted(_PANELS, key=lambda p: p.order):
        if not has_perm(user, panel.permission):
            continue
        links = []
        for label, name, *needs in panel.links:
            if needs and not has_perm(user, needs[0]):
                continue
            try:
                links.append({"label": label, "url": reverse(name)})
            except NoReverseMatch:
                continue
        result.append({"title": panel.title_th, "text": panel.text_th, "links": links})
    return result
