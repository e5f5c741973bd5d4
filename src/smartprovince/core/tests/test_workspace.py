"""The back-office home: each role sees the panels and links it can use."""

from __future__ import annotations

from typing import Any

import pytest

from smartprovince.core.workspace import workspace_panels

pytestmark = pytest.mark.django_db


def _links(user: Any) -> dict[str, list[str]]:
    return {p["title"]: [link["url"] for link in p["links"]] for p in workspace_panels(user)}


def test_create_links_only_for_roles_that_may_create(make_user: Any, agri_editor: Any) -> None:
    executive = make_user("exec", role="executive", agency="SKN-PO")
    links = _links(executive)
    assert links["บริการประชาชนและช่องทางดิจิทัล"] == [
        "/app/eservices/", "/app/eservices/channels/", "/app/eservices/usage/", "/app/eservices/surveys/",
        "/app/eservices/satisfaction/", "/app/eservices/coverage/",
    ]
    assert links["เมืองอัจฉริยะ"] == ["/app/smartcity/"]
    links = _links(agri_editor)
    assert links["บริการประชาชนและช่องทางดิจิทัล"][:2] == ["/app/eservices/", "/app/eservices/services/new/"]
    assert links["เมืองอัจฉริยะ"] == ["/app/smartcity/", "/app/smartcity/new/"]


def test_every_workspace_link_opens_for_the_roles_it_is_shown_to(client: Any, login: Any, make_user: Any,
                                                                  agri_editor: Any, admin_user: Any) -> None:
    users = [admin_user, agri_editor, make_user("exec", role="executive", agency="SKN-PO"),
             make_user("insp", role="inspector", agency="SKN-PO")]
    for user in users:
        login(user)
        for panel in workspace_panels(user):
            for link in panel["links"]:
                assert (user.username, link["url"], client.get(link["url"]).status_code) == (
                    user.username, link["url"], 200)
