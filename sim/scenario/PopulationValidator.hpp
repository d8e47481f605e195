// PopulationValidator: the semantic rules of people by place (LANGUAGE.md, "People (version 2)") that
// the JSON Schema cannot express, on a composed scenario document. A population object goes with
// "recordflow": 2 and version 2 with a population object; a place's age shares name declared bands and
// sum to 1 (1e-6); its served_by names organisation types, and for each an organisation instance or
// template of that type, with shares summing to 1, and covers every type the scenario has organisations
// of; places hold at most 100,000,000 people in all. A pathway's rate_per_1000_by_age needs a population
// object, names declared bands, replaces rate_per_1000 and has a positive rate; a need's `within` is a
// duration of at least 0. Every problem is reported at its JSON path; types are the schema's business
// (entries of the wrong type are skipped here). Never throws.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>

#include "scenario/ValidationReport.hpp"

namespace recordflow {

constexpr double kPopulationShareTolerance = 1e-6;    // age and served_by shares sum to 1 within this
constexpr std::int64_t kMaxPopulation = 100'000'000;  // people in the area, over all places

void validate_population(const nlohmann::json& document, ValidationReport& report);

}  // namespace recordflow
