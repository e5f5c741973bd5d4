"""Menu entries declared by each app in ``<app>/navigation.py`` (no app edits the base layout).

``public`` entries appear in the public menu; ``staff`` entries in the back-office menu for
users holding ``permission``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse

from .permissions import has_perm


@dataclass(frozen=True)
class NavItem:
    menu: str  # "public" | "staff"
    label_th: str
    label_en: str
    url_name: str
    permission: str | None = None
    order: int = 100


_ITEMS: list[NavItem] = []


def nav_item(menu: str, label_th: str, label_en: str, url_name: str, *, permission: str | None = None, order: int = 100) -> None:
    item = NavItem(menu, label_th, label_en, url_name, permission, order)
    if item not in _ITEMS:
        _ITEMS.append(item)


def menu_for(menu: str, user: Any, language: str | None) -> list[dict[str, str]]:
    result = []
    for item in sorted((i for i in _ITEMS if i.menu == menu), key=lambda i: (i.order, i.label_th)):
        if item.permission and not has_perm(user, item.permission):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        result.append({"label": item.label_en if language == "en" else item.label_th, "url": url})
    return result
