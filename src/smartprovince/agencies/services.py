"""Writes for agencies, users and memberships. Each runs in a transaction and is audited."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from smartprovince.core.audit import audit_log, diff, snapshot
from smartprovince.core.models import Area
from smartprovince.core.permissions import PROVINCE_ADMIN, require

from .errors import MESSAGES, AgencyErrorCode
from .models import Agency, Membership

AGENCY_FIELDS = (
    "code", "name_th", "name_en", "short_name_th", "kind", "parent_ministry_th",
    "district_id", "website", "email", "phone", "is_active",
)
DEFAULT_AGENCIES_FILE = Path(__file__).parent / "data" / "sakon-nakhon-agencies.yaml"

User = get_user_model()


def _clean_agency_data(data: dict[str, Any]) -> dict[str, Any]:
    cleaned = dict(data)
    if "district" in cleaned:
        district = cleaned.pop("district")
        cleaned["district_id"] = district.pk if isinstance(district, Area) else district
    return {k: v for k, v in cleaned.items() if k in AGENCY_FIELDS}


@transaction.atomic
def agency_create(*, actor: Any, **data: Any) -> Agency:
    """Create an agency (province admin only)."""
    require(actor, "agencies.agency:write")
    fields = _clean_agency_data(data)
    if Agency.objects.filter(code=fields.get("code")).exists():
        raise ValidationError({"code": MESSAGES[AgencyErrorCode.DUPLICATE_CODE]}, code=AgencyErrorCode.DUPLICATE_CODE)
    agency = Agency(**fields)
    agency.full_clean()
    agency.save()
    audit_log(actor=actor, action="agencies.agency.created", obj=agency, changes=snapshot(agency, AGENCY_FIELDS))
    return agency


@transaction.atomic
def agency_update(*, actor: Any, agency: Agency, **data: Any) -> Agency:
    require(actor, "agencies.agency:write")
    before = snapshot(agency, AGENCY_FIELDS)
    for key, value in _clean_agency_data(data).items():
        setattr(agency, key, value)
    if Agency.objects.filter(code=agency.code).exclude(pk=agency.pk).exists():
        raise ValidationError({"code": MESSAGES[AgencyErrorCode.DUPLICATE_CODE]}, code=AgencyErrorCode.DUPLICATE_CODE)
    agency.full_clean()
    agency.save()
    changes = diff(before, snapshot(agency, AGENCY_FIELDS))
    if changes:
        audit_log(actor=actor, action="agencies.agency.updated", obj=agency, changes=changes)
    return agency


@transaction.atomic
def user_create(
    *, actor: Any, username: str, password: str | None, first_name: str = "", last_name: str = "", email: str = ""
) -> AbstractBaseUser:
    """Create a staff user account. The password is checked by Django's validators."""
    require(actor, "agencies.user:write")
    user = User(username=username, first_name=first_name, last_name=last_name, email=email)
    user.full_clean(exclude=["password"])
    if password:
        from django.contrib.auth.password_validation import validate_password

        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ValidationError({"password": exc.messages}) from None
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    audit_log(
        actor=actor, action="agencies.user.created", obj=user,
        changes={"username": username, "first_name": first_name, "last_name": last_name, "email": email},
    )
    return user


@transaction.atomic
def membership_grant(*, actor: Any, user: Any, agency: Agency, role: str) -> Membership:
    """Give ``user`` ``role`` in ``agency`` (re-activates a revoked membership)."""
    require(actor, "agencies.user:write")
    if role not in Membership.Role.values:
        raise ValidationError({"role": gettext("บทบาทไม่ถูกต้อง")})
    membership = Membership.objects.filter(user=user, agency=agency, role=role).first()
    if membership and membership.is_active:
        raise ValidationError(
            {"role": MESSAGES[AgencyErrorCode.DUPLICATE_MEMBERSHIP]}, code=AgencyErrorCode.DUPLICATE_MEMBERSHIP
        )
    if membership is None:
        membership = Membership(user=user, agency=agency, role=role)
    membership.is_active = True
    membership.full_clean()
    membership.save()
    audit_log(
        actor=actor, action="agencies.membership.granted", obj=membership,
        changes={"user": user.username, "agency": agency.code, "role": role},
    )
    return membership


@transaction.atomic
def membership_revoke(*, actor: Any, membership: Membership) -> Membership:
    require(actor, "agencies.user:write")
    if (
        membership.role == PROVINCE_ADMIN
        and not Membership.objects.filter(role=PROVINCE_ADMIN, is_active=True).exclude(pk=membership.pk).exists()
        and not User.objects.filter(is_superuser=True, is_active=True).exists()
    ):
        raise ValidationError(MESSAGES[AgencyErrorCode.LAST_ADMIN], code=AgencyErrorCode.LAST_ADMIN)
    membership.is_active = False
    membership.save(update_fields=["is_active"])
    audit_log(
        actor=actor, action="agencies.membership.revoked", obj=membership,
        changes={"user": membership.user.username, "agency": membership.agency.code, "role": membership.role},
    )
    return membership


@transaction.atomic
def agencies_load(*, path: Path = DEFAULT_AGENCIES_FILE, actor: Any = None) -> tuple[int, int]:
    """Load or update agencies from a YAML file, by code. Idempotent. Returns (created, updated)."""
    rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    created = updated = 0
    for row in rows:
        fields = {
            "name_th": row["name_th"],
            "name_en": row.get("name_en") or "",
            "short_name_th": row.get("short_name_th") or "",
            "kind": row.get("kind") or Agency.Kind.OTHER,
            "parent_ministry_th": row.get("parent_ministry_th") or "",
            "district_id": row.get("district_code") or None,
            "website": row.get("website") or "",
        }
        agency = Agency.objects.filter(code=row["code"]).first()
        if agency is None:
            agency = Agency(code=row["code"], **fields)
            agency.full_clean()
            agency.save()
            audit_log(actor=actor, action="agencies.agency.loaded", obj=agency, changes=fields)
            created += 1
            continue
        before = snapshot(agency, AGENCY_FIELDS)
        for key, value in fields.items():
            setattr(agency, key, value)
        changes = diff(before, snapshot(agency, AGENCY_FIELDS))
        if changes:
            agency.full_clean()
            agency.save()
            audit_log(actor=actor, action="agencies.agency.updated", obj=agency, changes=changes)
            updated += 1
    return created, updated
