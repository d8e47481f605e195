// RouteVolumeReader: the measured volume per route of one design, read from a results document for
// `recordflow graph --results`: the summary mean of `copies_by_route` {source, destination, channel} (copies created
// after warm-up, absent replications counting 0) scaled to copies per year, mean x 8760 / (horizon_hours
// - warm_up_hours) of the manifest. Checks that the document is complete results of this scenario (same
// scenario name; every route's organisation groups, templates or names, and channel exist in it), not a sweep, and that it holds the
// design; otherwise throws std::invalid_argument with the file and the JSON path concerned.
#pragma once

#include <string>
#include <vector>

#include "scenario/Scenario.hpp"
#include "topology/DotVolumes.hpp"

namespace recordflow {

// `path`: a results.json file or the directory holding it. Routes sorted by (from, to, channel).
std::vector<RouteVolume> read_route_volumes(const std::string& path, const Scenario& scenario,
                                            const std::string& design);

}  // namespace recordflow
