#include "runner/Comparison.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

#include "runner/AtomicFile.hpp"
#include "runner/HeadlineComparison.hpp"
#include "runner/MetricCatalogue.hpp"
#include "runner/ResultsDocument.hpp"
#include "runner/SummaryTable.hpp"
#include "scenario/Diagnostic.hpp"
#include "stats/PairedDifference.hpp"

namespace recordflow {
namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

using Values = ValuesByMetric;

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

namespace {

// Throws when two results cannot be paired replication by replication.
void check_pairable(const ResultsInput& a, const ResultsInput& b) {
  if (a.manifest.value("seed", Json()) != b.manifest.value("seed", Json()))
    throw std::invalid_argument("the two results were run with different seeds (" +
                                a.manifest.value("seed", Json()).dump() + " and " +
                                b.manifest.value("seed", Json()).dump() +
                                "): paired comparison needs common random numbers; re-run one with --seed");
  if (point_count(a) != point_count(b))
    throw std::invalid_argument("the two results have different sweep points");
}

// (design in a, design in b): shared names, or the single design of each.
std::vector<std::pair<std::string, std::string>> paired_designs(const ResultsInput& a,
                                                                const ResultsInput& b) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& d : b.designs)
    if (std::find(a.designs.begin(), a.designs.end(), d) != a.designs.end()) pairs.emplace_back(d, d);
  if (pairs.empty() && a.designs.size() == 1 && b.designs.size() == 1)
    pairs.emplace_back(a.designs[0], b.designs[0]);
  if (pairs.empty())
    throw std::invalid_argument(
        "no design to pair: the files share no design name and do not hold one design each");
  return pairs;
}

}  // namespace

std::string point_label(const Json& factors) {
  std::string label;
  for (const auto& [pointer, value] : factors.items())
    label += (label.empty() ? "" : ", ") + pointer + "=" +
             (value.is_string() ? value.get<std::string>() : value.dump());
  return label;
}

namespace {

// One comparison to show: design (of `design_input`) minus baseline (of `baseline_input`).
struct DesignPair {
  const ResultsInput* design_input;
  std::string design;
  std::string design_suffix;
  const ResultsInput* baseline_input;
  std::string baseline;
  std::string baseline_suffix;
};

std::string design_title(const ResultsInput& input, const std::string& design) {
  const std::string label = design_label(input.manifest, design);
  return label.empty() ? design : label + " (" + design + ")";
}

void require_design(const ResultsInput& input, const std::string& design, const char* option) {
  if (std::find(input.designs.begin(), input.designs.end(), design) != input.designs.end()) return;
  std::string known;
  for (const auto& d : input.designs) known += (known.empty() ? "" : ", ") + d;
  throw std::invalid_argument(std::string(option) + " " + design +
                              ": no such design in the results (designs: " + known + ")");
}

std::vector<DesignPair> pairs_within(const ResultsInput& input, const CompareRequest& request) {
  const std::string baseline = request.baseline.empty() ? input.baseline : request.baseline;
  if (!request.baseline.empty()) require_design(input, baseline, "--baseline");
  if (!request.design.empty()) require_design(input, request.design, "--design");
  std::vector<DesignPair> pairs;
  if (request.all_pairs) {
    for (std::size_t j = 0; j < input.designs.size(); ++j)
      for (std::size_t i = 0; i < j; ++i)
        pairs.push_back({&input, input.designs[j], "", &input, input.designs[i], ""});
    return pairs;
  }
  if (baseline.empty()) throw std::invalid_argument("the results name no baseline: give --baseline");
  require_design(input, baseline, "--baseline");
  for (const auto& d : input.designs)
    if (d != baseline && (request.design.empty() || d == request.design))
      pairs.push_back({&input, d, "", &input, baseline, ""});
  return pairs;
}

std::set<std::string> metric_names(const ResultsInput& input) {
  std::set<std::string> names;
  for (const auto& r : input.replications)
    for (const auto& m : r.result.metrics) names.insert(m.name);
  return names;
}

// The metrics to show; throws for a name no replication reports, listing the near names.
std::vector<std::string> chosen_metrics(const CompareRequest& request, const std::set<std::string>& known) {
  for (const auto& m : request.metrics) {
    if (known.count(m)) continue;
    const std::vector<std::string> candidates(known.begin(), known.end());
    std::vector<std::string> near = near_words(m, candidates);
    std::string list;
    for (const auto& n : near.empty() ? headline_metrics() : near) list += (list.empty() ? "" : ", ") + n;
    throw std::invalid_argument("unknown metric \"" + m + "\" (" +
                                (near.empty() ? "headline metrics: " : "near names: ") + list + ")");
  }
  if (!request.metrics.empty()) return request.metrics;
  std::vector<std::string> shown;
  for (const auto& m : headline_metrics())
    if (known.count(m)) shown.push_back(m);
  return shown;
}

Json comparison_entries(const std::vector<DesignPair>& pairs, int points, bool sweep) {
  Json out = Json::array();
  for (int p = 0; p < points; ++p)
    for (const auto& pair : pairs)
      append(out, values_of(*pair.design_input, p, pair.design),
             values_of(*pair.baseline_input, p, pair.baseline), pair.design + pair.design_suffix,
             pair.baseline + pair.baseline_suffix, p, sweep);
  return out;
}

}  // namespace

int execute_compare(const CompareRequest& request, std::ostream& out, std::ostream& err) {
  try {
    if (request.files.empty() || request.files.size() > 2)
      throw std::invalid_argument("give one or two results files");
    const ResultsInput first = results_input_from_document(read_results(request.files[0], request.allow_incomplete));
    ResultsInput second;
    std::vector<DesignPair> pairs;
    if (request.files.size() == 1) {
      pairs = pairs_within(first, request);
    } else {
      if (!request.baseline.empty() || !request.design.empty() || request.all_pairs)
        throw std::invalid_argument("--baseline, --design and --all-pairs apply to one results file only");
      second = results_input_from_document(read_results(request.files[1], request.allow_incomplete));
      check_pairable(first, second);
      for (const auto& [a, b] : paired_designs(first, second))
        pairs.push_back({&second, b, " (2nd)", &first, a, " (1st)"});
    }
    std::set<std::string> known = metric_names(first);
    if (request.files.size() == 2) known.merge(metric_names(second));
    const std::vector<std::string> metrics = chosen_metrics(request, known);
    const bool sweep = !first.points.empty();
    const int points = point_count(first);
    if (request.json || request.breakdown) {
      Json comparisons = comparison_entries(pairs, points, sweep);
      if (!request.metrics.empty()) {
        Json kept = Json::array();
        for (const auto& c : comparisons)
          if (std::find(metrics.begin(), metrics.end(), c.at("metric").get<std::string>()) != metrics.end())
            kept.push_back(c);
        comparisons = std::move(kept);
      }
      if (request.json) {
        out << comparisons.dump(2) << "\n";
        return 0;
      }
      for (auto& c : comparisons)  // label sweep rows by their factor values
        if (c.contains("point")) {
          c["design"] = c["design"].get<std::string>() + " @ " +
                        point_label(first.points[static_cast<std::size_t>(c["point"].get<int>())]);
          c.erase("point");
        }
      print_comparison_table(comparisons, {}, out);
      return 0;
    }
    for (int p = 0; p < points; ++p)
      for (const auto& pair : pairs) {
        const ComparedDesign design{design_title(*pair.design_input, pair.design) + pair.design_suffix,
                                    values_of(*pair.design_input, p, pair.design)};
        const ComparedDesign baseline{
            design_title(*pair.baseline_input, pair.baseline) + pair.baseline_suffix,
            values_of(*pair.baseline_input, p, pair.baseline)};
        const std::string heading = sweep ? "sweep point " + std::to_string(p) + ": " +
                                                point_label(first.points[static_cast<std::size_t>(p)])
                                          : "";
        print_headline_comparison(heading, design, baseline, metrics, out);
      }
    return 0;
  } catch (const std::exception& e) {
    err << "recordflow compare: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace recordflow
