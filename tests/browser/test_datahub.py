"""An agency officer publishes a cp874 CSV, maps the district column; a visitor finds it in Thai,
previews it, and the district's area profile shows the value."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSV_CP874 = (
    "อำเภอ,ปีเพาะปลูก,เนื้อที่เพาะปลูก (ไร่),ผลผลิต (ตัน)\n"
    "เมืองสกลนคร,2565,120500,45321\n"
    "พังโคน,2565,80000,30000\n"
    "วานรนิวาส,2565,150000,52000\n"
).encode("cp874")


def _login(page: Page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("[data-testid=login-submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_publish_map_search_preview_profile(page: Page, live_server: Any, seed: Any, make_user: Any) -> None:
    from smartprovince.datahub.demo import ensure_default_domains
    from smartprovince.testing.fixtures import PASSWORD

    ensure_default_domains()  # transactional tests flush the rows made by data migrations
    make_user("agri", role="agency_editor", agency="SKN-AGRI")
    base = live_server.url
    _login(page, base, "agri", PASSWORD)

    page.goto(f"{base}/app/datahub/datasets/new/")
    page.fill("#id_title", "ผลผลิตข้าวนาปีรายอำเภอ ปี 2565")
    page.fill("#id_name", "rice-2565-browser")
    page.select_option("#id_agency", label="สำนักงานเกษตรจังหวัดสกลนคร")
    page.check("input[name=domains] >> nth=0")
    page.select_option("#id_data_type", "ข้อมูลสถิติ")
    page.fill("#id_notes", "ผลผลิตข้าวนาปีแยกรายอำเภอ จากการสำรวจของสำนักงานเกษตรจังหวัดสกลนคร")
    page.fill("#id_tags_text", "ข้าว, ผลผลิต")
    page.fill("#id_maintainer", "กลุ่มสารสนเทศการเกษตร")
    page.fill("#id_maintainer_email", "info@agri.example.go.th")
    page.check("input[name=objective][value='พันธกิจหน่วยงาน']")
    page.select_option("#id_update_frequency_unit", "ปี")
    page.select_option("#id_geo_coverage", "อำเภอ")
    page.fill("#id_data_source", "สำนักงานเกษตรจังหวัดสกลนคร")
    page.check("input[name=data_format][value='CSV']")
    page.select_option("#id_data_category", "ข้อมูลสาธารณะ")
    page.select_option("#id_data_classification", "เปิดเผย")
    page.select_option("#id_license_id", "Open Data Common")
    page.click("[data-testid=save]")
    page.wait_for_url("**/resources/new/")

    page.set_input_files("#id_upload", files=[{"name": "rice-cp874.csv", "mimeType": "text/csv",
                                               "buffer": CSV_CP874}])
    page.click("[data-testid=upload-submit]")
    job = page.locator("[data-testid=job-status]")
    expect(job).to_have_attribute("data-status", "succeeded", timeout=20_000)
    expect(job.locator("progress")).to_have_attribute("value", "100")
    expect(page.locator("[data-testid=rows-loaded]")).to_have_text("3")
    expect(page.locator("[data-testid=rows-rejected]")).to_have_text("0")

    row = page.locator("[data-testid=columns-form] tbody tr", has_text="อำเภอ").first
    row.locator("select").select_option("area_code")
    page.click("[data-testid=save-columns]")
    expect(page.locator(".messages")).to_contain_text("บันทึกพจนานุกรมข้อมูล")

    page.click("[data-testid=logout]")
    page.goto(f"{base}/data/")
    page.fill("#q", "ผลผลิตข้าว")
    page.click("[data-testid=search-submit]")
    results = page.locator("[data-testid=dataset-results]")
    expect(results).to_contain_text("ผลผลิตข้าวนาปีรายอำเภอ ปี 2565")
    results.get_by_role("link", name="ผลผลิตข้าวนาปีรายอำเภอ ปี 2565").click()
    page.locator("[data-testid=resources] a", has_text="rice-cp874.csv").first.click()
    preview = page.locator("[data-testid=preview]")
    expect(preview).to_contain_text("เมืองสกลนคร")
    expect(preview).to_contain_text("45321")
    expect(page.locator("[data-testid=preview-total]")).to_contain_text("ทั้งหมด 3 แถว")

    page.goto(f"{base}/areas/4701/")
    profile = page.locator("[data-testid=area-profile]")
    expect(profile).to_contain_text("ผลผลิตข้าวนาปีรายอำเภอ ปี 2565")
    expect(profile).to_contain_text("45321")
    expect(profile).to_contain_text("สำนักงานเกษตรจังหวัดสกลนคร")
