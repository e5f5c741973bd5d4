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


def _get(client: Any, language: str, url: str) -> str:
    from django.utils import translation

    client.cookies["django_language"] = language
    try:
        return client.get(url).content.decode()
    finally:
        translation.activate("th")  # the middleware leaves the last request's language active


def test_workspace_panels_in_english_and_thai(client: Any, login: Any, admin_user: Any) -> None:
    login(admin_user)
    html = _get(client, "en", "/app/workspace/")
    for english in ("Provincial Data Centre", "Import metadata (GD Catalog template)", "Monitoring and evaluation",
                    "Citizen services and digital channels", "Manage agencies and users", "Digital skills of staff and citizens",
                    "Projects, technologies and innovations under depa&#x27;s 7 smart-city domains"):
        assert english in html, english
    for thai in ("ศูนย์ข้อมูลจังหวัด", "นำเข้าเมทาดาตา", "ติดตามและประเมินผล", "บริการประชาชนและช่องทางดิจิทัล",
                 "จัดการหน่วยงานและผู้ใช้", "ทักษะดิจิทัลของบุคลากรและประชาชน"):
        assert thai not in html, thai
    html = _get(client, "th", "/app/workspace/")
    for thai in ("ศูนย์ข้อมูลจังหวัด", "นำเข้าเมทาดาตา (แม่แบบ GD Catalog)", "ติดตามและประเมินผล", "จัดการหน่วยงานและผู้ใช้"):
        assert thai in html, thai
    assert "Monitoring and evaluation" not in html


@pytest.mark.parametrize(("language", "label"), [("en", "Open Data API"), ("th", "API ข้อมูลเปิด")])
def test_footer_open_data_api_link_follows_the_language(client: Any, language: str, label: str) -> None:
    html = _get(client, language, "/")
    assert f'<a href="/api/3/action/status_show">{label}</a>' in html
