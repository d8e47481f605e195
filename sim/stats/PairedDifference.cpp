#include "stats/PairedDifference.hpp"

namespace recordflow {

std::vector<double> paired_differences(const ValuesByReplication& design,
                                       const ValuesByReplication& baseline) {
  std::vector<double> differences;
  for (const auto& [replication, value] : design) {
    const auto other = baseline.find(replication);
    if (other != baseline.end()) differences.push_back(value - other->second);
  }
  return differences;
}

Estimate paired_difference(const ValuesByReplication& design, const ValuesByReplication& baseline,
                           double confidence) {
  const std::vector<double> differences = paired_differences(design, baseline);
  return estimate(differences, confidence);
}

}  // namespace recordflow
