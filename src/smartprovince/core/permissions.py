"""One permission vocabulary (``<app>.<resource>:<action>``) and its enforcement.

Apps declare their permissions as data in ``<app>/permissions.py``::

    declare("projects.project:write", "แก้ไขโครงการ", roles=EDITORS)

Roles come from ``agencies.Membership``. ``province_admin``, ``executive`` and ``inspector``
hold their grants province-wide; ``agency_editor`` and ``agency_viewer`` only for the agency of
their membership. A superuser is a province admin.

Views only *declare* what they need: ``permission`` (read), ``write_permission`` (unsafe
methods) or ``public = True``. ``PermissionRequiredMixin`` (HTML) and ``DeclaredPermission``
(DRF) enforce the declaration; an unknown name fails the system check at start-up, and a view
that declares nothing is refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest, HttpResponse
from rest_framework.permissions import SAFE_METHODS, BasePermission

PROVINCE_ADMIN = "province_admin"
EXECUTIVE = "executive"
INSPECTOR = "inspector"
AGENCY_EDITOR = "agency_editor"
AGENCY_VIEWER = "agency_viewer"

ROLES = (PROVINCE_ADMIN, EXECUTIVE, INSPECTOR, AGENCY_EDITOR, AGENCY_VIEWER)
PROVINCE_WIDE_ROLES = frozenset({PROVINCE_ADMIN, EXECUTIVE, INSPECTOR})

# Common grant sets
ADMINS = frozenset({PROVINCE_ADMIN})
EVERY_ROLE = frozenset(ROLES)
EDITORS = frozenset({PROVINCE_ADMIN, AGENCY_EDITOR})
PROVINCE_READERS = frozenset({PROVINCE_ADMIN, EXECUTIVE, INSPECTOR})
INSPECTORS = frozenset({PROVINCE_ADMIN, INSPECTOR})


@dataclass(frozen=True)
class PermissionDef:
    name: str
    description_th: str
    roles: frozenset[str]


_REGISTRY: dict[str, PermissionDef] = {}


def declare(name: str, description_th: str, *, roles: Iterable[str]) -> PermissionDef:
    app_resource, _, action = name.partition(":")
    if not action or app_resource.count(".") != 1:
        raise ImproperlyConfigured(f"permission {name!r} is not of the form <app>.<resource>:<action>")
    role_set = frozenset(roles)
    unknown = role_set - set(ROLES)
    if unknown:
        raise ImproperlyConfigured(f"permission {name!r} names unknown roles {sorted(unknown)}")
    definition = PermissionDef(name, description_th, role_set)
    existing = _REGISTRY.get(name)
    if existing and existing != definition:
        raise ImproperlyConfigured(f"permission {name!r} declared twice with different grants")
    _REGISTRY[name] = definition
    return definition


def get_permission(name: str) -> PermissionDef:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ImproperlyConfigured(f"unknown permission {name!r}") from None


def all_permissions() -> dict[str, PermissionDef]:
    return dict(_REGISTRY)


# ------------------------------------------------------------------ grants


def user_grants(user: Any) -> dict[str, set[int]]:
    """``{role: {agency_id, ...}}`` for the user's memberships; cached on the user object."""
    cached = getattr(user, "_sp_grants", None)
    if cached is not None:
        return cached
    grants: dict[str, set[int]] = {}
    if getattr(user, "is_authenticated", False):
        from smartprovince.agencies.models import Membership

        for role, agency_id in Membership.objects.filter(user=user, is_active=True).values_list(
            "role", "agency_id"
        ):
            grants.setdefault(role, set()).add(agency_id)
        if user.is_superuser:
            grants.setdefault(PROVINCE_ADMIN, set())
    user._sp_grants = grants
    return grants


def has_perm(user: Any, name: str, agency_id: int | None = None) -> bool:
    """Does ``user`` hold ``name``? With ``agency_id``: for that agency; without: anywhere."""
    definition = get_permission(name)
    if not getattr(user, "is_authenticated", False):
        return False
    grants = user_grants(user)
    for role in definition.roles:
        if role not in grants:
            continue
        if role in PROVINCE_WIDE_ROLES or agency_id is None or agency_id in grants[role]:
            return True
    return False


def agencies_with_perm(user: Any, name: str) -> set[int] | None:
    """Agency ids where ``user`` holds ``name``; ``None`` means every agency (province-wide)."""
    definition = get_permission(name)
    if not getattr(user, "is_authenticated", False):
        return set()
    grants = user_grants(user)
    result: set[int] = set()
    for role in definition.roles:
        if role not in grants:
            continue
        if role in PROVINCE_WIDE_ROLES:
            return None
        result |= grants[role]
    return result


def user_roles(user: Any) -> set[str]:
    return set(user_grants(user))


def require(user: Any, name: str, agency_id: int | None = None) -> None:
    """Raise ``PermissionDenied`` unless the user holds the permission."""
    if not has_perm(user, name, agency_id):
        raise PermissionDenied(name)


# ------------------------------------------------------------------ enforcement


class PermissionRequiredMixin:
    """Enforces a view's declared ``permission`` / ``write_permission`` / ``public``."""

    permission: str | None = None
    write_permission: str | None = None
    public: bool = False

    def needed_permission(self, method: str) -> str | None:
        if method in SAFE_METHODS:
            return self.permission
        return self.write_permission or self.permission

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        needed = self.needed_permission(request.method or "GET")
        if self.public and (request.method in SAFE_METHODS or needed is None):
            return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        if needed is None:
            raise ImproperlyConfigured(f"{type(self).__name__} declares no permission and is not public")
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not has_perm(request.user, needed):
            raise PermissionDenied(needed)
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


class DeclaredPermission(BasePermission):
    """DRF twin of ``PermissionRequiredMixin``.

    A view declares ``permission`` (safe methods), ``write_permission`` (others), ``public``
    (anonymous reads) and ``public_write`` (anonymous writes, e.g. survey responses).
    """

    def has_permission(self, request: Any, view: Any) -> bool:
        safe = request.method in SAFE_METHODS
        if safe and getattr(view, "public", False):
            return True
        if not safe and getattr(view, "public_write", False):
            return True
        needed = getattr(view, "permission", None) if safe else (
            getattr(view, "write_permission", None) or getattr(view, "permission", None)
        )
        if needed is None:
            return False
        if not request.user or not request.user.is_authenticated:
            return False
        return has_perm(request.user, needed)


def view_declarations(view_class: Any) -> list[str]:
    return [p for p in (getattr(view_class, "permission", None), getattr(view_class, "write_permission", None)) if p]


# The core's own permissions
declare("core.audit:read", "ดูประวัติการเปลี่ยนแปลง", roles=EVERY_ROLE)
declare("core.job:read", "ดูสถานะงานเบื้องหลัง", roles=EVERY_ROLE)
declare("core.workspace:read", "เข้าใช้งานส่วนเจ้าหน้าที่", roles=EVERY_ROLE)
