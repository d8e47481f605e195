// End-to-end: the outage episodes and the staff queue series through the real `recordflow run`, on the
// closed-form scenarios tests/closed_form/scenarios/outage_episodes.json (scripted outages at known
// times; its description lists the six episodes each replication must report) and staff_queue.json (a
// staff pool closed on days 3 and 4 while letters arrive at 2/h).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <sstream>

#include "RunBinary.hpp"
#include "SchemaCheck.hpp"

namespace recordflow {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Runs a closed-form scenario into a fresh directory; empty json when the run fails (reported).
json run_closed_form(const std::string& file, const fs::path& out) {
  const auto r = testing::run_binary(
      {"run", "tests/closed_form/scenarios/" + file, "--out", out.string(), "--quiet", "--jobs", "2"},
      out.string() + ".log");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  if (r.exit_code != 0) return json();
  return json::parse(read_file(out / "results.json"));
}

struct Expected {
  std::string level, name;
  double start;
  double end;  // NaN: open at the horizon
  std::string cause, incident, zone;
  bool left_backlog;
};

const json* series_of(const json& replication, const std::string& name) {
  for (const json& s : replication.at("series"))
    if (s.at("name") == name) return &s;
  return nullptr;
}

double metric_of(const json& replication, const std::string& name, const json& dims) {
  for (const json& m : replication.at("metrics"))
    if (m.at("metric") == name && m.at("dims") == dims) return m.at("value").get<double>();
  return NAN;
}

}  // namespace

TEST(OutageOutputs, ScriptedOutagesGiveExactlyTheirEpisodes) {
  const fs::path out = testing::scratch_path("recordflow-outages", "episodes");
  const json results = run_closed_form("outage_episodes.json", out);
  ASSERT_FALSE(results.is_null());
  EXPECT_EQ(testing::schema_errors(results), "");
  const std::vector<Expected> expected{
      {"link", "hscn", 72, 74, "link_incident", "fibre_cut", "", false},
      {"system", "gp_system", 192, 216, "zone_incident", "hosting_fire", "gp_hosting", false},
      {"system", "gp_system", 264, NAN, "incident", "supplier_outage", "", false},
      {"system", "interface_engine", 48, 54, "planned", "", "", true},
      {"system", "interface_engine", 120, 132, "incident", "ransomware", "", true},
      {"zone", "gp_hosting", 192, 216, "zone_incident", "hosting_fire", "gp_hosting", false},
  };
  ASSERT_EQ(results.at("replications").size(), 2u);
  for (const json& r : results.at("replications")) {
    const json& episodes = r.at("outage_episodes");
    ASSERT_EQ(episodes.size(), expected.size()) << episodes.dump(1);
    double clear_sum = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const Expected& x = expected[i];
      const json& e = episodes[i];
      SCOPED_TRACE(e.dump());
      EXPECT_EQ(e.at("level"), x.level);
      EXPECT_EQ(e.at("name"), x.name);
      EXPECT_NEAR(e.at("start").get<double>(), x.start, 1e-6);
      if (std::isnan(x.end)) {
        EXPECT_TRUE(e.at("end").is_null());
      } else {
        EXPECT_NEAR(e.at("end").get<double>(), x.end, 1e-6);
      }
      EXPECT_EQ(e.at("cause"), x.cause);
      EXPECT_EQ(e.at("incident"), x.incident.empty() ? json() : json(x.incident));
      EXPECT_EQ(e.at("zone"), x.zone.empty() ? json() : json(x.zone));
      EXPECT_EQ(e.at("left_backlog"), x.left_backlog);
      // A backlog drains at 2/h on average: it clears, after the recovery and well before the horizon.
      if (x.left_backlog) {
        ASSERT_TRUE(e.at("backlog_clear_time").is_number());
        const double clear = e.at("backlog_clear_time").get<double>();
        EXPECT_GT(clear, 0);
        EXPECT_LT(clear, 288 - x.end);
        clear_sum += clear;
      } else {
        EXPECT_TRUE(e.at("backlog_clear_time").is_null());
      }
    }
    // Both backlogged outages end after the warm-up: the metric is the mean of their clear times.
    EXPECT_NEAR(metric_of(r, "backlog_clear_time", {{"system", "interface_engine"}}), clear_sum / 2, 1e-9);
  }

  // The tidy file has one row per episode and replication, an open end as an empty field.
  std::istringstream csv(read_file(out / "tidy_outages.csv"));
  std::string line;
  std::getline(csv, line);
  EXPECT_EQ(line,
            "design,replication,level,name,start_hours,end_hours,cause,incident,zone,left_backlog,"
            "backlog_clear_time_hours");
  std::vector<std::string> rows;
  while (std::getline(csv, line)) rows.push_back(line);
  ASSERT_EQ(rows.size(), 2 * expected.size());
  EXPECT_EQ(rows[2], "engine,0,system,gp_system,264.0,,incident,supplier_outage,,false,");
  EXPECT_EQ(rows[6].rfind("engine,1,link,hscn,72.0,74.0,link_incident,fibre_cut,,false,", 0), 0u);
  fs::remove_all(out);
}

TEST(OutageOutputs, ClosedStaffPoolQueuesEveryArrivalOfItsClosedDays) {
  const fs::path out = testing::scratch_path("recordflow-outages", "staff-queue");
  const json results = run_closed_form("staff_queue.json", out);
  ASSERT_FALSE(results.is_null());
  EXPECT_EQ(testing::schema_errors(results), "");
  double end_of_day_4 = 0;
  const auto& replications = results.at("replications");
  for (const json& r : replications) {
    const json* queue = series_of(r, "staff_queue");
    const json* created = series_of(r, "copies_created");
    ASSERT_TRUE(queue != nullptr && created != nullptr);
    EXPECT_EQ(queue->at("dims"), json({{"pool", "practice/admin"}}));
    const auto q = queue->at("values").get<std::vector<double>>();
    const auto c = created->at("values").get<std::vector<double>>();
    ASSERT_EQ(q.size(), 7u);
    EXPECT_EQ(q[2], 0);
    EXPECT_EQ(q[3], c[3]);
    EXPECT_EQ(q[4], c[3] + c[4]);
    EXPECT_EQ(q[5], 0);
    EXPECT_EQ(q[6], 0);
    end_of_day_4 += q[4];
  }
  // Poisson: expectation 2/h x 48 h = 96 per replication, within 3.29 standard deviations of the mean.
  const double n = static_cast<double>(replications.size());
  EXPECT_NEAR(end_of_day_4 / n, 96.0, 3.29 * std::sqrt(96.0 / n));
  fs::remove_all(out);
}

}  // namespace recordflow
