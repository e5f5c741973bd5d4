"""English is available everywhere (source strings are Thai; Thai stays the default)."""

from __future__ import annotations

import ast
import gettext
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES"
THAI = re.compile(r"[\u0E00-\u0E7F]")


def _po_entries(text: str) -> list[dict[str, Any]]:
    """Entries of a .po file: flags, msgid, msgid_plural and msgstr (index -> text)."""
    entries: list[dict[str, Any]] = []
    for block in text.split("\n\n"):
        entry: dict[str, Any] = {"flags": set(), "id": None, "id_plural": None, "strs": {}}
        field: tuple[str, int] | None = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"].update(f.strip() for f in line[2:].split(","))
            elif line.startswith("#"):
                continue
            elif m := re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$', line):
                keyword, value = m.group(1), ast.literal_eval(m.group(3))
                if keyword.startswith("msgstr"):
                    field = ("strs", int(m.group(2) or 0))
                    entry["strs"][field[1]] = value
                else:
                    key = {"msgid": "id", "msgid_plural": "id_plural", "msgctxt": "ctxt"}[keyword]
                    field = (key, -1)
                    entry[key] = value
            elif line.startswith('"') and field is not None:
                value = ast.literal_eval(line)
                if field[0] == "strs":
                    entry["strs"][field[1]] += value
                else:
                    entry[field[0]] += value
        if entry["id"] is not None:
            entries.append(entry)
    return entries


def test_english_catalogue_is_complete_and_compiled() -> None:
    entries = _po_entries((LOCALE / "django.po").read_text(encoding="utf-8"))
    messages = [e for e in entries if e["id"]]
    assert len(messages) > 1000
    assert [e["id"] for e in entries if "fuzzy" in e["flags"]] == []
    untranslated = [e["id"] for e in messages if not e["strs"] or not all(e["strs"].values())]
    assert untranslated == []
    still_thai = [e["id"] for e in messages if any(THAI.search(s) and s == e["id"] for s in e["strs"].values())]
    assert still_thai == []
    # The committed django.mo is compiled from this django.po (same translations).
    with (LOCALE / "django.mo").open("rb") as fp:
        compiled = gettext.GNUTranslations(fp)
    stale = [
        e["id"] for e in messages if e["id_plural"] is None
        and (compiled.pgettext(e["ctxt"], e["id"]) if "ctxt" in e else compiled.gettext(e["id"])) != e["strs"][0]
    ]
    assert stale == []


@pytest.fixture
def english(db: Any, client: Client) -> Iterator[Client]:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    yield client
    translation.activate("th")  # the middleware leaves the last request's language active in this thread


def _h1(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)]


def test_thai_is_the_default(db: Any, client: Client) -> None:
    response = client.get("/plan/")
    assert response["Content-Language"] == "th"
    html = response.content.decode()
    assert '<html lang="th">' in html
    assert "เข้าสู่ระบบ" in html


def test_home_in_english(english: Client) -> None:
    response = english.get("/")
    assert response["Content-Language"] == "en"
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert _h1(html) == ["Vision"]
    assert ">Log in<" in html
    assert "ภาษาไทย" in html  # the button back to Thai


def test_plan_in_english(english: Client) -> None:
    html = english.get("/plan/").content.decode()
    headings = _h1(html)
    assert headings and not any(THAI.search(h) for h in headings), headings
    assert "Contents" in html
    assert "Strengths" in html


def test_back_office_list_in_english(english: Client, admin_user: Any, login: Any) -> None:
    login(admin_user)
    english.cookies["django_language"] = "en"
    html = english.get("/app/projects/").content.decode()
    assert _h1(html) == ["Projects under the Digital Action Plan"]
    assert "Add project" in html
    assert "<th>Project name</th>" in html or ">Project name<" in html
    html = english.get("/app/agencies/").content.decode()
    assert _h1(html) == ["Agency"]
    # Thai is back on the next request without the cookie.
    english.cookies.pop("django_language")
    html = english.get("/app/projects/").content.decode()
    assert _h1(html) == ["โครงการตามแผนปฏิบัติการดิจิทัล"]


def test_survey_form_in_english(english: Client, admin_user: Any) -> None:
    from smartprovince.agencies.models import Agency
    from smartprovince.eservices import services

    agri = Agency.objects.get(code="SKN-AGRI")
    service = services.eservice_create(
        actor=admin_user, agency=agri, name_th="ขึ้นทะเบียนเกษตรกร", category="agriculture", digital_level=4,
    )
    survey = services.survey_create(actor=admin_user, agency=agri, service=service, title_th="ความพึงพอใจต่อบริการ")
    html = english.get(f"/survey/{survey.pk}/").content.decode()
    # The survey title is data typed in Thai by the agency; the form around it is English.
    assert _h1(html) == ["ความพึงพอใจต่อบริการ"]
    h2 = [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S)]
    assert "Additional information (optional)" in h2
    assert "Service process/procedures" in h2
    assert not any(THAI.search(h) for h in h2), h2
    assert "Submit survey" in html
    assert "Very high" in html  # the five-level scale
