"""Achievement and status of an indicator: pure rules on plain values (table-tested).

Definitions (also shown to users on the dashboard's "วิธีคำนวณ" note):

* **Target for the period** (pro-rating). The plan gives one target per fiscal year.
  - ``cumulative`` indicators count things that pile up during the year (activities held,
    systems integrated): the period target is the annual target × the share of the fiscal year
    elapsed at the end of the period (Q2 → 2/4, fiscal month 4 → 4/12).
  - ``level`` indicators are a level read at the end of the period (a percentage, a count of
    domains): the period target moves in a straight line from the starting level (the previous
    fiscal year's target, else the baseline) to this year's target. Without a starting level the
    full annual target applies from the first month.
* **Achievement** (per cent, direction-aware):
  - ``up`` (more is better): actual ÷ target × 100; a target of 0 is met by any actual ≥ 0.
  - ``down`` (less is better): 100 + (target − actual) ÷ target × 100, never below 0; with a
    target of 0, an actual of 0 is 100 and anything above 0 is 0.
* **Status**: achievement ≥ on-track threshold → on track; ≥ at-risk threshold → at risk;
  else off track. No value → no data; no target → no target; no registered metric → no source.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from smartprovince.core.thai_calendar import gettext_noop

ZERO = Decimal("0")
HUNDRED = Decimal("100")

ON_TRACK = "on_track"
AT_RISK = "at_risk"
OFF_TRACK = "off_track"
NO_DATA = "no_data"
NO_TARGET = "no_target"
NO_SOURCE = "no_source"

# Thai msgids: the reports and the API's ``status_th`` show them as they are, the pages translate
# them (``Assessment.label``)
STATUS_LABELS_TH = {
    ON_TRACK: gettext_noop("เป็นไปตามเป้าหมาย"),
    AT_RISK: gettext_noop("มีความเสี่ยง"),
    OFF_TRACK: gettext_noop("ต่ำกว่าเป้าหมาย"),
    NO_DATA: gettext_noop("ยังไม่มีผลการวัด"),
    NO_TARGET: gettext_noop("ยังไม่กำหนดเป้าหมาย"),
    NO_SOURCE: gettext_noop("ยังไม่มีแหล่งข้อมูล"),
}


def status_label(status: str) -> str:
    """The label of a status in the active language (Django's ``gettext``, imported here so the
    rules above stay plain Python)."""
    from django.utils.translation import gettext

    return gettext(STATUS_LABELS_TH[status])

# Colours for charts and PDFs (the HTML uses the .status-* classes)
STATUS_COLOURS = {
    ON_TRACK: "#067647",
    AT_RISK: "#b54708",
    OFF_TRACK: "#b42318",
    NO_DATA: "#667085",
    NO_TARGET: "#667085",
    NO_SOURCE: "#667085",
}
STATUS_ORDER = (OFF_TRACK, AT_RISK, ON_TRACK, NO_DATA, NO_TARGET, NO_SOURCE)


@dataclass(frozen=True)
class Thresholds:
    on_track: Decimal = Decimal("100")
    at_risk: Decimal = Decimal("80")

    def __post_init__(self) -> None:
        if self.at_risk > self.on_track:
            raise ValueError("เกณฑ์ “มีความเสี่ยง” ต้องไม่สูงกว่าเกณฑ์ “เป็นไปตามเป้าหมาย”")


@dataclass(frozen=True)
class Assessment:
    status: str
    target: Decimal | None  # the target for the period (after pro-rating)
    achievement: Decimal | None  # per cent

    @property
    def label_th(self) -> str:
        return STATUS_LABELS_TH[self.status]

    @property
    def label(self) -> str:
        """In the active language (pages); ``label_th`` for Thai documents."""
        return status_label(self.status)

    @property
    def colour(self) -> str:
        return STATUS_COLOURS[self.status]


def q2(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def prorated_target(
    annual_target: Decimal | None,
    *,
    accumulation: str,
    fraction: Decimal,
    start_level: Decimal | None = None,
) -> Decimal | None:
    """The target for a period ending ``fraction`` (0 < f ≤ 1) of the way through the fiscal year."""
    if annual_target is None:
        return None
    if not ZERO < fraction <= 1:
        raise ValueError(f"fraction must be in (0, 1], got {fraction}")
    if accumulation == "cumulative":
        return q2(annual_target * fraction)
    if start_level is None:
        return q2(annual_target)
    return q2(start_level + (annual_target - start_level) * fraction)


def achievement(actual: Decimal, target: Decimal, *, direction: str) -> Decimal:
    """Achievement in per cent, direction-aware (see the module docstring)."""
    if direction == "down":
        if target == 0:
            return HUNDRED if actual <= 0 else ZERO
        return max(ZERO, q2(HUNDRED + (target - actual) * HUNDRED / target))
    if target == 0:
        return HUNDRED if actual >= 0 else ZERO
    if target < 0:  # a negative growth target: compare distances the same way as "down"
        return max(ZERO, q2(HUNDRED + (actual - target) * HUNDRED / -target))
    return q2(actual * HUNDRED / target)


def classify(achievement_percent: Decimal, thresholds: Thresholds) -> str:
    if achievement_percent >= thresholds.on_track:
        return ON_TRACK
    if achievement_percent >= thresholds.at_risk:
        return AT_RISK
    return OFF_TRACK


def assess(
    *,
    actual: Decimal | None,
    annual_target: Decimal | None,
    direction: str,
    accumulation: str,
    fraction: Decimal,
    start_level: Decimal | None = None,
    thresholds: Thresholds = Thresholds(),
    has_source: bool = True,
) -> Assessment:
    """Status of one value against the fiscal year's target, pro-rated for its period."""
    target = prorated_target(annual_target, accumulation=accumulation, fraction=fraction, start_level=start_level)
    if not has_source:
        return Assessment(NO_SOURCE, target, None)
    if actual is None:
        return Assessment(NO_DATA, target, None)
    if target is None:
        return Assessment(NO_TARGET, None, None)
    pct = achievement(actual, target, direction=direction)
    return Assessment(classify(pct, thresholds), target, pct)


def period_fraction(kind: str, number: int) -> Decimal:
    """Share of the fiscal year elapsed at the end of a period (exact decimals, no floats)."""
    if kind == "year":
        return Decimal(1)
    if kind == "quarter":
        return Decimal(number) / Decimal(4)
    if kind == "month":
        return Decimal(number) / Decimal(12)
    raise ValueError(f"unknown period kind {kind!r}")
