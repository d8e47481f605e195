// The human failure modes against closed forms: tests/closed_form/scenarios/human_failures.json runs
// through the real `recordflow run` (8 replications, fixed seed) and each design checks one mode. A share
// is checked on counts pooled over the replications: it must lie within 3.29 binomial standard deviations
// of the closed-form value, so a correct model fails a check with probability 0.1 % (seeds are fixed: a
// failure is a wrong number, not bad luck). Delays are checked with the summary's 95 % interval.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "ScenarioRun.hpp"

namespace recordflow::closed_form {
namespace {

using nlohmann::json;

constexpr double kReplications = 8;
constexpr double kMeasuredHours = 59 * 24;  // horizon 60 d, warm-up 1 d

const json& results() {
  return run_scenario("human_failures.json");
}

// Total over the replications of a count metric (the summary mean times the number of replications).
double pooled(const std::string& design, const std::string& metric, const json& dims = json::object()) {
  return std::round(summary_row(results(), design, metric, dims).at("mean").get<double>() * kReplications);
}

// numerator / denominator lies within 3.29 binomial standard deviations of p.
::testing::AssertionResult share_near(double numerator, double denominator, double p) {
  if (denominator < 1000)
    return ::testing::AssertionFailure() << "too few trials (" << denominator << ") to check a share";
  const double share = numerator / denominator;
  const double bound = 3.29 * std::sqrt(p * (1 - p) / denominator);
  if (std::abs(share - p) <= bound) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "share " << share << " is not within " << bound << " of " << p;
}

TEST(HumanFailures, NeverSentIsAGapWithItsOwnCause) {
  const double needs = pooled("never_sent", "needs_with_document");
  EXPECT_TRUE(share_near(pooled("never_sent", "gaps", {{"cause", "never_sent"}}), needs, 0.2));
  EXPECT_EQ(pooled("never_sent", "gaps"), pooled("never_sent", "gaps", {{"cause", "never_sent"}}));
  EXPECT_EQ(pooled("never_sent", "gaps", {{"cause", "lost"}}), 0);
  const double created = pooled("never_sent", "copies_created");
  EXPECT_TRUE(share_near(pooled("never_sent", "copies_never_sent"), created, 0.2));
  EXPECT_EQ(pooled("never_sent", "copies_never_sent", {{"document", "discharge_summary"}}),
            pooled("never_sent", "copies_never_sent"));
  EXPECT_EQ(pooled("never_sent", "copies_lost"), pooled("never_sent", "copies_never_sent"));
  EXPECT_TRUE(conserves_copies(results(), "never_sent"));
}

TEST(HumanFailures, ChasingAfterTwoDaysRecoversItsShare) {
  const double created = pooled("chased", "copies_created");
  // Same documents as never_sent (common random numbers): the same copies go unsent.
  EXPECT_EQ(pooled("chased", "copies_never_sent"), pooled("never_sent", "copies_never_sent"));
  // Chases in the last 2 d of the run are not yet due: chased documents are those created 2 d before it.
  const double due = (kMeasuredHours - 48) / kMeasuredHours;
  EXPECT_TRUE(share_near(pooled("chased", "chases"), created * due, 0.2));
  EXPECT_TRUE(share_near(pooled("chased", "chases_obtained"), created * due, 0.2 * 0.75));
  const double needs = pooled("chased", "needs_with_document");
  EXPECT_TRUE(share_near(pooled("chased", "gaps", {{"cause", "never_sent"}}), needs, 0.2 * 0.25));
  // 6 min per chase. Staff time counts all work after the warm-up, so it also pays for the chases (in the
  // first 2 measured days) of the unsent copies written during the 1 d warm-up: 0.2 x 2/h x 24 h each.
  const double chase_minutes =
      summary_row(results(), "chased", "staff_minutes", {{"org_type", "primary"}, {"task", "chase"}})
          .at("mean")
          .get<double>() *
      kReplications;
  const double chases_paid = std::round(chase_minutes / 6.0);
  EXPECT_NEAR(chase_minutes, 6.0 * chases_paid, 1e-6 * chase_minutes);
  const double warm_up_chases = 0.2 * 2 * 24 * kReplications;  // Poisson: 3.29 sd bound
  EXPECT_NEAR(chases_paid - pooled("chased", "chases"), warm_up_chases, 3.29 * std::sqrt(warm_up_chases));
}

TEST(HumanFailures, MisdirectedItemsAreLostOrReturnedLate) {
  const double created = pooled("misdirected", "copies_created");
  EXPECT_TRUE(share_near(pooled("misdirected", "copies_misdirected"), created, 0.1));
  EXPECT_TRUE(share_near(pooled("misdirected", "copies_misdirected_lost"), created, 0.05));
  EXPECT_EQ(pooled("misdirected", "copies_lost"), pooled("misdirected", "copies_misdirected_lost"));
  EXPECT_EQ(pooled("misdirected", "copies_never_sent"), 0);
  EXPECT_TRUE(covers(summary_row(results(), "misdirected", "share_lost"), 0.05, 0.01));
  // Available copies: returned ones (0.05 of all) take 1 h + 24 h, the others (0.9) 1 h.
  EXPECT_TRUE(covers(summary_row(results(), "misdirected", "delay_mean"), 1 + 24 * 0.05 / 0.95, 0.25));
  EXPECT_TRUE(conserves_copies(results(), "misdirected"));
}

TEST(HumanFailures, ActionsAreMissedLateOrOnTime) {
  const double created = pooled("action", "copies_created");
  const double needed = pooled("action", "actions_needed");
  EXPECT_TRUE(share_near(needed, created, 0.5));
  EXPECT_EQ(needed, pooled("action", "actions_on_time") + pooled("action", "actions_late") +
                        pooled("action", "actions_missed") + pooled("action", "actions_pending"));
  EXPECT_TRUE(share_near(pooled("action", "actions_missed"), needed, 0.2));
  // Late ones created in the last 25 h, and on-time ones in the last hour, are still pending.
  EXPECT_TRUE(share_near(pooled("action", "actions_late"), needed, 0.08 * (1 - 25 / kMeasuredHours)));
  EXPECT_TRUE(share_near(pooled("action", "actions_on_time"), needed, 0.72 * (1 - 1 / kMeasuredHours)));
  EXPECT_GT(pooled("action", "actions_pending"), 0);
}

}  // namespace
}  // namespace recordflow::closed_form
