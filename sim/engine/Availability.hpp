// Availability: the precomputed timeline of one system over the horizon: when it is down (planned
// windows, random failures, scripted incidents) and at what share of its capacity it runs (incident
// recovery phases, degraded periods), plus its silent-failure windows. Computed once per replication from
// the system's own named stream, so every design of a replication sees the same failures; incidents of
// the zones holding the system are part of it. The engine builds SimGrid's host state and speed profiles
// from it; the model learns the state from SimGrid's callbacks and uses the change instants only as sync
// points (Lookahead.hpp). Links have timelines too (NetworkAvailability).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/RandomStream.hpp"
#include "scenario/Scenario.hpp"
#include "topology/InfrastructureGraph.hpp"

namespace recordflow::engine {

// The state that holds from `time` until the next change. Consecutive changes differ.
// A change to down names what took the system down: the down interval holding `time` that comes first
// in the order planned windows, own incidents, zone incidents, random failures (overlapping causes do
// not split an outage; the one in force when it started is its cause).
struct AvailabilityChange {
  Hours time = 0;
  bool up = true;
  double share = 1.0;      // capacity share while up
  const char* cause = "";  // down only: planned, incident, zone_incident, failure
  std::string incident;    // down by an incident: its name
  std::string zone;        // down by a zone incident: the zone
};

// From `start` a share of the items passing the system is withheld, until `detect`.
struct SilentWindow {
  Hours start = 0;
  Hours detect = 0;
  double share = 0;
};

struct SystemTimeline {
  std::vector<AvailabilityChange> changes;  // sorted by time; before the first change: up, share 1
  std::vector<SilentWindow> silent;         // sorted by start

  bool up_at(Hours t) const;
  double share_at(Hours t) const;
  // Hours of downtime within [from, to).
  Hours downtime(Hours from, Hours to) const;
  // The last change to down at or before t (within a rounding tolerance): what took the system down at t.
  const AvailabilityChange* down_change_at(Hours t) const;
};

// `failures` is the stream "system/<name>/failures" of the replication; silent-failure detection delays
// come from its sub-stream "silent" so that adding one never shifts the failure draws. `hosting_incidents`
// are the incidents of the zones holding the system (scenario/Infrastructure.hpp, zone_incidents_hitting):
// each takes the system down and degrades it exactly as one of its own incidents would. `hosting_zones`
// names the zone of each hosting incident (for the cause of the outages; may be empty).
SystemTimeline build_timeline(const System& system, Hours horizon, RandomStream failures,
                              const std::vector<Incident>& hosting_incidents = {},
                              const std::vector<std::string>& hosting_zones = {});

// A network link's timeline from its incidents: down while one holds, then `share` is the share of its
// bandwidth in each recovery phase. Deterministic (no random draws).
SystemTimeline build_link_timeline(const std::vector<Incident>& incidents, Hours horizon);

// NetworkAvailability: what the model needs to know of the network. Each platform link has a timeline;
// each electronic hop of the design (from system, to system) has the links its route crosses (the
// platform's routes, InfrastructureGraph::route). A hop is up at t when every link of its route is up, and
// runs at the smallest bandwidth share among them; a hop whose route crosses no link, or that is not a hop
// of the design, is always up. Link incidents reach the model only through this structure: a system step
// whose previous system is `from` should treat the hop (from, to) being down as the destination being
// unreachable (queue or fail as for a system outage).
struct NetworkAvailability {
  std::vector<std::string> link_names;  // the platform's links (InfrastructureGraph::links() order)
  std::vector<SystemTimeline> links;    // by link index; no changes = always up at full bandwidth
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> hops;  // hop -> its route's links

  bool hop_up_at(const std::string& from, const std::string& to, Hours t) const;
  double hop_share_at(const std::string& from, const std::string& to, Hours t) const;  // 0 when down
  // The hops whose route crosses `link`: the flows an incident on it cuts. Sorted.
  std::vector<std::pair<std::string, std::string>> hops_crossing(const std::string& link) const;
};

NetworkAvailability build_network_availability(const Scenario& scenario, const InfrastructureGraph& graph,
                                               const std::vector<std::pair<std::string, std::string>>& hops,
                                               Hours horizon);

}  // namespace recordflow::engine
