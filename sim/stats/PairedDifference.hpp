// PairedDifference: comparison of a design with the baseline under common random numbers
// (DESIGN.md "Statistics"). Replication i of the design pairs with replication i of the baseline; the
// estimate is over the differences design[i] - baseline[i] of the replications present in both.
// Identical inputs give differences of exactly zero, hence a mean of 0 and a zero-width interval.
#pragma once

#include <map>
#include <vector>

#include "stats/Estimate.hpp"

namespace recordflow {

using ValuesByReplication = std::map<int, double>;  // replication index -> value

// design[i] - baseline[i] for every i in both, in increasing i.
std::vector<double> paired_differences(const ValuesByReplication& design,
                                       const ValuesByReplication& baseline);

Estimate paired_difference(const ValuesByReplication& design, const ValuesByReplication& baseline,
                           double confidence = kDefaultConfidence);

}  // namespace recordflow
