"""Browser tests: Debian's Chromium driven by Playwright (no browser download)."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    if os.path.exists(CHROMIUM):
        return
    # In CI a missing browser is a failure, never a silent skip.
    if os.environ.get("CI"):
        raise pytest.UsageError(f"browser tests need Chromium at {CHROMIUM}")
    skip = pytest.mark.skip(reason=f"Chromium not installed at {CHROMIUM}")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
    }


@pytest.fixture
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "locale": "th-TH", "timezone_id": "Asia/Bangkok"}


@pytest.fixture
def demo_users(seed: None) -> dict[str, Any]:
    """The demo users of the README (password demo-password)."""
    from django.contrib.auth import get_user_model

    from smartprovince.agencies.models import Agency, Membership
    from smartprovince.core.demo import DEMO_PASSWORD, DEMO_USERS

    users = {}
    for username, full_name, role, agency_code in DEMO_USERS:
        user = get_user_model().objects.create_user(username=username, password=DEMO_PASSWORD, first_name=full_name)
        Membership.objects.create(user=user, agency=Agency.objects.get(code=agency_code), role=role)
        users[username] = user
    return users


@pytest.fixture
def login_as(page: Any, live_server: Any) -> Callable[[str], Any]:
    def login(username: str, password: str = "demo-password") -> Any:
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.click("[data-testid=login-submit]")
        page.wait_for_url(f"{live_server.url}/app/workspace/")
        return page

    return login
