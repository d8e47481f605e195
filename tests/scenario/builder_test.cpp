// Building the model: instances, calendars, distributions, rates, profiles, defaults and design overrides.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "TestPaths.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace recordflow {
namespace {

class BuilderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    loaded_ = new LoadedScenario(load_scenario(test::fixture("minimal.json")));
    ASSERT_TRUE(loaded_->ok()) << format_diagnostics(loaded_->diagnostics);
  }
  static void TearDownTestSuite() { delete loaded_; }
  static Scenario build(const std::string& design) {
    return build_scenario(loaded_->resolved, design, "minimal.json");
  }
  static LoadedScenario* loaded_;
};
LoadedScenario* BuilderTest::loaded_ = nullptr;

TEST_F(BuilderTest, DesignsInDeclarationOrderAndDefaultBaseline) {
  EXPECT_EQ(loaded_->designs, (std::vector<std::string>{"today", "messaging", "lookup"}));
  EXPECT_EQ(loaded_->resolved["experiment"]["baseline"], "today");
  const Scenario s = build("messaging");
  EXPECT_EQ(s.design, "messaging");
  EXPECT_EQ(s.current_design().rules.at(0).mix.size(), 2u);
  EXPECT_EQ(s.experiment.baseline, "today");
  EXPECT_EQ(s.experiment.replications, 3);
  EXPECT_EQ(s.experiment.seed, 42u);
  EXPECT_DOUBLE_EQ(s.experiment.horizon, 60 * 24);
  EXPECT_DOUBLE_EQ(s.experiment.warm_up, 7 * 24);
}

TEST_F(BuilderTest, ResolvedDocumentShowsDefaults) {
  const auto& r = loaded_->resolved;
  EXPECT_EQ(r["organisations"]["city_hospital"]["count"], 1);
  EXPECT_EQ(r["organisations"]["city_hospital"]["hours"], "always");
  EXPECT_EQ(r["organisations"]["city_hospital"]["staff"]["night_clerks"]["count"], 1);
  EXPECT_EQ(r["channels"]["paper_post"]["steps"][1]["paper"], true);
  EXPECT_EQ(r["channels"]["paper_post"]["steps"][0]["at"], "source");
  EXPECT_EQ(r["systems"]["city_epr"]["access"], "in_record");
  EXPECT_EQ(r["systems"]["gp_system"]["access"], "default");
  EXPECT_EQ(r["pathways"]["admission"]["arrivals"]["daily_profile"].size(), 24u);
  EXPECT_EQ(r["channels"]["paper_post"]["steps"][1]["latency"]["max"], "4 d");  // the file's own `set`
  EXPECT_FALSE(r.contains("include"));
}

TEST_F(BuilderTest, TemplatesExpandIntoInstances) {
  const Scenario s = build("today");
  ASSERT_EQ(s.organisations.size(), 4u);
  ASSERT_NE(s.organisation("gp#2"), nullptr);
  EXPECT_EQ(s.organisation("gp"), nullptr);
  const Organisation& gp = *s.organisation("gp#3");
  EXPECT_EQ(gp.template_name, "gp");
  EXPECT_EQ(gp.type, OrgType::primary);
  EXPECT_EQ(gp.system, "gp_system");  // from the archetype
  EXPECT_DOUBLE_EQ(gp.weight, 2);
  ASSERT_NE(gp.pool("admin"), nullptr);
  EXPECT_EQ(gp.pool("admin")->count, 2);
  EXPECT_EQ(gp.pool("nobody"), nullptr);
  EXPECT_EQ(s.organisations_of(OrgType::primary).size(), 3u);
  EXPECT_EQ(s.organisation("city_hospital")->template_name, "city_hospital");
}

TEST_F(BuilderTest, CalendarsFromWeeklyStrings) {
  const Scenario s = build("today");
  ASSERT_TRUE(s.calendars.count("always"));
  EXPECT_TRUE(s.calendars.at("always").always());
  const Calendar& office = s.calendars.at("office");
  EXPECT_DOUBLE_EQ(office.open_hours_per_week(), 40);
  EXPECT_TRUE(office.is_open(9.5));           // Monday 09:30
  EXPECT_FALSE(office.is_open(5 * 24 + 10));  // Saturday
  EXPECT_FALSE(office.is_open(4 * 24 + 10));  // day 4 is closed
  const Calendar& nights = s.calendars.at("nights");
  EXPECT_TRUE(nights.is_open(24 + 3));       // Tuesday 03:00, Monday's overnight shift
  EXPECT_FALSE(nights.is_open(24 + 12));     // Tuesday noon
  EXPECT_TRUE(nights.is_open(6 * 24 + 12));  // Sunday is open all day
}

TEST_F(BuilderTest, DistributionsRatesAndProfiles) {
  const Scenario s = build("today");
  ASSERT_EQ(s.pathways.size(), 1u);
  const Pathway& p = s.pathways[0];
  EXPECT_NEAR(p.rate_per_1000_per_hour, 12.0 / 8760, 1e-15);
  EXPECT_NEAR(std::accumulate(p.weekly_profile.begin(), p.weekly_profile.end(), 0.0) / 7, 1.0, 1e-12);
  EXPECT_GT(p.weekly_profile[0], p.weekly_profile[6]);
  EXPECT_DOUBLE_EQ(p.daily_profile[5], 1.0);
  const State& ward = p.states.at(p.state_index("ward"));
  EXPECT_EQ(p.state_index("nowhere"), -1);
  EXPECT_EQ(ward.duration.kind, Distribution::Kind::lognormal);
  EXPECT_NEAR(ward.duration.quantile(0.5), 48, 1e-9);
  EXPECT_NEAR(ward.duration.quantile(0.9), 168, 1e-6);
  ASSERT_EQ(ward.creates.size(), 1u);
  EXPECT_EQ(ward.creates[0].to, std::vector<OrgType>{OrgType::primary});
  EXPECT_DOUBLE_EQ(ward.creates[0].delay.a, 4);
  EXPECT_NEAR(ward.transitions[0].delay.mean(), 7 * 24, 1e-9);
  const State& visit = p.states.at(p.state_index("gp_visit"));
  ASSERT_EQ(visit.needs.size(), 2u);
  EXPECT_EQ(visit.needs[0].document, "discharge_summary");
  EXPECT_FALSE(visit.needs[0].from);
  EXPECT_EQ(visit.needs[1].from, OrgType::acute);
  EXPECT_DOUBLE_EQ(visit.duration.a, 0.25);
  EXPECT_TRUE(p.states.at(p.state_index("end")).terminal);
  EXPECT_EQ(s.document_types.at("discharge_summary").target, 24.0);
  EXPECT_FALSE(s.document_types.at("ed_summary").versioned);
}

TEST_F(BuilderTest, SystemsAndChannels) {
  const Scenario s = build("today");
  EXPECT_NEAR(*s.systems.at("gp_system").capacity_per_hour, 360000, 1e-6);
  EXPECT_TRUE(s.systems.at("city_epr").availability.always_up());
  const Availability& a = s.systems.at("engine").availability;
  ASSERT_EQ(a.planned.size(), 1u);
  EXPECT_DOUBLE_EQ(a.planned[0].first_start, 6 * 24 + 1);
  EXPECT_DOUBLE_EQ(a.planned[0].every, 4 * 168);
  ASSERT_EQ(a.incidents.at(0).recovery.size(), 2u);
  EXPECT_DOUBLE_EQ(a.incidents[0].recovery[1].start, 7 * 24);
  EXPECT_DOUBLE_EQ(a.incidents[0].recovery[1].capacity_share, 0.5);
  EXPECT_DOUBLE_EQ(a.silent_failures.at(0).share, 0.2);
  const Channel& post = s.channels.at("paper_post");
  EXPECT_FALSE(post.electronic());
  EXPECT_EQ(post.steps[2].at, Side::destination);
  EXPECT_STREQ(to_string(post.steps[1].kind), "transit");
  const Channel& message = s.channels.at("message");
  EXPECT_TRUE(message.electronic());
  EXPECT_TRUE(message.steps[0].fail_when_down);
  EXPECT_EQ(message.steps[0].retry_attempts, 3);
  EXPECT_DOUBLE_EQ(message.steps[1].batch_every, 24);
  EXPECT_DOUBLE_EQ(message.steps[1].batch_offset, 2);
  EXPECT_TRUE(s.channels.at("lookup").is_query());
  EXPECT_EQ(s.channels.at("lookup").steps[0].system, "@source");
}

TEST_F(BuilderTest, DesignSetAppliesOnlyToItsDesign) {
  EXPECT_EQ(build("today").systems.at("gp_system").access_profile, "default");
  EXPECT_EQ(build("messaging").systems.at("gp_system").access_profile, "in_record");
  EXPECT_TRUE(build("today").access_profiles.count("default"));
}

TEST_F(BuilderTest, UnknownDesignThrowsWithAHint) {
  try {
    build("todya");
    FAIL() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics()[0].hint, "did you mean \"today\"?");
  }
}

TEST_F(BuilderTest, InvalidDocumentThrowsEveryProblem) {
  nlohmann::json doc = loaded_->resolved;
  doc["organisations"]["city_hospital"]["system"] = "nowhere";
  doc["experiment"]["warm_up"] = "100 d";
  try {
    build_scenario(doc, "today", "x.json");
    FAIL() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.diagnostics().size(), 2u) << format_diagnostics(e.diagnostics());
    EXPECT_NE(std::string(e.what()).find("and 1 more"), std::string::npos);
  }
}

TEST(ScenarioModel, OrgTypeNames) {
  for (OrgType t : kAllOrgTypes) EXPECT_EQ(org_type_from_string(to_string(t)), t);
  EXPECT_FALSE(org_type_from_string("hospital"));
  EXPECT_STREQ(to_string(OrgType::mental_health), "mental_health");
  EXPECT_STREQ(to_string(StepKind::shared_store), "shared_store");
}

}  // namespace
}  // namespace recordflow

namespace recordflow {
namespace {

TEST_F(BuilderTest, AutomaticWarmUpIsMeasuredFromZeroUntilChosen) {
  nlohmann::json doc = loaded_->resolved;
  doc["experiment"]["warm_up"] = "auto";
  const Scenario s = build_scenario(doc, "today", "x.json");
  EXPECT_TRUE(s.experiment.warm_up_auto);
  EXPECT_DOUBLE_EQ(s.experiment.warm_up, 0);
}

TEST_F(BuilderTest, AutomaticWarmUpNeedsAFixedNumberOfReplicationsAndOtherTextIsAnError) {
  nlohmann::json doc = loaded_->resolved;
  doc["experiment"]["warm_up"] = "auto";
  doc["experiment"]["replications"] = {{"min", 3}, {"max", 10}};
  try {
    build_scenario(doc, "today", "x.json");
    FAIL() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u) << format_diagnostics(e.diagnostics());
    EXPECT_EQ(e.diagnostics()[0].pointer, "/experiment/warm_up");
  }
  doc["experiment"]["replications"] = 3;
  doc["experiment"]["warm_up"] = "automatic";
  EXPECT_THROW(build_scenario(doc, "today", "x.json"), ScenarioError);
}

}  // namespace
}  // namespace recordflow
