#include "recorder/OutageLedger.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <string>
#include <tuple>

namespace recordflow {
namespace {

constexpr double kOpen = std::numeric_limits<double>::quiet_NaN();

// The episodes of one zone or link from its incidents (declaration order): overlapping or touching down
// intervals merge into one episode that keeps the first incident's name; episodes starting at or after
// `end_time` are left out, and one still down at `end_time` stays open.
void add_incident_episodes(const std::string& level, const std::string& name, const char* cause,
                           std::vector<const Incident*> incidents, Hours end_time,
                           std::vector<OutageEpisode>& out) {
  std::erase_if(incidents, [&](const Incident* i) { return i->duration <= 0 || i->start >= end_time; });
  std::stable_sort(incidents.begin(), incidents.end(),
                   [](const Incident* a, const Incident* b) { return a->start < b->start; });
  const bool zone = level == "zone";
  for (std::size_t k = 0; k < incidents.size();) {
    OutageEpisode e{level,
                    name,
                    incidents[k]->start,
                    incidents[k]->start + incidents[k]->duration,
                    cause,
                    incidents[k]->name,
                    zone ? name : std::string(),
                    false,
                    kOpen};
    for (++k; k < incidents.size() && incidents[k]->start <= e.end; ++k)
      e.end = std::max(e.end, incidents[k]->start + incidents[k]->duration);
    if (e.end >= end_time) e.end = kOpen;
    out.push_back(std::move(e));
  }
}

}  // namespace

OutageLedger::SystemBook& OutageLedger::book(const std::string* name) {
  const std::uint32_t id = names_.intern(name);
  if (id >= books_.size()) books_.resize(id + 1);
  return books_[id];
}

void OutageLedger::state(const SystemState& event) {
  SystemBook& b = book(event.system);
  if (!event.up && b.open == kClosed) {
    b.open = episodes_.size();
    b.pre_outage_length = b.length;
    episodes_.push_back({"system", event.system != nullptr ? *event.system : std::string(), event.time, kOpen,
                         event.cause != nullptr ? event.cause : "", event.incident ? *event.incident : "",
                         event.zone ? *event.zone : "", false, kOpen});
  } else if (event.up && b.open != kClosed) {
    OutageEpisode& e = episodes_[b.open];
    e.end = event.time;
    if (b.length > b.pre_outage_length) {
      e.left_backlog = true;
      b.pending.push_back({b.open, event.time, b.pre_outage_length});
    }
    b.open = kClosed;
  }
}

void OutageLedger::queue(const QueueLength& event) {
  if (!event.is_system) return;
  SystemBook& b = book(event.queue);
  b.length = event.length;
  auto cleared = [&](const PendingClear& p) { return event.length <= p.pre_outage_length; };
  for (const PendingClear& p : b.pending)
    if (cleared(p)) episodes_[p.episode].backlog_clear_time = event.time - p.recovered_at;
  std::erase_if(b.pending, cleared);
}

void OutageLedger::report(ReplicationResult& result, Hours end_time) const {
  std::vector<OutageEpisode> episodes = episodes_;
  const Infrastructure& infra = scenario_.infrastructure;
  std::map<std::string, std::vector<const Incident*>> zones, links;
  for (const InfrastructureIncident& i : infra.incidents) {
    if (!i.zone.empty()) zones[i.zone].push_back(&i.incident);
    if (!i.link.empty()) links[i.link].push_back(&i.incident);
  }
  for (const auto& [zone, incidents] : zones)
    add_incident_episodes("zone", zone, "zone_incident", incidents, end_time, episodes);
  for (const auto& [link, incidents] : links)
    add_incident_episodes("link", link, "link_incident", incidents, end_time, episodes);
  std::stable_sort(episodes.begin(), episodes.end(), [](const OutageEpisode& a, const OutageEpisode& b) {
    return std::tie(a.level, a.name, a.start) < std::tie(b.level, b.name, b.start);
  });
  result.outage_episodes = std::move(episodes);
}

}  // namespace recordflow
