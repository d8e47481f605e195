#include "runner/MergeOutputs.hpp"

#include <set>

#include "runner/Comparison.hpp"
#include "runner/Merge.hpp"
#include "runner/OutputSet.hpp"
#include "runner/SummaryTable.hpp"
#include "runner/TidyExport.hpp"

namespace recordflow {
namespace fs = std::filesystem;

int execute_merge(const std::vector<std::string>& inputs, const fs::path& out_dir, std::ostream& out,
                  std::ostream& err, bool allow_incomplete) {
  std::vector<std::pair<std::string, nlohmann::json>> documents;
  for (const auto& path : inputs) {
    try {
      documents.emplace_back(path, read_results(path, allow_incomplete));
    } catch (const std::exception& e) {
      err << "recordflow merge: " << path << ": " << e.what() << "\n";
      return 2;
    }
  }
  const MergeReport report = merge_results(documents);
  if (!report.errors.empty()) {
    for (const auto& e : report.errors) err << "recordflow merge: " << e << "\n";
    return 2;
  }
  std::string holder;
  const auto lock = OutputLock::acquire(out_dir, &holder);
  if (!lock) {
    err << "recordflow merge: " << out_dir.string() << " is in use by another run or merge (" << holder
        << "); wait for it to finish or choose another --out\n";
    return 2;
  }
  try {
    remove_stale_scratch(out_dir);
    const nlohmann::json document = build_results_document(report.merged);
    if (report.complete()) {
      OutputFiles files = tidy_files(document);
      files.emplace_back("results.json", results_text(document));
      commit_output_set(out_dir, files);
      print_summary_table(document, out);
      err << "recordflow merge: " << report.shard_count << " shard(s), " << report.merged.replications.size()
          << " replications merged into " << (out_dir / "results.json").string() << "\n";
      return 0;
    }
    commit_output_set(out_dir, {{"results.partial.json", results_text(document)}});
  } catch (const std::exception& e) {
    err << "recordflow merge: cannot write results: " << e.what() << "\n";
    return 1;
  }
  const auto& manifest = report.merged.manifest;
  const std::string n = std::to_string(report.shard_count);
  for (const int shard : report.missing_shards)
    err << "recordflow merge: missing shard " << shard << "/" << n << "\n";
  std::set<int> rerun(report.missing_shards.begin(), report.missing_shards.end());
  for (const auto& m : report.missing) {
    rerun.insert(m.shard);
    err << "recordflow merge: missing " << describe(m.item, !report.merged.points.empty()) << " (seed "
        << manifest.value("seed", nlohmann::json()).dump() << ", shard " << m.shard << "/" << n << ")\n";
  }
  std::string overrides;
  const nlohmann::json user_overrides =
      manifest.contains("overrides") ? manifest.at("overrides") : nlohmann::json::object();
  for (const auto& [pointer, value] : user_overrides.items())
    overrides += " --set '" + pointer + "=" + value.dump() + "'";
  std::string command = "run";
  const nlohmann::json factors =
      manifest.contains("factors") ? manifest.at("factors") : nlohmann::json::array();
  for (const auto& factor : factors) {
    command = "sweep";
    std::string values;
    for (const auto& v : factor.at("values")) values += (values.empty() ? "" : ",") + v.dump();
    overrides += " --factor '" + factor.at("pointer").get<std::string>() + "=" + values + "'";
  }
  err << "recordflow merge: incomplete; what was found is in " << (out_dir / "results.partial.json").string()
      << ". Re-run:\n";
  for (const int shard : rerun)
    err << "  recordflow " << command << " " << manifest.value("scenario_file", std::string("SCENARIO"))
        << overrides << " --shard " << shard << "/" << n << " --out DIR\n";
  return 1;
}

}  // namespace recordflow
