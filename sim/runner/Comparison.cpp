#include "runner/Comparison.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

#include "runner/AtomicFile.hpp"
#include "runner/ResultsDocument.hpp"
#include "runner/SummaryTable.hpp"
#include "stats/PairedDifference.hpp"

namespace recordflow {
namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

using Values = std::map<MetricKey, ValuesByReplication>;

Values values_of(const ResultsInput& input, int point, const std::string& design) {
  Values values;
  for (const auto& r : input.replications)
    if (r.point == point && r.result.design == design)
      for (const auto& m : r.result.metrics)
        values[MetricKey{m.name, m.dims}][r.result.replication] = m.value;
  return values;
}

Json optional_number(const std::optional<double>& v) {
  return v ? Json(*v) : Json();
}

void append(Json& out, const Values& design, const Values& baseline, const std::string& design_label,
            const std::string& baseline_label, int point, bool sweep) {
  for (const auto& [key, values] : design) {
    const auto other = baseline.find(key);
    if (other == baseline.end()) continue;
    const Estimate e = paired_difference(values, other->second);
    Json entry{{"design", design_label},
               {"baseline", baseline_label},
               {"metric", key.name},
               {"dims", dims_to_json(key.dims)},
               {"mean_difference", e.n > 0 ? Json(e.mean) : Json()},
               {"sd", optional_number(e.sd)},
               {"n", e.n},
               {"ci_low", optional_number(e.ci_low)},
               {"ci_high", optional_number(e.ci_high)},
               {"half_width", optional_number(e.half_width)}};
    if (sweep) entry["point"] = point;
    out.push_back(std::move(entry));
  }
}

int point_count(const ResultsInput& input) {
  return input.points.empty() ? 1 : static_cast<int>(input.points.size());
}

}  // namespace

Json read_results(const std::string& path, bool allow_incomplete) {
  fs::path file = path;
  const bool directory = fs::is_directory(file);
  if (directory) {
    if (fs::exists(file / "results.json") && fs::exists(file / "results.partial.json") && !allow_incomplete)
      throw std::invalid_argument(
          path +
          " holds both results.json and results.partial.json: the two may come "
          "from different runs (pass --allow-incomplete to read results.json anyway)");
    file = fs::exists(file / "results.json") ? file / "results.json" : file / "results.partial.json";
  }
  const std::string text = read_file(file);
  Json document = Json::parse(text, nullptr, false);
  if (document.is_discarded()) throw std::invalid_argument(file.string() + ": not valid JSON");
  const bool complete = document.is_object() && document.contains("manifest") &&
                        document["manifest"].value("complete", false) &&
                        file.filename() != "results.partial.json";
  if (!complete && !allow_incomplete) {
    std::string missing;
    if (document.is_object() && document.contains("manifest") && document["manifest"].contains("missing") &&
        !document["manifest"]["missing"].empty())
      missing = " (" + std::to_string(document["manifest"]["missing"].size()) + " replication(s) missing)";
    throw std::invalid_argument(file.string() + " is an incomplete result set" + missing +
                                "; pass --allow-incomplete to use it anyway");
  }
  return document;
}

Json compare_within(const Json& results, const std::string& baseline_name) {
  const ResultsInput input = results_input_from_document(results);
  const std::string baseline = baseline_name.empty() ? input.baseline : baseline_name;
  if (std::find(input.designs.begin(), input.designs.end(), baseline) == input.designs.end())
    throw std::invalid_argument("--baseline " + baseline + ": no such design in the results");
  Json out = Json::array();
  const bool sweep = !input.points.empty();
  for (int p = 0; p < point_count(input); ++p) {
    const Values base = values_of(input, p, baseline);
    for (const auto& d : input.designs)
      if (d != baseline) append(out, values_of(input, p, d), base, d, baseline, p, sweep);
  }
  return out;
}

Json compare_between(const Json& first, const Json& second) {
  const ResultsInput a = results_input_from_document(first);
  const ResultsInput b = results_input_from_document(second);
  if (a.manifest.value("seed", Json()) != b.manifest.value("seed", Json()))
    throw std::invalid_argument("the two results were run with different seeds (" +
                                a.manifest.value("seed", Json()).dump() + " and " +
                                b.manifest.value("seed", Json()).dump() +
                                "): paired comparison needs common random numbers; re-run one with --seed");
  if (point_count(a) != point_count(b))
    throw std::invalid_argument("the two results have different sweep points");
  std::vector<std::pair<std::string, std::string>> pairs;  // (design in a, design in b)
  for (const auto& d : b.designs)
    if (std::find(a.designs.begin(), a.designs.end(), d) != a.designs.end()) pairs.emplace_back(d, d);
  if (pairs.empty() && a.designs.size() == 1 && b.designs.size() == 1)
    pairs.emplace_back(a.designs[0], b.designs[0]);
  if (pairs.empty())
    throw std::invalid_argument(
        "no design to pair: the files share no design name and do not hold one design each");
  Json out = Json::array();
  const bool sweep = !a.points.empty();
  for (int p = 0; p < point_count(a); ++p)
    for (const auto& [da, db] : pairs)
      append(out, values_of(b, p, db), values_of(a, p, da), db + " (2nd)", da + " (1st)", p, sweep);
  return out;
}

int execute_compare(const CompareRequest& request, std::ostream& out, std::ostream& err) {
  try {
    Json comparisons;
    if (request.files.size() == 1) {
      comparisons =
          compare_within(read_results(request.files[0], request.allow_incomplete), request.baseline);
    } else if (request.files.size() == 2) {
      if (!request.baseline.empty())
        throw std::invalid_argument("--baseline applies to one results file only");
      comparisons = compare_between(read_results(request.files[0], request.allow_incomplete),
                                    read_results(request.files[1], request.allow_incomplete));
    } else {
      throw std::invalid_argument("give one or two results files");
    }
    if (!request.metrics.empty()) {
      Json kept = Json::array();
      for (const auto& c : comparisons)
        if (std::find(request.metrics.begin(), request.metrics.end(), c.at("metric").get<std::string>()) !=
            request.metrics.end())
          kept.push_back(c);
      comparisons = std::move(kept);
    }
    if (request.json)
      out << comparisons.dump(2) << "\n";
    else
      print_comparison_table(comparisons, {}, out);
    return 0;
  } catch (const std::exception& e) {
    err << "recordflow compare: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace recordflow
