from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from smartprovince.core.models import AuditEvent
from smartprovince.plans.loader import PlanFileError, load_plan
from smartprovince.plans.models import (
    Goal,
    Indicator,
    IndicatorTarget,
    Mission,
    Plan,
    PlanStatement,
    ReferenceItem,
    ReferencePlan,
    Strategy,
)

SEED = Path(settings.BASE_DIR).parent / "shared" / "seed" / "000_886e4730dfa12420.txt"
PLAN_FILE = Path(settings.DEFAULT_PLAN_FILE)

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {
        m.__name__: m.objects.count()
        for m in (Plan, Mission, Goal, Strategy, Indicator, IndicatorTarget, PlanStatement, ReferencePlan, ReferenceItem)
    }


def test_counts_match_the_seed() -> None:
    plan = Plan.objects.get()
    assert plan.fiscal_years == [2563, 2564, 2565]
    assert plan.missions.count() == 4
    assert plan.goals.count() == 4
    assert plan.strategies.count() == 4
    kpis = [s.indicators.count() for s in plan.strategies.order_by("number")]
    assert kpis == [1, 2, 1, 2]
    assert plan.indicators.filter(scope="province").count() == 2
    assert ReferencePlan.objects.count() == 8


def test_vision_equals_the_seed_text() -> None:
    plan = Plan.objects.get()
    seed = SEED.read_text(encoding="utf-8") if SEED.exists() else None
    assert plan.vision_th == "เป็นจังหวัดอัจฉริยะ ขับเคลื่อนและพัฒนาจังหวัดด้วยเทคโนโลยีดิจิทัลและนวัตกรรม"
    if seed is not None:
        assert f"“{plan.vision_th}”" in seed


def test_goal_targets_from_the_seed() -> None:
    finals = {
        i.code: i.targets.get(fiscal_year_be=2565).value
        for i in Indicator.objects.filter(scope="goal")
    }
    assert finals == {"G1.K1": 2, "G2.K1": 100, "G3.K1": 4, "G4.K1": 50}
    g2 = Indicator.objects.get(code="G2.K1")
    assert g2.metric == "eservices.agency_digital_channel_coverage"
    assert g2.targets.get(fiscal_year_be=2565).is_derived is False
    assert g2.targets.get(fiscal_year_be=2563).is_derived is True


def test_every_indicator_has_a_metric_or_is_reported() -> None:
    for ind in Indicator.objects.all():
        assert (ind.measure == "computed") == bool(ind.metric), ind.code


def test_loading_twice_changes_nothing() -> None:
    before = _counts()
    events = AuditEvent.objects.count()
    result = load_plan(PLAN_FILE)
    assert not result.changed
    assert _counts() == before
    assert AuditEvent.objects.count() == events


def test_changed_file_updates_in_place_and_is_audited(tmp_path: Path) -> None:
    text = PLAN_FILE.read_text(encoding="utf-8").replace(
        "vision_en: A smart province", "vision_en: A SMART province"
    )
    changed = tmp_path / PLAN_FILE.name
    changed.write_text(text, encoding="utf-8")
    before = _counts()
    result = load_plan(changed, reference_dir=PLAN_FILE.parent / "reference")
    assert result.updated == 1 and result.created == 0 and result.deleted == 0
    assert _counts() == before
    plan = Plan.objects.get()
    assert plan.vision_en.startswith("A SMART province")
    event = AuditEvent.objects.filter(action="plans.plan.updated").latest("id")
    assert list(event.changes) == ["vision_en"]


def test_malformed_file_names_key_and_line_and_loads_nothing(tmp_path: Path) -> None:
    text = PLAN_FILE.read_text(encoding="utf-8")
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip() == "direction: up")
    lines[index] = lines[index].replace("direction: up", "direction: sideways")
    lines_missing_vision = [line for line in lines if not line.startswith("vision_th:")]
    bad = tmp_path / "bad.yaml"
    bad.write_text("\n".join(lines_missing_vision) + "\n", encoding="utf-8")
    before = _counts()
    events = AuditEvent.objects.count()
    with pytest.raises(PlanFileError) as err:
        load_plan(bad, reference_dir=PLAN_FILE.parent / "reference")
    problems = err.value.problems
    assert any("vision_th: ต้องระบุ" in p for p in problems)
    direction_line = index + 1 - 1  # one line (vision_th) was removed above it
    assert any(f"บรรทัด {direction_line}:" in p and ".direction:" in p and "sideways" in p for p in problems), problems
    assert _counts() == before
    assert AuditEvent.objects.count() == events


def test_broken_yaml_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("code: X\nmissions: [\n", encoding="utf-8")
    with pytest.raises(PlanFileError) as err:
        load_plan(bad, reference_dir=tmp_path)
    assert "ไฟล์ YAML ไม่ถูกต้อง" in err.value.problems[0]
