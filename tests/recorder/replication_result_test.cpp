// ReplicationResult: add/get, and a JSON round trip that preserves every double bit for bit.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <tuple>

#include "RecorderFixture.hpp"

namespace recordflow::testing {
namespace {

TEST(ReplicationResultTest, AddSortsDimensionsAndGetFindsExactDimensions) {
  ReplicationResult r;
  r.add("gaps", {{"encounter_type", "gp"}, {"cause", "lost"}}, 3);
  r.add("gaps", {}, 7);
  ASSERT_EQ(r.metrics[0].dims.front().first, "cause");
  EXPECT_EQ(r.get("gaps", {{"cause", "lost"}, {"encounter_type", "gp"}}), 3);
  EXPECT_EQ(r.get("gaps"), 7);
  EXPECT_EQ(r.get("gaps", {{"cause", "lost"}}, -2), -2);
}

TEST(ReplicationResultTest, JsonRoundTripIsExact) {
  ReplicationResult r;
  r.design = "hub";
  r.replication = 7;
  r.seed = std::numeric_limits<std::uint64_t>::max();
  r.simulated_events = 123456789012345ULL;
  r.wall_seconds = 0.1;
  const double tricky[] = {0.1,
                           1.0 / 3.0,
                           2.0 / 3.0,
                           1e-300,
                           std::numeric_limits<double>::denorm_min(),
                           std::numeric_limits<double>::max(),
                           -0.0,
                           123456.789e10,
                           0.30000000000000004,
                           9007199254740993.0,
                           5e-324,
                           1.7976931348623157e308};
  for (std::size_t i = 0; i < std::size(tricky); ++i) r.add("m" + std::to_string(i), {{"k", "v"}}, tricky[i]);
  // Deterministic pseudo-random bit patterns over the whole finite range.
  std::uint64_t x = 0x9E3779B97F4A7C15ULL;
  for (int i = 0; i < 2000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    const double v = std::bit_cast<double>(x);
    if (std::isfinite(v)) r.add("random", {{"i", std::to_string(i)}}, v);
  }
  r.series.push_back({"backlog", {{"system", "hub"}}, {0, 1.5, 1.0 / 7.0}, {}});
  r.series.push_back({"backlog_hourly", {{"system", "hub"}}, {4, 2}, {47, 49}});  // hours kept with values
  const double open = std::numeric_limits<double>::quiet_NaN();
  r.outage_episodes.push_back({"system", "hub", 20, open, "incident", "ransomware", "", true, open});
  r.outage_episodes.push_back({"zone", "dc", 1.0 / 3.0, 2.5, "zone_incident", "fire", "dc", false, 4.25});

  const std::string text = nlohmann::json(r).dump();
  const ReplicationResult back = nlohmann::json::parse(text).get<ReplicationResult>();
  EXPECT_EQ(back.design, r.design);
  EXPECT_EQ(back.replication, r.replication);
  EXPECT_EQ(back.seed, r.seed);
  EXPECT_EQ(back.simulated_events, r.simulated_events);
  EXPECT_EQ(back.wall_seconds, r.wall_seconds);
  ASSERT_EQ(back.metrics.size(), r.metrics.size());
  for (std::size_t i = 0; i < r.metrics.size(); ++i) {
    EXPECT_EQ(back.metrics[i].name, r.metrics[i].name);
    EXPECT_EQ(back.metrics[i].dims, r.metrics[i].dims);
    EXPECT_EQ(std::bit_cast<std::uint64_t>(back.metrics[i].value),
              std::bit_cast<std::uint64_t>(r.metrics[i].value))
        << r.metrics[i].name << " " << r.metrics[i].value;
  }
  ASSERT_EQ(back.series.size(), 2u);
  EXPECT_EQ(back.series[0].values, r.series[0].values);
  EXPECT_TRUE(back.series[0].hours.empty());
  EXPECT_EQ(back.series[1].values, r.series[1].values);
  EXPECT_EQ(back.series[1].hours, (std::vector<std::uint32_t>{47, 49}));
  ASSERT_EQ(back.outage_episodes.size(), 2u);
  const OutageEpisode& a = back.outage_episodes[0];
  EXPECT_EQ(std::tie(a.level, a.name, a.start, a.cause, a.incident, a.zone, a.left_backlog),
            std::make_tuple(std::string("system"), std::string("hub"), 20.0, std::string("incident"),
                            std::string("ransomware"), std::string(), true));
  EXPECT_TRUE(std::isnan(a.end) && std::isnan(a.backlog_clear_time)) << "null reads back as unset";
  const OutageEpisode& b = back.outage_episodes[1];
  EXPECT_EQ(std::tie(b.start, b.end, b.zone, b.backlog_clear_time),
            std::make_tuple(1.0 / 3.0, 2.5, std::string("dc"), 4.25));
  EXPECT_TRUE(nlohmann::json::parse(text)["outage_episodes"][1]["zone"].is_string());
  EXPECT_TRUE(nlohmann::json::parse(text)["outage_episodes"][0]["zone"].is_null())
      << "\"\" is written as null";
  EXPECT_EQ(nlohmann::json(back).dump(), text) << "writing again gives the same bytes";
}

TEST(ReplicationResultTest, JsonShapeMatchesTheResultsFormat) {
  ReplicationResult r;
  r.design = "today";
  r.add("gap_rate", {}, 0.25);
  r.add("gaps", {{"cause", "lost"}}, 2);
  const nlohmann::json j = r;
  EXPECT_EQ(j["metrics"][0],
            (nlohmann::json{{"metric", "gap_rate"}, {"dims", nlohmann::json::object()}, {"value", 0.25}}));
  EXPECT_EQ(j["metrics"][1]["dims"], (nlohmann::json{{"cause", "lost"}}));
  EXPECT_TRUE(j["series"].is_array());
}

TEST(ReplicationResultTest, NonFiniteValuesBecomeNullAndReadBackAsNaN) {
  ReplicationResult r;
  r.add("x", {}, std::numeric_limits<double>::quiet_NaN());
  const nlohmann::json j = r;
  EXPECT_TRUE(j["metrics"][0]["value"].is_null());
  const ReplicationResult back = nlohmann::json::parse(j.dump()).get<ReplicationResult>();
  EXPECT_TRUE(std::isnan(back.metrics[0].value));
}

class RecorderJsonTest : public RecorderTest {};

TEST_F(RecorderJsonTest, SameEventsGiveByteIdenticalJson) {
  auto run = [this] {
    recorder_.reset();
    create(1, 30);
    create(2, 31, "ed_summary");
    arrive(1, 40.125);
    need(1, NeedOutcome::in_transit, 35);
    recorder().on(StaffWork{hospital(), "print", 2.5, 33});
    queue("hub", 4, 36);
    return nlohmann::json(recorder().finish(240)).dump();
  };
  const std::string first = run();
  EXPECT_EQ(run(), first);
  const ReplicationResult back = nlohmann::json::parse(first).get<ReplicationResult>();
  EXPECT_EQ(nlohmann::json(back).dump(), first);
}

}  // namespace
}  // namespace recordflow::testing
