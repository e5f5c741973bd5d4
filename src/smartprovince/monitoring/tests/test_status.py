"""Table tests of the status rules (no database)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from smartprovince.monitoring import status as s


@pytest.mark.parametrize(
    ("annual", "accumulation", "fraction", "start", "expected"),
    [
        (D("24"), "cumulative", D("0.5"), None, D("12.00")),  # Q2 of 24 activities
        (D("24"), "cumulative", D("0.25"), D("10"), D("6.00")),  # start level ignored when cumulative
        (D("10"), "cumulative", D(1) / D(12), None, D("0.83")),  # fiscal month 1
        (D("60"), "level", D("0.5"), D("40"), D("50.00")),  # straight line 40 → 60
        (D("60"), "level", D("0.25"), None, D("60.00")),  # no start level: full target
        (D("5"), "level", D("1"), D("2"), D("5.00")),
        (D("20"), "level", D("0.5"), D("40"), D("30.00")),  # a falling target line
        (None, "level", D("0.5"), D("1"), None),
    ],
)
def test_prorated_target(annual: D | None, accumulation: str, fraction: D, start: D | None, expected: D | None) -> None:
    assert s.prorated_target(annual, accumulation=accumulation, fraction=fraction, start_level=start) == expected


@pytest.mark.parametrize("fraction", [D("0"), D("-0.1"), D("1.01")])
def test_prorated_target_rejects_bad_fraction(fraction: D) -> None:
    with pytest.raises(ValueError, match="fraction"):
        s.prorated_target(D("1"), accumulation="level", fraction=fraction)


@pytest.mark.parametrize(
    ("actual", "target", "direction", "expected"),
    [
        (D("50"), D("100"), "up", D("50.00")),
        (D("120"), D("100"), "up", D("120.00")),
        (D("0"), D("0"), "up", D("100")),
        (D("2"), D("3"), "up", D("66.67")),
        (D("5"), D("10"), "down", D("150.00")),  # half the allowed amount
        (D("10"), D("10"), "down", D("100.00")),
        (D("15"), D("10"), "down", D("50.00")),
        (D("30"), D("10"), "down", D("0")),  # never below 0
        (D("0"), D("0"), "down", D("100")),
        (D("1"), D("0"), "down", D("0")),
        (D("-1"), D("-2"), "up", D("150.00")),  # beat a negative growth target
        (D("-3"), D("-2"), "up", D("50.00")),
    ],
)
def test_achievement(actual: D, target: D, direction: str, expected: D) -> None:
    assert s.achievement(actual, target, direction=direction) == expected


@pytest.mark.parametrize(
    ("pct", "expected"),
    [
        (D("100"), s.ON_TRACK),
        (D("150"), s.ON_TRACK),
        (D("99.99"), s.AT_RISK),
        (D("80"), s.AT_RISK),
        (D("79.99"), s.OFF_TRACK),
        (D("0"), s.OFF_TRACK),
    ],
)
def test_classify_default_thresholds(pct: D, expected: str) -> None:
    assert s.classify(pct, s.Thresholds()) == expected


def test_classify_custom_thresholds() -> None:
    t = s.Thresholds(on_track=D("90"), at_risk=D("70"))
    assert [s.classify(D(v), t) for v in ("95", "90", "89", "70", "69")] == [
        s.ON_TRACK, s.ON_TRACK, s.AT_RISK, s.AT_RISK, s.OFF_TRACK,
    ]


def test_thresholds_must_be_ordered() -> None:
    with pytest.raises(ValueError, match="เกณฑ์"):
        s.Thresholds(on_track=D("70"), at_risk=D("80"))


@pytest.mark.parametrize(
    ("kwargs", "status", "target", "pct"),
    [
        # cumulative: 24 activities a year, 12 done by Q2 → exactly on track
        ({"actual": D("12"), "annual_target": D("24"), "direction": "up", "accumulation": "cumulative", "fraction": D("0.5")},
         s.ON_TRACK, D("12.00"), D("100.00")),
        # same count judged against the full year would be off track, so pro-rating matters
        ({"actual": D("12"), "annual_target": D("24"), "direction": "up", "accumulation": "cumulative", "fraction": D("1")},
         s.OFF_TRACK, D("24.00"), D("50.00")),
        # level with a start: 40 → 60, at half year target 50; 45 → 90 % → at risk
        ({"actual": D("45"), "annual_target": D("60"), "direction": "up", "accumulation": "level", "fraction": D("0.5"),
          "start_level": D("40")}, s.AT_RISK, D("50.00"), D("90.00")),
        ({"actual": None, "annual_target": D("60"), "direction": "up", "accumulation": "level", "fraction": D("1")},
         s.NO_DATA, D("60.00"), None),
        ({"actual": D("3"), "annual_target": None, "direction": "up", "accumulation": "level", "fraction": D("1")},
         s.NO_TARGET, None, None),
        ({"actual": None, "annual_target": D("2"), "direction": "up", "accumulation": "level", "fraction": D("1"),
          "has_source": False}, s.NO_SOURCE, D("2.00"), None),
        # down: complaints target 10 a year, level, 12 reported → 80 % → at risk
        ({"actual": D("12"), "annual_target": D("10"), "direction": "down", "accumulation": "level", "fraction": D("1")},
         s.AT_RISK, D("10.00"), D("80.00")),
        # custom thresholds
        ({"actual": D("45"), "annual_target": D("50"), "direction": "up", "accumulation": "level", "fraction": D("1"),
          "thresholds": s.Thresholds(on_track=D("90"), at_risk=D("50"))}, s.ON_TRACK, D("50.00"), D("90.00")),
    ],
)
def test_assess(kwargs: dict, status: str, target: D | None, pct: D | None) -> None:
    result = s.assess(**kwargs)
    assert (result.status, result.target, result.achievement) == (status, target, pct)
    assert result.label_th == s.STATUS_LABELS_TH[status]


@pytest.mark.parametrize(
    ("kind", "number", "expected"),
    [("year", 0, D(1)), ("quarter", 2, D("0.5")), ("quarter", 3, D("0.75")), ("month", 6, D("0.5"))],
)
def test_period_fraction(kind: str, number: int, expected: D) -> None:
    assert s.period_fraction(kind, number) == expected
