#include "ScenarioFixtures.hpp"

namespace recordflow::testing {
namespace {

Step system_step(const std::string& system) {
  Step step;
  step.kind = StepKind::system;
  step.system = system;
  return step;
}

Step publish(const std::string& into = "") {
  Step step;
  step.kind = StepKind::publish;
  step.into = into;
  return step;
}

Step staff(Side at, const std::string& task) {
  Step step;
  step.kind = StepKind::staff_task;
  step.at = at;
  step.pool = "admin";
  step.task = task;
  step.duration = Distribution::fixed(0.1);
  return step;
}

Step transit(const std::string& mode, bool paper) {
  Step step;
  step.kind = StepKind::transit;
  step.mode = mode;
  step.paper = paper;
  step.latency = Distribution::fixed(48);
  return step;
}

Organisation organisation(const std::string& name, const std::string& template_name, OrgType type,
                          const std::string& system) {
  Organisation org;
  org.name = name;
  org.template_name = template_name;
  org.type = type;
  org.system = system;
  org.calendar = "always";
  org.staff.push_back(StaffPool{"admin", 2, "always"});
  return org;
}

System system(const std::string& name, const std::string& kind) {
  System result;
  result.name = name;
  result.kind = kind;
  return result;
}

void add_channel(Scenario& scenario, const std::string& name, std::vector<Step> steps) {
  scenario.channels[name] = Channel{name, std::move(steps)};
}

State state(const std::string& name, OrgType at, std::vector<DocumentCreation> creates,
            std::vector<Transition> transitions) {
  State result;
  result.name = name;
  result.at = at;
  result.encounter_type = name;
  result.duration = Distribution::fixed(1);
  result.creates = std::move(creates);
  result.transitions = std::move(transitions);
  return result;
}

DocumentCreation creates(const std::string& document, std::vector<OrgType> to) {
  DocumentCreation creation;
  creation.document = document;
  creation.to = std::move(to);
  return creation;
}

void add_channels(Scenario& scenario) {
  add_channel(
      scenario, "paper_post",
      {staff(Side::source, "print"), transit("post", true), staff(Side::destination, "scan"), publish()});
  add_channel(scenario, "message", {system_step("@source"), system_step("mesh"), publish()});
  add_channel(scenario, "hub_feed", {system_step("@source"), system_step("engine"), publish("hub")});
  Step query;
  query.kind = StepKind::query;
  query.system = "@source";
  query.path = {"spine"};
  add_channel(scenario, "gp_connect", {query});
  Step shared;
  shared.kind = StepKind::shared_store;
  add_channel(scenario, "shared_epr", {shared});
  add_channel(scenario, "email_rekey",
              {transit("email", false), staff(Side::destination, "re_key"), publish()});
}

}  // namespace

Scenario base_scenario(int gp_practices) {
  Scenario scenario;
  scenario.name = "topology_fixture";
  scenario.population = 100000;
  scenario.document_types["discharge_summary"] = DocumentType{"discharge_summary", 24.0, true};
  for (const auto& [name, kind] :
       std::vector<std::pair<std::string, std::string>>{{"city_epr", "epr"},
                                                        {"gp_system", "gp_system"},
                                                        {"engine", "integration_engine"},
                                                        {"hub", "hub"},
                                                        {"spine", "spine"},
                                                        {"mesh", "mailbox"}}) {
    scenario.systems[name] = system(name, kind);
  }
  scenario.organisations.push_back(
      organisation("city_hospital", "city_hospital", OrgType::acute, "city_epr"));
  for (int i = 1; i <= gp_practices; ++i) {
    const std::string name = gp_practices == 1 ? "gp_practice" : "gp_practice#" + std::to_string(i);
    scenario.organisations.push_back(organisation(name, "gp_practice", OrgType::primary, "gp_system"));
  }
  add_channels(scenario);
  Pathway pathway;
  pathway.name = "admission";
  pathway.start = "ward";
  pathway.states.push_back(state("ward", OrgType::acute, {creates("discharge_summary", {OrgType::primary})},
                                 {Transition{"end", 1.0, Distribution::fixed(0)}}));
  State end;
  end.name = "end";
  end.terminal = true;
  pathway.states.push_back(end);
  scenario.pathways.push_back(pathway);
  return scenario;
}

void add_design(Scenario& scenario, const std::string& name, const std::vector<ChannelShare>& mix) {
  Design design;
  design.name = name;
  FlowRule rule;
  rule.mix = mix;
  design.rules.push_back(rule);
  scenario.designs.push_back(design);
  scenario.design = name;
}

Scenario regional_scenario(int gp_practices) {
  Scenario scenario = base_scenario(gp_practices);
  const std::vector<std::pair<std::string, OrgType>> others{
      {"community_trust", OrgType::community}, {"mental_health_trust", OrgType::mental_health},
      {"council_a", OrgType::social_care},     {"council_b", OrgType::social_care},
      {"council_c", OrgType::social_care},     {"council_d", OrgType::social_care}};
  for (int i = 1; i <= 3; ++i) {
    const std::string name = "trust_" + std::to_string(i);
    scenario.systems[name + "_epr"] = system(name + "_epr", "epr");
    scenario.organisations.push_back(organisation(name, name, OrgType::acute, name + "_epr"));
  }
  for (const auto& [name, type] : others) {
    scenario.systems[name + "_system"] = system(name + "_system", "other");
    scenario.organisations.push_back(organisation(name, name, type, name + "_system"));
  }
  std::vector<DocumentCreation> gp_creates{
      creates("referral", {OrgType::acute, OrgType::community}),
      creates("medication_change", {OrgType::acute, OrgType::social_care})};
  std::vector<DocumentCreation> council_creates{creates("care_plan", {OrgType::primary, OrgType::acute})};
  Pathway& pathway = scenario.pathways.front();
  pathway.states.front().creates.push_back(creates("ed_summary", {OrgType::primary, OrgType::social_care}));
  pathway.states.front().transitions = {Transition{"gp", 0.5, Distribution::fixed(24)},
                                        Transition{"council", 0.5, Distribution::fixed(24)}};
  pathway.states.push_back(
      state("gp", OrgType::primary, gp_creates, {Transition{"end", 1.0, Distribution::fixed(0)}}));
  pathway.states.push_back(state("council", OrgType::social_care, council_creates,
                                 {Transition{"end", 1.0, Distribution::fixed(0)}}));
  Design design;
  design.name = "mixed";
  FlowRule hub;
  hub.mix = {{"hub_feed", 0.6}, {"message", 0.3}, {"paper_post", 0.1}};
  FlowRule query;
  query.to = OrgType::acute;
  query.mix = {{"gp_connect", 1.0}};
  FlowRule council;
  council.from = OrgType::social_care;
  council.mix = {{"email_rekey", 1.0}};
  design.rules = {hub, query, council};
  scenario.designs.push_back(design);
  scenario.design = "mixed";
  return scenario;
}

}  // namespace recordflow::testing
