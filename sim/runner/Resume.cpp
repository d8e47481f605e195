#include "runner/Resume.hpp"

#include <stdexcept>

#include "runner/AtomicFile.hpp"
#include "runner/ResultsDocument.hpp"

namespace recordflow {
namespace fs = std::filesystem;
using Json = nlohmann::json;

ResumeState prepare_resume(RunRequest& request) {
  const fs::path dir = request.resume;
  const fs::path partial = dir / "results.partial.json";
  if (!fs::exists(partial)) {
    if (fs::exists(dir / "results.json"))
      throw std::invalid_argument(dir.string() + " holds a complete result set: nothing to resume");
    throw std::invalid_argument(dir.string() + " holds no results.partial.json: nothing to resume (a run " +
                                "stopped before any replication finished must be started again)");
  }
  const Json document = Json::parse(read_file(partial), nullptr, false);
  if (document.is_discarded() || !document.contains("manifest"))
    throw std::invalid_argument(partial.string() + ": not a results document");
  ResultsInput input;
  try {
    input = results_input_from_document(document);
  } catch (const std::exception& e) {
    throw std::invalid_argument(partial.string() + ": " + e.what());
  }
  const Json& m = input.manifest;
  if (!m.value("adaptive", Json()).is_null())
    throw std::invalid_argument(partial.string() +
                                ": a run with adaptive replications cannot be resumed; start it again");
  if (!request.scenario_file.empty() && request.scenario_file != m.value("scenario_file", ""))
    throw std::invalid_argument("--resume " + dir.string() + " was run with " + m.value("scenario_file", "") +
                                ", not " + request.scenario_file);
  if (!request.set_arguments.empty() || !request.factor_arguments.empty() || request.seed ||
      request.replications || !request.designs.empty() || request.shard)
    throw std::invalid_argument(
        "--resume takes the scenario, overrides, designs, seed, replications and "
        "shard from " +
        partial.string() + "; give none of them");
  request.scenario_file = m.at("scenario_file").get<std::string>();
  for (const auto& [pointer, value] : m.at("overrides").items())
    request.set_arguments.push_back(pointer + "=" + value.dump());
  if (m.contains("factors"))
    for (const auto& factor : m.at("factors")) {
      std::string values;
      for (const auto& v : factor.at("values")) values += (values.empty() ? "" : ",") + v.dump();
      request.factor_arguments.push_back(factor.at("pointer").get<std::string>() + "=" + values);
    }
  request.designs = input.designs;
  std::string error;
  request.shard = parse_shard(m.value("shard", "1/1"), &error);
  if (!request.shard) throw std::invalid_argument(partial.string() + ": " + error);
  request.out = dir;
  return ResumeState{std::move(input.replications), m.value("scenario_sha256", "")};
}

}  // namespace recordflow
