// ClosedForm: textbook answers that the closed-form scenarios are checked against. Times are in the unit
// of the rates given (the scenarios use hours throughout). Every function here is exact (no simulation);
// closed_form_formulas_test.cpp pins each one to values worked by hand or printed in queueing textbooks.
//  - M/M/c (Erlang C): probability of waiting, mean wait, mean and distribution of the time in system;
//  - M/G/1 (Pollaczek-Khinchine): mean wait in queue, with M/D/1 and M/M/1 as special cases;
//  - M/D/c (Crommelin): mean wait in queue with c servers of fixed service time;
//  - a weekly calendar: the wait from a uniformly random moment to the next opening (mean, quantiles);
//  - an alternating up/down process: long-run unavailability.
#pragma once

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>
#include <vector>

namespace recordflow::closed_form {

// Erlang C: the probability that an arrival to an M/M/c queue with offered load a = lambda/mu erlangs
// waits. Computed through the Erlang B recursion B(k) = a B(k-1) / (k + a B(k-1)), which is stable for
// large c, then C = c B / (c - a (1 - B)). Requires a < c.
inline double erlang_c(int c, double a) {
  if (c < 1 || a < 0 || a >= c) throw std::invalid_argument("erlang_c needs c >= 1 and 0 <= a < c");
  double b = 1.0;
  for (int k = 1; k <= c; ++k) b = a * b / (k + a * b);
  return c * b / (c - a * (1.0 - b));
}

// M/M/c mean wait in queue: Wq = C(c, a) / (c mu - lambda).
inline double mmc_mean_wait(int c, double lambda, double mu) {
  return erlang_c(c, lambda / mu) / (c * mu - lambda);
}

// M/M/c mean time in system: W = Wq + 1/mu.
inline double mmc_mean_sojourn(int c, double lambda, double mu) {
  return mmc_mean_wait(c, lambda, mu) + 1.0 / mu;
}

// M/M/c (FIFO) P(time in system <= t). The wait is 0 with probability 1 - C and otherwise exponential
// with rate theta = c mu - lambda; the service is exponential(mu) and independent of it, so
// P(T > t) = (1 - C) e^(-mu t) + C (mu e^(-theta t) - theta e^(-mu t)) / (mu - theta).
inline double mmc_sojourn_cdf(int c, double lambda, double mu, double t) {
  const double waits = erlang_c(c, lambda / mu);
  const double theta = c * mu - lambda;
  double both;  // P(Exp(theta) + Exp(mu) > t)
  if (std::abs(mu - theta) < 1e-12 * mu) {
    both = (1.0 + mu * t) * std::exp(-mu * t);  // Erlang(2, mu)
  } else {
    both = (mu * std::exp(-theta * t) - theta * std::exp(-mu * t)) / (mu - theta);
  }
  return 1.0 - ((1.0 - waits) * std::exp(-mu * t) + waits * both);
}

// Pollaczek-Khinchine: M/G/1 mean wait in queue Wq = lambda E[S^2] / (2 (1 - rho)), rho = lambda E[S].
inline double mg1_mean_wait(double lambda, double service_mean, double service_second_moment) {
  const double rho = lambda * service_mean;
  if (rho >= 1) throw std::invalid_argument("mg1_mean_wait needs rho < 1");
  return lambda * service_second_moment / (2.0 * (1.0 - rho));
}

// M/D/1 (fixed service time d): Wq = rho d / (2 (1 - rho)).
inline double md1_mean_wait(double lambda, double service_time) {
  return mg1_mean_wait(lambda, service_time, service_time * service_time);
}

// P(X >= k) for X ~ Poisson(m), summed upwards from k in logarithms (no cancellation for the far tail).
inline double poisson_upper_tail(double m, int k) {
  if (k <= 0) return 1.0;
  const int last = k + 60 + static_cast<int>(40 * std::sqrt(m + 1));
  double sum = 0;
  for (int j = k; j <= last; ++j) sum += std::exp(j * std::log(m) - m - std::lgamma(j + 1.0));
  return sum;
}

// M/D/c (c servers, fixed service time d, Poisson arrivals lambda, rho = lambda d / c < 1): Crommelin's
// mean wait in queue, Wq = d sum_{i>=1} [P(N_i >= i c) - P(N_i >= i c + 1) / rho], N_i ~ Poisson(i c rho).
// For c = 1 it is Pollaczek-Khinchine's rho d / (2 (1 - rho)). The terms fall like e^(-i c (rho - 1 -
// ln rho)); the sum stops when they are below 1e-15 of it.
inline double mdc_mean_wait(int c, double lambda, double service_time) {
  const double rho = lambda * service_time / c;
  if (c < 1 || rho <= 0 || rho >= 1) throw std::invalid_argument("mdc_mean_wait needs c >= 1, 0 < rho < 1");
  double sum = 0;
  for (int i = 1; i < 100000; ++i) {
    const double m = i * c * rho;
    const double term = poisson_upper_tail(m, i * c) - poisson_upper_tail(m, i * c + 1) / rho;
    sum += term;
    if (std::abs(term) < 1e-15 * std::abs(sum) && i > 10) break;
  }
  return service_time * sum;
}

// Long-run share of time down for a system alternating up (mean m) and down (mean r) periods,
// whatever their distributions (renewal-reward): r / (m + r).
inline double unavailability(double mean_up, double mean_down) {
  return mean_down / (mean_up + mean_down);
}

// A weekly calendar as its open intervals [start, end) in hours since Monday 00:00, within [0, period).
// The closed gaps between consecutive openings (wrapping around the week); an empty list = never closed.
inline std::vector<double> closed_gaps(std::vector<std::pair<double, double>> open, double period = 168.0) {
  if (open.empty()) throw std::invalid_argument("closed_gaps needs at least one open interval");
  std::sort(open.begin(), open.end());
  std::vector<double> gaps;
  for (std::size_t i = 0; i < open.size(); ++i) {
    const double next_start = i + 1 < open.size() ? open[i + 1].first : open.front().first + period;
    const double gap = next_start - open[i].second;
    if (gap > 0) gaps.push_back(gap);
  }
  return gaps;
}

// Mean wait from a uniformly random moment of the week to the next opening: a moment in a closed gap of
// length g waits on average g/2, and lands in it with probability g / period, so
// E[wait] = sum over gaps of g^2 / 2 / period.
inline double calendar_mean_wait(const std::vector<std::pair<double, double>>& open, double period = 168.0) {
  double sum = 0;
  for (double g : closed_gaps(open, period)) sum += g * g / 2.0;
  return sum / period;
}

// P(wait <= w) for that uniformly random moment: the open share waits 0, and a gap of length g
// contributes min(w, g) / period.
inline double calendar_wait_cdf(const std::vector<std::pair<double, double>>& open, double w,
                                double period = 168.0) {
  if (w < 0) return 0.0;
  double closed = 0, reached = 0;
  for (double g : closed_gaps(open, period)) {
    closed += g;
    reached += std::min(w, g);
  }
  return (period - closed + reached) / period;
}

// The p-quantile of that wait (smallest w with cdf >= p), by bisection on the monotone cdf.
inline double calendar_wait_quantile(const std::vector<std::pair<double, double>>& open, double p,
                                     double period = 168.0) {
  if (calendar_wait_cdf(open, 0.0, period) >= p) return 0.0;
  double low = 0, high = period;
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (low + high);
    (calendar_wait_cdf(open, mid, period) >= p ? high : low) = mid;
  }
  return high;
}

// Monday-Friday opening hours [from, to) (hours of the day) as weekly intervals.
inline std::vector<std::pair<double, double>> weekdays(double from, double to) {
  std::vector<std::pair<double, double>> open;
  for (int day = 0; day < 5; ++day) open.emplace_back(day * 24.0 + from, day * 24.0 + to);
  return open;
}

}  // namespace recordflow::closed_form
