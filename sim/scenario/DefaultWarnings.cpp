#include "scenario/DefaultWarnings.hpp"

#include <set>
#include <string>

namespace recordflow {
namespace {

using nlohmann::json;

bool object_at(const json& parent, const char* key) {
  return parent.is_object() && parent.contains(key) && parent[key].is_object();
}

// Systems a clinician looks in at a need: organisations' record systems and systems named by query and
// shared_store steps.
std::set<std::string> looked_in_systems(const json& doc) {
  std::set<std::string> systems;
  if (object_at(doc, "organisations"))
    for (const auto& [name, o] : doc["organisations"].items())
      if (o.is_object() && o.contains("system") && o["system"].is_string())
        systems.insert(o["system"].get<std::string>());
  if (object_at(doc, "channels"))
    for (const auto& [name, c] : doc["channels"].items())
      if (c.is_object() && c.contains("steps") && c["steps"].is_array())
        for (const auto& step : c["steps"])
          if (step.is_object() && step.value("step", json()).is_string() && step.contains("system") &&
              step["system"].is_string() && (step["step"] == "query" || step["step"] == "shared_store"))
            systems.insert(step["system"].get<std::string>());
  return systems;
}

}  // namespace

std::vector<Diagnostic> silent_default_warnings(const json& doc, const SourceMap& sources) {
  std::vector<Diagnostic> warnings;
  auto warn = [&](const std::string& pointer, const std::string& message, const std::string& hint) {
    warnings.push_back(Diagnostic{sources.file_of(pointer), pointer, message, hint, 0, 0});
  };
  if (!doc.is_object()) return warnings;
  const std::set<std::string> looked_in = looked_in_systems(doc);
  if (object_at(doc, "systems"))
    for (const auto& [name, s] : doc["systems"].items())
      if (s.is_object() && !s.contains("access") && looked_in.count(name))
        warn(pointer_append("/systems", name),
             "no \"access\": the built-in access profile \"default\" applies (look probability 1, look time "
             "0 min, never phones), so clinicians always see what is available here",
             "name an access profile, e.g. \"access\": \"in_record\" from models/access/profiles.json");
  if (object_at(doc, "access_profiles"))
    for (const auto& [name, a] : doc["access_profiles"].items())
      if (a.is_object() && !a.contains("look_probability"))
        warn(pointer_append("/access_profiles", name),
             "no \"look_probability\": clinicians always look (1.0)",
             "state the probability of looking and its source");
  if (object_at(doc, "experiment")) {
    const json& e = doc["experiment"];
    if (!e.contains("warm_up"))
      warn("/experiment", "no \"warm_up\": measurement starts at time 0, from an empty system (\"0 d\")",
           "set a warm-up long enough for queues and histories to fill, e.g. \"warm_up\": \"14 d\"");
    if (!e.contains("horizon"))
      warn("/experiment", "no \"horizon\": the run lasts 365 days", "state the horizon");
    const bool people = object_at(doc, "population") && doc["population"].contains("places");
    if (people && !e.contains("pre_history"))
      warn("/experiment",
           "no \"pre_history\": the run starts with nobody mid-pathway and every history empty, so needs "
           "early "
           "in the run find nothing from before it",
           "set a pre-history at least as long as the longest recency window, e.g. \"pre_history\": \"365 "
           "d\"");
  }
  return warnings;
}

}  // namespace recordflow
