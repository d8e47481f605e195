#include "scenario/ScenarioBuilder.hpp"

#include <numeric>
#include <stdexcept>

#include "scenario/NetworkQuantities.hpp"
#include "scenario/PopulationReader.hpp"
#include "scenario/Quantities.hpp"

namespace recordflow {
namespace {

using nlohmann::json;

// The member `key` of `object`, or null (which iterates as empty) when absent.
const json& child(const json& object, const char* key) {
  static const json kNone;
  if (!object.is_object()) return kNone;
  auto it = object.find(key);
  return it == object.end() ? kNone : *it;
}

Hours hours(const json& value) {
  std::string error;
  auto h = read_duration(value, &error);
  if (!h) throw std::invalid_argument(error);
  return *h;
}

Distribution dist(const json& object, const char* key) {
  if (!object.contains(key)) return Distribution::fixed(0);
  std::string error;
  auto d = read_distribution(object[key], &error);
  if (!d) throw std::invalid_argument(std::string(key) + ": " + error);
  return *d;
}

OrgType org_type(const json& value) {
  auto type = org_type_from_string(value.get<std::string>());
  if (!type) throw std::invalid_argument("unknown organisation type " + value.dump());
  return *type;
}

std::string text(const json& object, const char* key, const std::string& fallback = "") {
  return object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : fallback;
}

template <std::size_t N>
std::array<double, N> profile(const json& arrivals, const char* key) {
  std::array<double, N> out;
  out.fill(1.0);
  if (!arrivals.contains(key)) return out;
  for (std::size_t i = 0; i < N; ++i) out[i] = arrivals[key].at(i).get<double>();
  const double mean = std::accumulate(out.begin(), out.end(), 0.0) / N;
  if (mean > 0)
    for (auto& v : out) v /= mean;
  return out;
}

Incident incident(const json& i) {
  Incident out{text(i, "name"), hours(i["start"]), hours(i["duration"]), {}};
  Hours start = 0;
  for (const auto& phase : child(i, "recovery")) {
    const Hours length = hours(phase["duration"]);
    out.recovery.push_back({start, length, phase["capacity"].get<double>()});
    start += length;
  }
  return out;
}

Infrastructure infrastructure(const json& i) {
  Infrastructure out;
  for (const auto& [name, z] : child(i, "zones").items()) {
    Zone zone{name, text(z, "kind"), text(z, "in"), {}};
    for (const auto& s : child(z, "systems")) zone.systems.push_back(s.get<std::string>());
    out.zones[name] = std::move(zone);
  }
  for (const auto& [name, l] : child(i, "links").items()) {
    NetworkLink link{name, text(l, "kind"), hours(l.at("latency")), 0, {}};
    std::string error;
    const auto bandwidth = read_bandwidth(l.at("bandwidth"), &error);
    if (!bandwidth) throw std::invalid_argument("link " + name + ": " + error);
    link.bytes_per_second = *bandwidth;
    for (const auto& c : child(l, "connects")) link.connects.push_back(c.get<std::string>());
    out.links[name] = std::move(link);
  }
  for (const auto& i_json : child(i, "incidents"))
    out.incidents.push_back({text(i_json, "zone"), text(i_json, "link"), incident(i_json)});
  return out;
}

Availability availability(const json& a) {
  Availability out;
  for (const auto& w : child(a, "planned"))
    out.planned.push_back(
        {hours(w["first"]), w.contains("every") ? hours(w["every"]) : 0.0, hours(w["duration"])});
  if (a.contains("failures"))
    out.failures = RandomFailures{dist(a["failures"], "time_between"), dist(a["failures"], "duration")};
  for (const auto& i : child(a, "incidents")) out.incidents.push_back(incident(i));
  for (const auto& d : child(a, "degraded"))
    out.degraded.push_back({hours(d["start"]), hours(d["duration"]), d["capacity"].get<double>()});
  for (const auto& s : child(a, "silent_failures"))
    out.silent_failures.push_back({hours(s["start"]), s.value("share", 1.0), dist(s, "detection_delay")});
  return out;
}

Step step(const json& s) {
  Step out;
  const std::string kind = s.at("step").get<std::string>();
  static const StepKind kKinds[] = {StepKind::staff_task,  StepKind::transit, StepKind::system,
                                    StepKind::batch,       StepKind::publish, StepKind::query,
                                    StepKind::shared_store};
  bool known = false;
  for (StepKind k : kKinds)
    if (kind == to_string(k)) out.kind = k, known = true;
  if (!known) throw std::invalid_argument("unknown step " + kind);
  out.at = text(s, "at", "source") == "destination" ? Side::destination : Side::source;
  out.pool = text(s, "pool");
  out.task = text(s, "task");
  out.duration = dist(s, "duration");
  out.priority = s.value("priority", 0);
  out.abandon_probability = s.value("abandon_probability", 0.0);
  out.forget_after = s.contains("forget_after") ? hours(s["forget_after"]) : 0.0;
  out.forget_probability = s.value("forget_probability", 0.0);
  out.mode = text(s, "mode");
  out.latency = dist(s, "latency");
  out.loss_probability = s.value("loss_probability", 0.0);
  out.misdirection_probability = s.value("misdirection_probability", 0.0);
  out.misdirection_delay = dist(s, "misdirection_delay");
  out.misdirection_lost_share = s.value("misdirection_lost_share", 0.0);
  out.paper = s.value("paper", false);
  out.system = text(s, "system");
  out.fail_when_down = text(s, "on_failure", "queue") == "fail";
  out.divert_to = text(s, "divert_to");
  out.divert_when_waiting = s.value("divert_when_waiting", 0);
  if (s.contains("retry")) {
    out.retry_attempts = s["retry"].value("attempts", 0);
    out.retry_interval = s["retry"].contains("interval") ? hours(s["retry"]["interval"]) : 0.0;
  }
  if (s.contains("schedule")) {
    out.batch_every = hours(s["schedule"]["every"]);
    auto offset = batch_offset(s["schedule"], out.batch_every);
    out.batch_offset = offset.value_or(0.0);
  }
  out.into = text(s, "into");
  out.access = text(s, "access");
  for (const auto& p : child(s, "path")) out.path.push_back(p.get<std::string>());
  return out;
}

State state(const std::string& name, const json& s) {
  State out;
  out.name = name;
  out.terminal = s.value("terminal", false);
  if (out.terminal) return out;
  out.at = org_type(s.at("at"));
  out.encounter_type = text(s, "encounter", name);
  out.duration = dist(s, "duration");
  for (const auto& c : child(s, "creates")) {
    DocumentCreation creation;
    creation.document = c.at("document").get<std::string>();
    creation.at_end = text(c, "at", "end") == "end";
    for (const auto& t : c.at("to")) creation.to.push_back(org_type(t));
    creation.probability = c.value("probability", 1.0);
    creation.delay = dist(c, "delay");
    out.creates.push_back(std::move(creation));
  }
  for (const auto& n : child(s, "needs")) {
    Need need;
    need.document = n.is_string() ? n.get<std::string>() : n.at("document").get<std::string>();
    if (n.is_object() && n.contains("from")) need.from = org_type(n["from"]);
    if (n.is_object() && n.contains("within")) need.within = hours(n["within"]);
    out.needs.push_back(std::move(need));
  }
  for (const auto& t : child(s, "transitions"))
    out.transitions.push_back({t.at("to").get<std::string>(), t.value("probability", 1.0), dist(t, "delay")});
  return out;
}

std::vector<Organisation> organisations(const json& name_and_org) {
  std::vector<Organisation> out;
  for (const auto& [name, o] : name_and_org.items()) {
    Organisation org;
    org.template_name = name;
    org.type = org_type(o.at("type"));
    org.system = text(o, "system");
    org.weight = o.value("weight", 1.0);
    org.calendar = text(o, "hours", "always");
    for (const auto& [pool_name, pool] : child(o, "staff").items()) {
      org.staff.push_back({pool_name, pool.value("count", 1), text(pool, "hours", "always")});
      for (const auto& shift : child(pool, "schedule"))
        org.staff.back().schedule.push_back(
            {shift.value("from_day", 0) * kHoursPerDay, shift.value("count", 0)});
      org.staff.back().named = pool.value("named", false);
      if (pool.contains("absence"))
        org.staff.back().absence =
            StaffAbsence{dist(pool["absence"], "time_between"), dist(pool["absence"], "duration")};
    }
    org.downtime_channel = text(o, "downtime_channel");
    if (o.contains("back_entry"))
      org.back_entry = BackEntry{text(o["back_entry"], "pool"), dist(o["back_entry"], "duration"),
                                 o["back_entry"].value("priority", 0)};
    for (const auto& c : child(o, "chasing"))
      org.chasing.push_back({text(c, "document"), c.contains("after") ? hours(c["after"]) : 0.0,
                             text(c, "pool"), dist(c, "duration"), c.value("success_probability", 1.0)});
    const int count = o.value("count", 1);
    for (int i = 1; i <= count; ++i) {
      out.push_back(org);
      out.back().name = count > 1 ? name + "#" + std::to_string(i) : name;
    }
  }
  return out;
}

Experiment experiment(const json& e, const std::vector<Design>& designs) {
  Experiment out;
  if (e.contains("horizon")) out.horizon = hours(e["horizon"]);
  if (e.contains("pre_history") && e["pre_history"] == "auto")
    out.pre_history_auto = true;  // chosen per pathway by the engine
  else if (e.contains("pre_history"))
    out.pre_history = hours(e["pre_history"]);
  if (e.contains("warm_up") && e["warm_up"] == "auto")
    out.warm_up_auto = true;  // measured from 0 until the runner has chosen the truncation
  else if (e.contains("warm_up"))
    out.warm_up = hours(e["warm_up"]);
  if (e.contains("replications")) {
    const json& r = e["replications"];
    if (r.is_object()) {
      AdaptiveReplications a;
      a.min = r.value("min", a.min);
      a.max = r.value("max", a.max);
      a.target_relative_half_width = r.value("target_relative_half_width", a.target_relative_half_width);
      for (const auto& m : child(r, "metrics")) a.metrics.push_back(m.get<std::string>());
      out.replications = a.min;
      out.adaptive = a;
    } else {
      out.replications = r.get<int>();
    }
  }
  out.seed = e.value("seed", std::uint64_t{1});
  out.baseline = text(e, "baseline", designs.empty() ? "" : designs.front().name);
  out.event_log = e.value("event_log", false);
  return out;
}

}  // namespace

Design read_design(const json& design, const std::string& name) {
  Design out;
  out.name = name;
  if (!design.is_object()) return out;
  out.description = text(design, "description");
  if (!design.contains("flows") || !design["flows"].is_array()) return out;
  for (const auto& r : design["flows"]) {
    if (!r.is_object()) continue;
    FlowRule rule;
    rule.document = text(r, "document");
    if (rule.document == "*") rule.document.clear();
    if (text(r, "from", "*") != "*") rule.from = org_type_from_string(text(r, "from"));
    if (text(r, "to", "*") != "*") rule.to = org_type_from_string(text(r, "to"));
    for (const char* key : {"from_orgs", "to_orgs"})
      if (r.contains(key) && r[key].is_array())
        for (const auto& n : r[key])
          if (n.is_string())
            (std::string(key) == "from_orgs" ? rule.from_orgs : rule.to_orgs).push_back(n.get<std::string>());
    if (r.contains("channel") && r["channel"].is_string())
      rule.mix.push_back({r["channel"].get<std::string>(), 1.0});
    if (r.contains("mix") && r["mix"].is_array())
      for (const auto& m : r["mix"])
        if (m.is_object() && m.contains("channel") && m["channel"].is_string())
          rule.mix.push_back({m["channel"].get<std::string>(), m.contains("share") && m["share"].is_number()
                                                                   ? m["share"].get<double>()
                                                                   : 0.0});
    if (r.contains("active_from")) rule.active_from = hours(r["active_from"]);
    if (r.contains("active_until")) rule.active_until = hours(r["active_until"]);
    out.rules.push_back(std::move(rule));
  }
  return out;
}

Scenario build_model(const json& doc, const std::string& design, const std::string& source_file) {
  Scenario s;
  s.name = text(doc, "name");
  s.description = text(doc, "description");
  s.source_file = source_file;
  read_population(doc, s);
  for (const auto& [name, d] : child(doc, "document_types").items()) {
    DocumentType& type = s.document_types[name];
    type = {name, d.contains("target") ? std::optional<Hours>(hours(d["target"])) : std::nullopt,
            d.value("versioned", true), d.contains("size") ? read_data_size(d["size"]).value_or(0.0) : 0.0};
    for (const auto& [org, p] : child(d, "never_sent").items())
      if (p.is_number()) type.never_sent[static_cast<std::size_t>(org_type(json(org)))] = p.get<double>();
    if (d.contains("action")) {
      type.action_share = d["action"].value("share", 0.0);
      type.action_within = d["action"].contains("within") ? hours(d["action"]["within"]) : 0.0;
    }
  }
  s.calendars["always"] = Calendar::always_open();
  for (const auto& [name, c] : child(doc, "calendars").items()) {
    auto calendar = read_calendar(c);
    if (!calendar) throw std::invalid_argument("malformed calendar " + name);
    s.calendars[name] = *calendar;
  }
  s.access_profiles["default"] =
      AccessProfile{"default", 1.0, Distribution::fixed(0), 0.0, Distribution::fixed(0), 1.0};
  for (const auto& [name, a] : child(doc, "access_profiles").items())
    s.access_profiles[name] = {name,
                               a.value("look_probability", 1.0),
                               dist(a, "look_time"),
                               a.value("phone_probability", 0.0),
                               dist(a, "phone_time"),
                               a.value("phone_success_probability", 1.0)};
  for (const auto& [name, sys] : child(doc, "systems").items()) {
    System system{name, text(sys, "kind"), std::nullopt, 1, text(sys, "access", "default"), {}};
    if (sys.contains("capacity")) system.capacity_per_hour = read_rate(sys["capacity"]);
    system.servers = sys.value("servers", 1);
    if (sys.contains("availability")) system.availability = availability(sys["availability"]);
    s.systems[name] = std::move(system);
  }
  s.organisations = organisations(child(doc, "organisations"));
  for (const auto& [name, c] : child(doc, "channels").items()) {
    Channel channel{name, {}};
    for (const auto& st : c.at("steps")) channel.steps.push_back(step(st));
    s.channels[name] = std::move(channel);
  }
  for (const auto& [name, p] : child(doc, "pathways").items()) {
    Pathway pathway;
    pathway.name = name;
    const json& arrivals = p.at("arrivals");
    pathway.rate_per_1000_per_hour_by_band = read_band_rates(arrivals, s.people);
    if (pathway.rate_per_1000_per_hour_by_band.empty()) {
      auto rate = read_rate(arrivals.at("rate_per_1000"));
      if (!rate) throw std::invalid_argument("malformed arrival rate in pathway " + name);
      pathway.rate_per_1000_per_hour = *rate;
    }
    pathway.weekly_profile = profile<7>(arrivals, "weekly_profile");
    pathway.daily_profile = profile<24>(arrivals, "daily_profile");
    pathway.start = p.at("start").get<std::string>();
    for (const auto& [state_name, st] : p.at("states").items())
      pathway.states.push_back(state(state_name, st));
    s.pathways.push_back(std::move(pathway));
  }
  s.infrastructure = infrastructure(child(doc, "infrastructure"));
  for (const auto& [name, d] : child(doc, "designs").items()) s.designs.push_back(read_design(d, name));
  s.design = design;
  s.experiment = experiment(child(doc, "experiment"), s.designs);
  return s;
}

}  // namespace recordflow
