#include "engine/Platform.hpp"

#include <simgrid/kernel/ProfileBuilder.hpp>
#include <simgrid/s4u.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

namespace recordflow::engine {
namespace {

namespace sg4 = simgrid::s4u;
using simgrid::kernel::profile::DatedValue;
using simgrid::kernel::profile::ProfileBuilder;

constexpr double kSecondsPerHour = 3600.0;
constexpr double kLinkBandwidth = 125e6;  // bytes/s (1 Gbit/s)
constexpr double kLinkLatency = 0.005;    // s

// SimGrid profile entries carry the delay since the previous entry (the first: since t = 0).
std::vector<DatedValue> to_deltas(const std::vector<std::pair<double, double>>& absolute) {
  std::vector<DatedValue> out;
  double previous = 0;
  for (const auto& [time, value] : absolute) {
    out.emplace_back(time - previous, value);
    previous = time;
  }
  return out;
}

simgrid::kernel::profile::Profile* make_profile(const std::string& name, std::vector<DatedValue> values) {
  // Not repeating: SimGrid calls back when the values run out; the timeline is complete, so add nothing.
  auto filled = std::make_shared<bool>(false);
  return ProfileBuilder::from_callback(
      name,
      [values = std::move(values), filled](std::vector<DatedValue>& out) {
        if (*filled) return;
        *filled = true;
        out.insert(out.end(), values.begin(), values.end());
      },
      -1);
}

}  // namespace

PlatformHandles build_platform(const Model& model, const std::vector<std::string>& systems,
                               const std::vector<std::pair<std::string, std::string>>& links) {
  PlatformHandles handles;
  sg4::NetZone* zone = sg4::create_full_zone("recordflow");
  handles.control = zone->create_host("control", 1.0);
  handles.systems.assign(model.systems().size(), nullptr);
  std::map<std::string, sg4::Host*, std::less<>> by_name;
  for (const std::string& name : systems) {
    const Index index = model.find_system(name);
    if (index == kNone)
      throw std::runtime_error("engine: topology system '" + name + "' is not in the scenario");
    const SystemInfo& s = model.systems()[index];
    const double speed = s.capacity > 0 ? s.capacity / kSecondsPerHour : 1.0;
    handles.systems[index] = zone->create_host("system:" + name, speed);
    by_name[name] = handles.systems[index];
  }
  auto host_of = [&](const std::string& name) -> sg4::Host* {
    auto it = by_name.find(name);
    return it == by_name.end() ? nullptr : it->second;
  };
  std::set<std::pair<std::string, std::string>> linked;  // links are directed in the topology: one per pair
  for (const auto& [a, b] : links) {
    if (!linked.insert(std::minmax(a, b)).second) continue;
    sg4::Host* ha = host_of(a);
    sg4::Host* hb = host_of(b);
    if (ha == nullptr || hb == nullptr || ha == hb) continue;
    sg4::Link* link =
        zone->create_link("link:" + a + "--" + b, kLinkBandwidth)->set_latency(kLinkLatency)->seal();
    zone->add_route(ha->get_netpoint(), hb->get_netpoint(), nullptr, nullptr, {sg4::LinkInRoute(link)}, true);
  }
  zone->seal();

  for (std::size_t i = 0; i < model.systems().size(); ++i) {
    const SystemInfo& s = model.systems()[i];
    if (s.timeline.changes.empty() || handles.systems[i] == nullptr) continue;
    std::vector<std::pair<double, double>> state;
    std::vector<std::pair<double, double>> speed;
    bool up = true;
    double share = 1.0;
    for (const AvailabilityChange& c : s.timeline.changes) {
      const double at = c.time * kSecondsPerHour;
      if (c.up != up) state.emplace_back(at, c.up ? 1.0 : 0.0);
      if (c.up && c.share != share) {
        speed.emplace_back(at, c.share);
        share = c.share;
      }
      up = c.up;
    }
    if (!state.empty())
      handles.systems[i]->set_state_profile(make_profile("state:" + *s.name, to_deltas(state)));
    if (!speed.empty())
      handles.systems[i]->set_speed_profile(make_profile("speed:" + *s.name, to_deltas(speed)));
  }
  return handles;
}

}  // namespace recordflow::engine
