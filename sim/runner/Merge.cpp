#include "runner/Merge.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace recordflow {
namespace {

using Json = nlohmann::json;

// What must agree between shards of one run.
Json fingerprint(const Json& manifest) {
  Json f = Json::object();
  for (const char* key :
       {"tool_version", "simgrid_version", "scenario", "seed", "designs", "baseline", "replications",
        "adaptive", "overrides", "points", "horizon_hours", "warm_up_hours"})
    if (manifest.contains(key)) f[key] = manifest.at(key);
  return f;
}

using ItemKey = std::tuple<int, std::string, int>;

struct ShardInput {
  std::string origin;  // where it came from (file or directory)
  Shard shard;
  ResultsInput input;
};

// The fingerprint most inputs share (the first of equally common ones): the run the others must match.
Json majority_fingerprint(const std::vector<ShardInput>& inputs) {
  std::vector<std::pair<Json, int>> counts;
  for (const auto& s : inputs) {
    const Json f = fingerprint(s.input.manifest);
    auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == f; });
    if (it == counts.end())
      counts.emplace_back(f, 1);
    else
      ++it->second;
  }
  return std::max_element(counts.begin(), counts.end(),
                          [](const auto& a, const auto& b) { return a.second < b.second; })
      ->first;
}

// "seed is 7 where the other inputs have 42; ..." for each manifest field that differs.
std::string differences(const Json& mine, const Json& reference) {
  std::string text;
  for (const auto& [key, value] : reference.items()) {
    const Json other = mine.contains(key) ? mine.at(key) : Json();
    if (other == value) continue;
    if (!text.empty()) text += "; ";
    const std::string shown = other.dump(), expected = value.dump();
    text +=
        "manifest." + key +
        (shown.size() + expected.size() < 160 ? " is " + shown + " where the other inputs have " + expected
                                              : " differs from the other inputs'");
  }
  for (const auto& [key, value] : mine.items())
    if (!reference.contains(key))
      text += (text.empty() ? "" : "; ") + ("manifest." + key + " is not in the others");
  return text;
}

}  // namespace

std::vector<WorkItem> planned_work(const Json& manifest, const std::vector<std::string>& designs,
                                   int points) {
  int count = 0;
  for (const auto& design : designs) count = std::max(count, manifest.at("replications").value(design, 0));
  std::vector<WorkItem> items;
  for (const auto& item : make_work_list(points, designs, 0, count))
    if (item.replication < manifest.at("replications").value(item.design, 0)) items.push_back(item);
  return items;
}

MergeReport merge_results(const std::vector<std::pair<std::string, Json>>& inputs) {
  MergeReport report;
  if (inputs.empty()) {
    report.errors.push_back("no results to merge");
    return report;
  }
  std::vector<ShardInput> parsed;
  for (const auto& [origin, document] : inputs) {
    try {
      ResultsInput input = results_input_from_document(document);
      std::string error;
      const auto shard = parse_shard(input.manifest.value("shard", "1/1"), &error);
      if (!shard) {
        report.errors.push_back(origin + ": " + error);
        continue;
      }
      parsed.push_back(ShardInput{origin, *shard, std::move(input)});
    } catch (const std::exception& e) {
      report.errors.push_back(origin + ": " + e.what());
    }
  }
  if (!report.errors.empty()) return report;

  std::stable_sort(parsed.begin(), parsed.end(),
                   [](const auto& a, const auto& b) { return a.shard.index < b.shard.index; });
  const Json reference = majority_fingerprint(parsed);
  std::map<int, int> split_counts;  // N of "I/N" -> inputs
  for (const auto& s : parsed) ++split_counts[s.shard.count];
  report.shard_count =
      std::max_element(split_counts.begin(), split_counts.end(), [](const auto& a, const auto& b) {
        return a.second < b.second;
      })->first;
  for (const auto& s : parsed) {
    if (s.shard.count != report.shard_count)
      report.errors.push_back(s.origin + ": shard " + s.shard.to_string() + " is from a split into " +
                              std::to_string(s.shard.count) + ", the other inputs into " +
                              std::to_string(report.shard_count));
    else if (const Json f = fingerprint(s.input.manifest); f != reference)
      report.errors.push_back(s.origin + ": shard " + s.shard.to_string() +
                              " is from a different run: " + differences(f, reference));
  }
  if (!report.errors.empty()) return report;

  std::set<int> seen_shards;
  std::map<ItemKey, PointReplication> replications;
  ResultsInput& merged = report.merged;
  merged = parsed.front().input;
  merged.replications.clear();
  double wall = 0;
  std::set<std::string> hosts;
  int jobs = 0;
  std::string started;
  const int points = merged.points.empty() ? 1 : static_cast<int>(merged.points.size());
  const auto planned = planned_work(merged.manifest, merged.designs, points);
  std::set<ItemKey> planned_keys;
  for (const auto& item : planned) planned_keys.insert(ItemKey{item.point, item.design, item.replication});
  Json retried = Json::array();
  for (auto& [origin, shard, input] : parsed) {
    seen_shards.insert(shard.index);
    for (auto& r : input.replications) {
      const ItemKey key{r.point, r.result.design, r.result.replication};
      if (!planned_keys.count(key)) {
        report.errors.push_back(
            origin + ": replication " +
            describe(WorkItem{r.point, r.result.design, r.result.replication}, !merged.points.empty()) +
            " was not planned by the run (manifest.replications " + input.manifest.at("replications").dump() +
            ")");
        continue;
      }
      replications.emplace(key, std::move(r));
    }
    for (const auto& entry : input.manifest.value("retried", Json::array())) retried.push_back(entry);
    if (input.structure.is_object())
      for (const auto& [key, value] : input.structure.items()) merged.structure[key] = value;
    wall = std::max(wall, input.manifest.value("wall_seconds", 0.0));
    hosts.insert(input.manifest.value("host", ""));
    jobs += input.manifest.value("jobs", 0);
    const std::string s = input.manifest.value("started_at", "");
    if (started.empty() || (!s.empty() && s < started)) started = s;
  }
  if (!report.errors.empty()) return report;
  for (int i = 1; i <= report.shard_count; ++i)
    if (!seen_shards.count(i)) report.missing_shards.push_back(i);

  for (std::size_t k = 0; k < planned.size(); ++k) {
    const auto& item = planned[k];
    const auto it = replications.find(ItemKey{item.point, item.design, item.replication});
    if (it == replications.end()) {
      report.missing.push_back(
          MissingWork{item, static_cast<int>(k % static_cast<std::size_t>(report.shard_count)) + 1});
    } else {
      merged.replications.push_back(std::move(it->second));
    }
  }

  std::string host_list;
  for (const auto& h : hosts) host_list += (host_list.empty() ? "" : ",") + h;
  Json& m = merged.manifest;
  m["shard"] = "1/1";
  m["wall_seconds"] = wall;
  m["host"] = host_list;
  m["jobs"] = jobs;
  m["started_at"] = started;
  m["complete"] = report.missing.empty();
  Json missing = Json::array();
  for (const auto& w : report.missing) {
    Json entry{{"design", w.item.design}, {"replication", w.item.replication}, {"shard", w.shard}};
    if (!merged.points.empty()) entry["point"] = w.item.point;
    if (m.contains("seed")) entry["seed"] = m.at("seed");
    missing.push_back(std::move(entry));
  }
  m["missing"] = std::move(missing);
  m["failures"] = Json::array();
  if (m.contains("retried")) m["retried"] = std::move(retried);
  return report;
}

}  // namespace recordflow
