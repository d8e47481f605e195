#include "scenario/Routing.hpp"

#include <algorithm>
#include <limits>

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
                      const Organisation& destination, Hours at) {
  return best_rule(design, [&](const FlowRule& rule) {
    return rule.active_at(at) && base_match(rule, document, source.type, destination.type) &&
           names_match(rule.from_orgs, source) && names_match(rule.to_orgs, destination);
  });
}

const FlowRule* route_by_type(const Design& design, const std::string& document, OrgType source,
                              OrgType destination, Hours at) {
  return best_rule(design, [&](const FlowRule& rule) {
    return rule.active_at(at) && rule.from_orgs.empty() && rule.to_orgs.empty() &&
           base_match(rule, document, source, destination);
  });
}

bool rule_reaches(const FlowRule& rule, const Organisation& destination) {
  return (!rule.to || *rule.to == destination.type) && names_match(rule.to_orgs, destination);
}

bool rule_connects(const FlowRule& rule, const Organisation& source, const Organisation& destination) {
  return rule_reaches(rule, destination) && (!rule.from || *rule.from == source.type) &&
         names_match(rule.from_orgs, source);
}

std::vector<Hours> routing_boundaries(const Design& design) {
  std::vector<Hours> times;
  for (const auto& rule : design.rules)
    for (const Hours t : {rule.active_from, rule.active_until})
      if (t > 0 && t < std::numeric_limits<double>::infinity()) times.push_back(t);
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  return times;
}

}  // namespace recordflow
