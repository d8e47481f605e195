// Semantic validation collects every problem with file, pointer and hint; diagnostics format as documented.
#include <gtest/gtest.h>

#include "TestPaths.hpp"
#include "scenario/Composition.hpp"
#include "scenario/Defaults.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "scenario/ScenarioValidator.hpp"

namespace recordflow {
namespace {

using nlohmann::json;

json minimal() {
  auto loaded = load_scenario(test::fixture("minimal.json"));
  EXPECT_TRUE(loaded.ok()) << format_diagnostics(loaded.diagnostics);
  return loaded.resolved;
}

std::vector<Diagnostic> check(json doc, const std::string& design = "today") {
  fill_defaults(doc);
  return validate_semantics(doc, SourceMap("s.json"), design);
}

bool has(const std::vector<Diagnostic>& ds, const std::string& pointer, const std::string& text) {
  for (const auto& d : ds)
    if (d.pointer == pointer && d.message.find(text) != std::string::npos) return true;
  return false;
}

TEST(Validator, TheFixtureIsValidForEveryDesign) {
  const json doc = minimal();
  for (const auto& design : {"today", "messaging", "lookup"})
    EXPECT_TRUE(check(doc, design).empty()) << design;
}

TEST(Validator, CollectsAllProblemsAtOnce) {
  json doc = minimal();
  doc["organisations"]["city_hospital"]["system"] = "epr";
  doc["organisations"]["city_hospital"]["hours"] = "offce";
  doc["pathways"]["admission"]["states"]["ward"]["transitions"][0]["probability"] = 0.5;
  doc["designs"]["today"]["flows"][0]["channel"] = "post";
  doc["experiment"]["horizon"] = "0 d";
  const auto ds = check(doc);
  EXPECT_TRUE(has(ds, "/organisations/city_hospital/system", "unknown system \"epr\""))
      << format_diagnostics(ds);
  EXPECT_TRUE(has(ds, "/organisations/city_hospital/hours", "unknown calendar \"offce\""));
  EXPECT_TRUE(has(ds, "/pathways/admission/states/ward/transitions", "sum to 0.7"));
  EXPECT_TRUE(has(ds, "/designs/today/flows/0/channel", "unknown channel \"post\""));
  EXPECT_TRUE(has(ds, "/experiment/horizon", "greater than"));
  for (const auto& d : ds) EXPECT_EQ(d.file, "s.json");
}

TEST(Validator, SumsWithinToleranceAreAccepted) {
  json doc = minimal();
  doc["pathways"]["admission"]["states"]["ward"]["transitions"][0]["probability"] = 0.8 + 1e-12;
  EXPECT_TRUE(check(doc).empty());
  doc["pathways"]["admission"]["states"]["ward"]["transitions"][0]["probability"] = 0.8 + 1e-6;
  EXPECT_FALSE(check(doc).empty());
}

TEST(Validator, StatesAndChannelsMustBeWellFormed) {
  json doc = minimal();
  doc["pathways"]["admission"]["states"]["gp_visit"]["transitions"] = json::array();
  doc["pathways"]["admission"]["states"]["end"]["transitions"] = json::array({{{"to", "ward"}}});
  doc["channels"]["lookup"]["steps"].push_back({{"step", "publish"}});
  doc["channels"]["message"]["steps"][1]["system"] = "engin";
  const auto ds = check(doc);
  EXPECT_TRUE(has(ds, "/pathways/admission/states/gp_visit", "no transitions")) << format_diagnostics(ds);
  EXPECT_TRUE(has(ds, "/pathways/admission/states/end/transitions", "terminal state has no transitions"));
  EXPECT_TRUE(has(ds, "/channels/lookup/steps", "exactly one step"));
  EXPECT_TRUE(has(ds, "/channels/message/steps/1/system", "unknown system \"engin\""));
}

TEST(Validator, RoutingIsCheckedPerDesignAndPerOrganisation) {
  json doc = minimal();
  // A rule narrowed to one GP practice leaves the flow to the others unrouted.
  doc["designs"]["today"]["flows"][0]["to_orgs"] = json::array({"gp"});
  EXPECT_TRUE(check(doc, "today").empty());
  doc["organisations"]["other_gp"] = {
      {"type", "primary"}, {"system", "gp_system"}, {"staff", {{"admin", {{"count", 1}}}}}};
  const auto ds = check(doc, "today");
  EXPECT_TRUE(
      has(ds, "/designs/today/flows", "has no channel for \"discharge_summary\" from acute to primary"))
      << format_diagnostics(ds);
  EXPECT_TRUE(check(doc, "messaging").empty());
}

TEST(Validator, StaffTasksNeedTheirPoolWhereTheyRun) {
  json doc = minimal();
  doc["organisations"]["other_gp"] = {{"type", "primary"}, {"system", "gp_system"}};
  const auto ds = check(doc, "today");
  EXPECT_TRUE(
      has(ds, "/channels/paper_post/steps/2/pool", "\"admin\" does not exist at organisation \"other_gp\""))
      << format_diagnostics(ds);
}

TEST(Validator, OvernightShiftsAreAllowedButOverlapsAreNot) {
  json doc = minimal();
  doc["calendars"]["office"]["weekly"] = {{"mon", {"17:00-09:00"}}};
  EXPECT_TRUE(check(doc).empty());
  doc["calendars"]["office"]["weekly"] = {{"mon", {"08:00-12:00", "11:00-13:00"}}};
  EXPECT_TRUE(has(check(doc), "/calendars/office/weekly/mon", "overlap"));
}

TEST(Diagnostics, FormatAndDidYouMean) {
  const std::vector<Diagnostic> ds = {{"a.json", "/x/y", "bad", "did you mean \"z\"?", 0, 0},
                                      {"b.json", "", "syntax error: oops", "", 3, 7}};
  EXPECT_EQ(format_diagnostics(ds),
            "a.json: /x/y: bad (hint: did you mean \"z\"?)\nb.json:3:7: /: syntax error: oops\n");
  EXPECT_EQ(did_you_mean("city_eprr", {"city_epr", "gp_system"}), "city_epr");
  EXPECT_EQ(did_you_mean("zzz", {"city_epr", "gp_system"}), "");
  EXPECT_EQ(did_you_mean("x", {}), "");
}

TEST(ModelPart, OnlySchemaAndCompositionAreChecked) {
  EXPECT_TRUE(check_model_part(test::fixture("parts/channels.json")).empty());
  const auto as_scenario = load_scenario(test::fixture("parts/channels.json"));
  EXPECT_FALSE(as_scenario.ok());  // a part is not a runnable scenario
}

}  // namespace
}  // namespace recordflow
