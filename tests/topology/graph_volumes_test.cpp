// `recordflow graph --results`: runs the demo scenario briefly, then draws it with the measured volumes,
// and checks the volume edges against the copies_by_route counts of the results (per year, mean over
// replications), their shares and sums per source, their total against copies_created, the faint links,
// and that bad --results input exits 2 with nothing on stdout.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include "GraphRun.hpp"

namespace {

using nlohmann::json;
using Route = std::tuple<std::string, std::string, std::string>;  // from, to, channel

struct VolumeEdge {
  double per_year = 0;
  double share = 0;
};

// The volume edges of a DOT drawing: (from, to, channel) -> numbers of the edge's comment.
std::map<Route, VolumeEdge> volume_edges(const std::string& dot) {
  static const std::regex edge(
      R"re(^  "([^"]*)" -> "([^"]*)" \[style=bold, .*label="([^"\\]*)\\n[^"]*", comment="copies_per_year=([^;]*);share=([^"]*)"\];$)re");
  std::map<Route, VolumeEdge> edges;
  std::istringstream lines(dot);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, edge)) continue;
    edges[{m[1], m[2], m[3]}] = VolumeEdge{std::stod(m[4]), std::stod(m[5])};
  }
  return edges;
}

json read_json(const std::string& path) {
  std::ifstream in(path);
  return json::parse(in);
}

class GraphVolumes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = new std::string(temp_path("recordflow_graph_volumes"));
    std::filesystem::remove_all(*out_);
    const CommandRun run = run_recordflow("run " + demo() + " -o " + *out_ +
                                          " -j 1 -n 2 -q -d today -d messaging --set /experiment/horizon=30d"
                                          " --set /experiment/warm_up=5d");
    ASSERT_EQ(run.exit_code, 0);
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*out_);
    delete out_;
  }
  static std::string results() { return *out_ + "/results.json"; }

  // copies_by_route of `design` per year, and copies_created {} per year, from the results.
  static std::map<Route, double> expected(const json& document, const std::string& design, double* created) {
    const json& manifest = document.at("manifest");
    const double scale =
        8760.0 / (manifest.at("horizon_hours").get<double>() - manifest.at("warm_up_hours").get<double>());
    std::map<Route, double> routes;
    for (const auto& row : document.at("summary")) {
      if (row.at("design") != design) continue;
      if (row.at("metric") == "copies_created" && row.at("dims").empty())
        *created = row.at("mean").get<double>() * scale;
      if (row.at("metric") != "copies_by_route") continue;
      const json& d = row.at("dims");
      routes[{d.at("source"), d.at("destination"), d.at("channel")}] = row.at("mean").get<double>() * scale;
    }
    return routes;
  }

  static std::string* out_;
};
std::string* GraphVolumes::out_ = nullptr;

TEST_F(GraphVolumes, EdgesCarryTheMeasuredCopiesPerYearOfEachRoute) {
  for (const std::string design : {"today", "messaging"}) {
    const CommandRun run =
        run_recordflow("graph " + demo() + " --design " + design + " --results " + results());
    ASSERT_EQ(run.exit_code, 0);
    double created = 0;
    const std::map<Route, double> routes = expected(read_json(results()), design, &created);
    const std::map<Route, VolumeEdge> edges = volume_edges(run.out);
    ASSERT_GT(routes.size(), 5u) << design;
    ASSERT_EQ(edges.size(), routes.size()) << design;
    std::map<std::string, double> source_copies, edge_sums, share_sums;
    double total = 0;
    for (const auto& [route, per_year] : routes) {
      ASSERT_TRUE(edges.contains(route)) << std::get<0>(route) << " -> " << std::get<1>(route);
      EXPECT_NEAR(edges.at(route).per_year, per_year, 1e-9 * per_year);
      source_copies[std::get<0>(route)] += per_year;
      total += per_year;
    }
    for (const auto& [route, edge] : edges) {
      edge_sums[std::get<0>(route)] += edge.per_year;
      share_sums[std::get<0>(route)] += edge.share;
    }
    for (const auto& [source, copies] : source_copies) {
      EXPECT_NEAR(edge_sums[source], copies, 1e-9 * copies) << source;
      EXPECT_NEAR(share_sums[source], 1.0, 1e-9) << source;
    }
    EXPECT_NEAR(total, created, 1e-9 * created) << "routes add up to copies_created";
    EXPECT_NE(run.out.find("measured copies per year after warm-up"), std::string::npos) << "legend";
  }
}

// Routes are counted per organisation template: gp_practice#1..#3 are one node and one route.
TEST_F(GraphVolumes, RoutesAreCountedPerTemplateAndAllInstancesIsRefused) {
  double created = 0;
  for (const auto& [route, per_year] : expected(read_json(results()), "today", &created)) {
    EXPECT_EQ(std::get<0>(route).find('#'), std::string::npos) << std::get<0>(route);
    EXPECT_EQ(std::get<1>(route).find('#'), std::string::npos) << std::get<1>(route);
  }
  const CommandRun run = run_recordflow("graph " + demo() + " --all-instances --results " + results());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(run.out.empty());
}

// The channels named on the drawn links of one style ("dashed": manual, "solid": electronic).
std::set<std::string> link_channels(const std::string& dot, const std::string& style) {
  const std::regex link("^  \"[^\"]*\" -> \"[^\"]*\" \\[style=" + style +
                        ", color=\"#[0-9a-f]*\", label=\"([^\"]*)\"\\];$");
  std::set<std::string> channels;
  std::istringstream lines(dot);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, link) || line.find("legend") != std::string::npos) continue;
    std::string label = m[1];
    for (std::size_t at; (at = label.find("\\n")) != std::string::npos;) {
      channels.insert(label.substr(0, at));
      label.erase(0, at + 2);
    }
    channels.insert(label);
  }
  return channels;
}

// With copies only by channels that make no manual link (results filtered so), every manual link is faint
// and the electronic links those channels use are not.
TEST_F(GraphVolumes, LinksNoMeasuredCopyUsedAreFaint) {
  const std::string plain = run_recordflow("graph " + demo() + " --design today").out;
  const std::set<std::string> manual_channels = link_channels(plain, "dashed");
  std::set<std::string> electronic_only;
  for (const auto& channel : link_channels(plain, "solid"))
    if (!manual_channels.contains(channel)) electronic_only.insert(channel);
  ASSERT_FALSE(electronic_only.empty());
  ASSERT_FALSE(manual_channels.empty());
  json document = read_json(results());
  json kept = json::array();
  for (const auto& row : document.at("summary"))
    if (row.at("metric") != "copies_by_route" || electronic_only.contains(row.at("dims").at("channel")))
      kept.push_back(row);
  document["summary"] = kept;
  const std::string filtered = temp_path("recordflow_graph_volumes_filtered.json");
  std::ofstream(filtered) << document.dump();
  const CommandRun run = run_recordflow("graph " + demo() + " --design today --results " + filtered);
  std::filesystem::remove(filtered);
  ASSERT_EQ(run.exit_code, 0);
  int manual = 0, electronic_carried = 0;
  std::istringstream drawn(run.out);
  for (std::string line; std::getline(drawn, line);) {
    if (line.find("legend") != std::string::npos) continue;
    const bool faint = line.find("color=\"#d3d3d3\"") != std::string::npos;
    if (line.find("[style=dashed") != std::string::npos) {
      ++manual;
      EXPECT_TRUE(faint) << line;
    }
    if (line.find("[style=solid, color=\"#1f4e9c\"") != std::string::npos && !faint) ++electronic_carried;
  }
  EXPECT_GT(manual, 0);
  EXPECT_GT(electronic_carried, 0);
}

TEST_F(GraphVolumes, BadResultsExit2WithAClearMessage) {
  const std::string err = temp_path("recordflow_graph_volumes_err");
  const auto stderr_text = [&err] {
    std::ifstream in(err);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  const std::string missing = temp_path("recordflow_no_such_results.json");
  CommandRun run = run_recordflow("graph " + demo() + " --results " + missing, err);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(run.out.empty());
  EXPECT_NE(stderr_text().find(missing), std::string::npos) << stderr_text();

  run = run_recordflow("graph " + demo() + " --design shared_record --results " + results(), err);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(run.out.empty());
  EXPECT_NE(stderr_text().find("/manifest/designs"), std::string::npos) << stderr_text();

  const std::string scenario = std::string(RECORDFLOW_SOURCE_DIR) + "/scenarios/region.json";
  run = run_recordflow("graph " + scenario + " --results " + results(), err);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(stderr_text().find("/manifest/scenario/name"), std::string::npos) << stderr_text();

  json document = read_json(results());
  for (auto& row : document.at("summary"))
    if (row.at("metric") == "copies_by_route") {
      row["dims"]["destination"] = "no_such_practice";
      break;
    }
  const std::string foreign = temp_path("recordflow_graph_volumes_foreign.json");
  std::ofstream(foreign) << document.dump();
  run = run_recordflow("graph " + demo() + " --results " + foreign, err);
  std::filesystem::remove(foreign);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(run.out.empty());
  EXPECT_NE(stderr_text().find("no_such_practice"), std::string::npos) << stderr_text();
  EXPECT_NE(stderr_text().find("/dims/destination"), std::string::npos) << stderr_text();
  std::filesystem::remove(err);
}

}  // namespace
