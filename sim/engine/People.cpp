#include "engine/People.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace recordflow::engine {
namespace {

constexpr PersonIndex kNoPerson = ~PersonIndex{0};

// The place's organisations of one type: each named instance, or each instance of a named template
// sharing the template's share by their weights; cumulative shares ending at 1.
std::vector<std::pair<double, std::uint32_t>> place_services(const std::vector<PlaceService>& named,
                                                             const std::vector<Organisation>& orgs,
                                                             OrgType type) {
  std::vector<std::pair<double, std::uint32_t>> out;
  double running = 0;
  for (const PlaceService& service : named) {
    std::vector<std::uint32_t> members;
    double weights = 0;
    for (std::uint32_t o = 0; o < orgs.size(); ++o) {
      if (orgs[o].type != type) continue;
      if (orgs[o].name != service.organisation && orgs[o].template_name != service.organisation) continue;
      members.push_back(o);
      weights += std::max(0.0, orgs[o].weight);
    }
    if (members.empty())
      throw std::runtime_error("engine: place served by unknown organisation '" + service.organisation + "'");
    for (std::uint32_t o : members) {
      const double w =
          weights > 0 ? std::max(0.0, orgs[o].weight) / weights : 1.0 / static_cast<double>(members.size());
      running += service.share * w;
      out.emplace_back(running, o);
    }
  }
  if (!out.empty()) {
    for (auto& entry : out) entry.first /= running > 0 ? running : 1.0;
    out.back().first = 1.0;
  }
  return out;
}

// Version 1: every organisation of the type, by weight (all on the first when no weight is positive).
std::vector<std::pair<double, std::uint32_t>> weighted_services(const std::vector<Organisation>& orgs,
                                                                OrgType type) {
  std::vector<std::pair<double, std::uint32_t>> out;
  double total = 0;
  for (const Organisation& o : orgs)
    if (o.type == type) total += std::max(0.0, o.weight);
  double running = 0;
  for (std::uint32_t o = 0; o < orgs.size(); ++o) {
    if (orgs[o].type != type) continue;
    running += std::max(0.0, orgs[o].weight);
    out.emplace_back(total > 0 ? running / total : 1.0, o);
  }
  if (!out.empty()) out.back().first = 1.0;
  return out;
}

}  // namespace

People::People(const Scenario& scenario, int replication)
    : persist_(scenario.people.people_persist),
      person_root_(scenario.experiment.seed, static_cast<std::uint64_t>(replication), "person") {
  if (!persist_) {  // one pseudo-place: the whole scenario
    for (OrgType type : kAllOrgTypes) services_.push_back(weighted_services(scenario.organisations, type));
    return;
  }
  const Population& population = scenario.people;
  std::uint64_t first = 0;
  for (std::uint32_t p = 0; p < population.places.size(); ++p) {
    const Place& place = population.places[p];
    const auto people = static_cast<std::uint64_t>(place.people);
    double share_before = 0;
    std::uint64_t lo = 0;
    for (std::uint32_t b = 0; b < population.age_bands.size(); ++b) {
      share_before += place.age_shares[b];
      const bool last = b + 1 == population.age_bands.size();
      const std::uint64_t hi =
          last ? people
               : std::min(people, static_cast<std::uint64_t>(std::floor(share_before * people + 1e-9)));
      cells_.push_back(Cell{p, b, first + lo, hi > lo ? hi - lo : 0});
      lo = std::max(lo, hi);
    }
    first += people;
    for (OrgType type : kAllOrgTypes)
      services_.push_back(
          place_services(place.served_by[static_cast<std::size_t>(type)], scenario.organisations, type));
  }
  slot_.assign(first, kNoPerson);
  for (const Pathway& pathway : scenario.pathways) {
    std::vector<double> cumulative;
    double total = 0;
    for (const Cell& cell : cells_) {
      total += static_cast<double>(cell.count) / 1000.0 * pathway.rate_for_band(cell.band);
      cumulative.push_back(total);
    }
    for (double& c : cumulative) c = total > 0 ? c / total : 1.0;
    if (!cumulative.empty()) cumulative.back() = 1.0;
    cumulative_.push_back(std::move(cumulative));
    pathway_rate_.push_back(total);
  }
}

PersonIndex People::arrive(std::size_t pathway, RandomStream& arrival_stream) {
  const double u_cell = arrival_stream.uniform01();
  const double u_person = arrival_stream.uniform01();
  const auto& cumulative = cumulative_[pathway];
  auto at = static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), u_cell) -
                                     cumulative.begin());
  at = std::min(at, cells_.size() - 1);
  while (cells_[at].count == 0 && at > 0) --at;  // a zero-width step (an empty cell) is never chosen
  const Cell& cell = cells_[at];
  const auto offset =
      std::min(cell.count - 1, static_cast<std::uint64_t>(u_person * static_cast<double>(cell.count)));
  const std::uint64_t number = cell.first + offset;
  PersonIndex& slot = slot_[number];
  if (slot == kNoPerson) slot = create(number, cell);
  return slot;
}

PersonIndex People::create(std::uint64_t number, const Cell& cell) {
  Person person;
  person.number = number;
  person.place = cell.place;
  person.band = cell.band;
  RandomStream rng = person_root_.substream(number);
  draw_organisations(person, cell.place, rng);
  const auto index = static_cast<PersonIndex>(persons_.size());
  persons_.push_back(std::move(person));
  return index;
}

PersonIndex People::add(std::uint64_t number, RandomStream& rng) {
  Person person;
  person.number = number;
  draw_organisations(person, 0, rng);
  const auto index = static_cast<PersonIndex>(persons_.size());
  persons_.push_back(std::move(person));
  return index;
}

// One draw per organisation type, in type order, whether or not the type has an organisation.
void People::draw_organisations(Person& person, std::uint32_t place, RandomStream& rng) const {
  for (std::size_t type = 0; type < 5; ++type) {
    const double u = rng.uniform01();
    for (const auto& [limit, org] : services_[place * 5 + type]) {
      if (u < limit) {
        person.orgs[type] = org;
        break;
      }
    }
  }
}

}  // namespace recordflow::engine
