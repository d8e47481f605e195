// The closed-form answers themselves, pinned to hand-worked and textbook values before any simulation is
// compared with them.
#include <gtest/gtest.h>

#include "ClosedForm.hpp"

namespace recordflow::closed_form {
namespace {

TEST(ErlangC, SingleServerWaitsWithProbabilityRho) {
  EXPECT_NEAR(erlang_c(1, 0.7), 0.7, 1e-12);
  // M/M/1: Wq = rho / (mu - lambda).
  EXPECT_NEAR(mmc_mean_wait(1, 0.7, 1.0), 0.7 / 0.3, 1e-12);
  EXPECT_NEAR(mmc_mean_sojourn(1, 0.7, 1.0), 1.0 / 0.3, 1e-12);
}

TEST(ErlangC, HandWorkedSmallPools) {
  // c = 2, a = 1: P0 = 1/3, C = a^2 / (2! (1 - 1/2)) P0 = 1/3.
  EXPECT_NEAR(erlang_c(2, 1.0), 1.0 / 3.0, 1e-12);
  // c = 3, a = 2: P0 = 1/9, C = (8/6) / (1/3) / 9 = 4/9.
  EXPECT_NEAR(erlang_c(3, 2.0), 4.0 / 9.0, 1e-12);
}

TEST(ErlangC, TableValues) {
  EXPECT_NEAR(erlang_c(5, 3.0), 0.2362, 5e-5);
  EXPECT_NEAR(erlang_c(10, 8.0), 0.4092, 5e-5);
  // The staff pool of the M/M/c scenario: c = 3, lambda = 2.1/h, mu = 1/h.
  EXPECT_NEAR(erlang_c(3, 2.1), 0.49234, 5e-6);
  EXPECT_NEAR(mmc_mean_sojourn(3, 2.1, 1.0), 1.54705, 5e-6);
}

TEST(ErlangC, RejectsUnstableLoad) {
  EXPECT_THROW(erlang_c(3, 3.0), std::invalid_argument);
}

TEST(ErlangC, SojournDistributionOfOneServerIsExponential) {
  for (double t : {0.0, 0.5, 2.0, 7.0})
    EXPECT_NEAR(mmc_sojourn_cdf(1, 0.7, 1.0, t), 1 - std::exp(-0.3 * t), 1e-12);
}

TEST(ErlangC, SojournDistributionIntegratesToTheMean) {
  for (auto [c, lambda] : {std::pair{3, 2.1}, std::pair{2, 1.0}, std::pair{4, 1.0}}) {
    // E[T] = integral of P(T > t); trapezoid rule on a fine grid.
    double mean = 0;
    const double dt = 1e-3;
    for (double t = 0; t < 200; t += dt) {
      mean += dt * (2 - mmc_sojourn_cdf(c, lambda, 1.0, t) - mmc_sojourn_cdf(c, lambda, 1.0, t + dt)) / 2;
    }
    EXPECT_NEAR(mean, mmc_mean_sojourn(c, lambda, 1.0), 1e-5) << "c = " << c;
  }
  // c = 2, lambda = 1, mu = 1 has theta = mu: the Erlang-2 branch.
  EXPECT_NEAR(mmc_sojourn_cdf(2, 1.0, 1.0, 1.0), mmc_sojourn_cdf(2, 1.0 - 1e-9, 1.0, 1.0), 1e-6);
}

TEST(PollaczekKhinchine, ExponentialServiceGivesMM1) {
  // E[S^2] = 2 / mu^2 for exponential service.
  EXPECT_NEAR(mg1_mean_wait(0.8, 1.0, 2.0), 0.8 / 0.2, 1e-12);
}

TEST(Crommelin, OneServerIsPollaczekKhinchine) {
  for (double lambda : {2.0, 5.0, 8.0, 9.5})
    EXPECT_NEAR(mdc_mean_wait(1, lambda, 0.1), md1_mean_wait(lambda, 0.1), 1e-9);
}

TEST(Crommelin, SeveralServersWaitAboutHalfTheExponentialWait) {
  // Fixed service halves the M/M/c wait almost exactly at high load (Cosmetatos' approximation, within a
  // few per cent for c <= 5 at rho = 0.8), and more servers at the same load wait less.
  for (int c : {2, 3, 5}) {
    const double lambda = 0.8 * c;  // d = 1, rho = 0.8
    const double ratio = mdc_mean_wait(c, lambda, 1.0) / (mmc_mean_wait(c, lambda, 1.0) / 2);
    EXPECT_NEAR(ratio, 1.0, 0.05) << "c = " << c;
  }
  EXPECT_LT(mdc_mean_wait(3, 2.4, 1.0), mdc_mean_wait(2, 1.6, 1.0));
  EXPECT_THROW(mdc_mean_wait(2, 2.0, 1.0), std::invalid_argument);
}

TEST(PollaczekKhinchine, DeterministicServiceHalvesTheWait) {
  EXPECT_NEAR(md1_mean_wait(0.5, 1.0), 0.5, 1e-12);
  EXPECT_NEAR(md1_mean_wait(0.8, 1.0), mg1_mean_wait(0.8, 1.0, 2.0) / 2, 1e-12);
  // The integration engine of the Little's-law scenario: 10 items/h, 8 arriving per hour.
  EXPECT_NEAR(md1_mean_wait(8.0, 0.1), 0.2, 1e-12);
  EXPECT_THROW(md1_mean_wait(1.0, 1.0), std::invalid_argument);
}

TEST(Unavailability, RenewalReward) {
  EXPECT_NEAR(unavailability(20, 5), 0.2, 1e-12);
  EXPECT_NEAR(unavailability(99, 1), 0.01, 1e-12);
}

TEST(CalendarWait, AlwaysOpenNeverWaits) {
  EXPECT_EQ(calendar_mean_wait({{0, 168}}), 0.0);
  EXPECT_EQ(calendar_wait_quantile({{0, 168}}, 0.9), 0.0);
}

TEST(CalendarWait, OfficeHoursMondayToFriday) {
  const auto office = weekdays(9, 17);
  // Four 16 h nights and one 64 h weekend: (4 * 16^2 / 2 + 64^2 / 2) / 168 = 2560 / 168.
  const auto gaps = closed_gaps(office);
  ASSERT_EQ(gaps.size(), 5u);
  EXPECT_NEAR(calendar_mean_wait(office), 2560.0 / 168.0, 1e-12);
  // 40/168 of moments are open; P(wait <= w) = (40 + 5 w) / 168 up to 16 h, so the median is 8.8 h;
  // beyond 16 h only the weekend is left: (40 + 64 + w) / 168 = 0.9 gives 47.2 h.
  EXPECT_NEAR(calendar_wait_cdf(office, 0.0), 40.0 / 168.0, 1e-12);
  EXPECT_NEAR(calendar_wait_quantile(office, 0.5), 8.8, 1e-9);
  EXPECT_NEAR(calendar_wait_quantile(office, 0.9), 47.2, 1e-9);
}

TEST(CalendarWait, TwelveHoursEveryDay) {
  std::vector<std::pair<double, double>> open;
  for (int day = 0; day < 7; ++day) open.emplace_back(day * 24 + 8, day * 24 + 20);
  EXPECT_NEAR(calendar_mean_wait(open), 3.0, 1e-12);  // half the time open, mean 6 h otherwise
}

TEST(CalendarWait, NightlyBatchIsUniformOverTheDay) {
  // A batch run is an opening of zero length once per 24 h period: the wait is uniform(0, 24 h).
  const std::vector<std::pair<double, double>> batch{{2, 2}};
  EXPECT_NEAR(calendar_mean_wait(batch, 24), 12.0, 1e-12);
  EXPECT_NEAR(calendar_wait_quantile(batch, 0.5, 24), 12.0, 1e-9);
  EXPECT_NEAR(calendar_wait_quantile(batch, 0.9, 24), 21.6, 1e-9);
  EXPECT_NEAR(calendar_wait_cdf(batch, 6, 24), 0.25, 1e-12);
}

}  // namespace
}  // namespace recordflow::closed_form
