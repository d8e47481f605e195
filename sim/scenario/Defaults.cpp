#include "scenario/Defaults.hpp"

namespace recordflow {
namespace {

using nlohmann::json;

template <typename T>
void put(json& object, const char* key, const T& value) {
  if (object.is_object() && !object.contains(key)) object.emplace(key, value);
}

// Calls f(member) for each object member of `parent[key]` when that is an object.
template <typename F>
void each_member(json& parent, const char* key, F f) {
  if (!parent.is_object() || !parent.contains(key) || !parent[key].is_object()) return;
  for (auto& [name, value] : parent[key].items())
    if (value.is_object()) f(name, value);
}

template <typename F>
void each_item(json& parent, const char* key, F f) {
  if (!parent.is_object() || !parent.contains(key) || !parent[key].is_array()) return;
  for (auto& value : parent[key])
    if (value.is_object()) f(value);
}

void fill_step(json& step) {
  if (!step.contains("step") || !step["step"].is_string()) return;
  const std::string kind = step["step"].get<std::string>();
  if (kind == "staff_task") {
    put(step, "at", "source");
    put(step, "priority", 0);
    put(step, "abandon_probability", 0.0);
    put(step, "forget_probability", 0.0);
  } else if (kind == "transit") {
    put(step, "latency", "0 h");
    put(step, "loss_probability", 0.0);
    put(step, "misdirection_probability", 0.0);
    put(step, "misdirection_delay", "0 h");
    put(step, "misdirection_lost_share", 0.0);
    const std::string mode =
        step.contains("mode") && step["mode"].is_string() ? step["mode"].get<std::string>() : "";
    put(step, "paper", mode == "post" || mode == "courier" || mode == "fax");
  } else if (kind == "system") {
    put(step, "on_failure", "queue");
    put(step, "priority", 0);
    put(step, "retry", json{{"attempts", 0}, {"interval", "0 h"}});
  } else if (kind == "query") {
    put(step, "system", "@source");
    put(step, "path", json::array());
    put(step, "latency", "0 h");
  } else if (kind == "shared_store") {
    put(step, "system", "@source");
  }
}

void fill_state(const std::string& name, json& state) {
  put(state, "terminal", false);
  if (state["terminal"] == true) return;
  put(state, "encounter", name);
  put(state, "duration", "0 h");
  put(state, "needs", json::array());
  put(state, "creates", json::array());
  put(state, "transitions", json::array());
  each_item(state, "creates", [](json& c) {
    put(c, "at", "end");
    put(c, "probability", 1.0);
    put(c, "delay", "0 h");
  });
  each_item(state, "transitions", [](json& t) {
    put(t, "probability", 1.0);
    put(t, "delay", "0 h");
  });
}

}  // namespace

void fill_defaults(json& doc, const std::vector<std::string>& design_order) {
  if (!doc.is_object()) return;
  each_member(doc, "document_types", [](const std::string&, json& d) { put(d, "versioned", true); });
  each_member(doc, "calendars", [](const std::string&, json& c) { put(c, "closed_days", json::array()); });
  each_member(doc, "access_profiles", [](const std::string&, json& a) {
    put(a, "look_probability", 1.0);
    put(a, "look_time", "0 min");
    put(a, "phone_probability", 0.0);
    put(a, "phone_time", "0 min");
    put(a, "phone_success_probability", 1.0);
  });
  each_member(doc, "systems", [](const std::string&, json& s) {
    put(s, "access", "default");
    put(s, "availability", json::object());
  });
  each_member(doc, "organisations", [](const std::string&, json& o) {
    put(o, "count", 1);
    put(o, "weight", 1.0);
    put(o, "hours", "always");
    put(o, "staff", json::object());
    each_member(o, "staff", [](const std::string&, json& p) {
      put(p, "count", 1);
      put(p, "hours", "always");
      put(p, "named", false);
    });
  });
  each_member(doc, "channels", [](const std::string&, json& c) { each_item(c, "steps", fill_step); });
  each_member(doc, "pathways", [](const std::string&, json& p) {
    if (p.contains("arrivals") && p["arrivals"].is_object()) {
      put(p["arrivals"], "weekly_profile", json(std::vector<double>(7, 1.0)));
      put(p["arrivals"], "daily_profile", json(std::vector<double>(24, 1.0)));
    }
    each_member(p, "states", fill_state);
  });
  each_member(doc, "designs", [](const std::string& name, json& d) {
    put(d, "label", name);
    put(d, "flows", json::array());
  });
  if (doc.contains("experiment") && doc["experiment"].is_object()) {
    json& e = doc["experiment"];
    put(e, "horizon", "365 d");
    put(e, "warm_up", "0 d");
    put(e, "pre_history", "0 d");
    put(e, "replications", 10);
    put(e, "seed", 1);
    put(e, "event_log", false);
    if (!design_order.empty()) put(e, "baseline", design_order.front());
    if (e["replications"].is_object()) {
      put(e["replications"], "min", 5);
      put(e["replications"], "max", 100);
      put(e["replications"], "target_relative_half_width", 0.05);
      put(e["replications"], "metrics", json::array());
    }
  }
}

}  // namespace recordflow
