"""One agency picker for every filter form (1,500 agencies do not fit in a ``<select>``).

A page declares a picker for one GET parameter and, optionally, the permission that decides
which agencies the user may pick (no permission: the active agencies, which are public)::

    picker = agency_pick(request, name="agency", permission="projects.project:read", allow_pk=True)
    qs = picker.restrict(project_list(..., agency_id=picker.agency_id))
    ... {"agency_picker": picker} ...
    {% include "core/_agency_picker.html" with picker=agency_picker %}   (inside the GET form)

The field is a text input. Without JavaScript the user types a code or part of a name and
submits; ``agency_pick`` resolves it (exact code, ``ชื่อ (รหัส)`` as the suggestions fill it,
exact name, else the one agency whose name contains the text) or says in Thai that nothing or
several agencies match (the several are offered as links). With htmx the input asks
``core_lookup:agency-pick`` for at most ``LIMIT`` suggestions while the user types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext

from smartprovince.agencies.models import Agency

from .permissions import agencies_with_perm, get_permission

LIMIT = 20
MAX_TEXT = 100
_CODE_SUFFIX = re.compile(r"\(([^()\s]{1,32})\)\s*$")

_Row = TypeVar("_Row", bound=Model)


def agency_label(agency: Agency) -> str:
    """What the input shows for a chosen agency, and what a suggestion fills in."""
    return f"{agency.name_th} ({agency.code})"


def pickable_agencies(*, actor: Any, permission: str | None = None) -> QuerySet[Agency]:
    """Active agencies the actor may pick: every one (public), or where ``permission`` is held."""
    qs = Agency.objects.filter(is_active=True)
    if permission is None:
        return qs
    get_permission(permission)  # an unknown name is a programming error
    allowed = agencies_with_perm(actor, permission)
    return qs if allowed is None else qs.filter(pk__in=allowed)


def _matching(qs: QuerySet[Agency], text: str) -> QuerySet[Agency]:
    # Thai has no spaces between words: every space-separated term is a substring of the name,
    # the short name or the code.
    for term in text.split()[:8]:
        qs = qs.filter(Q(name_th__icontains=term) | Q(short_name_th__icontains=term) | Q(code__icontains=term))
    return qs


def _code_forms(text: str) -> set[str]:
    # Codes are stored upper-case (SKN-AGRI); typed in lower case they still match, by the index.
    return {text, text.upper()}


def agency_search(*, actor: Any, text: str, permission: str | None = None, limit: int = LIMIT) -> tuple[list[Agency], bool]:
    """At most ``limit`` pickable agencies matching ``text`` by name or code (by name), and
    whether there were more. ``ชื่อ (รหัส)`` (a filled-in suggestion) finds that agency. Empty
    text matches nothing."""
    text = text.strip()[:MAX_TEXT]
    if not text:
        return [], False
    scope = pickable_agencies(actor=actor, permission=permission).only("pk", "code", "name_th").order_by("name_th", "pk")
    suffix = _CODE_SUFFIX.search(text)
    if suffix:
        by_code = list(scope.filter(code__in=_code_forms(suffix.group(1)))[:1])
        if by_code:
            return by_code, False
        # The code changed since the suggestion was filled in: look the name part up instead.
        text = text[: suffix.start()].strip() or text
    rows = list(_matching(scope, text)[: limit + 1])
    return rows[:limit], len(rows) > limit


@dataclass
class AgencyPick:
    """The outcome of reading a picker's parameter, and what its template include needs."""

    name: str
    text: str = ""
    agency: Agency | None = None
    candidates: list[tuple[Agency, str]] = field(default_factory=list)  # (agency, link that picks it)
    more: bool = False
    permission: str | None = None
    label: str = ""
    blank_label: str = ""

    @property
    def value(self) -> str:
        """What the input shows: the chosen agency by name (and code), else what was typed."""
        return agency_label(self.agency) if self.agency else self.text

    @property
    def unresolved(self) -> bool:
        """Something was typed and it names no single agency: the list must not be unfiltered."""
        return bool(self.text) and self.agency is None

    @property
    def agency_id(self) -> int | None:
        """The chosen agency's id for a selector's ``agency_id=`` (None: no agency filter)."""
        return self.agency.pk if self.agency else None

    def restrict(self, qs: QuerySet[_Row]) -> QuerySet[_Row]:
        """``qs`` as it is, or empty when the typed text named no single agency (an unresolved
        pick must not fall back to every agency's rows)."""
        return qs.none() if self.unresolved else qs

    @property
    def message(self) -> str:
        if not self.unresolved:
            return ""
        if self.candidates:
            return gettext("มีหลายหน่วยงานที่ตรงกับ “%(text)s” กรุณาเลือกหน่วยงานจากรายการด้านล่าง") % {"text": self.text}
        return gettext("ไม่พบหน่วยงานที่ตรงกับ “%(text)s” ลองพิมพ์ชื่อให้สั้นลง หรือพิมพ์รหัสหน่วยงาน") % {"text": self.text}


def agency_pick(
    request: HttpRequest, *, name: str = "agency", permission: str | None = None, allow_pk: bool = False,
    label: str = "", blank_label: str = "",
) -> AgencyPick:
    """Resolve the picker's GET parameter ``name`` to one agency the user may pick.

    Tried in order: the primary key (only with ``allow_pk``, for links that carry an id), the
    code, ``ชื่อ (รหัส)``, the exact name, the single agency whose name or code contains the
    text. Nothing or several found: ``agency`` is None, ``candidates`` holds up to ``LIMIT``
    of the several (with links that pick each), and ``message`` says so in Thai. At most two
    small queries, whatever the number of agencies.
    """
    text = request.GET.get(name, "").strip()[:MAX_TEXT]
    pick = AgencyPick(name=name, text=text, permission=permission, label=label or gettext("หน่วยงาน"),
                      blank_label=blank_label)
    if not text:
        return pick
    scope = pickable_agencies(actor=request.user, permission=permission)
    codes = _code_forms(text)
    suffix = _CODE_SUFFIX.search(text)
    if suffix:
        codes |= _code_forms(suffix.group(1))
    exact = Q(code__in=codes) | Q(name_th=text)
    if allow_pk and text.isdigit() and len(text) < 18:
        exact |= Q(pk=int(text))
    found = list(scope.filter(exact).order_by("pk")[:2])
    if len(found) != 1:
        found, pick.more = agency_search(actor=request.user, text=text, permission=permission)
    if len(found) == 1:
        pick.agency = found[0]
        return pick
    for agency in found:
        params = request.GET.copy()
        params[name] = agency.code
        params.pop("page", None)
        pick.candidates.append((agency, "?" + params.urlencode()))
    return pick
