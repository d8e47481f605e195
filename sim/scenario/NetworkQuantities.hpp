// NetworkQuantities: reads the network values of the scenario language: bandwidths ("1 Gbit/s",
// "100 Mbit/s", "10 MB/s"; decimal prefixes, bits or bytes) into bytes per second, and data sizes (an
// integer of bytes or "2.5 MB"; decimal prefixes) into bytes. Each reader returns nullopt and an
// explanation when the value is malformed; a well-formed value may still be 0 (validation rejects it
// where it must be positive).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace recordflow {

std::optional<double> read_bandwidth(const nlohmann::json& value, std::string* error = nullptr);
std::optional<double> read_data_size(const nlohmann::json& value, std::string* error = nullptr);

}  // namespace recordflow
