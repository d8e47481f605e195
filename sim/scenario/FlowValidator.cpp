#include "scenario/FlowValidator.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "scenario/Routing.hpp"
#include "scenario/ScenarioBuilder.hpp"

namespace recordflow {
namespace {

using nlohmann::json;

// One (document, source type, destination type) flow created by some state of some pathway.
struct CreatedFlow {
  std::string document;
  OrgType from;
  OrgType to;
  std::string pointer;  // of the destination in `creates[].to`
};

std::optional<OrgType> type_of(const json& object, const char* key) {
  if (!object.is_object() || !object.contains(key) || !object[key].is_string()) return std::nullopt;
  return org_type_from_string(object[key].get<std::string>());
}

std::string string_of(const json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool terminal(const json& state) {
  return state.contains("terminal") && state["terminal"].is_boolean() && state["terminal"].get<bool>();
}

// Calls f(state pointer, state) for every non-terminal state of every pathway.
template <typename F>
void each_state(const json& doc, F f) {
  if (!doc.contains("pathways") || !doc["pathways"].is_object()) return;
  for (const auto& [pname, pathway] : doc["pathways"].items()) {
    if (!pathway.is_object() || !pathway.contains("states") || !pathway["states"].is_object()) continue;
    for (const auto& [sname, state] : pathway["states"].items())
      if (state.is_object() && !terminal(state))
        f(pointer_append(pointer_append(pointer_append(pointer_append("", "pathways"), pname), "states"),
                         sname),
          state);
  }
}

std::vector<CreatedFlow> created_flows(const json& doc) {
  std::vector<CreatedFlow> flows;
  each_state(doc, [&](const std::string& p, const json& state) {
    auto from = type_of(state, "at");
    if (!from || !state.contains("creates") || !state["creates"].is_array()) return;
    for (std::size_t i = 0; i < state["creates"].size(); ++i) {
      const json& c = state["creates"][i];
      if (!c.is_object() || !c.contains("document") || !c["document"].is_string() || !c.contains("to") ||
          !c["to"].is_array())
        continue;
      for (std::size_t j = 0; j < c["to"].size(); ++j)
        if (c["to"][j].is_string())
          if (auto to = org_type_from_string(c["to"][j].get<std::string>()))
            flows.push_back({c["document"].get<std::string>(), *from, *to,
                             p + "/creates/" + std::to_string(i) + "/to/" + std::to_string(j)});
    }
  });
  return flows;
}

// Organisation templates (not expanded: every instance of a template routes alike), with their pools.
std::vector<Organisation> templates(const json& doc) {
  std::vector<Organisation> orgs;
  if (!doc.contains("organisations") || !doc["organisations"].is_object()) return orgs;
  for (const auto& [name, o] : doc["organisations"].items()) {
    auto type = type_of(o, "type");
    if (!type) continue;
    Organisation org;
    org.name = org.template_name = name;
    org.type = *type;
    if (o.contains("staff") && o["staff"].is_object())
      for (const auto& item : o["staff"].items()) org.staff.push_back(StaffPool{item.key(), 1, "always"});
    orgs.push_back(std::move(org));
  }
  return orgs;
}

std::string flow_text(const std::string& document, OrgType from, OrgType to) {
  return "\"" + document + "\" from " + to_string(from) + " to " + to_string(to);
}

}  // namespace

void validate_coverage(const json& doc, ValidationReport& report) {
  const auto orgs = templates(doc);
  auto covered = [&](OrgType t) {
    return std::any_of(orgs.begin(), orgs.end(), [&](const Organisation& o) { return o.type == t; });
  };
  std::set<OrgType> reported;
  auto need_type = [&](OrgType t, const std::string& pointer, const char* how) {
    if (covered(t) || !reported.insert(t).second) return;
    report.add(pointer,
               std::string("no organisation of type ") + to_string(t) + ", but a pathway " + how + " it",
               std::string("declare an organisation with \"type\": \"") + to_string(t) + "\"");
  };
  each_state(doc, [&](const std::string& p, const json& state) {
    if (auto at = type_of(state, "at")) need_type(*at, p + "/at", "visits");
  });
  for (const auto& flow : created_flows(doc)) need_type(flow.to, flow.pointer, "sends documents to");
}

void validate_design_flows(const json& doc, const std::string& design_name, ValidationReport& report) {
  if (!doc.contains("designs") || !doc["designs"].is_object() || !doc["designs"].contains(design_name))
    return;
  const Design design = read_design(doc["designs"][design_name], design_name);
  const std::string design_pointer = pointer_append("/designs", design_name);
  const auto flows = created_flows(doc);
  const auto orgs = templates(doc);

  // Routing may change at rule boundaries (staged programmes): a flow must be routed in every period.
  std::vector<Hours> periods{0.0};
  for (const Hours t : routing_boundaries(design)) periods.push_back(t);
  auto routed_throughout = [&](const std::string& d, const Organisation& src, const Organisation& dst) {
    return std::all_of(periods.begin(), periods.end(), [&](Hours t) { return route(design, d, src, dst, t); });
  };

  // Every need reads a document that is sent to its organisation type, and every such flow is routed.
  each_state(doc, [&](const std::string& p, const json& state) {
    auto at = type_of(state, "at");
    if (!at || !state.contains("needs") || !state["needs"].is_array()) return;
    for (std::size_t i = 0; i < state["needs"].size(); ++i) {
      const json& need = state["needs"][i];
      const json document = need.is_object() ? need.value("document", json()) : need;
      if (!document.is_string()) continue;
      const std::string d = document.get<std::string>();
      const auto from = type_of(need, "from");
      const std::string need_pointer = p + "/needs/" + std::to_string(i);
      bool any = false;
      for (const auto& flow : flows) {
        if (flow.document != d || flow.to != *at || (from && flow.from != *from)) continue;
        any = true;
        for (const auto& src : orgs) {
          if (src.type != flow.from) continue;
          for (const auto& dst : orgs) {
            if (dst.type != flow.to || routed_throughout(d, src, dst)) continue;
            report.add(
                design_pointer + "/flows",
                "design \"" + design_name + "\" has no channel for " + flow_text(d, flow.from, flow.to) +
                    ", which the need at " + need_pointer + " reads",
                "add a flow rule such as {\"document\": \"" + d + "\", \"from\": \"" + to_string(flow.from) +
                    "\", \"to\": \"" + to_string(flow.to) +
                    "\", \"channel\": \"...\"} (first unrouted pair: " + src.name + " -> " + dst.name + ")");
          }
        }
      }
      if (!any)
        report.add(need_pointer,
                   "need for \"" + d + "\"" + (from ? std::string(" from ") + to_string(*from) : "") +
                       " at " + to_string(*at) + ", but no pathway sends \"" + d + "\" " +
                       (from ? std::string("from ") + to_string(*from) + " " : "") + "to " + to_string(*at),
                   "add \"" + std::string(to_string(*at)) +
                       "\" to the \"to\" list of a state that creates \"" + d + "\"");
    }
  });

  // Every staff_task of a channel used by a flow finds its pool where it runs.
  const json& channels =
      doc.contains("channels") && doc["channels"].is_object() ? doc["channels"] : json::object();
  std::set<std::tuple<std::string, std::string, std::string>> checked;  // channel, design org pair
  for (const auto& flow : flows) {
    for (const auto& src : orgs) {
      if (src.type != flow.from) continue;
      for (const auto& dst : orgs) {
        if (dst.type != flow.to) continue;
        std::vector<ChannelShare> shares;
        for (const Hours t : periods)
          if (const FlowRule* rule = route(design, flow.document, src, dst, t))
            shares.insert(shares.end(), rule->mix.begin(), rule->mix.end());
        for (const auto& share : shares) {
          if (!checked.insert({share.channel, src.name, dst.name}).second ||
              !channels.contains(share.channel) || !channels[share.channel].is_object())
            continue;
          const json steps = channels[share.channel].value("steps", json::array());
          if (!steps.is_array()) continue;
          for (std::size_t i = 0; i < steps.size(); ++i) {
            const json& step = steps[i];
            if (string_of(step, "step") != "staff_task" || string_of(step, "pool").empty()) continue;
            const bool at_destination = string_of(step, "at") == "destination";
            const Organisation& org = at_destination ? dst : src;
            const std::string pool = step["pool"].get<std::string>();
            if (org.pool(pool)) continue;
            std::vector<std::string> pools;
            for (const auto& p : org.staff) pools.push_back(p.name);
            const std::string guess = did_you_mean(pool, pools);
            report.add(pointer_append(pointer_append("/channels", share.channel), "steps") + "/" +
                           std::to_string(i) + "/pool",
                       "staff pool \"" + pool + "\" does not exist at organisation \"" + org.name + "\" (" +
                           to_string(org.type) + "), which does this step when design \"" + design_name +
                           "\" sends " + flow_text(flow.document, flow.from, flow.to),
                       guess.empty()
                           ? "declare it under \"staff\" of \"" + org.name + "\" (or of its archetype)"
                           : "did you mean \"" + guess + "\"?");
          }
        }
      }
    }
  }
}

}  // namespace recordflow
