"""Citizen survey on a phone; agency sees the result chart; admin sees the goal 2 table."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


@pytest.fixture
def phone(browser: Browser, live_server: Any) -> Any:
    context = browser.new_context(**PHONE, base_url=live_server.url, locale="th-TH")
    yield context.new_page()
    context.close()


@pytest.fixture
def survey(seed: Any, make_user: Any) -> Any:
    from smartprovince.agencies.models import Agency
    from smartprovince.eservices import services

    admin = make_user("admin", role="province_admin", agency="SKN-PO")
    make_user("agri", role="agency_editor", agency="SKN-AGRI")
    agri = Agency.objects.get(code="SKN-AGRI")
    service = services.eservice_create(actor=admin, agency=agri, name_th="ขึ้นทะเบียนเกษตรกร", category="agriculture", digital_level=4)
    for ctype, address in (("website", "https://agri.invalid/"), ("facebook", "https://fb.invalid/agri"), ("line_oa", "@skn-agri"), ("counter", "ศาลากลาง")):
        services.channel_create(actor=admin, agency=agri, channel_type=ctype, address=address)
    return services.survey_create(actor=admin, agency=agri, service=service, title_th="ความพึงพอใจต่อบริการขึ้นทะเบียนเกษตรกร")


def _login(page: Page, base: str, username: str) -> None:
    from smartprovince.testing.fixtures import PASSWORD

    page.goto(base + "/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("[data-testid=login-submit]")
    expect(page.locator("[data-testid=logout]")).to_be_visible()


def test_citizen_answers_on_a_phone_and_double_submit_is_thanked(phone: Page, survey: Any, browser: Browser, live_server: Any) -> None:
    from smartprovince.eservices.models import SurveyAnswer, SurveyResponse

    phone.goto(f"/survey/{survey.pk}/")
    expect(phone.get_by_role("heading", name="ความพึงพอใจต่อบริการขึ้นทะเบียนเกษตรกร")).to_be_visible()
    # fits the phone: no sideways scrolling
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    groups = phone.locator("fieldset.question")
    assert groups.count() == 15
    for i in range(groups.count()):
        # tap the label (radios are visually replaced by large targets)
        groups.nth(i).get_by_text("มากที่สุด" if i % 3 else "มาก", exact=True).tap()
    phone.select_option("select[name=district]", "4701")
    phone.fill("textarea[name=comment]", "เจ้าหน้าที่ให้บริการดีมาก")
    # keep the exact form the browser is about to send, to send it again "by accident"
    sent = phone.evaluate("Object.fromEntries(new FormData(document.querySelector('[data-testid=survey-form]')))")
    phone.locator("[data-testid=survey-submit]").tap()
    expect(phone.locator("[data-testid=survey-thanks]")).to_contain_text("ขอบคุณ")

    # the same form submitted again (double tap / resend): the citizen is simply thanked again
    phone.evaluate(
        """(data) => { const f = document.createElement('form'); f.method = 'post';
             f.action = document.location.pathname.replace('/thanks/', '/');
             for (const [k, v] of Object.entries(data)) { const i = document.createElement('input');
               i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i); }
             document.body.appendChild(f); f.submit(); }""",
        sent,
    )
    phone.wait_for_url(f"**/survey/{survey.pk}/thanks/")
    expect(phone.locator("[data-testid=survey-thanks]")).to_contain_text("ขอบคุณ")
    expect(phone.locator(".form-error")).to_have_count(0)
    assert SurveyResponse.objects.count() == 1
    assert SurveyAnswer.objects.count() == 15
    assert SurveyResponse.objects.get().district_id == "4701"


def test_agency_sees_result_chart_and_admin_sees_goal_2(page: Page, survey: Any, live_server: Any) -> None:
    from smartprovince.eservices import services

    questions = list(survey.questions.all())
    for scores in ((5, 4), (4, 4), (3, 5)):
        services.survey_response_submit(survey=survey, answers={questions[0].pk: scores[0], questions[-1].pk: scores[1]}, nonce=None)

    page.set_default_timeout(15000)
    page.goto(live_server.url + "/")
    _login(page, live_server.url, "agri")
    page.goto(live_server.url + "/app/eservices/surveys/")
    page.locator("[data-testid=results-link]").first.click()
    # 5,4,4,4,3,5 → 25/6 = 4.17
    expect(page.locator("[data-testid=overall-mean]")).to_have_text("4.17")
    expect(page.locator("[data-testid=chart-sections] .main-svg").first).to_be_visible()
    expect(page.locator("[data-testid=chart-months] .main-svg").first).to_be_visible()
    page.locator("[data-testid=logout]").click()

    _login(page, live_server.url, "admin")
    page.goto(live_server.url + "/app/eservices/coverage/")
    table = page.locator("[data-testid=coverage-table]")
    row = table.locator("tr", has_text="สำนักงานเกษตรจังหวัดสกลนคร")
    expect(row).to_contain_text("ผ่านเกณฑ์")
    expect(row).to_contain_text("เว็บไซต์หน่วยงาน, LINE Official Account, Facebook Page")
    expect(row).to_contain_text("เคาน์เตอร์")
    expect(table.locator("tr", has_text="สำนักงานการท่องเที่ยวและกีฬาจังหวัดสกลนคร")).to_contain_text("ขาดอีก 3 ช่องทาง")
