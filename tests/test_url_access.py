"""Every URL needs a login unless it is on the explicit public allow-list.

The list of routes comes from the URL conf, so a new page or endpoint is checked the moment it
is added: a public one must be added to PUBLIC_ROUTES on purpose.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from smartprovince.core.checks import iter_view_classes

# Routes anyone may GET without logging in (patterns as Django prints them).
PUBLIC_ROUTES = {
    "",
    "plan/",
    "plan/strategies/<int:number>/",
    "plan/alignment/",
    "plans/<str:code>/",
    "plans/<str:code>/strategies/<int:number>/",
    "plans/<str:code>/alignment/",
    "agencies/",
    "agencies/<str:code>/",
    "accounts/login/",
    "accounts/logout/",
    "i18n/setlang/",
    "jsi18n/",
    "api/schema/",
    "api/docs/",
    "api/v1/areas/",
    "api/v1/areas/<str:code>/",
    "api/v1/agencies/",
    "api/v1/agencies/<str:code>/",
    "api/v1/plans/",
    "api/v1/plans/<str:code>/",
    # training & smart city (issue 7)
    "digital-skills/verify/<str:token>/",
    "digital-skills/activities/",
    "digital-skills/activities/<int:pk>/",
    "smart-city/",
    "smart-city/<int:pk>/",
    "api/v1/courses/",
    "api/v1/courses/<int:pk>/",
    "api/v1/sessions/",
    "api/v1/sessions/<int:pk>/",
    "api/v1/activities/",
    "api/v1/activities/<int:pk>/",
    "api/v1/initiatives/",
    "api/v1/initiatives/<int:pk>/",
    # e-services and surveys (issue 6)
    "services/",
    "lookup/agencies/",
    "services/<int:pk>/",
    "survey/<int:pk>/",
    "survey/<int:pk>/thanks/",
    "api/v1/eservices/",
    "api/v1/eservices/<int:pk>/",
    "api/v1/channels/",
    "api/v1/surveys/<int:pk>/",
    "api/v1/surveys/<int:pk>/responses/",
    # data hub (issue 5): CKAN API, catalog, area profiles
    "api/3",
    "api/3/",
    "api/3/action/",
    "api/3/action/<str:name>",
    "api/action/<str:name>",
    "data/",
    "data/join/",
    "data/dataset/<slug:name>/",
    "data/dataset/<slug:name>/resource/<uuid:resource_id>/",
    "data/resource/<uuid:resource_id>/file/<str:filename>",
    "areas/",
    "areas/<str:code>/",
    "api/v1/datahub/areas/<str:code>/",
}
# Apps add their public routes here as they are built.
PUBLIC_ROUTE_PREFIXES: tuple[str, ...] = ("static/", "media/")

SAMPLE = {"int": "1", "str": "x", "slug": "x", "uuid": "00000000-0000-0000-0000-000000000000", "path": "x"}


def concrete(route: str) -> str:
    url = re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: SAMPLE.get(m.group(1) or "str", "x"), route)
    url = url.replace("^", "").replace("$", "").replace("\\Z", "").replace("\\", "")
    return "/" + url


def all_routes() -> list[tuple[str, Any]]:
    routes = []
    for route, cls in iter_view_classes():
        if route.startswith("django-admin/") or "(?P<" in route or route.startswith(PUBLIC_ROUTE_PREFIXES):
            continue
        routes.append((route, cls))
    return routes


@pytest.mark.django_db
@pytest.mark.parametrize(("route", "cls"), all_routes(), ids=[r for r, _ in all_routes()])
def test_anonymous_access(route: str, cls: Any, client: Client) -> None:
    url = concrete(route)
    response = client.get(url)
    if route in PUBLIC_ROUTES:
        write_only = getattr(cls, "public_write", False) and not getattr(cls, "public", False)
        allowed = (401, 403, 405) if write_only else (200, 302, 400, 404, 405)
        assert response.status_code in allowed, (url, response.status_code)
        if response.status_code == 302:
            assert "/accounts/login/" not in response["Location"]
        return
    assert getattr(cls, "public", False) is False, f"{route} is public but not on the allow-list"
    if route.startswith("api/"):
        assert response.status_code in (401, 403), (url, response.status_code)
    else:
        assert response.status_code == 302, (url, response.status_code)
        assert response["Location"].startswith("/accounts/login/"), response["Location"]


def test_every_public_route_exists() -> None:
    routes = {r for r, _ in iter_view_classes()}
    assert PUBLIC_ROUTES - routes == set()


@pytest.mark.django_db
def test_django_admin_needs_login(client: Client) -> None:
    response = client.get("/django-admin/")
    assert response.status_code == 302 and "/django-admin/login/" in response["Location"]
