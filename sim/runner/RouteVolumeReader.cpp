#include "runner/RouteVolumeReader.hpp"

#include <algorithm>
#include <stdexcept>
#include <tuple>

#include "runner/Comparison.hpp"

namespace recordflow {
namespace {

using Json = nlohmann::json;

[[noreturn]] void fail(const std::string& path, const std::string& pointer, const std::string& message) {
  throw std::invalid_argument(path + ": " + pointer + ": " + message);
}

double number_at(const Json& object, const std::string& key, const std::string& path, const std::string& at) {
  if (!object.is_object() || !object.contains(key) || !object.at(key).is_number())
    fail(path, at + "/" + key, "expected a number");
  return object.at(key).get<double>();
}

std::string dim(const Json& row, const std::string& key, const std::string& path, const std::string& at) {
  const Json& dims = row.at("dims");
  if (!dims.is_object() || !dims.contains(key) || !dims.at(key).is_string())
    fail(path, at + "/dims/" + key, "expected a string");
  return dims.at(key).get<std::string>();
}

bool has_group(const Scenario& scenario, const std::string& name) {
  return std::any_of(scenario.organisations.begin(), scenario.organisations.end(),
                     [&name](const Organisation& org) { return organisation_group(org) == name; });
}

}  // namespace

std::vector<RouteVolume> read_route_volumes(const std::string& path, const Scenario& scenario,
                                            const std::string& design) {
  const Json document = read_results(path);  // throws std::invalid_argument / std::runtime_error
  if (!document.is_object() || document.value("format", "") != "recordflow-results")
    fail(path, "/format", "not a recordflow results document");
  const Json& manifest = document.contains("manifest") ? document.at("manifest") : Json();
  if (!manifest.is_object()) fail(path, "/manifest", "missing");
  if (manifest.contains("points"))
    fail(path, "/manifest/points", "results of a sweep: run the scenario itself");
  const Json name = manifest.contains("scenario") && manifest.at("scenario").is_object()
                        ? manifest.at("scenario").value("name", Json())
                        : Json();
  if (name != Json(scenario.name))
    fail(path, "/manifest/scenario/name",
         "results of scenario " + name.dump() + ", not of \"" + scenario.name + "\"");
  const Json designs = manifest.value("designs", Json::array());
  if (std::find(designs.begin(), designs.end(), Json(design)) == designs.end())
    fail(path, "/manifest/designs", "no design \"" + design + "\" (designs: " + designs.dump() + ")");
  const double measured = number_at(manifest, "horizon_hours", path, "/manifest") -
                          number_at(manifest, "warm_up_hours", path, "/manifest");
  if (!(measured > 0)) fail(path, "/manifest/horizon_hours", "no measured period after the warm-up");
  const Json& summary = document.contains("summary") ? document.at("summary") : Json();
  if (!summary.is_array()) fail(path, "/summary", "expected an array");

  std::vector<RouteVolume> routes;
  bool any_route = false;
  for (std::size_t i = 0; i < summary.size(); ++i) {
    const Json& row = summary[i];
    const std::string at = "/summary/" + std::to_string(i);
    if (!row.is_object() || row.value("metric", "") != "copies_by_route") continue;
    any_route = true;
    if (row.value("design", "") != design) continue;
    if (!row.contains("dims")) fail(path, at + "/dims", "missing");
    RouteVolume route{dim(row, "source", path, at), dim(row, "destination", path, at),
                      dim(row, "channel", path, at), number_at(row, "mean", path, at) * 8760.0 / measured};
    for (const auto& [key, organisation] :
         {std::pair{"source", &route.from}, std::pair{"destination", &route.to}}) {
      if (!has_group(scenario, *organisation))
        fail(path, at + "/dims/" + key,
             "\"" + *organisation +
                 "\" is no organisation template or organisation of the scenario: results of another "
                 "scenario or version");
    }
    if (!scenario.channels.contains(route.channel))
      fail(path, at + "/dims/channel",
           "channel \"" + route.channel + "\" is not in the scenario: not results of this scenario");
    routes.push_back(std::move(route));
  }
  if (!any_route)
    fail(path, "/summary", "no copies_by_route rows: results written before routes were counted; run again");
  std::sort(routes.begin(), routes.end(), [](const RouteVolume& a, const RouteVolume& b) {
    return std::tie(a.from, a.to, a.channel) < std::tie(b.from, b.to, b.channel);
  });
  return routes;
}

}  // namespace recordflow
