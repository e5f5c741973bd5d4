"""The change history shown on object pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from smartprovince.core.templatetags.thai import audit_change


@pytest.mark.parametrize(("value", "shown"), [
    (["open", "done"], "open → done"),
    ([None, "2022-09-30"], "– → 30 ก.ย. 2565"),
    (["2565", 2566], "2565 → 2566"),
    ("สำนักงานเกษตรจังหวัดสกลนคร", "สำนักงานเกษตรจังหวัดสกลนคร"),
    ("2021-10-01", "1 ต.ค. 2564"),
    (None, "–"),
    (True, "True"),
    (12, "12"),
])
def test_audit_change(value: Any, shown: str) -> None:
    with translation.override("th"):
        assert audit_change(value) == shown


def test_history_shows_a_loaded_events_plain_values_whole() -> None:
    event = {"created_at": None, "actor": None, "action": "agencies.agency.loaded",
             "changes": {"name_th": "สำนักงานเกษตรจังหวัดสกลนคร", "closed_on": ["2022-09-29", "2022-09-30"]}}
    with translation.override("th"):
        html = render_to_string("core/_history.html", {"events": [event]})
    assert "<strong>name_th</strong>: สำนักงานเกษตรจังหวัดสกลนคร</div>" in html
    assert "<strong>closed_on</strong>: 29 ก.ย. 2565 → 30 ก.ย. 2565</div>" in html
