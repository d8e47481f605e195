// PopulationReader: the people of a scenario (language version 2) from its validated JSON.
// `population` is either an integer (version 1: every arrival a new person, no places) or an object
// {"age_bands": [..], "places": {name: {"people", "age": {band: share}, "served_by": {org type:
// {organisation or template: share}}}}}. A pathway's `arrivals.rate_per_1000_by_age` ({band: rate})
// gives its rate per age band. Called on a document the validator has passed: malformed input throws
// std::invalid_argument, it never guesses.
#pragma once

#include <nlohmann/json.hpp>

#include "scenario/Scenario.hpp"

namespace recordflow {

// Fills scenario.people and scenario.population (the total) from doc["population"] and the language
// version doc["recordflow"].
void read_population(const nlohmann::json& doc, Scenario& scenario);

// The pathway's rates per 1,000 people per hour, by the population's age bands (empty when the arrivals
// give one rate for everyone).
std::vector<double> read_band_rates(const nlohmann::json& arrivals, const Population& people);

}  // namespace recordflow
