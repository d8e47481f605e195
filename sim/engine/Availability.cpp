#include "engine/Availability.hpp"

#include <algorithm>
#include <set>

#include "scenario/Infrastructure.hpp"

namespace recordflow::engine {
namespace {

struct Interval {
  Hours start = 0;
  Hours end = 0;
  double share = 0;        // for degraded intervals
  const char* cause = "";  // down intervals: what takes the system down (AvailabilityChange::cause)
  const std::string* incident = nullptr;
  const std::string* zone = nullptr;
};

const AvailabilityChange* change_at(const std::vector<AvailabilityChange>& changes, Hours t) {
  auto it = std::upper_bound(changes.begin(), changes.end(), t,
                             [](Hours x, const AvailabilityChange& c) { return x < c.time; });
  if (it == changes.begin()) return nullptr;
  return &*(it - 1);
}

}  // namespace

bool SystemTimeline::up_at(Hours t) const {
  const AvailabilityChange* c = change_at(changes, t);
  return c == nullptr || c->up;
}

double SystemTimeline::share_at(Hours t) const {
  const AvailabilityChange* c = change_at(changes, t);
  return c == nullptr ? 1.0 : c->share;
}

Hours SystemTimeline::downtime(Hours from, Hours to) const {
  Hours total = 0;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    if (changes[i].up) continue;
    const Hours s = std::max(from, changes[i].time);
    const Hours e = std::min(to, i + 1 < changes.size() ? changes[i + 1].time : to);
    if (e > s) total += e - s;
  }
  return total;
}

const AvailabilityChange* SystemTimeline::down_change_at(Hours t) const {
  constexpr Hours kTolerance = 1e-6;  // SimGrid's clock is in seconds: allow for the round trip
  const AvailabilityChange* found = nullptr;
  for (const AvailabilityChange& c : changes) {
    if (c.time > t + kTolerance) break;
    if (c.up) {
      found = nullptr;
    } else if (found == nullptr) {
      found = &c;  // the start of the down run (later down changes only change the share)
    }
  }
  return found;
}

SystemTimeline build_timeline(const System& system, Hours horizon, RandomStream failures,
                              const std::vector<Incident>& hosting_incidents,
                              const std::vector<std::string>& hosting_zones) {
  Availability av = system.availability;
  const std::size_t own_incidents = av.incidents.size();
  av.incidents.insert(av.incidents.end(), hosting_incidents.begin(), hosting_incidents.end());
  std::vector<Interval> down;
  std::vector<Interval> degraded;

  for (const PlannedDowntime& p : av.planned) {
    if (p.duration <= 0) continue;
    for (Hours s = p.first_start; s < horizon; s += p.every) {
      down.push_back({s, s + p.duration, 0, "planned", nullptr, nullptr});
      if (p.every <= 0) break;
    }
  }
  for (std::size_t k = 0; k < av.incidents.size(); ++k) {
    const Incident& inc = av.incidents[k];
    const bool hosting = k >= own_incidents;
    const std::size_t z = k - own_incidents;
    if (inc.duration > 0)
      down.push_back({inc.start, inc.start + inc.duration, 0, hosting ? "zone_incident" : "incident",
                      &inc.name, hosting && z < hosting_zones.size() ? &hosting_zones[z] : nullptr});
    const Hours end = inc.start + inc.duration;
    for (const CapacityPhase& phase : inc.recovery)
      if (phase.duration > 0)
        degraded.push_back({end + phase.start, end + phase.start + phase.duration, phase.capacity_share, "",
                            nullptr, nullptr});
  }
  for (const CapacityPhase& d : av.degraded)
    if (d.duration > 0)
      degraded.push_back({d.start, d.start + d.duration, d.capacity_share, "", nullptr, nullptr});
  if (av.failures) {
    // Alternating renewal process: up for time_between, then down for duration.
    Hours t = 0;
    while (true) {
      t += av.failures->time_between.sample(failures);
      if (t >= horizon) break;
      const Hours repair = av.failures->duration.sample(failures);
      down.push_back({t, t + repair, 0, "failure", nullptr, nullptr});
      t += repair;
      if (repair <= 0 && av.failures->time_between.mean() <= 0) break;  // degenerate input: stop
    }
  }

  std::vector<Hours> points{0.0};
  for (const Interval& i : down) points.insert(points.end(), {i.start, i.end});
  for (const Interval& i : degraded) points.insert(points.end(), {i.start, i.end});
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());

  SystemTimeline timeline;
  bool prev_up = true;
  double prev_share = 1.0;
  for (Hours p : points) {
    if (p < 0) continue;
    if (p >= horizon) break;
    const Interval* cause = nullptr;  // the first down interval holding p
    for (const Interval& i : down)
      if (i.start <= p && p < i.end && cause == nullptr) cause = &i;
    const bool up = cause == nullptr;
    double share = 1.0;
    for (const Interval& i : degraded)
      if (i.start <= p && p < i.end) share = std::min(share, i.share);
    if (up != prev_up || share != prev_share) {
      AvailabilityChange change;
      change.time = p;
      change.up = up;
      change.share = share;
      if (!up) {
        change.cause = cause->cause;
        if (cause->incident != nullptr) change.incident = *cause->incident;
        if (cause->zone != nullptr) change.zone = *cause->zone;
      }
      timeline.changes.push_back(std::move(change));
      prev_up = up;
      prev_share = share;
    }
  }

  RandomStream silent_stream = failures.substream("silent");
  for (const SilentFailure& s : av.silent_failures) {
    const Hours delay = s.detection_delay.sample(silent_stream);
    timeline.silent.push_back({s.start, s.start + delay, s.share});
  }
  std::sort(timeline.silent.begin(), timeline.silent.end(),
            [](const SilentWindow& x, const SilentWindow& y) { return x.start < y.start; });
  return timeline;
}

SystemTimeline build_link_timeline(const std::vector<Incident>& incidents, Hours horizon) {
  System link;
  link.availability.incidents = incidents;
  return build_timeline(link, horizon, RandomStream(0, 0, "unused"));
}

bool NetworkAvailability::hop_up_at(const std::string& from, const std::string& to, Hours t) const {
  return hop_share_at(from, to, t) > 0;
}

double NetworkAvailability::hop_share_at(const std::string& from, const std::string& to, Hours t) const {
  const auto found = hops.find({from, to});
  if (found == hops.end()) return 1.0;
  double share = 1.0;
  for (const std::size_t link : found->second) {
    if (!links[link].up_at(t)) return 0.0;
    share = std::min(share, links[link].share_at(t));
  }
  return share;
}

std::vector<std::pair<std::string, std::string>> NetworkAvailability::hops_crossing(
    const std::string& link) const {
  std::vector<std::pair<std::string, std::string>> crossing;
  for (const auto& [hop, route] : hops) {
    for (const std::size_t l : route) {
      if (link_names[l] == link) crossing.push_back(hop);
    }
  }
  return crossing;  // map order: sorted
}

NetworkAvailability build_network_availability(const Scenario& scenario, const InfrastructureGraph& graph,
                                               const std::vector<std::pair<std::string, std::string>>& hops,
                                               Hours horizon) {
  NetworkAvailability network;
  std::map<std::string, std::size_t> index;
  for (const NetworkLink& link : graph.links()) {
    index[link.name] = network.link_names.size();
    network.link_names.push_back(link.name);
    network.links.push_back(build_link_timeline(link_incidents(scenario.infrastructure, link.name), horizon));
  }
  for (const auto& [from, to] : std::set<std::pair<std::string, std::string>>(hops.begin(), hops.end())) {
    const auto route = graph.route(from, to);
    if (!route) continue;
    auto& links = network.hops[{from, to}];
    for (const auto& name : route->links) links.push_back(index.at(name));
  }
  return network;
}

}  // namespace recordflow::engine
