// Every scenario in scenarios/ is a test: it runs through the real `recordflow run` at a short horizon,
// must conserve documents, and its headline results per design must equal the golden file (results are
// deterministic for a given seed and version). A scenario file not listed here fails the suite.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "../runner/RunBinary.hpp"

namespace recordflow::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct ScenarioCase {
  std::string file;                    // under scenarios/
  std::vector<std::string> overrides;  // --set arguments that shorten the run
  int replications;
};

// Test names and failure messages show the scenario file, not the bytes of the struct.
void PrintTo(const ScenarioCase& c, std::ostream* os) {
  *os << c.file;
}

const std::vector<ScenarioCase>& cases() {
  static const std::vector<ScenarioCase> all = {
      {"demo.json", {"/experiment/horizon=\"30 d\"", "/experiment/warm_up=\"7 d\""}, 2},
      {"region.json", {"/experiment/horizon=\"6 d\"", "/experiment/warm_up=\"1 d\""}, 1},
      // A tenth of the region over the attack's first weeks, so that outage gaps and back-entry show.
      {"region_cyber_incident.json",
       {"/population=180000", "/experiment/horizon=\"150 d\"", "/experiment/warm_up=\"100 d\""},
       1},
      {"region_paper_retirement.json", {"/experiment/horizon=\"6 d\"", "/experiment/warm_up=\"1 d\""}, 1},
      // A tenth of the region around the supplier's hosting failure (day 60) and its recovery.
      {"region_supplier_outage.json",
       {"/population=180000", "/experiment/horizon=\"70 d\"", "/experiment/warm_up=\"58 d\""},
       1},
      {"demo_people.json", {"/experiment/horizon=\"30 d\"", "/experiment/warm_up=\"7 d\""}, 2},
      {"region_people.json", {"/experiment/horizon=\"6 d\"", "/experiment/warm_up=\"1 d\""}, 1},
      // As region_cyber_incident.json: a tenth of each place's residents over the attack's first weeks.
      {"region_people_cyber_incident.json",
       {"/population/places/north/people=54000", "/population/places/south/people=45000",
        "/population/places/east/people=45000", "/population/places/west/people=36000",
        "/experiment/horizon=\"150 d\"", "/experiment/warm_up=\"100 d\""},
       1},
      {"region_people_paper_retirement.json",
       {"/experiment/horizon=\"6 d\"", "/experiment/warm_up=\"1 d\""},
       1},
      // Eight weeks measured after the warm-up that takes every consultant through absences.
      {"demo_sign_off.json", {"/experiment/horizon=\"112 d\""}, 2},
  };
  return all;
}

const std::vector<std::string> kHeadline = {
    "copies_created", "copies_lost", "gap_rate",     "share_encounters_with_gap",
    "delay_p50",      "delay_p90",   "staff_minutes"};

json run(const ScenarioCase& c, const fs::path& out) {
  std::vector<std::string> args{"run",
                                "scenarios/" + c.file,
                                "--out",
                                out.string(),
                                "--quiet",
                                "--jobs",
                                "2",
                                "--replications",
                                std::to_string(c.replications)};
  for (const auto& o : c.overrides) {
    args.push_back("--set");
    args.push_back(o);
  }
  auto result = run_binary(args, out.string() + ".log");
  if (result.exit_code != 0) throw std::runtime_error("recordflow run " + c.file + " failed: " + result.err);
  std::ifstream in(out / "results.json");
  return json::parse(in);
}

// design -> metric -> mean, for overall (dimensionless) headline metrics.
json headline(const json& results) {
  json h = json::object();
  for (const auto& row : results.at("summary")) {
    if (!row.at("dims").empty()) continue;
    const std::string metric = row.at("metric");
    if (std::find(kHeadline.begin(), kHeadline.end(), metric) == kHeadline.end()) continue;
    if (!row.at("mean").is_null()) h[row.at("design").get<std::string>()][metric] = row.at("mean");
  }
  return h;
}

double overall(const json& replication, const std::string& metric) {
  for (const auto& m : replication.at("metrics"))
    if (m.at("metric") == metric && m.at("dims").empty()) return m.at("value");
  return 0;
}

class ScenarioRuns : public ::testing::TestWithParam<ScenarioCase> {};

TEST_P(ScenarioRuns, RunsConservesAndMatchesGolden) {
  const auto& c = GetParam();
  const fs::path out =
      fs::temp_directory_path() /
      ("recordflow-scenario-" + fs::path(c.file).stem().string() + "." + std::to_string(::getpid()));
  fs::remove_all(out);
  const json results = run(c, out);

  for (const auto& r : results.at("replications")) {
    const double created = overall(r, "copies_created");
    EXPECT_GT(created, 0) << r.at("design");
    EXPECT_EQ(created,
              overall(r, "copies_available") + overall(r, "copies_in_flight") + overall(r, "copies_lost"))
        << "conservation, design " << r.at("design");
  }

  const json actual = headline(results);
  const fs::path golden = fs::path(RECORDFLOW_SOURCE_DIR) / "tests/scenarios/golden" / c.file;
  if (std::getenv("RECORDFLOW_UPDATE_GOLDEN")) {
    std::ofstream(golden) << actual.dump(2) << "\n";
    GTEST_SKIP() << "golden written: " << golden;
  }
  std::ifstream in(golden);
  ASSERT_TRUE(in) << "no golden file " << golden << " (set RECORDFLOW_UPDATE_GOLDEN=1 to write it)";
  const json expected = json::parse(in);
  ASSERT_EQ(expected.size(), actual.size()) << "designs differ from the golden file";
  for (const auto& [design, metrics] : expected.items()) {
    ASSERT_TRUE(actual.contains(design)) << design;
    for (const auto& [metric, value] : metrics.items()) {
      const double e = value, a = actual[design].value(metric, std::nan(""));
      EXPECT_NEAR(a, e, 1e-9 * std::max(1.0, std::fabs(e))) << c.file << " " << design << " " << metric;
    }
  }
  fs::remove_all(out);
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ScenarioRuns, ::testing::ValuesIn(cases()),
                         [](const auto& info) { return fs::path(info.param.file).stem().string(); });

TEST(ScenarioFiles, EveryScenarioFileIsListed) {
  std::set<std::string> listed;
  for (const auto& c : cases()) listed.insert(c.file);
  for (const auto& entry : fs::directory_iterator(fs::path(RECORDFLOW_SOURCE_DIR) / "scenarios"))
    if (entry.path().extension() == ".json") {
      EXPECT_TRUE(listed.count(entry.path().filename().string())) << entry.path() << " runs in no test";
    }
}

const ScenarioCase& case_named(const std::string& file) {
  for (const auto& c : cases())
    if (c.file == file) return c;
  throw std::invalid_argument("no scenario case " + file);
}

// One replication of the mixed_economy design of a listed scenario, shortened as in cases(): its metrics.
json run_mixed_economy(const ScenarioCase& c, const std::string& tag) {
  const fs::path out =
      fs::temp_directory_path() / ("recordflow-scenario-" + tag + "." + std::to_string(::getpid()));
  fs::remove_all(out);
  std::vector<std::string> args{"run",      "scenarios/" + c.file, "--out",          out.string(), "--quiet",
                                "--design", "mixed_economy",       "--replications", "1"};
  for (const auto& o : c.overrides) {
    args.push_back("--set");
    args.push_back(o);
  }
  auto result = run_binary(args, out.string() + ".log");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::ifstream in(out / "results.json");
  const json results = json::parse(in);
  fs::remove_all(out);
  return results.at("replications").at(0).at("metrics");
}

// The cyber incident must show what it is about, with one person per arrival and with people: outage gaps
// while the north EPR is down, and paper records back-entered after it recovers.
TEST(ScenarioFiles, CyberIncidentShowsOutageGapsAndBackEntry) {
  for (const std::string file : {"region_cyber_incident.json", "region_people_cyber_incident.json"}) {
    const json metrics = run_mixed_economy(case_named(file), "cyber-check");
    double outage = 0, back_entered = 0;
    for (const auto& m : metrics) {
      if (m.at("metric") == "gaps" && m.at("dims").value("cause", "") == "outage" && m.at("dims").size() == 1)
        outage += m.at("value").get<double>();
      if (m.at("metric") == "copies_back_entered") back_entered += m.at("value").get<double>();
    }
    EXPECT_GT(outage, 0) << file;
    EXPECT_GT(back_entered, 0) << file;
  }
}

// The supplier outage must show what it is about: the GP system hosted by supplier A is down for the
// hosting's two days although it never failed itself, supplier B's is not, and GP encounters find outage
// gaps.
TEST(ScenarioFiles, SupplierOutageTakesTheHostedSystemDown) {
  const json metrics = run_mixed_economy(case_named("region_supplier_outage.json"), "supplier-check");
  double outage = 0, hosted_down = -1, other_down = 0;
  for (const auto& m : metrics) {
    if (m.at("metric") == "gaps" && m.at("dims").value("cause", "") == "outage" && m.at("dims").size() == 1)
      outage += m.at("value").get<double>();
    if (m.at("metric") == "downtime_hours" && m.at("dims").value("system", "") == "gp_system")
      hosted_down = m.at("value").get<double>();
    if (m.at("metric") == "downtime_hours" && m.at("dims").value("system", "") == "gp_system_b")
      other_down = m.at("value").get<double>();
  }
  EXPECT_GE(hosted_down, 48.0);
  EXPECT_LT(other_down, 48.0);
  EXPECT_GT(outage, 0);
}

// Councils receive from a hospital the copies of the people it serves. In region.json (one person per
// arrival, organisations drawn independently by weight) the west hospital writes to every council in
// proportion to its weight; in region_people.json the west hospital serves only the west's residents, so
// every copy it sends to a council goes to the west council.
// Letters that wait for the patient's own consultant wait out their leave; with cover any consultant at
// work signs them (were the pool not named, both designs would be the same run: equal, not greater).
// Both dictation-era designs are slower than today's messages.
TEST(ScenarioFiles, LettersWaitingForTheirOwnConsultantWaitLonger) {
  const fs::path out =
      fs::temp_directory_path() / ("recordflow-scenario-sign-off." + std::to_string(::getpid()));
  fs::remove_all(out);
  const json h = headline(run(case_named("demo_sign_off.json"), out));
  fs::remove_all(out);
  const double named = h.at("named_sign_off").at("delay_p90"), cover = h.at("cover_sign_off").at("delay_p90");
  EXPECT_GT(named, cover) << "p90 delay: named " << named << " h, cover " << cover << " h";
  EXPECT_GT(h.at("cover_sign_off").at("delay_p50").get<double>(),
            h.at("today").at("delay_p50").get<double>());
  EXPECT_GT(h.at("named_sign_off").at("gap_rate").get<double>(),
            h.at("cover_sign_off").at("gap_rate").get<double>());
}

TEST(ScenarioFiles, PlacesDecideWhichCouncilAHospitalWritesTo) {
  auto west_to_councils = [](const json& metrics) {
    std::map<std::string, double> out;
    for (const auto& m : metrics)
      if (m.at("metric") == "copies_by_route" && m.at("dims").value("source", "") == "west_hospital") {
        const std::string to = m.at("dims").value("destination", "");
        if (to.find("council") != std::string::npos) out[to] += m.at("value").get<double>();
      }
    return out;
  };
  const auto people = west_to_councils(run_mixed_economy(case_named("region_people.json"), "people-check"));
  const auto episodes = west_to_councils(run_mixed_economy(case_named("region.json"), "episodes-check"));
  ASSERT_GT(people.count("west_council") ? people.at("west_council") : 0.0, 20.0);
  EXPECT_EQ(people.size(), 1u) << "only the west council";
  EXPECT_EQ(episodes.size(), 4u) << "every council, by weight";
}

}  // namespace
}  // namespace recordflow::testing
