"""Satisfaction statistics on the Thai five-level scale (pure: plain values in, plain values out).

* mean (x̄) of the scores;
* S.D. is the **sample** standard deviation (divisor n − 1), as Thai survey reports use; it is
  ``None`` for fewer than two scores;
* % satisfied is the share of scores at level 4 (มาก) or 5 (มากที่สุด);
* % score is mean / 5 × 100;
* the band label is read from the mean rounded half-up to two decimals:
  4.21–5.00 มากที่สุด · 3.41–4.20 มาก · 2.61–3.40 ปานกลาง · 1.81–2.60 น้อย · 1.00–1.80 น้อยที่สุด.

Everything is computed from a frequency distribution ``{score: count}`` so the database only has
to count answers per score (``GROUP BY score``), whatever the number of responses.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

BANDS: tuple[tuple[Decimal, str], ...] = (
    (Decimal("4.21"), "มากที่สุด"),
    (Decimal("3.41"), "มาก"),
    (Decimal("2.61"), "ปานกลาง"),
    (Decimal("1.81"), "น้อย"),
    (Decimal("1.00"), "น้อยที่สุด"),
)
BAND_RANGES_TH = "4.21–5.00 มากที่สุด · 3.41–4.20 มาก · 2.61–3.40 ปานกลาง · 1.81–2.60 น้อย · 1.00–1.80 น้อยที่สุด"
_TWO = Decimal("0.01")


def round2(value: Decimal) -> Decimal:
    return value.quantize(_TWO, rounding=ROUND_HALF_UP)


def band_label(mean: Decimal | float | None) -> str:
    """Thai band of a mean score; '' when there is no mean."""
    if mean is None:
        return ""
    rounded = round2(Decimal(str(mean)))
    for lower, label in BANDS:
        if rounded >= lower:
            return label
    return BANDS[-1][1]


@dataclass(frozen=True)
class Summary:
    n: int
    mean: Decimal | None  # rounded to 2 decimals
    sd: Decimal | None  # sample S.D., rounded to 2 decimals
    pct_satisfied: Decimal | None  # % of scores at 4–5, 1 decimal
    pct_score: Decimal | None  # mean / 5 × 100, 1 decimal
    band: str
    counts: tuple[int, int, int, int, int]  # scores 1..5

    def as_dict(self) -> dict[str, object]:
        return {
            "n": self.n,
            "mean": float(self.mean) if self.mean is not None else None,
            "sd": float(self.sd) if self.sd is not None else None,
            "pct_satisfied": float(self.pct_satisfied) if self.pct_satisfied is not None else None,
            "pct_score": float(self.pct_score) if self.pct_score is not None else None,
            "band": self.band,
            "counts": {str(i + 1): c for i, c in enumerate(self.counts)},
        }


EMPTY = Summary(0, None, None, None, None, "", (0, 0, 0, 0, 0))


def summarize(freq: Mapping[int, int]) -> Summary:
    """Summary of a distribution ``{score: count}`` (scores outside 1–5 are an error)."""
    counts = [0, 0, 0, 0, 0]
    for score, count in freq.items():
        if not 1 <= int(score) <= 5:
            raise ValueError(f"score out of range: {score}")
        if count < 0:
            raise ValueError("negative count")
        counts[int(score) - 1] += int(count)
    n = sum(counts)
    if n == 0:
        return EMPTY
    total = sum((i + 1) * c for i, c in enumerate(counts))
    mean_exact = Decimal(total) / Decimal(n)
    sd: Decimal | None = None
    if n > 1:
        sum_sq_dev = sum(c * (Decimal(i + 1) - mean_exact) ** 2 for i, c in enumerate(counts))
        sd = round2((sum_sq_dev / Decimal(n - 1)).sqrt())
    satisfied = counts[3] + counts[4]
    one = Decimal("0.1")
    return Summary(
        n=n,
        mean=round2(mean_exact),
        sd=sd,
        pct_satisfied=(Decimal(satisfied) * 100 / Decimal(n)).quantize(one, rounding=ROUND_HALF_UP),
        pct_score=(mean_exact * 20).quantize(one, rounding=ROUND_HALF_UP),
        band=band_label(mean_exact),
        counts=(counts[0], counts[1], counts[2], counts[3], counts[4]),
    )


def summarize_scores(scores: Iterable[int]) -> Summary:
    freq: dict[int, int] = {}
    for score in scores:
        freq[score] = freq.get(score, 0) + 1
    return summarize(freq)


def merge(freqs: Iterable[Mapping[int, int]]) -> dict[int, int]:
    result: dict[int, int] = {}
    for freq in freqs:
        for score, count in freq.items():
            result[score] = result.get(score, 0) + count
    return result
