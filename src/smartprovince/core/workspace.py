"""Panels on the back-office home, declared by each app (like the menu): a title, a short
text, links, for users holding a permission. Apps call ``workspace_panel`` in navigation.py.
A link may name a permission of its own (``(label, url name, permission)``), e.g. a "create"
link in a panel that read-only roles also see. Titles, texts and labels are marked for
translation (``gettext_lazy``) and shown in the language of the request."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.urls import NoReverseMatch, reverse

from .permissions import has_perm

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

    StrOrPromise = str | _StrPromise


@dataclass(frozen=True)
class Panel:
    title: StrOrPromise
    text: StrOrPromise
    links: tuple[tuple[StrOrPromise, ...], ...]  # (label, url name) or (label, url name, permission)
    permission: str
    order: int = 100


_PANELS: list[Panel] = []


def workspace_panel(title: StrOrPromise, text: StrOrPromise, links: list[tuple[StrOrPromise, ...]], *, permission: str,
                    order: int = 100) -> None:
    panel = Panel(title, text, tuple(links), permission, order)
    if panel not in _PANELS:
        _PANELS.append(panel)


def workspace_panels(user: Any) -> list[dict[str, Any]]:
    result = []
    for panel in sorted(_PANELS, key=lambda p: p.order):
        if not has_perm(user, panel.permission):
            continue
        links = []
        for label, name, *needs in panel.links:
            if needs and not has_perm(user, str(needs[0])):
                continue
            try:
                links.append({"label": str(label), "url": reverse(str(name))})
            except NoReverseMatch:
                continue
        result.append({"title": str(panel.title), "text": str(panel.text), "links": links})
    return result
