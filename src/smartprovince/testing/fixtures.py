"""pytest fixtures shared by every app's tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client

from .seed import ensure_seed

PASSWORD = "test-password-123"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Transactional tests (browser tests: ``live_server``) run after every other test. Their
    database is flushed when they end, which empties the seed the other tests rely on; pytest-django
    orders them last, but pytest's own grouping by session-scoped parameters can move them forward."""

    def flushes(item: pytest.Item) -> bool:
        marker = item.get_closest_marker("django_db")
        names = getattr(item, "fixturenames", ())
        return bool(marker and marker.kwargs.get("transaction")) or "live_server" in names or "transactional_db" in names

    items[:] = sorted(items, key=flushes)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    """Every test database starts with the areas, the agencies and the plan loaded."""
    with django_db_blocker.unblock():
        ensure_seed()
    yield


@pytest.fixture(autouse=True)
def _clear_cache() -> Iterator[None]:
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def seed(db: Any) -> None:
    """Re-seed (needed by transactional tests, whose database is flushed)."""
    ensure_seed()


@pytest.fixture
def make_user(db: Any) -> Callable[..., Any]:
    """``make_user("agri", role="agency_editor", agency="SKN-AGRI")``."""
    from django.contrib.auth import get_user_model

    from smartprovince.agencies.models import Agency, Membership

    def make(username: str, *, role: str | None = None, agency: str = "SKN-PO", superuser: bool = False) -> Any:
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(username=username, password=PASSWORD, is_superuser=superuser)
        if role:
            Membership.objects.get_or_create(user=user, agency=Agency.objects.get(code=agency), role=role)
        return user

    return make


@pytest.fixture
def admin_user(make_user: Callable[..., Any]) -> Any:
    return make_user("padmin", role="province_admin", agency="SKN-PO")


@pytest.fixture
def executive(make_user: Callable[..., Any]) -> Any:
    return make_user("exec", role="executive", agency="SKN-PO")


@pytest.fixture
def inspector(make_user: Callable[..., Any]) -> Any:
    return make_user("insp", role="inspector", agency="SKN-PO")


@pytest.fixture
def agri_editor(make_user: Callable[..., Any]) -> Any:
    return make_user("agri_ed", role="agency_editor", agency="SKN-AGRI")


@pytest.fixture
def tourism_editor(make_user: Callable[..., Any]) -> Any:
    return make_user("tour_ed", role="agency_editor", agency="SKN-TOUR")


@pytest.fixture
def agri_viewer(make_user: Callable[..., Any]) -> Any:
    return make_user("agri_view", role="agency_viewer", agency="SKN-AGRI")


@pytest.fixture
def login(client: Client) -> Callable[[Any], Client]:
    def do(user: Any) -> Client:
        client.force_login(user)
        return client

    return do


@pytest.fixture
def page_html(client: Client) -> Callable[[str, str], str]:
    """``page_html(url, "en")``: the page's HTML as a visitor with that language cookie sees it
    (status 200 asserted); Thai is active again afterwards."""
    from django.utils import translation

    def get(url: str, language: str) -> str:
        client.cookies["django_language"] = language
        try:
            response = client.get(url)
            assert response.status_code == 200, url
            return response.content.decode()
        finally:
            translation.activate("th")  # the middleware leaves the last request's language active

    return get
