#include "runner/ParameterSets.hpp"

#include "runner/AtomicFile.hpp"
#include "stats/LatinHypercube.hpp"

namespace recordflow {

ParameterSets sample_parameter_sets(const std::vector<UncertainInput>& inputs, int count,
                                    std::uint64_t seed) {
  ParameterSets sets;
  sets.levels = latin_hypercube(count, static_cast<int>(inputs.size()), seed);
  for (const auto& row : sets.levels) {
    nlohmann::json point = nlohmann::json::object();
    for (std::size_t i = 0; i < inputs.size(); ++i) point[inputs[i].pointer] = inputs[i].value_at(row[i]);
    sets.overrides.push_back(std::move(point));
  }
  return sets;
}

bool larger_is_better(const std::string& metric) {
  return metric.rfind("share_within", 0) == 0 || metric == "copies_available" ||
         metric == "gaps_resolved_by_phone";
}

std::optional<nlohmann::json> read_results_at_points(const std::filesystem::path& dir,
                                                     const std::vector<nlohmann::json>& points,
                                                     const std::string& what, const std::string& hint,
                                                     std::ostream& err) {
  const std::filesystem::path file = dir / "results.json";
  nlohmann::json results;
  try {
    results = nlohmann::json::parse(read_file(file));
  } catch (const std::exception& e) {
    err << "recordflow: cannot read " << file.string() << ": " << e.what() << "\n";
    return std::nullopt;
  }
  const nlohmann::json& manifest_points = results.at("manifest").value("points", nlohmann::json::array());
  bool matches = manifest_points.size() == points.size();
  for (std::size_t s = 0; matches && s < points.size(); ++s)
    matches = manifest_points[s].value("factors", nlohmann::json::object()) == points[s];
  if (!matches) {
    err << file.string() << ": /manifest/points: these results are not " << what << " (hint: " << hint
        << ")\n";
    return std::nullopt;
  }
  return results;
}

}  // namespace recordflow
