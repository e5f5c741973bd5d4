"""Computed snapshots and the reported-value workflow."""

from __future__ import annotations

import io
from decimal import Decimal as D
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from smartprovince.core.models import AuditEvent
from smartprovince.core.thai_calendar import fiscal_year_period, parse_period_key
from smartprovince.monitoring import services
from smartprovince.monitoring.models import Measurement
from smartprovince.monitoring.registry import MetricResult, metric
from smartprovince.monitoring.selectors import indicator_latest_values, indicator_rows
from smartprovince.monitoring.selectors.overview import current_plan

from .factories import indicator

PDF = b"%PDF-1.4\n% test evidence\n"


@pytest.fixture
def fake_metric(only_test_metrics: None) -> Any:
    @metric("smartcity.domains_operating", unit_th="ด้าน", description_th="ทดสอบ")
    def domains(period: Any) -> MetricResult:
        return MetricResult(value=D("1"), numerator=D("1"), rows=[{"domain": "Smart Environment"}], columns=[("domain", "ด้าน")])

    return domains


def test_snapshot_is_idempotent_and_skips_unregistered(db: Any, admin_user: Any, fake_metric: Any) -> None:
    period = parse_period_key("2565-Q2")
    result = services.measurement_snapshot(actor=admin_user, period=period)
    assert result["taken"] == ["G1.K1"]
    assert "G2.K1" in result["no_source"] and "S4.K2" in result["no_source"]
    services.measurement_snapshot(actor=admin_user, period=period)
    rows = Measurement.objects.filter(indicator__code="G1.K1", source="computed")
    assert rows.count() == 1
    m = rows.get()
    assert (m.value, m.period_key, m.status, m.rows) == (D("1.0000"), "2565-Q2", "approved", [{"domain": "Smart Environment"}])
    assert AuditEvent.objects.filter(action="monitoring.measurement.snapshotted").count() == 2


def test_snapshot_needs_permission(db: Any, agri_editor: Any) -> None:
    with pytest.raises(PermissionDenied):
        services.measurement_snapshot(actor=agri_editor, period=parse_period_key("2565"))
    assert Measurement.objects.count() == 0


def test_unregistered_metric_shows_no_source_never_a_number(db: Any, only_test_metrics: None) -> None:
    rows = {r.indicator.code: r for r in indicator_rows(current_plan(), fiscal_year_period(2565))}
    assert rows["G2.K1"].status == "no_source"
    assert rows["G2.K1"].value is None
    assert rows["G2.K1"].source_label == "ยังไม่มีแหล่งข้อมูล"
    assert rows["P.K1"].status == "no_data"  # reported: has a source (the agency), no value yet


def test_reported_workflow_only_approved_counts(gpp: Any, stat_editor: Any, admin_user: Any) -> None:
    period = fiscal_year_period(2565)
    m = services.measurement_report_save(
        actor=stat_editor, indicator=gpp, period=period, value="3.25", note_th="ข้อมูล สศช.",
        evidence=io.BytesIO(PDF), evidence_name="gpp.pdf",
    )
    assert (m.status, m.value, m.agency.code) == ("draft", D("3.25"), "SKN-STAT")
    assert indicator_latest_values([gpp.pk]) == {}
    services.measurement_submit(actor=stat_editor, measurement=m)
    m.refresh_from_db()
    assert m.status == "submitted"
    assert indicator_latest_values([gpp.pk]) == {}
    # submitted values cannot be edited by the agency
    with pytest.raises(ValidationError):
        services.measurement_report_save(actor=stat_editor, indicator=gpp, period=period, value="9")
    services.measurement_approve(actor=admin_user, measurement=m, comment="ถูกต้อง")
    assert indicator_latest_values([gpp.pk])[gpp.pk].value == D("3.25")
    row = next(r for r in indicator_rows(current_plan(), period) if r.indicator.code == "P.K1")
    # 3.25 of a 5 % target = 65 % → off track with the default thresholds
    assert (row.value, row.period_target, row.assessment.achievement, row.status) == (
        D("3.2500"), D("5.00"), D("65.00"), "off_track",
    )
    actions = list(AuditEvent.objects.filter(object_type="monitoring.measurement", object_id=str(m.pk)).values_list("action", flat=True))
    assert sorted(actions) == ["monitoring.measurement.approved", "monitoring.measurement.created", "monitoring.measurement.submitted"]


def test_return_requires_comment_and_reopens(gpp: Any, stat_editor: Any, admin_user: Any) -> None:
    m = services.measurement_report_save(actor=stat_editor, indicator=gpp, period=fiscal_year_period(2564), value="4",
                                         evidence_url="https://www.nesdc.go.th/gpp")
    services.measurement_submit(actor=stat_editor, measurement=m)
    with pytest.raises(ValidationError) as exc:
        services.measurement_return(actor=admin_user, measurement=m, comment=" ")
    assert exc.value.message_dict == {"comment": ["กรุณาระบุเหตุผลที่ส่งกลับ"]}
    m.refresh_from_db()
    assert m.status == "submitted"
    services.measurement_return(actor=admin_user, measurement=m, comment="ตัวเลขไม่ตรงกับรายงาน สศช.")
    m = services.measurement_report_save(actor=stat_editor, indicator=gpp, period=fiscal_year_period(2564), value="4.5",
                                         evidence_url="https://www.nesdc.go.th/gpp")
    assert (m.status, m.value) == ("returned", D("4.5"))
    services.measurement_submit(actor=stat_editor, measurement=m)
    m.refresh_from_db()
    assert m.status == "submitted"


def test_submit_needs_evidence(gpp: Any, stat_editor: Any) -> None:
    m = services.measurement_report_save(actor=stat_editor, indicator=gpp, period=fiscal_year_period(2565), value="3")
    with pytest.raises(ValidationError) as exc:
        services.measurement_submit(actor=stat_editor, measurement=m)
    assert "evidence" in exc.value.message_dict
    m.refresh_from_db()
    assert m.status == "draft"


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"value": ""}, "value", "กรุณากรอกค่า"),
        ({"value": "สามจุดห้า"}, "value", "ต้องเป็นตัวเลข"),
        ({"value": "3", "period": "2565-Q1"}, "period", "ตัวชี้วัดนี้รายงานรายปี กรุณาเลือกงวดให้ตรงกัน"),
        ({"value": "3", "period": "2568"}, "period", "ปีงบประมาณต้องอยู่ในช่วงของแผน (2563–2565)"),
        ({"value": "3", "evidence": b"MZ\x90\x00 not a document"}, "evidence", "รับเฉพาะไฟล์ PDF, PNG, JPEG, XLSX หรือ DOCX"),
    ],
)
def test_bad_input_is_refused_in_thai_and_nothing_written(
    gpp: Any, stat_editor: Any, kwargs: dict[str, Any], field: str, message: str
) -> None:
    period = parse_period_key(kwargs.pop("period", "2565"))
    evidence = kwargs.pop("evidence", None)
    with pytest.raises(ValidationError) as exc:
        services.measurement_report_save(
            actor=stat_editor, indicator=gpp, period=period, evidence=io.BytesIO(evidence) if evidence else None,
            evidence_name="x.exe", **kwargs,
        )
    assert exc.value.message_dict[field] == [message]
    assert Measurement.objects.count() == 0
    assert not AuditEvent.objects.filter(action__startswith="monitoring.measurement").exists()


def test_other_agency_and_viewers_cannot_report(gpp: Any, agri_editor: Any, agri_viewer: Any, executive: Any) -> None:
    for user in (agri_editor, agri_viewer, executive):
        with pytest.raises(PermissionDenied):
            services.measurement_report_save(actor=user, indicator=gpp, period=fiscal_year_period(2565), value="3")
    assert Measurement.objects.count() == 0


def test_computed_indicator_cannot_be_reported(db: Any, admin_user: Any) -> None:
    with pytest.raises(ValidationError):
        services.measurement_report_save(actor=admin_user, indicator=indicator("G2.K1"), period=fiscal_year_period(2565), value="1")


def test_agency_cannot_approve(gpp: Any, stat_editor: Any) -> None:
    m = services.measurement_report_save(actor=stat_editor, indicator=gpp, period=fiscal_year_period(2565), value="3",
                                         evidence_url="https://example.go.th/x")
    services.measurement_submit(actor=stat_editor, measurement=m)
    with pytest.raises(PermissionDenied):
        services.measurement_approve(actor=stat_editor, measurement=m)
    m.refresh_from_db()
    assert m.status == "submitted"
