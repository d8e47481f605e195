"""Confidence intervals that respect a quantity's range.

Every recordflow metric is non-negative, and shares lie in [0, 1], but a Student-t interval
mean ± t·sd/√n can cross those bounds (a count of 2.4 with an interval from −0.7). The report shows
instead the t interval built on a transformed scale and transformed back (delta method):

* shares (0 ≤ p ≤ 1): on the logit scale, logit(p̄) ± h / (p̄ (1 − p̄)), where h = t·sd/√n is the
  Student-t half-width of the mean; back-transformed with the logistic function, so the bounds stay
  inside (0, 1);
* counts, times and other non-negative quantities: on the log scale, log(m̄) ± h / m̄, back-transformed
  with exp, so the lower bound stays above 0 (a ratio interval: m̄ / e^(h/m̄) to m̄ · e^(h/m̄)).

A mean on the boundary (a share of exactly 0 or 1, a count of 0) has an interval of zero width when the
replications all agree, and the untransformed bound clipped to the range otherwise. Differences
between designs can be negative and keep their plain paired Student-t interval.
"""
from __future__ import annotations

import math

METHOD = ("95 % Student-t intervals over replications, computed on the logit scale for shares and on the "
          "log scale for counts and times and transformed back (delta method), so that no bound leaves "
          "the quantity's range")


def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def bounded_interval(mean, half_width, kind):
    """(low, high) of a mean with Student-t half-width `half_width`, kept inside the range of `kind`
    ("share": [0, 1]; anything else: [0, inf)). (None, None) when there is no interval."""
    if _missing(mean) or _missing(half_width):
        return None, None
    m, h = float(mean), float(half_width)
    if kind == "share":
        if m <= 0 or m >= 1:
            return max(0.0, m - h), min(1.0, m + h)
        centre = math.log(m / (1 - m))
        spread = h / (m * (1 - m))
        return 1 / (1 + math.exp(-(centre - spread))), 1 / (1 + math.exp(-(centre + spread)))
    if m <= 0:
        return 0.0, max(0.0, m + h)
    factor = math.exp(min(h / m, 700.0))
    return m / factor, m * factor
