"""Data versions: every audited write moves its app's version, and only its app's."""

from __future__ import annotations

from typing import Any

from smartprovince.agencies.models import Agency
from smartprovince.core import dataversion
from smartprovince.core.audit import audit_log


def test_an_app_without_a_version_gets_a_fresh_one_once(db: Any) -> None:
    first = dataversion.current("never-written", "nor-this")
    assert "0" not in first.split(".") and dataversion.current("never-written", "nor-this") == first
    dataversion.forget()
    assert dataversion.current("never-written", "nor-this") != first


def test_bump_changes_only_the_named_apps(db: Any) -> None:
    first = dataversion.current("app-a", "app-b")
    dataversion.bump("app-a")
    second = dataversion.current("app-a", "app-b")
    assert second.split(".")[0] != first.split(".")[0] and second.split(".")[1] == first.split(".")[1]


def test_an_audited_write_moves_its_apps_version(db: Any, admin_user: Any) -> None:
    before = dataversion.current("agencies", "projects")
    audit_log(actor=admin_user, action="agencies.agency.updated", obj=Agency.objects.get(code="SKN-AGRI"), changes={})
    after = dataversion.current("agencies", "projects")
    assert after.split(".")[0] != before.split(".")[0]
    assert after.split(".")[1] == before.split(".")[1]


def test_bump_all_moves_every_app(db: Any) -> None:
    before = dataversion.current(*dataversion.ALL_APPS).split(".")
    dataversion.bump_all()
    after = dataversion.current(*dataversion.ALL_APPS).split(".")
    assert all(a != b for a, b in zip(after, before, strict=True))
