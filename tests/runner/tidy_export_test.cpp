#include "runner/TidyExport.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "SyntheticResults.hpp"

namespace recordflow {

TEST(TidyExport, ColumnsAndOneRowPerMetricValue) {
  const auto doc = build_results_document(testing::synthetic_run({"today", "hub"}, {0, 1}, 2));
  const TidyTable t = tidy_table(doc);
  EXPECT_EQ(t.columns, (std::vector<std::string>{"design", "replication", "metric", "level", "dims", "cause",
                                                 "encounter_type", "unit", "value"}));
  EXPECT_EQ(t.rows.size(), 2u * 2u * 3u);
  const std::string csv = tidy_csv(t);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "design,replication,metric,level,dims,cause,encounter_type,unit,value");
  // First row: design today, replication 0, metrics sorted by name then dims. The overall row and the
  // breakdown rows of a metric are told apart by `level`; each row says its unit.
  EXPECT_NE(csv.find("\ntoday,0,gap_rate,overall,,,,share,0.1\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("today,0,gaps,breakdown,cause=outage,outage,,count,3.0\n"), std::string::npos) << csv;
  // Fields with commas or quotes are quoted.
  EXPECT_NE(csv.find("\"cause=in_transit;encounter_type=gp, \"\"visit\"\"\""), std::string::npos) << csv;
}

TEST(TidyExport, JsonLinesMatchTheCsvRows) {
  const auto doc = build_results_document(testing::synthetic_run({"today"}, {0}, 1));
  const TidyTable t = tidy_table(doc);
  const std::string jsonl = tidy_jsonl(t);
  std::size_t lines = 0, start = 0;
  while (start < jsonl.size()) {
    const auto end = jsonl.find('\n', start);
    const auto row = nlohmann::json::parse(jsonl.substr(start, end - start));
    EXPECT_EQ(row.at("design"), "today");
    EXPECT_TRUE(row.contains("value"));
    start = end + 1;
    ++lines;
  }
  EXPECT_EQ(lines, t.rows.size());
  EXPECT_EQ(
      jsonl.substr(0, jsonl.find('\n')),
      R"({"design":"today","replication":0,"metric":"gap_rate","level":"overall","dims":"","unit":"share","value":0.1})");
}

TEST(TidyExport, SweepRowsCarryThePointAndFactors) {
  ResultsInput input = testing::synthetic_run({"today"}, {0}, 1);
  input.points = {nlohmann::json{{"/population", 1000}}, nlohmann::json{{"/population", 2000}}};
  input.replications.push_back(testing::synthetic("today", 0, 0, 1));
  const TidyTable t = tidy_table(build_results_document(input));
  EXPECT_EQ(t.columns[0], "point");
  EXPECT_EQ(t.columns[1], "/population");
  EXPECT_EQ(t.rows.back()[0], 1);
  EXPECT_EQ(t.rows.back()[1], 2000);
}

// The daily series: one row per design x replication x series x dimensions x day, with the day's index.
TEST(TidyExport, SeriesTableHasOneRowPerDay) {
  const auto doc = build_results_document(testing::synthetic_run({"today", "hub"}, {0, 1}, 2));
  const TidyTable t = tidy_series_table(doc);
  EXPECT_EQ(t.columns, (std::vector<std::string>{"design", "replication", "series", "dims", "system", "day",
                                                 "hour", "unit", "value"}));
  EXPECT_EQ(t.rows.size(), 2u * 2u * 3u);  // designs x replications x days of the one backlog series
  const std::string csv = tidy_csv(t);
  // hub, replication 1: backlog 1 + replication, 2, 3 + shift on days 0, 1, 2.
  EXPECT_NE(csv.find("\nhub,1,backlog,system=hub,hub,0,,count,2.0\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\nhub,1,backlog,system=hub,hub,2,,count,4.0\n"), std::string::npos) << csv;
}

// Outage episodes: one row per design x replication x episode, through results.json's replication entries
// (written and read back); an open end and an unset clear time are empty fields, sweeps add the point.
TEST(TidyExport, OutageTableHasOneRowPerEpisode) {
  ResultsInput input = testing::synthetic_run({"today"}, {0}, 1);
  input.points = {nlohmann::json{{"/population", 1000}}, nlohmann::json{{"/population", 2000}}};
  const double unset = std::numeric_limits<double>::quiet_NaN();
  input.replications[0].result.outage_episodes = {
      {"system", "hub", 48, 54, "planned", "", "", true, 16.5},
      {"system", "hub", 264, unset, "incident", "ransomware", "", false, unset}};
  input.replications.push_back(testing::synthetic("today", 0, 0, 1));  // point 1: no episodes
  const TidyTable t = tidy_outages_table(build_results_document(input));
  EXPECT_EQ(t.columns, (std::vector<std::string>{"point", "/population", "design", "replication", "level",
                                                 "name", "start_hours", "end_hours", "cause", "incident",
                                                 "zone", "left_backlog", "backlog_clear_time_hours"}));
  ASSERT_EQ(t.rows.size(), 2u);
  const std::string csv = tidy_csv(t);
  EXPECT_NE(csv.find("\n0,1000,today,0,system,hub,48.0,54.0,planned,,,true,16.5\n"), std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\n0,1000,today,0,system,hub,264.0,,incident,ransomware,,false,\n"), std::string::npos)
      << csv;
  EXPECT_EQ(tidy_jsonl(t).find("end_hours\":null"), std::string::npos) << "empty fields are left out";
}

}  // namespace recordflow
