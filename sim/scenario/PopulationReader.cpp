#include "scenario/PopulationReader.hpp"

#include <stdexcept>

#include "scenario/Quantities.hpp"

namespace recordflow {

using nlohmann::json;

void read_population(const json& doc, Scenario& scenario) {
  scenario.people = Population{};
  const auto version = doc.value("recordflow", 1);
  const auto it = doc.find("population");
  if (it == doc.end()) return;
  if (it->is_number_integer()) {
    scenario.population = it->get<std::int64_t>();
    return;
  }
  Population& people = scenario.people;
  people.people_persist = version >= 2;
  for (const auto& band : it->at("age_bands")) people.age_bands.push_back(band.get<std::string>());
  std::int64_t total = 0;
  for (const auto& [name, p] : it->at("places").items()) {
    Place place;
    place.name = name;
    place.people = p.at("people").get<std::int64_t>();
    total += place.people;
    const json& age = p.at("age");
    for (const auto& band : people.age_bands) place.age_shares.push_back(age.value(band, 0.0));
    for (const auto& [type_name, services] : p.at("served_by").items()) {
      const auto type = org_type_from_string(type_name);
      if (!type)
        throw std::invalid_argument("unknown organisation type '" + type_name + "' in place " + name);
      for (const auto& [organisation, share] : services.items())
        place.served_by[static_cast<std::size_t>(*type)].push_back({organisation, share.get<double>()});
    }
    people.places.push_back(std::move(place));
  }
  scenario.population = total;
}

std::vector<double> read_band_rates(const json& arrivals, const Population& people) {
  std::vector<double> rates;
  const auto it = arrivals.find("rate_per_1000_by_age");
  if (it == arrivals.end()) return rates;
  rates.assign(people.age_bands.size(), 0.0);
  for (std::size_t b = 0; b < people.age_bands.size(); ++b) {
    if (!it->contains(people.age_bands[b])) continue;
    std::string error;
    const auto rate = read_rate((*it)[people.age_bands[b]], &error);
    if (!rate) throw std::invalid_argument("rate_per_1000_by_age/" + people.age_bands[b] + ": " + error);
    rates[b] = *rate;
  }
  return rates;
}

}  // namespace recordflow
