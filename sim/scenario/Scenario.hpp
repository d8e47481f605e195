// Scenario: the plain C++ model of one resolved scenario for one design (no SimGrid, no JSON).
// Built by the loader from a validated, composed JSON document (see docs in sim/scenario/README.md);
// every reference in it has been checked, so holders may index without re-validating:
//  - all times are simulated hours (t = 0 is a Monday 00:00), rates are per hour, shares in [0, 1];
//  - organisation templates with a count are expanded: `organisations` holds concrete instances;
//  - every name referenced (system, calendar, pool, access profile, channel, document type, state)
//    exists; transition probabilities of a state sum to 1 (or the state is terminal);
//  - `design` is the design this Scenario was resolved for (its `set` overrides already applied).
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/Calendar.hpp"
#include "core/Distribution.hpp"
#include "core/Units.hpp"

namespace recordflow {

enum class OrgType { acute, primary, community, mental_health, social_care };
constexpr std::array<OrgType, 5> kAllOrgTypes{OrgType::acute, OrgType::primary, OrgType::community,
                                              OrgType::mental_health, OrgType::social_care};
const char* to_string(OrgType type);
std::optional<OrgType> org_type_from_string(const std::string& text);

struct DocumentType {
  std::string name;
  std::optional<Hours> target;  // timeliness target (e.g. 24 h for discharge summaries)
  bool versioned = true;        // a newer document of this type for the same patient supersedes older ones
  double size_bytes = 0;        // where bandwidth matters (scanned bundles, images); 0 = negligible
  // Human failure modes (LANGUAGE.md "Human failure modes"); 0 = never.
  std::array<double, 5> never_sent{};  // by source OrgType: a written document is never sent
  double action_share = 0;             // share of copies that need action by the recipient
  Hours action_within = 0;             // ... possible within this time of creation, else late
};

struct AccessProfile {
  std::string name;
  double look_probability = 1.0;  // chance the clinician looks in this place at an encounter
  Distribution look_time = Distribution::fixed(0);   // hours spent looking (once per place per encounter)
  double phone_probability = 0.0;                    // chance of phoning the source when nothing is found
  Distribution phone_time = Distribution::fixed(0);  // hours per phone call
  double phone_success_probability = 1.0;            // chance the call obtains the information
};

// Capacity reduced to `capacity_share` of normal during [start, start + duration).
struct CapacityPhase {
  Hours start = 0;
  Hours duration = 0;
  double capacity_share = 1.0;
};

struct PlannedDowntime {
  Hours first_start = 0;  // first window starts here
  Hours every = 0;        // repeat period; 0 = once
  Hours duration = 0;
};

struct RandomFailures {
  Distribution time_between;  // up-time between failures
  Distribution duration;      // time to repair
};

struct Incident {  // a scripted outage, e.g. a ransomware attack
  std::string name;
  Hours start = 0;
  Hours duration = 0;                   // fully down
  std::vector<CapacityPhase> recovery;  // degraded phases after it, start relative to the incident's end
};

struct SilentFailure {  // an interface silently withholds a share of items until detected
  Hours start = 0;
  double share = 1.0;
  Distribution detection_delay;  // after detection the withheld items are re-sent as a backlog
};

struct Availability {
  std::vector<PlannedDowntime> planned;
  std::optional<RandomFailures> failures;
  std::vector<Incident> incidents;
  std::vector<CapacityPhase> degraded;
  std::vector<SilentFailure> silent_failures;
  bool always_up() const {
    return planned.empty() && !failures && incidents.empty() && degraded.empty() && silent_failures.empty();
  }
};

// Infrastructure (see LANGUAGE.md): zones are shared places systems run in and may nest; links are
// networks joining zones and systems; an incident fails a zone (every system in it, transitively) or a
// link (every route through it). Empty when the scenario declares none: each system is then its own host.
struct Zone {
  std::string name;
  std::string kind;                  // hosting, data_centre, server_room, cloud, site, other
  std::string parent;                // the zone it sits in; "" = top level (parents never form a cycle)
  std::vector<std::string> systems;  // systems placed directly here (each system in at most one zone)
};

struct NetworkLink {
  std::string name;
  std::string kind;                   // health_network, internet, supplier_link, private, other
  Hours latency = 0;                  // one way, >= 0
  double bytes_per_second = 0;        // > 0, shared by the flows crossing the link
  std::vector<std::string> connects;  // zones and systems it joins
};

struct InfrastructureIncident {
  std::string zone;  // exactly one of zone and link is set
  std::string link;
  Incident incident;  // recovery phases cut the zone's systems' capacity or the link's bandwidth
};

struct Infrastructure {
  std::map<std::string, Zone> zones;
  std::map<std::string, NetworkLink> links;
  std::vector<InfrastructureIncident> incidents;  // declaration order
  bool declared() const { return !zones.empty() || !links.empty(); }
};

struct System {
  std::string name;
  std::string kind;  // epr, gp_system, social_care_system, integration_engine, hub, spine, ...
  std::optional<double> capacity_per_hour;  // items per hour per server; none = not a bottleneck
  int servers = 1;                          // items served at once, each at capacity_per_hour (>= 1)
  std::string access_profile;               // how clinicians look at records held here
  Availability availability;
};

struct StaffShift {  // from `from` on, the pool has `count` people (LANGUAGE.md, staff `schedule`)
  Hours from = 0;    // whole days since the start, in hours
  int count = 0;     // >= 0
};

// A named person's absences (leave, sickness): away after `time_between`, back after `duration`, in turn.
struct StaffAbsence {
  Distribution time_between;
  Distribution duration;
};

struct StaffPool {
  std::string name;  // unique within its organisation (e.g. "medical_secretaries")
  int count = 1;
  std::string calendar;                // working hours
  std::vector<StaffShift> schedule{};  // head counts over time, `from` strictly increasing; empty = `count`
  // Named: each item waits for one person of the pool (the one responsible for the patient's episode),
  // not for whoever is free; only named pools have absences, and they have no schedule.
  bool named = false;
  std::optional<StaffAbsence> absence{};
};

struct BackEntry {  // paper records created during downtime are keyed in after recovery
  std::string pool;
  Distribution duration;
  int priority = 0;  // in the pool's queue: lower first; 0 = in turn with the pool's other work at 0
};

// The organisation, expecting a document (created for one of its patients elsewhere), chases it by phone or
// message when it has not arrived `after` the document's clinical event: staff time at `pool`, and the
// document is obtained with `success_probability`.
struct Chase {
  std::string document;
  Hours after = 0;
  std::string pool;
  Distribution duration;
  double success_probability = 1.0;
};

struct Organisation {
  std::string name;           // instance name: "city_hospital", or "gp_practice#12" for template instances
  std::string template_name;  // the declared name ("gp_practice"); equals name when count was 1
  OrgType type = OrgType::acute;
  std::string system;    // the record system it uses
  double weight = 1.0;   // share of patients registered with / served by it, among its type
  std::string calendar;  // opening hours for encounters
  std::vector<StaffPool> staff;
  std::string downtime_channel;  // channel used for documents created while `system` is down ("" = wait)
  std::optional<BackEntry> back_entry;
  std::vector<Chase> chasing;  // at most one entry per document type
  const StaffPool* pool(const std::string& pool_name) const;
};

enum class StepKind { staff_task, transit, system, batch, publish, query, shared_store };
const char* to_string(StepKind kind);
enum class Side { source, destination };

// One step of a channel. Only the fields of its kind are meaningful.
struct Step {
  StepKind kind = StepKind::publish;
  // staff_task: a person from `pool` at the source or destination organisation does `task`.
  Side at = Side::source;
  std::string pool;
  std::string task;  // label for staff-time metrics: sign_off, print, scan, file, code, re_key, review, phone
  Distribution duration;
  int priority = 0;                // lower runs first; FIFO within a priority
  double abandon_probability = 0;  // the task is never done and the document is lost
  // An item still waiting (not started) `forget_after` after it queued is forgotten, with
  // `forget_probability` (one draw per item, made when it queues): the document is lost.
  Hours forget_after = 0;
  double forget_probability = 0;
  // transit: post, courier, fax, email, network hop.
  std::string mode;
  Distribution latency;
  double loss_probability = 0;
  double misdirection_probability = 0;
  Distribution misdirection_delay;     // extra delay for a misdirected item to reach the right place
  double misdirection_lost_share = 0;  // of misdirected items, the share never returned (lost)
  bool paper = false;                  // after this transit a physical copy is at the destination
  // system / query / shared_store / batch: the system involved. "@source" and "@destination" mean the
  // record system of the source or destination organisation.
  std::string system;
  bool fail_when_down = false;  // system: false = store and forward; true = fail and retry
  // system: an item that cannot start at once (down, or every server busy) while at least
  // `divert_when_waiting` items wait goes to `divert_to` instead ("" = never diverted).
  std::string divert_to;
  int divert_when_waiting = 0;
  int retry_attempts = 0;  // system with fail_when_down: retries before the item is lost
  Hours retry_interval = 0;
  // batch: runs at offset + k * every (offset within the period, e.g. 2 h for 02:00 nightly).
  Hours batch_every = 24;
  Hours batch_offset = 0;
  // publish: where the document becomes available ("" = the destination's record system).
  std::string into;
  // query: systems that must be up at the moment of need, besides `system`.
  std::vector<std::string> path;
  // publish / query / shared_store: the access profile clinicians use to read what this step makes
  // available (e.g. a query view); "" = the access profile of the system where the document is read.
  std::string access;
};

struct Channel {
  std::string name;
  std::vector<Step> steps;
  bool electronic() const;  // no paper transit and no manual re-keying step
  bool is_query() const { return !steps.empty() && steps.front().kind == StepKind::query; }
  bool is_shared_store() const { return !steps.empty() && steps.front().kind == StepKind::shared_store; }
};

struct DocumentCreation {
  std::string document;
  bool at_end = true;       // created when the encounter ends (discharge) or when it starts
  std::vector<OrgType> to;  // destination organisation types (the patient's organisations of those types)
  double probability = 1.0;
  Distribution delay;  // authoring delay after the encounter start/end
};

struct Need {
  std::string document;
  std::optional<OrgType> from;      // only documents created at this type of organisation
  Hours within = Calendar::kNever;  // recency window: only documents created at most this long ago (>= 0)
};

struct Transition {
  std::string to;  // state name
  double probability = 1.0;
  Distribution delay;  // time from leaving the state to the next encounter
};

struct State {
  std::string name;
  bool terminal = false;
  OrgType at = OrgType::acute;
  std::string encounter_type;  // label for reporting ("ed_attendance", "gp_appointment", ...)
  Distribution duration;       // time spent in the encounter (length of stay)
  std::vector<DocumentCreation> creates;
  std::vector<Need> needs;
  std::vector<Transition> transitions;  // probabilities sum to 1 unless terminal
  // The transition a uniform draw u in (0, 1) picks: the first whose cumulative probability exceeds u, the
  // last when rounding leaves the sum short of u. Needs at least one transition.
  const Transition& transition_for(double u) const;
};

struct Pathway {
  std::string name;
  double rate_per_1000_per_hour = 0;  // arrivals per 1,000 population per hour (mean over a week)
  // Language version 2: the rate per 1,000 people of each age band of Population::age_bands, in that
  // order (a band the pathway does not name has 0). Empty: every band at rate_per_1000_per_hour.
  std::vector<double> rate_per_1000_per_hour_by_band;
  double rate_for_band(std::size_t band) const {
    return rate_per_1000_per_hour_by_band.empty() ? rate_per_1000_per_hour
                                                  : rate_per_1000_per_hour_by_band[band];
  }
  std::array<double, 7> weekly_profile{};  // relative weights Mon..Sun (mean 1)
  std::array<double, 24> daily_profile{};  // relative weights by hour of day (mean 1)
  std::string start;
  std::vector<State> states;
  int state_index(const std::string& state_name) const;  // -1 if absent
};

struct ChannelShare {
  std::string channel;
  double share = 1.0;
};

// Which channel(s) carry documents matching the rule. Empty document / from / to = any.
struct FlowRule {
  std::string document;
  std::optional<OrgType> from;
  std::optional<OrgType> to;
  std::vector<std::string> from_orgs;  // narrows to named organisations (template names match all instances)
  std::vector<std::string> to_orgs;
  std::vector<ChannelShare> mix;  // shares sum to 1
  // The rule applies to documents created in [active_from, active_until): staged programmes.
  Hours active_from = 0;
  Hours active_until = std::numeric_limits<double>::infinity();
  int specificity() const;  // number of narrowing fields: the most specific matching rule wins
  bool active_at(Hours t) const { return t >= active_from && t < active_until; }
};

struct Design {
  std::string name;
  std::string description;
  std::vector<FlowRule> rules;
};

struct AdaptiveReplications {
  int min = 5;
  int max = 100;
  double target_relative_half_width = 0.05;
  std::vector<std::string> metrics;  // headline metric names that must meet the target
};

struct Experiment {
  Hours horizon = 24 * 365;
  Hours warm_up = 0;
  // Simulated before time 0 (>= 0): journeys only, so that the run starts with people mid-pathway and
  // histories of the recent past (engine/README.md, "Pre-history"). 0: the run starts from an empty world.
  // "auto": each pathway's own length, long enough that at most 1% of its steady-state journeys are missing.
  Hours pre_history = 0;
  bool pre_history_auto = false;
  bool warm_up_auto = false;  // "warm_up": "auto": the runner chooses it by MSER-5 (warm_up stays 0 here)
  int replications = 10;
  std::optional<AdaptiveReplications> adaptive;
  std::uint64_t seed = 1;
  std::string baseline;  // design that comparisons subtract
  bool event_log = false;
};

// Who serves a place for one type of organisation: an organisation instance, or a template whose
// instances share `share` by their weights.
struct PlaceService {
  std::string organisation;
  double share = 1.0;
};

// A place of the region (a locality or neighbourhood): its people, their age structure, and which
// organisations serve them. Shares of age bands sum to 1; for each organisation type the scenario has,
// the shares of served_by sum to 1.
struct Place {
  std::string name;
  std::int64_t people = 0;
  std::vector<double> age_shares;                      // by Population::age_bands, in that order
  std::array<std::vector<PlaceService>, 5> served_by;  // by OrgType
};

// Language version 2: the people of the area. Each arrival is a person of a place and an age band,
// who keeps their organisations and their history of documents across every pathway of the run.
// Version 1 (`population` an integer): every arrival is a new person, and `places` is empty.
struct Population {
  bool people_persist = false;  // version 2
  std::vector<std::string> age_bands;
  std::vector<Place> places;
};

struct Scenario {
  std::string name;
  std::string description;
  std::string source_file;
  std::int64_t population = 0;  // people in the area (version 2: the sum over places)
  Population people;            // version 2 places and age bands
  std::map<std::string, DocumentType> document_types;
  std::map<std::string, Calendar> calendars;  // includes "always"
  std::map<std::string, AccessProfile> access_profiles;
  std::map<std::string, System> systems;
  std::vector<Organisation> organisations;  // expanded instances, in declaration order
  std::map<std::string, Channel> channels;
  std::vector<Pathway> pathways;
  Infrastructure infrastructure;  // empty when the scenario declares none
  std::vector<Design> designs;    // all designs of the scenario
  std::string design;             // the one this Scenario was resolved for
  Experiment experiment;

  const Design& current_design() const;
  const Organisation* organisation(const std::string& instance_name) const;
  std::vector<const Organisation*> organisations_of(OrgType type) const;
};

}  // namespace recordflow
