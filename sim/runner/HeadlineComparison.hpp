// HeadlineComparison: the table `recordflow compare` prints by default, one block per pair of designs
// (and sweep point): each requested metric with its unit, the mean of each design, the paired difference
// (design - baseline, over the replications both hold: common random numbers) with its 95 % Student-t
// interval, and a verdict in words: "better" or "worse" when the interval excludes 0 (in the metric's
// good direction, MetricCatalogue), else "no clear difference"; metrics with no good direction say
// "higher" or "lower". Shares are shown in % and their differences in percentage points.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "runner/MetricCatalogue.hpp"
#include "runner/ReplicationRecord.hpp"
#include "stats/Estimate.hpp"
#include "stats/PairedDifference.hpp"

namespace recordflow {

using ValuesByMetric = std::map<MetricKey, ValuesByReplication>;

struct ComparedDesign {
  std::string title;  // what the reader sees: the design's label, or its name
  ValuesByMetric values;
};

// The verdict for a paired difference of metric `info` (nullptr: a metric outside the catalogue).
std::string verdict(const MetricInfo* info, const Estimate& difference);

// `heading` opens the block (e.g. the sweep point); metrics are shown in the order given, each with its
// overall row, or its breakdown rows when it has no overall one.
void print_headline_comparison(const std::string& heading, const ComparedDesign& design,
                               const ComparedDesign& baseline, const std::vector<std::string>& metrics,
                               std::ostream& out);

}  // namespace recordflow
