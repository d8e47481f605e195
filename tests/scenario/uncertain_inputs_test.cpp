// The `uncertainty` section: reading, quantiles, and every bad entry rejected with its file and path.
#include "scenario/UncertainInputs.hpp"

#include <gtest/gtest.h>

#include "TestPaths.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace recordflow {
namespace {

const std::string kPortal = "/uncertainty/~1access_profiles~1portal~1look_probability";

std::string demo() {
  return (test::source_dir() / "scenarios/demo.json").string();
}

bool reports(const LoadedScenario& loaded, const std::string& pointer, const std::string& message) {
  for (const auto& d : loaded.diagnostics)
    if (d.pointer == pointer && d.message.find(message) != std::string::npos && !d.file.empty()) return true;
  return false;
}

TEST(UncertainInputs, DemoDeclaresLookProbabilitiesWithSources) {
  const auto loaded = load_scenario(demo());
  ASSERT_TRUE(loaded.ok()) << format_diagnostics(loaded.diagnostics);
  ASSERT_GE(loaded.uncertain_inputs.size(), 6u);
  bool in_context = false;
  for (const auto& input : loaded.uncertain_inputs) {
    EXPECT_FALSE(input.source.empty()) << input.pointer;
    EXPECT_LE(input.low, input.high) << input.pointer;
    if (input.pointer == "/access_profiles/in_context/look_probability") {
      in_context = true;
      EXPECT_EQ(input.group, "looking");
      EXPECT_EQ(input.kind, UncertainInput::Kind::triangular);
    }
  }
  EXPECT_TRUE(in_context);
  std::vector<int> index;
  const auto groups = uncertainty_groups(loaded.uncertain_inputs, &index);
  EXPECT_EQ(index.size(), loaded.uncertain_inputs.size());
  EXPECT_NE(std::find(groups.begin(), groups.end(), "looking"), groups.end());
}

TEST(UncertainInputs, QuantilesFollowTheDistribution) {
  UncertainInput tri;
  tri.kind = UncertainInput::Kind::triangular;
  tri.low = 0, tri.mode = 1, tri.high = 2;
  EXPECT_NEAR(tri.quantile(0.5), 1.0, 1e-12);    // symmetric
  EXPECT_NEAR(tri.quantile(0.125), 0.5, 1e-12);  // F(x) = x^2 / 2 on [0, 1]
  UncertainInput beta;
  beta.kind = UncertainInput::Kind::beta;
  beta.alpha = 2, beta.beta = 2, beta.low = 10, beta.high = 20;
  EXPECT_NEAR(beta.quantile(0.5), 15.0, 1e-9);
  UncertainInput hours;
  hours.low = 1, hours.high = 3, hours.duration = true;
  EXPECT_EQ(hours.value_at(0.5), "2 h");
}

TEST(UncertainInputs, LowAboveHighIsRejected) {
  const auto loaded = load_scenario(
      demo(), {{kPortal, {{"dist", "uniform"}, {"min", 0.6}, {"max", 0.2}, {"source", "assumption: x"}}}});
  EXPECT_TRUE(reports(loaded, kPortal + "/min", "low end (0.6) exceeds its high end (0.2)"))
      << format_diagnostics(loaded.diagnostics);
}

TEST(UncertainInputs, ProbabilityOutsideZeroOneIsRejected) {
  const auto loaded = load_scenario(
      demo(), {{kPortal, {{"dist", "uniform"}, {"min", 0.5}, {"max", 1.2}, {"source", "assumption: x"}}}});
  EXPECT_TRUE(reports(loaded, kPortal, "must stay in [0, 1]")) << format_diagnostics(loaded.diagnostics);
}

TEST(UncertainInputs, PointerToNothingIsRejected) {
  const std::string where = "/uncertainty/~1access_profiles~1nowhere~1look_probability";
  const auto loaded = load_scenario(
      demo(), {{where, {{"dist", "uniform"}, {"min", 0.1}, {"max", 0.2}, {"source", "assumption: x"}}}});
  EXPECT_TRUE(reports(loaded, where, "points at nothing")) << format_diagnostics(loaded.diagnostics);
}

TEST(UncertainInputs, ModeOutsideTheRangeAndMissingSourceAreRejected) {
  auto loaded = load_scenario(
      demo(),
      {{kPortal,
        {{"dist", "triangular"}, {"min", 0.1}, {"mode", 0.5}, {"max", 0.3}, {"source", "assumption: x"}}}});
  EXPECT_TRUE(reports(loaded, kPortal + "/mode", "between min and max"));
  loaded = load_scenario(demo(), {{kPortal, {{"dist", "uniform"}, {"min", 0.1}, {"max", 0.3}}}});
  EXPECT_FALSE(loaded.ok());  // the schema requires "source"
  const std::string text = "/uncertainty/~1population";
  loaded =
      load_scenario(demo(), {{text, {{"dist", "uniform"}, {"min", "1 h"}, {"max", "2 h"}, {"source", "x"}}}});
  EXPECT_TRUE(reports(loaded, text + "/min", "expected a number")) << format_diagnostics(loaded.diagnostics);
}

}  // namespace
}  // namespace recordflow
