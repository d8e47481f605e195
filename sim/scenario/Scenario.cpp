#include "scenario/Scenario.hpp"

#include <stdexcept>

namespace recordflow {

const char* to_string(OrgType type) {
  switch (type) {
    case OrgType::acute:
      return "acute";
    case OrgType::primary:
      return "primary";
    case OrgType::community:
      return "community";
    case OrgType::mental_health:
      return "mental_health";
    case OrgType::social_care:
      return "social_care";
  }
  return "acute";
}

std::optional<OrgType> org_type_from_string(const std::string& text) {
  for (OrgType type : kAllOrgTypes)
    if (text == to_string(type)) return type;
  return std::nullopt;
}

const char* to_string(StepKind kind) {
  switch (kind) {
    case StepKind::staff_task:
      return "staff_task";
    case StepKind::transit:
      return "transit";
    case StepKind::system:
      return "system";
    case StepKind::batch:
      return "batch";
    case StepKind::publish:
      return "publish";
    case StepKind::query:
      return "query";
    case StepKind::shared_store:
      return "shared_store";
  }
  return "publish";
}

const StaffPool* Organisation::pool(const std::string& pool_name) const {
  for (const auto& p : staff)
    if (p.name == pool_name) return &p;
  return nullptr;
}

bool Channel::electronic() const {
  for (const auto& step : steps) {
    if (step.kind == StepKind::transit && step.paper) return false;
    if (step.kind == StepKind::staff_task && step.task == "re_key") return false;
  }
  return true;
}

int FlowRule::specificity() const {
  int n = 0;
  if (!document.empty()) ++n;
  if (from) ++n;
  if (to) ++n;
  if (!from_orgs.empty()) ++n;
  if (!to_orgs.empty()) ++n;
  return n;
}

const Transition& State::transition_for(double u) const {
  double running = 0;
  for (const Transition& tr : transitions) {
    running += tr.probability;
    if (u < running) return tr;
  }
  return transitions.back();
}

int Pathway::state_index(const std::string& state_name) const {
  for (std::size_t i = 0; i < states.size(); ++i)
    if (states[i].name == state_name) return static_cast<int>(i);
  return -1;
}

const Design& Scenario::current_design() const {
  for (const auto& d : designs)
    if (d.name == design) return d;
  throw std::out_of_range("scenario has no design named \"" + design + "\"");
}

const Organisation* Scenario::organisation(const std::string& instance_name) const {
  for (const auto& o : organisations)
    if (o.name == instance_name) return &o;
  return nullptr;
}

std::vector<const Organisation*> Scenario::organisations_of(OrgType type) const {
  std::vector<const Organisation*> result;
  for (const auto& o : organisations)
    if (o.type == type) result.push_back(&o);
  return result;
}

}  // namespace recordflow
