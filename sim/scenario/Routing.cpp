#include "scenario/Routing.hpp"

#include <algorithm>

namespace recordflow {
namespace {

bool names_match(const std::vector<std::string>& names, const Organisation& org) {
  if (names.empty()) return true;
  return std::any_of(names.begin(), names.end(),
                     [&](const std::string& n) { return n == org.name || n == org.template_name; });
}

bool base_match(const FlowRule& rule, const std::string& document, OrgType source, OrgType destination) {
  if (!rule.document.empty() && rule.document != document) return false;
  if (rule.from && *rule.from != source) return false;
  if (rule.to && *rule.to != destination) return false;
  return true;
}

// The most specific matching rule; ">=" makes the later of equally specific rules win.
template <typename Match>
const FlowRule* best_rule(const Design& design, Match match) {
  const FlowRule* best = nullptr;
  for (const auto& rule : design.rules) {
    if (!match(rule)) continue;
    if (!best || rule.specificity() >= best->specificity()) best = &rule;
  }
  return best;
}

}  // namespace

const FlowRule* route(const Design& design, const std::string& document, const Organisation& source,
                      const Organisation& destination) {
  return best_rule(design, [&](const FlowRule& rule) {
    return base_match(rule, document, source.type, destination.type) && names_match(rule.from_orgs, source) &&
           names_match(rule.to_orgs, destination);
  });
}

const FlowRule* route_by_type(const Design& design, const std::string& document, OrgType source,
                              OrgType destination) {
  return best_rule(design, [&](const FlowRule& rule) {
    return rule.from_orgs.empty() && rule.to_orgs.empty() && base_match(rule, document, source, destination);
  });
}

}  // namespace recordflow
