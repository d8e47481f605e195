// `recordflow compare` as a user runs it, on results documents built from synthetic replications whose
// differences are known: the headline table (units, intervals, verdicts), -m repeatable and
// comma-separated, unknown metrics (exit 2 with near names), -b/-d, --all-pairs, design labels and sweep
// points labelled by their factor values.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "../runner/RunBinary.hpp"
#include "runner/AtomicFile.hpp"
#include "runner/ResultsDocument.hpp"

namespace recordflow {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Design `b` has a gap rate 0.05 below `a` in every replication (give or take 0.001: better, surely),
// `c` 0.05 above (worse); copies_lost alternates +-1 around the same mean in `b` (no clear difference).
PointReplication replication(const std::string& design, int i, int point = 0) {
  const double shift = design == "a" ? 0 : design == "b" ? -0.05 : 0.05;
  PointReplication pr;
  pr.point = point;
  pr.result.design = design;
  pr.result.replication = i;
  pr.result.seed = 7;
  pr.result.metrics = {
      {"copies_lost", {}, 10.0 + (design == "b" ? (i % 2 ? 1.0 : -1.0) : 0.0) + point},
      {"gap_rate", {}, 0.2 + shift + 0.001 * (i % 3) + 0.01 * point},
      {"gaps", {{"cause", "lost"}}, 3.0 + i},
      {"staff_hours_per_year", {}, 4200.0 - (design == "b" ? 2000 : 0) + 10 * i},
  };
  return pr;
}

fs::path write_results(const std::string& name, bool sweep) {
  ResultsInput input;
  input.designs = {"a", "b", "c"};
  input.baseline = "a";
  input.manifest = {{"seed", 7},
                    {"complete", true},  // a finished set: compare refuses an incomplete one
                    {"designs", input.designs},
                    {"baseline", "a"},
                    {"scenario", {{"designs", {{"b", {{"label", "Bee design"}}}}}}}};
  if (sweep) {
    input.points = {json{{"/population", 1000}}, json{{"/population", 2000}}};
    input.manifest["points"] = json::array(
        {{{"point", 0}, {"factors", input.points[0]}}, {{"point", 1}, {"factors", input.points[1]}}});
  }
  for (int p = 0; p < (sweep ? 2 : 1); ++p)
    for (const auto& d : input.designs)
      for (int i = 0; i < 6; ++i) input.replications.push_back(replication(d, i, p));
  const fs::path dir = fs::temp_directory_path() / ("recordflow-compare-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / (name + ".json");
  write_file_atomically(file, results_text(build_results_document(input)));
  return file;
}

testing::Invocation compare(std::vector<std::string> args) {
  args.insert(args.begin(), "compare");
  return testing::run_binary(
      args, fs::temp_directory_path() / ("recordflow-compare-" + std::to_string(::getpid())) / "capture");
}

// The table line of a metric within the block that compares `title` with its baseline.
std::string row_of(const std::string& out, const std::string& title, const std::string& label) {
  const auto block = out.find(title + "  compared with");
  if (block == std::string::npos) return "";
  const auto at = out.find("\n" + label + " ", block);
  if (at == std::string::npos) return "";
  return out.substr(at + 1, out.find('\n', at + 1) - at - 1);
}

TEST(CompareCommand, HeadlineTableHasUnitsIntervalsAndVerdicts) {
  const auto r = compare({write_results("one", false).string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string b_gap = row_of(r.out, "Bee design (b)", "gap rate");
  EXPECT_NE(b_gap.find("%"), std::string::npos) << b_gap;
  EXPECT_NE(b_gap.find("-5.00 ["), std::string::npos) << b_gap;  // -0.05 in percentage points
  EXPECT_NE(b_gap.find("pp"), std::string::npos) << b_gap;
  EXPECT_NE(b_gap.find("better"), std::string::npos) << b_gap;
  EXPECT_NE(row_of(r.out, "c", "gap rate").find("worse"), std::string::npos) << r.out;
  EXPECT_NE(row_of(r.out, "Bee design (b)", "copies lost").find("no clear difference"), std::string::npos)
      << r.out;
  EXPECT_NE(row_of(r.out, "Bee design (b)", "staff time").find("hours/year"), std::string::npos) << r.out;
  EXPECT_NE(row_of(r.out, "Bee design (b)", "staff time").find("-2,000"), std::string::npos) << r.out;
  // Breakdown rows (gaps by cause) are not headline rows.
  EXPECT_EQ(r.out.find("cause=lost"), std::string::npos) << r.out;
}

TEST(CompareCommand, MetricsRepeatableOrCommaSeparated) {
  const fs::path file = write_results("metrics", false);
  const auto comma = compare({file.string(), "-m", "gap_rate,copies_lost"});
  const auto repeated = compare({file.string(), "-m", "gap_rate", "-m", "copies_lost"});
  ASSERT_EQ(comma.exit_code, 0) << comma.err;
  EXPECT_EQ(comma.out, repeated.out);
  EXPECT_NE(comma.out.find("gap rate"), std::string::npos);
  EXPECT_NE(comma.out.find("copies lost"), std::string::npos);
  EXPECT_EQ(comma.out.find("staff time"), std::string::npos);
  // A metric without an overall row shows its breakdown rows.
  const auto gaps = compare({file.string(), "-m", "gaps"});
  EXPECT_NE(gaps.out.find("gaps {cause=lost}"), std::string::npos) << gaps.out;
}

TEST(CompareCommand, UnknownMetricExitsTwoListingNearNames) {
  const auto r = compare({write_results("unknown", false).string(), "-m", "gap_rat"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("unknown metric \"gap_rat\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("gap_rate"), std::string::npos) << r.err;
}

TEST(CompareCommand, AnyTwoDesignsAndAllPairs) {
  const fs::path file = write_results("pairs", false);
  auto r = compare({file.string(), "-b", "b", "-d", "c"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("c  compared with  Bee design (b)"), std::string::npos) << r.out;
  EXPECT_NE(row_of(r.out, "c", "gap rate").find("+10.00 ["), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("compared with  a"), std::string::npos) << r.out;
  r = compare({file.string(), "--all-pairs"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Bee design (b)  compared with  a"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("c  compared with  a"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("c  compared with  Bee design (b)"), std::string::npos) << r.out;
  r = compare({file.string(), "-d", "nosuch"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("designs: a, b, c"), std::string::npos) << r.err;
}

TEST(CompareCommand, SweepPointsLabelledByFactorValues) {
  const fs::path file = write_results("sweep", true);
  auto r = compare({file.string(), "-d", "c"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("sweep point 0: /population=1000"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("sweep point 1: /population=2000"), std::string::npos) << r.out;
  r = compare({file.string(), "--breakdown", "-m", "gap_rate"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("c @ /population=2000"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find(" @1"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace recordflow
