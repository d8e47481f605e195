// Named staff queues, absences and forgotten items against closed forms: tests/closed_form/scenarios/
// named_staff.json runs through the real `recordflow run` (20 replications, fixed seed; its description
// derives every value). Means and shares of delays are checked with the summary's 95 % interval; the
// forgotten share on counts pooled over the replications, within 3.29 binomial standard deviations (a
// correct model fails it with probability 0.1 %). Seeds are fixed: a failure is a wrong number, not bad luck.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "ClosedForm.hpp"
#include "ScenarioRun.hpp"

namespace recordflow::closed_form {
namespace {

using nlohmann::json;

constexpr double kReplications = 20;
constexpr double kMeasuredHours = 335 * 24;  // horizon 365 d, warm-up 30 d

const json& results() {
  return run_scenario("named_staff.json");
}

double mean(const std::string& design, const std::string& metric) {
  return summary_row(results(), design, metric).at("mean").get<double>();
}

// Total over the replications of a count metric (the summary mean times the number of replications).
double pooled_count(const std::string& design, const std::string& metric) {
  return std::round(mean(design, metric) * kReplications);
}

// A letter waits for the consultant of its episode: three M/M/1 queues at lambda/3, not one M/M/3.
TEST(NamedStaff, EachLetterWaitsForItsOwnConsultant) {
  const double lambda = 2.1 / 3, mu = 1.0;
  const double mean_delay = 1 / (mu - lambda);  // 3.333 h
  EXPECT_TRUE(covers(summary_row(results(), "named", "delay_mean"), mean_delay, 0.05 * mean_delay));
  EXPECT_TRUE(covers(summary_row(results(), "named", "share_within_target"), 1 - std::exp(-(mu - lambda) * 2),
                     0.015));
  // The same letters shared by three secretaries: Erlang C, less than half the wait.
  const double pooled_delay = mmc_mean_sojourn(3, 2.1, 1.0);  // 1.547 h
  EXPECT_TRUE(covers(summary_row(results(), "pooled", "delay_mean"), pooled_delay, 0.03 * pooled_delay));
  EXPECT_TRUE(conserves_copies(results(), "named"));
}

// Away a seventh of the time for exactly a day: a letter written meanwhile waits out the absence.
TEST(NamedStaff, ALetterWaitsForItsConsultantToComeBack) {
  const double away = 1.0 / 7, absence = 24, task = 6.0 / 3600;
  EXPECT_TRUE(covers(summary_row(results(), "away", "delay_mean"), away * absence / 2 + task, 0.3));
  EXPECT_TRUE(covers(summary_row(results(), "away", "share_within_target"),
                     1 - away * (absence - (2 - task)) / absence, 0.02));
  EXPECT_TRUE(conserves_copies(results(), "away"));
}

TEST(NamedStaff, ItemsWaitingPastTheirLimitAreForgottenWithTheirProbability) {
  const double created = pooled_count("forgotten", "copies_created");
  const double forgotten = pooled_count("forgotten", "copies_forgotten");
  // Letters written in the run's last 2 d have not waited long enough to be forgotten.
  const double due = created * (kMeasuredHours - 48) / kMeasuredHours;
  const double p = 0.3;
  ASSERT_GT(due, 1000);
  EXPECT_NEAR(forgotten / due, p, 3.29 * std::sqrt(p * (1 - p) / due));
  EXPECT_EQ(pooled_count("forgotten", "copies_lost"), forgotten);  // lost for no other reason
  EXPECT_EQ(pooled_count("forgotten", "copies_available"), 0);     // nobody ever signs them off
  EXPECT_TRUE(conserves_copies(results(), "forgotten"));
}

// Forgetting takes only items that wait past the limit: a pool that never keeps anyone a day forgets
// nothing, and every letter's delay is what it is without the option.
TEST(NamedStaff, APoolThatKeepsUpForgetsNothing) {
  EXPECT_TRUE(exactly(summary_row(results(), "pooled_forgetting", "copies_forgotten"), 0));
  EXPECT_EQ(mean("pooled_forgetting", "delay_mean"), mean("pooled", "delay_mean"));
  EXPECT_EQ(mean("pooled_forgetting", "delay_p90"), mean("pooled", "delay_p90"));
  EXPECT_TRUE(conserves_copies(results(), "pooled_forgetting"));
}

}  // namespace
}  // namespace recordflow::closed_form
