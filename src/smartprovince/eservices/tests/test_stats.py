"""Satisfaction statistics against hand-computed values (pure, no database)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from smartprovince.eservices.stats import EMPTY, band_label, merge, summarize, summarize_scores

# scores → (mean, sample S.D. (n-1), % satisfied (4–5), % score, band); worked by hand:
CASES = [
    # x̄ = 21/5 = 4.2; Σ(x−x̄)² = .64+.04+.04+1.44+.64 = 2.8; s = √(2.8/4) = .8367
    ([5, 4, 4, 3, 5], D("4.20"), D("0.84"), D("80.0"), D("84.0"), "มาก"),
    ([5, 5, 5, 5], D("5.00"), D("0.00"), D("100.0"), D("100.0"), "มากที่สุด"),
    # one score: no sample S.D.
    ([1], D("1.00"), None, D("0.0"), D("20.0"), "น้อยที่สุด"),
    # x̄ = 1.5; s = √(0.5/1) = .7071
    ([1, 2], D("1.50"), D("0.71"), D("0.0"), D("30.0"), "น้อยที่สุด"),
    # x̄ = 2.4; Σ = 3×.16 + 2×.36 = 1.2; s = √(1.2/4) = .5477
    ([2, 2, 2, 3, 3], D("2.40"), D("0.55"), D("0.0"), D("48.0"), "น้อย"),
    # x̄ = 29/8 = 3.625 → 3.63 (half up); Σ = 15.875; s = √(15.875/7) = 1.5059; 5 of 8 at 4–5
    ([3, 4, 4, 5, 5, 5, 1, 2], D("3.63"), D("1.51"), D("62.5"), D("72.5"), "มาก"),
    # x̄ = 3.0; Σ = 4+1+0+1+4 = 10; s = √(10/4) = 1.5811
    ([1, 2, 3, 4, 5], D("3.00"), D("1.58"), D("40.0"), D("60.0"), "ปานกลาง"),
]


@pytest.mark.parametrize(("scores", "mean", "sd", "pct", "pct_score", "band"), CASES)
def test_summary_matches_hand_computation(scores, mean, sd, pct, pct_score, band):
    s = summarize_scores(scores)
    assert (s.n, s.mean, s.sd, s.pct_satisfied, s.pct_score, s.band) == (len(scores), mean, sd, pct, pct_score, band)


def test_frequency_form_equals_raw_scores():
    assert summarize({5: 2, 4: 2, 3: 1}) == summarize_scores([5, 4, 4, 3, 5])
    assert summarize({5: 2, 4: 2, 3: 1}).counts == (0, 0, 1, 2, 2)


def test_empty_distribution():
    assert summarize({}) is EMPTY
    assert summarize({3: 0}) is EMPTY
    assert EMPTY.mean is None and EMPTY.band == ""


@pytest.mark.parametrize("bad", [{0: 1}, {6: 1}, {3: -1}])
def test_bad_input_is_an_error(bad):
    with pytest.raises(ValueError):
        summarize(bad)


@pytest.mark.parametrize(
    ("mean", "label"),
    [
        ("5.00", "มากที่สุด"), ("4.21", "มากที่สุด"), ("4.205", "มากที่สุด"), ("4.2049", "มาก"), ("4.20", "มาก"),
        ("3.41", "มาก"), ("3.40", "ปานกลาง"), ("2.61", "ปานกลาง"), ("2.60", "น้อย"), ("1.81", "น้อย"),
        ("1.80", "น้อยที่สุด"), ("1.00", "น้อยที่สุด"), (None, ""),
    ],
)
def test_band_boundaries(mean, label):
    assert band_label(D(mean) if mean is not None else None) == label


def test_merge_and_as_dict():
    merged = merge([{5: 1, 4: 1}, {4: 2}, {}])
    assert merged == {5: 1, 4: 3}
    assert summarize(merged).as_dict() == {
        "n": 4, "mean": 4.25, "sd": 0.5, "pct_satisfied": 100.0, "pct_score": 85.0, "band": "มากที่สุด",
        "counts": {"1": 0, "2": 0, "3": 0, "4": 3, "5": 1},
    }
