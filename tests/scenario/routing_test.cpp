// Routing: the most specific matching rule wins; ties go to the later rule; named organisations narrow.
#include <gtest/gtest.h>

#include "scenario/Routing.hpp"

namespace recordflow {
namespace {

FlowRule rule(std::string document, std::optional<OrgType> from, std::optional<OrgType> to,
              std::string channel) {
  FlowRule r;
  r.document = std::move(document);
  r.from = from;
  r.to = to;
  r.mix = {{std::move(channel), 1.0}};
  return r;
}

Organisation org(const std::string& name, const std::string& template_name, OrgType type) {
  Organisation o;
  o.name = name;
  o.template_name = template_name;
  o.type = type;
  return o;
}

TEST(Routing, StagedRulesApplyOnlyInTheirPeriod) {
  Design d;
  d.rules.push_back(rule("", std::nullopt, std::nullopt, "post"));
  FlowRule electronic = rule("", OrgType::acute, std::nullopt, "message");
  electronic.active_from = 100;  // the hospital stops posting on day 100/24
  d.rules.push_back(electronic);
  FlowRule pilot = rule("", OrgType::acute, OrgType::primary, "fax");
  pilot.active_until = 50;  // a fax pilot that ends
  d.rules.push_back(pilot);
  const auto hospital = org("city", "city", OrgType::acute);
  const auto gp = org("gp#1", "gp", OrgType::primary);
  EXPECT_EQ(route(d, "letter", hospital, gp, 0)->mix[0].channel, "fax");
  EXPECT_EQ(route(d, "letter", hospital, gp, 49.9)->mix[0].channel, "fax");
  EXPECT_EQ(route(d, "letter", hospital, gp, 50)->mix[0].channel, "post");
  EXPECT_EQ(route(d, "letter", hospital, gp, 100)->mix[0].channel, "message");
  EXPECT_EQ(routing_boundaries(d), (std::vector<Hours>{50, 100}));
}

TEST(Routing, MostSpecificWinsAndTiesGoToTheLaterRule) {
  Design d;
  d.rules.push_back(rule("", std::nullopt, std::nullopt, "post"));
  d.rules.push_back(rule("discharge_summary", OrgType::acute, OrgType::primary, "message"));
  d.rules.push_back(rule("", std::nullopt, OrgType::primary, "email"));
  d.rules.push_back(rule("", std::nullopt, OrgType::primary, "fax"));
  const auto hospital = org("city", "city", OrgType::acute);
  const auto gp = org("gp#1", "gp", OrgType::primary);
  const auto council = org("council", "council", OrgType::social_care);
  EXPECT_EQ(route(d, "discharge_summary", hospital, gp)->mix[0].channel, "message");
  EXPECT_EQ(route(d, "ed_summary", hospital, gp)->mix[0].channel, "fax");  // later of two equal rules
  EXPECT_EQ(route(d, "ed_summary", hospital, council)->mix[0].channel, "post");
  EXPECT_EQ(route_by_type(d, "discharge_summary", OrgType::acute, OrgType::primary)->mix[0].channel,
            "message");
  EXPECT_EQ(d.rules[1].specificity(), 3);
  EXPECT_EQ(d.rules[0].specificity(), 0);
}

TEST(Routing, NamedOrganisationsNarrowAndTemplateNamesMatchInstances) {
  Design d;
  d.rules.push_back(rule("", std::nullopt, OrgType::primary, "post"));
  FlowRule named = rule("", std::nullopt, std::nullopt, "fax");
  named.from_orgs = {"city"};
  named.to_orgs = {"gp"};
  d.rules.push_back(named);
  const auto city = org("city", "city", OrgType::acute);
  const auto other = org("town", "town", OrgType::acute);
  const auto gp = org("gp#7", "gp", OrgType::primary);
  EXPECT_EQ(route(d, "x", city, gp)->mix[0].channel, "fax");
  EXPECT_EQ(route(d, "x", other, gp)->mix[0].channel, "post");
  EXPECT_EQ(route_by_type(d, "x", OrgType::acute, OrgType::primary)->mix[0].channel, "post");
}

TEST(Routing, NoMatchingRuleMeansNoChannel) {
  Design d;
  d.rules.push_back(rule("referral", std::nullopt, std::nullopt, "post"));
  const auto a = org("a", "a", OrgType::acute);
  EXPECT_EQ(route(d, "care_plan", a, a), nullptr);
  EXPECT_EQ(route_by_type(d, "care_plan", OrgType::acute, OrgType::acute), nullptr);
}

}  // namespace
}  // namespace recordflow
