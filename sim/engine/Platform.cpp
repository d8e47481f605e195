#include "engine/Platform.hpp"

#include <simgrid/kernel/ProfileBuilder.hpp>
#include <simgrid/s4u.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "scenario/Infrastructure.hpp"

namespace recordflow::engine {
namespace {

namespace sg4 = simgrid::s4u;
using simgrid::kernel::profile::DatedValue;
using simgrid::kernel::profile::ProfileBuilder;

constexpr double kSecondsPerHour = 3600.0;
constexpr double kLanBandwidth = 1.25e9;  // bytes/s (10 Gbit/s): assumption for a data centre LAN
constexpr double kLanLatency = 1e-4;      // s: assumption

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

// State (1 up, 0 down) and capacity-share changes of a timeline, in SimGrid seconds; `full` scales shares
// (1 for host speed factors, the bandwidth in bytes/s for links, whose profile values are absolute).
struct ProfileValues {
  std::vector<std::pair<double, double>> state;
  std::vector<std::pair<double, double>> share;
};

ProfileValues profile_values(const SystemTimeline& timeline, double full) {
  ProfileValues values;
  bool up = true;
  double share = 1.0;
  for (const AvailabilityChange& c : timeline.changes) {
    const double at = c.time * kSecondsPerHour;
    if (c.up != up) values.state.emplace_back(at, c.up ? 1.0 : 0.0);
    if (c.up && c.share != share) {
      values.share.emplace_back(at, c.share * full);
      share = c.share;
    }
    up = c.up;
  }
  return values;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "/") + part;
  return out;
}

}  // namespace

PlatformHandles build_platform(const Model& model, const Scenario& scenario, const Topology& topology) {
  const auto hops = topology.system_links();
  const InfrastructureGraph graph = InfrastructureGraph::build(scenario, hops);
  PlatformHandles handles;
  handles.network = build_network_availability(scenario, graph, hops, model.horizon());

  sg4::NetZone* zone = sg4::create_full_zone("recordflow");
  handles.control = zone->create_host("control", 1.0);
  handles.systems.assign(model.systems().size(), nullptr);
  std::map<std::string, sg4::Host*, std::less<>> by_name;
  for (const std::string& name : topology.systems()) {
    const Index index = model.find_system(name);
    if (index == kNone)
      throw std::runtime_error("engine: topology system '" + name + "' is not in the scenario");
    const SystemInfo& s = model.systems()[index];
    const double speed = s.capacity > 0 ? s.capacity / kSecondsPerHour : 1.0;
    handles.systems[index] = zone->create_host("system:" + name, speed);
    // One core per server, each at the capacity of one server.
    if (s.in_service.size() > 1)
      handles.systems[index]->set_core_count(static_cast<int>(s.in_service.size()));
    const auto zones = zones_holding(scenario.infrastructure, name);
    if (!zones.empty()) handles.systems[index]->set_property("zone", joined(zones));
    by_name[name] = handles.systems[index];
  }

  std::map<std::string, sg4::Link*> link_by_name;
  for (std::size_t i = 0; i < graph.links().size(); ++i) {
    const NetworkLink& declared = graph.links()[i];
    sg4::Link* link = zone->create_link("link:" + declared.name, declared.bytes_per_second)
                          ->set_latency(declared.latency * kSecondsPerHour);
    // Link profiles must be set before the link is sealed.
    const ProfileValues values = profile_values(handles.network.links[i], declared.bytes_per_second);
    if (!values.state.empty())
      link->set_state_profile(make_profile("state:link:" + declared.name, to_deltas(values.state)));
    if (!values.share.empty())
      link->set_bandwidth_profile(make_profile("bandwidth:link:" + declared.name, to_deltas(values.share)));
    link_by_name[declared.name] = link->seal();
    handles.links.push_back(link);
  }
  auto lan = [&](const std::string& a, const std::string& b) {
    const auto zones_a = zones_holding(scenario.infrastructure, a);
    const auto zones_b = zones_holding(scenario.infrastructure, b);
    std::string common = "platform";
    for (const auto& z : zones_a) {
      if (std::find(zones_b.begin(), zones_b.end(), z) != zones_b.end()) {
        common = z;
        break;
      }
    }
    auto [it, added] = link_by_name.emplace("lan:" + common, nullptr);
    if (added)
      it->second = zone->create_link("lan:" + common, kLanBandwidth)->set_latency(kLanLatency)->seal();
    return it->second;
  };

  std::set<std::pair<std::string, std::string>> routed;  // routes are symmetric: one per pair
  for (const auto& [a, b] : hops) {
    if (!routed.insert(std::minmax(a, b)).second) continue;
    sg4::Host* ha = by_name.count(a) ? by_name[a] : nullptr;
    sg4::Host* hb = by_name.count(b) ? by_name[b] : nullptr;
    if (ha == nullptr || hb == nullptr || ha == hb) continue;
    const auto path = graph.route(a, b);
    if (!path) throw std::runtime_error("engine: no network route from system '" + a + "' to '" + b + "'");
    std::vector<sg4::LinkInRoute> links;
    for (const auto& name : path->links) links.emplace_back(link_by_name.at(name));
    if (links.empty()) links.emplace_back(lan(a, b));
    zone->add_route(ha->get_netpoint(), hb->get_netpoint(), nullptr, nullptr, links, true);
  }
  zone->seal();

  for (std::size_t i = 0; i < model.systems().size(); ++i) {
    const SystemInfo& s = model.systems()[i];
    if (s.timeline.changes.empty() || handles.systems[i] == nullptr) continue;
    const ProfileValues values = profile_values(s.timeline, 1.0);
    if (!values.state.empty())
      handles.systems[i]->set_state_profile(make_profile("state:" + *s.name, to_deltas(values.state)));
    if (!values.share.empty())
      handles.systems[i]->set_speed_profile(make_profile("speed:" + *s.name, to_deltas(values.share)));
  }
  return handles;
}

}  // namespace recordflow::engine
