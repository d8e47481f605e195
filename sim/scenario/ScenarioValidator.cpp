#include "scenario/ScenarioValidator.hpp"

#include <algorithm>
#include <cmath>

#include "scenario/FlowValidator.hpp"
#include "scenario/InfrastructureValidator.hpp"
#include "scenario/PopulationValidator.hpp"
#include "scenario/Quantities.hpp"
#include "scenario/StaffScheduleValidator.hpp"
#include "scenario/ValidationReport.hpp"

namespace recordflow {
namespace {

using nlohmann::json;

bool has(const json& o, const char* key) {
  return o.is_object() && o.contains(key);
}
std::string str(const json& o, const char* key) {
  return has(o, key) && o[key].is_string() ? o[key].get<std::string>() : std::string();
}
bool flag(const json& o, const char* key) {
  return has(o, key) && o[key].is_boolean() && o[key].get<bool>();
}
std::int64_t integer(const json& o, const char* key, std::int64_t fallback) {
  return has(o, key) && o[key].is_number_integer() ? o[key].get<std::int64_t>() : fallback;
}
std::string at(const std::string& pointer, const std::string& key) {
  return pointer_append(pointer, key);
}
std::string at(const std::string& pointer, std::size_t index) {
  return pointer + "/" + std::to_string(index);
}

// Calls f(pointer, member name, member) for each object member of doc[key].
template <typename F>
void members(const json& doc, const char* key, F f) {
  if (!has(doc, key) || !doc[key].is_object()) return;
  for (const auto& item : doc[key].items())
    if (item.value().is_object()) f(at(std::string("/") + key, item.key()), item.key(), item.value());
}

template <typename F>
void items(const json& parent, const char* key, const std::string& pointer, F f) {
  if (!has(parent, key) || !parent[key].is_array()) return;
  for (std::size_t i = 0; i < parent[key].size(); ++i) f(at(at(pointer, key), i), parent[key][i]);
}

class Checker {
 public:
  Checker(const json& doc, ValidationReport& report) : doc_(doc), r_(report) {
    calendars_ = member_names(doc, "calendars");
    calendars_.push_back("always");
    access_ = member_names(doc, "access_profiles");
    access_.push_back("default");
    systems_ = member_names(doc, "systems");
    channels_ = member_names(doc, "channels");
    documents_ = member_names(doc, "document_types");
    designs_ = member_names(doc, "designs");
    organisations_ = member_names(doc, "organisations");
  }

  void run() {
    required_parts();
    members(doc_, "document_types", [&](const std::string& p, const std::string&, const json& d) {
      if (has(d, "target")) r_.duration(at(p, "target"), d["target"], 0, true, "a timeliness target");
      if (has(d, "action") && d["action"].is_object() && has(d["action"], "within"))
        r_.duration(at(at(p, "action"), "within"), d["action"]["within"], 0, false, "an action's time limit");
    });
    members(doc_, "calendars",
            [&](const std::string& p, const std::string&, const json& c) { calendar(p, c); });
    members(doc_, "access_profiles", [&](const std::string& p, const std::string&, const json& a) {
      for (const char* key : {"look_time", "phone_time"})
        if (has(a, key)) r_.distribution(at(p, key), a[key], key);
    });
    members(doc_, "systems", [&](const std::string& p, const std::string&, const json& s) { system(p, s); });
    members(doc_, "organisations",
            [&](const std::string& p, const std::string&, const json& o) { organisation(p, o); });
    members(doc_, "channels",
            [&](const std::string& p, const std::string&, const json& c) { channel(p, c); });
    members(doc_, "pathways",
            [&](const std::string& p, const std::string&, const json& w) { pathway(p, w); });
    members(doc_, "designs", [&](const std::string& p, const std::string&, const json& d) { design(p, d); });
    if (has(doc_, "experiment") && doc_["experiment"].is_object()) experiment(doc_["experiment"]);
  }

 private:
  void required_parts() {
    for (const char* key : {"population", "organisations", "pathways", "designs", "experiment"}) {
      if (!has(doc_, key))
        r_.add("", std::string("a scenario needs \"") + key + "\"",
               "to check a reusable model part on its own, use `recordflow validate --part`");
      else if (doc_[key].is_object() && doc_[key].empty() && std::string(key) != "experiment")
        r_.add(std::string("/") + key, std::string("a scenario needs at least one entry in \"") + key + "\"");
    }
  }

  void calendar(const std::string& p, const json& c) {
    std::vector<CalendarProblem> problems;
    read_calendar(c, &problems);
    for (const auto& problem : problems)
      r_.add(p + problem.where, problem.message,
             "\"17:00-09:00\" is an overnight shift ending the next morning");
  }

  bool calendar_never_open(const std::string& name) {
    if (name == "always" || !has(doc_, "calendars") || !doc_["calendars"].contains(name)) return false;
    auto calendar = read_calendar(doc_["calendars"][name]);
    return calendar && calendar->open_hours_per_week() <= 0;
  }

  void system(const std::string& p, const json& s) {
    if (has(s, "capacity")) {
      std::string error;
      auto rate = read_rate(s["capacity"], &error);
      if (rate && !(*rate > 0))
        r_.add(at(p, "capacity"), "capacity must be positive, got " + s["capacity"].dump(),
               "omit it for no limit");
      else if (!rate && !format_error(error))
        r_.add(at(p, "capacity"), "capacity: " + error);
    }
    if (has(s, "servers") && !has(s, "capacity"))
      r_.add(at(p, "servers"), "servers without a capacity: a system without capacity is not limited",
             "give the capacity of one server, or remove servers");
    if (has(s, "access") && s["access"].is_string())
      r_.reference(at(p, "access"), "access profile", str(s, "access"), access_);
    if (!has(s, "availability") || !s["availability"].is_object()) return;
    const json& a = s["availability"];
    const std::string ap = at(p, "availability");
    items(a, "planned", ap, [&](const std::string& q, const json& w) {
      if (has(w, "first")) r_.duration(at(q, "first"), w["first"], 0, false, "the first window's start");
      auto duration = has(w, "duration")
                          ? r_.duration(at(q, "duration"), w["duration"], 0, true, "a downtime window")
                          : std::nullopt;
      auto every = has(w, "every") ? r_.duration(at(q, "every"), w["every"], 0, false, "the repeat period")
                                   : std::nullopt;
      if (duration && every && *every > 0 && *duration >= *every)
        r_.add(at(q, "every"), "downtime windows as long as their period leave the system always down");
    });
    if (has(a, "failures") && a["failures"].is_object()) {
      for (const char* key : {"time_between", "duration"})
        if (has(a["failures"], key)) {
          auto d = r_.distribution(at(at(ap, "failures"), key), a["failures"][key], key);
          if (d && std::string(key) == "time_between" && !(d->mean() > 0))
            r_.add(at(at(ap, "failures"), key), "time between failures must be positive");
        }
    }
    items(a, "incidents", ap, [&](const std::string& q, const json& i) {
      if (has(i, "start")) r_.duration(at(q, "start"), i["start"], 0, false, "an incident's start");
      if (has(i, "duration"))
        r_.duration(at(q, "duration"), i["duration"], 0, false, "an incident's duration");
      items(i, "recovery", q, [&](const std::string& rp, const json& phase) {
        if (has(phase, "duration"))
          r_.duration(at(rp, "duration"), phase["duration"], 0, true, "a recovery phase");
      });
    });
    items(a, "degraded", ap, [&](const std::string& q, const json& d) {
      if (has(d, "start")) r_.duration(at(q, "start"), d["start"], 0, false, "a degraded period's start");
      if (has(d, "duration")) r_.duration(at(q, "duration"), d["duration"], 0, true, "a degraded period");
    });
    items(a, "silent_failures", ap, [&](const std::string& q, const json& f) {
      if (has(f, "start")) r_.duration(at(q, "start"), f["start"], 0, false, "a silent failure's start");
      if (has(f, "detection_delay"))
        r_.distribution(at(q, "detection_delay"), f["detection_delay"], "detection delay");
    });
  }

  void organisation(const std::string& p, const json& o) {
    if (!has(o, "type"))
      r_.add(p, "organisation has no \"type\"",
             "one of acute, primary, community, mental_health, social_care");
    if (!has(o, "system"))
      r_.add(p, "organisation has no record \"system\"");
    else if (o["system"].is_string())
      r_.reference(at(p, "system"), "system", str(o, "system"), systems_);
    if (has(o, "hours") && o["hours"].is_string()) {
      r_.reference(at(p, "hours"), "calendar", str(o, "hours"), calendars_);
      if (calendar_never_open(str(o, "hours")))
        r_.add(at(p, "hours"),
               "calendar \"" + str(o, "hours") + "\" has no open hours: no encounter could ever start");
    }
    std::vector<std::string> pools = member_names(o, "staff");
    if (has(o, "staff") && o["staff"].is_object())
      for (const auto& [name, pool] : o["staff"].items()) {
        const std::string pp = at(at(p, "staff"), name);
        if (pool.contains("count") && pool["count"].is_number_integer() &&
            pool["count"].get<std::int64_t>() < 1)
          r_.add(at(pp, "count"),
                 "staff pool \"" + name + "\" has " + pool["count"].dump() + " people and never works",
                 "a pool needs a count of at least 1");
        if (pool.contains("hours") && pool["hours"].is_string()) {
          const std::string hours = pool["hours"].get<std::string>();
          if (r_.reference(at(pp, "hours"), "calendar", hours, calendars_) && calendar_never_open(hours))
            r_.add(at(pp, "hours"),
                   "staff pool \"" + name + "\" never works: calendar \"" + hours + "\" has no open hours",
                   "give the calendar some \"weekly\" intervals");
        }
      }
    if (has(o, "downtime_channel") && o["downtime_channel"].is_string())
      r_.reference(at(p, "downtime_channel"), "channel", str(o, "downtime_channel"), channels_);
    if (has(o, "back_entry") && o["back_entry"].is_object()) {
      const json& b = o["back_entry"];
      if (b.contains("pool") && b["pool"].is_string())
        r_.reference(at(at(p, "back_entry"), "pool"), "staff pool", b["pool"].get<std::string>(), pools);
      if (b.contains("duration"))
        r_.distribution(at(at(p, "back_entry"), "duration"), b["duration"], "back-entry time");
    }
    std::vector<std::string> chased;
    items(o, "chasing", p, [&](const std::string& q, const json& c) {
      if (has(c, "document") && c["document"].is_string()) {
        const std::string document = c["document"].get<std::string>();
        if (r_.reference(at(q, "document"), "document type", document, documents_) &&
            std::find(chased.begin(), chased.end(), document) != chased.end())
          r_.add(at(q, "document"), "document type \"" + document + "\" is chased twice",
                 "keep one chasing entry per document type");
        chased.push_back(document);
      }
      if (has(c, "pool") && c["pool"].is_string())
        r_.reference(at(q, "pool"), "staff pool", c["pool"].get<std::string>(), pools);
      if (has(c, "after")) r_.duration(at(q, "after"), c["after"], 0, false, "the time before chasing");
      if (has(c, "duration")) r_.distribution(at(q, "duration"), c["duration"], "a chase's staff time");
    });
  }

  void system_name(const std::string& p, const json& value) {
    if (!value.is_string()) return;
    const std::string name = value.get<std::string>();
    if (name == "@source" || name == "@destination") return;
    r_.reference(p, "system", name, systems_);
  }

  void channel(const std::string& p, const json& c) {
    if (!has(c, "steps") || !c["steps"].is_array() || c["steps"].empty()) return;
    const json& steps = c["steps"];
    const std::string first = str(steps.front(), "step");
    const std::string last = str(steps.back(), "step");
    if ((first == "query" || first == "shared_store") && steps.size() > 1)
      r_.add(at(p, "steps"), "a " + first + " channel has exactly one step",
             "a query or shared_store stands alone");
    else if (first != "query" && first != "shared_store" && last != "publish")
      r_.add(at(p, "steps"), "channel does not end with a \"publish\" step",
             "append {\"step\": \"publish\"}, or use a single query or shared_store step");
    items(c, "steps", p, [&](const std::string& q, const json& s) {
      const std::string kind = str(s, "step");
      if ((kind == "publish" && &s != &steps.back()) ||
          ((kind == "query" || kind == "shared_store") && steps.size() > 1 && &s != &steps.front()))
        r_.add(at(q, "step"),
               "\"" + kind + "\" can only be a channel's " + (kind == "publish" ? "last" : "only") + " step");
      step(q, kind, s);
    });
  }

  void step(const std::string& q, const std::string& kind, const json& s) {
    if (kind == "staff_task") {
      if (has(s, "duration")) r_.distribution(at(q, "duration"), s["duration"], "a staff task's duration");
      if (has(s, "forget_after"))
        r_.duration(at(q, "forget_after"), s["forget_after"], 0, false,
                    "the wait before an item is forgotten");
      else if (has(s, "forget_probability") && s["forget_probability"].is_number() &&
               s["forget_probability"].get<double>() > 0)
        r_.add(at(q, "forget_probability"), "items can be forgotten but no forget_after says after what wait",
               "add \"forget_after\": the wait in the queue after which an item may be forgotten");
    } else if (kind == "transit") {
      for (const char* key : {"latency", "misdirection_delay"})
        if (has(s, key)) r_.distribution(at(q, key), s[key], key);
    } else if (kind == "system") {
      if (has(s, "system")) system_name(at(q, "system"), s["system"]);
      if (has(s, "divert_to") && s["divert_to"].is_string())
        r_.reference(at(q, "divert_to"), "system", s["divert_to"].get<std::string>(), systems_);
      else if (has(s, "divert_when_waiting"))
        r_.add(at(q, "divert_when_waiting"), "a diversion threshold without a system to divert to",
               "add \"divert_to\": the system that takes the items this one cannot");
      if (has(s, "retry") && s["retry"].is_object() && integer(s["retry"], "attempts", 0) > 0 &&
          s["retry"].contains("interval"))
        r_.duration(at(at(q, "retry"), "interval"), s["retry"]["interval"], 0, true, "the retry interval");
    } else if (kind == "batch") {
      if (has(s, "system")) system_name(at(q, "system"), s["system"]);
      if (!has(s, "schedule") || !s["schedule"].is_object() || !s["schedule"].contains("every")) return;
      const json& schedule = s["schedule"];
      const std::string sp = at(q, "schedule");
      std::string error;
      auto every = read_duration(schedule["every"], &error);
      if (!every) return;
      if (!(*every > 0)) {
        r_.add(at(sp, "every"),
               "batch schedule never fires: \"every\" must be positive, got " + schedule["every"].dump());
        return;
      }
      auto offset = batch_offset(schedule, *every, &error);
      if (offset && (*offset < 0 || *offset >= *every))
        r_.add(at(sp, schedule.contains("at") ? "at" : "offset"),
               "batch schedule never fires as written: offset " + format_duration(*offset) +
                   " is not within the period " + format_duration(*every),
               "the offset must be at least 0 and less than \"every\"");
    }
    if ((kind == "publish" || kind == "query" || kind == "shared_store") && has(s, "access") &&
        s["access"].is_string())
      r_.reference(at(q, "access"), "access profile", str(s, "access"), access_);
    if (kind == "publish") {
      if (has(s, "into")) system_name(at(q, "into"), s["into"]);
    } else if (kind == "query") {
      if (has(s, "system")) system_name(at(q, "system"), s["system"]);
      items(s, "path", q, [&](const std::string& pp, const json& name) { system_name(pp, name); });
      if (has(s, "latency")) r_.distribution(at(q, "latency"), s["latency"], "latency");
    } else if (kind == "shared_store") {
      if (has(s, "system")) system_name(at(q, "system"), s["system"]);
    }
  }

  void pathway(const std::string& p, const json& w) {
    std::vector<std::string> states = member_names(w, "states");
    if (!has(w, "arrivals"))
      r_.add(p, "pathway has no \"arrivals\"", "e.g. {\"rate_per_1000\": \"12/year\"}");
    if (!has(w, "start"))
      r_.add(p, "pathway has no \"start\" state");
    else if (w["start"].is_string())
      r_.reference(at(p, "start"), "state", str(w, "start"), states);
    if (states.empty()) r_.add(p, "pathway has no \"states\"");
    if (has(w, "arrivals") && w["arrivals"].is_object() && has(w["arrivals"], "rate_per_1000")) {
      const auto rate = read_rate(w["arrivals"]["rate_per_1000"]);
      if (rate && !(*rate > 0))
        r_.add(at(at(p, "arrivals"), "rate_per_1000"), "the arrival rate is zero: nobody would ever arrive",
               "remove the pathway or give it a positive rate");
    }
    if (has(w, "arrivals") && w["arrivals"].is_object())
      for (const char* key : {"weekly_profile", "daily_profile"}) {
        const json profile = w["arrivals"].value(key, json::array());
        double total = 0;
        for (const auto& v : profile)
          if (v.is_number()) total += v.get<double>();
        if (profile.is_array() && !profile.empty() && !(total > 0))
          r_.add(at(at(p, "arrivals"), key), std::string(key) + " is all zero: nobody would ever arrive");
      }
    members(w, "states", [&](const std::string&, const std::string& name, const json& s) {
      state(at(at(p, "states"), name), s, states);
    });
  }

  void state(const std::string& p, const json& s, const std::vector<std::string>& states) {
    const bool terminal = flag(s, "terminal");
    const bool has_transitions =
        has(s, "transitions") && s["transitions"].is_array() && !s["transitions"].empty();
    if (terminal) {
      if (has_transitions) r_.add(at(p, "transitions"), "a terminal state has no transitions");
      return;
    }
    if (!has(s, "at")) r_.add(p, "state has no \"at\" (the organisation type of the encounter)");
    if (has(s, "duration")) r_.distribution(at(p, "duration"), s["duration"], "an encounter's duration");
    items(s, "needs", p, [&](const std::string& q, const json& n) {
      const json& document = n.is_object() ? n.value("document", json()) : n;
      if (document.is_string())
        r_.reference(n.is_object() ? at(q, "document") : q, "document type", document.get<std::string>(),
                     documents_);
    });
    items(s, "creates", p, [&](const std::string& q, const json& c) {
      if (has(c, "document") && c["document"].is_string())
        r_.reference(at(q, "document"), "document type", str(c, "document"), documents_);
      if (has(c, "to") && c["to"].is_array() && c["to"].empty())
        r_.add(at(q, "to"), "a created document goes nowhere", "list destination organisation types");
      if (has(c, "delay")) r_.distribution(at(q, "delay"), c["delay"], "an authoring delay");
    });
    if (!has_transitions) {
      r_.add(p, "state has no transitions", "add transitions, or mark it {\"terminal\": true}");
      return;
    }
    double total = 0;
    items(s, "transitions", p, [&](const std::string& q, const json& t) {
      if (has(t, "to") && t["to"].is_string()) r_.reference(at(q, "to"), "state", str(t, "to"), states);
      if (has(t, "probability") && t["probability"].is_number()) total += t["probability"].get<double>();
      if (has(t, "delay")) r_.distribution(at(q, "delay"), t["delay"], "a transition delay");
    });
    if (std::fabs(total - 1.0) > kSumTolerance)
      r_.add(at(p, "transitions"), "transition probabilities sum to " + format_number(total) + ", not 1",
             "the probabilities of a state's transitions must sum to 1");
  }

  void design(const std::string& p, const json& d) {
    items(d, "flows", p, [&](const std::string& q, const json& rule) {
      const bool channel = has(rule, "channel"), mix = has(rule, "mix");
      if (channel == mix) r_.add(q, "a flow rule needs either \"channel\" or \"mix\" (exactly one)");
      if (channel && rule["channel"].is_string())
        r_.reference(at(q, "channel"), "channel", str(rule, "channel"), channels_);
      if (has(rule, "document") && rule["document"].is_string() && str(rule, "document") != "*")
        r_.reference(at(q, "document"), "document type", str(rule, "document"), documents_);
      const double active_from =
          has(rule, "active_from")
              ? r_.duration(at(q, "active_from"), rule["active_from"], 0, false, "active_from").value_or(0)
              : 0;
      if (has(rule, "active_until")) {
        auto until = r_.duration(at(q, "active_until"), rule["active_until"], 0, true, "active_until");
        if (until && *until <= active_from)
          r_.add(at(q, "active_until"), "the rule never applies: active_until is not after active_from",
                 "a rule applies to documents created from active_from up to (not including) active_until");
      }
      for (const char* key : {"from_orgs", "to_orgs"})
        items(rule, key, q, [&](const std::string& o, const json& name) {
          if (name.is_string()) r_.reference(o, "organisation", name.get<std::string>(), organisations_);
        });
      if (!mix || !rule["mix"].is_array()) return;
      double total = 0;
      items(rule, "mix", q, [&](const std::string& m, const json& share) {
        if (has(share, "channel") && share["channel"].is_string())
          r_.reference(at(m, "channel"), "channel", str(share, "channel"), channels_);
        if (has(share, "share") && share["share"].is_number()) total += share["share"].get<double>();
      });
      if (std::fabs(total - 1.0) > kSumTolerance)
        r_.add(at(q, "mix"), "channel shares sum to " + format_number(total) + ", not 1",
               "the shares of a mix must sum to 1");
    });
  }

  void experiment(const json& e) {
    const double horizon =
        has(e, "horizon")
            ? r_.duration("/experiment/horizon", e["horizon"], 0, true, "the horizon").value_or(-1)
            : -1;
    const bool auto_warm_up = has(e, "warm_up") && e["warm_up"].is_string() && e["warm_up"] == "auto";
    const double warm_up =
        has(e, "warm_up") && !auto_warm_up
            ? r_.duration("/experiment/warm_up", e["warm_up"], 0, false, "the warm-up").value_or(-1)
            : -1;
    if (horizon > kMaxHorizonHours)
      r_.add("/experiment/horizon",
             "the horizon (" + format_duration(horizon) + ") exceeds the limit of " +
                 format_duration(kMaxHorizonHours),
             "simulate a shorter period; results per year are reported as rates");
    if (has(e, "pre_history") && !(e["pre_history"].is_string() && e["pre_history"] == "auto")) {
      const double pre_history =
          r_.duration("/experiment/pre_history", e["pre_history"], 0, false, "the pre-history").value_or(-1);
      if (pre_history > kMaxHorizonHours)
        r_.add("/experiment/pre_history",
               "the pre-history (" + format_duration(pre_history) + ") exceeds the limit of " +
                   format_duration(kMaxHorizonHours),
               "a pre-history as long as the longest recency window or pathway is enough");
    }
    if (horizon > 0 && warm_up >= horizon)
      r_.add("/experiment/warm_up", "the warm-up (" + format_duration(warm_up) +
                                        ") must be shorter than the horizon (" + format_duration(horizon) +
                                        ")");
    if (auto_warm_up && has(e, "replications") && e["replications"].is_object())
      r_.add("/experiment/warm_up",
             "\"warm_up\": \"auto\" needs a fixed number of replications (the truncation is chosen from "
             "all of them before the measured run)",
             "give \"replications\" as a number, or a fixed warm-up such as \"28 d\"");
    if (has(e, "baseline") && e["baseline"].is_string())
      r_.reference("/experiment/baseline", "design", str(e, "baseline"), designs_);
    if (has(e, "replications") && e["replications"].is_object()) {
      const json& r = e["replications"];
      if (integer(r, "min", 5) > integer(r, "max", 100))
        r_.add("/experiment/replications", "adaptive replications need min <= max");
    }
  }

  const json& doc_;
  ValidationReport& r_;
  std::vector<std::string> calendars_, access_, systems_, channels_, documents_, designs_, organisations_;
};

}  // namespace

std::vector<Diagnostic> validate_semantics(const json& document, const SourceMap& sources,
                                           const std::string& design) {
  ValidationReport report(sources);
  if (!document.is_object()) return {};
  Checker(document, report).run();
  validate_infrastructure(document, report);
  validate_staff_schedules(document, report);
  validate_population(document, report);
  validate_coverage(document, report);
  if (!design.empty()) validate_design_flows(document, design, report);
  return report.diagnostics();
}

}  // namespace recordflow
