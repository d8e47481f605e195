// Record views: counts per view after the warm-up, per-resident rates and shares by hand, and the event
// log's view lines.
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "RecorderFixture.hpp"

namespace recordflow::testing {
namespace {

namespace fs = std::filesystem;

class ViewsTest : public RecorderTest {
 protected:
  ViewsTest() {
    AccessProfile portal;
    portal.name = "portal";
    scenario_.access_profiles["portal"] = portal;
    scenario_.systems["hub"].access_profile = "portal";
    scenario_.population = 1000;
  }
  void view(std::uint64_t encounter, const char* kind, const std::string& place, bool opened, bool held_new,
            double minutes, Hours t) {
    RecordViewed e;
    e.encounter_id = encounter;
    e.organisation = gp(1);
    e.place = system(place);
    e.view = kind;
    e.opened = opened;
    e.held_new = held_new;
    e.minutes = opened ? minutes : 0.0;
    e.time = t;
    recorder().on(e);
  }
  void encounters() {
    view(9, "portal", "hub", true, true, 6, 10);  // warm-up: not counted
    view(1, "local_record", "gp_system", true, false, 3, 30);
    view(1, "portal", "hub", true, true, 6, 30);
    view(2, "local_record", "gp_system", true, false, 3, 40);
    view(2, "portal", "hub", false, true, 6, 40);
    view(3, "local_record", "gp_system", false, false, 3, 50);
    view(3, "portal", "hub", true, false, 6, 50);
  }
};

TEST_F(ViewsTest, CountsSharesAndRatesPerView) {
  encounters();
  const ReplicationResult r = recorder().finish(240);
  const Dimensions portal{{"view", "portal"}}, local{{"view", "local_record"}};
  EXPECT_EQ(r.get("record_views_offered", portal), 3);
  EXPECT_EQ(r.get("record_views", portal), 2);
  EXPECT_EQ(r.get("record_view_minutes", portal), 12);
  EXPECT_DOUBLE_EQ(r.get("share_encounters_opened", portal), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(r.get("share_encounters_held_new", portal), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(r.get("share_views_with_new", portal), 1.0 / 2.0);
  // 216 measured hours are 216 / 730.5 months of 1,000 residents.
  EXPECT_DOUBLE_EQ(r.get("record_views_per_resident_month", portal), 2.0 / (1000.0 * 216.0 / 730.5));
  EXPECT_EQ(r.get("record_views", local), 2);
  EXPECT_EQ(r.get("share_encounters_held_new", local, -1), 0);
  // Every view of the scenario has its count rows, zeros included: the systems without a profile.
  const Dimensions unprofiled{{"view", "unprofiled"}};
  EXPECT_EQ(r.get("record_views_offered", unprofiled, -1), 0);
  EXPECT_EQ(r.get("share_encounters_opened", unprofiled, -1), -1) << "no share without an offer";
}

TEST_F(ViewsTest, OpenedViewsAfterTheWarmUpAreLogged) {
  const fs::path dir = fs::temp_directory_path() / ("recordflow_views_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  options_.event_log_path = (dir / "events.jsonl").string();
  encounters();
  recorder().finish(240);
  std::ifstream in(dir / "events.jsonl");
  std::vector<nlohmann::json> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  fs::remove_all(dir);
  ASSERT_EQ(lines.size(), 4u) << "the four views opened after the warm-up";
  EXPECT_EQ(lines[1]["case"], "encounter/1");
  EXPECT_EQ(lines[1]["activity"], "view");
  EXPECT_EQ(lines[1]["resource"], "hub");
  EXPECT_EQ(lines[1]["organisation"], "gp_practice#1");
  EXPECT_EQ(lines[1]["start"], 30.0);
  EXPECT_DOUBLE_EQ(lines[1]["end"].get<double>(), 30.0 + 6.0 / 60.0);
  EXPECT_EQ(lines[1]["view"], "portal");
  EXPECT_EQ(lines[1]["held_new"], true);
  EXPECT_EQ(lines[3]["case"], "encounter/3");
  EXPECT_EQ(lines[3]["held_new"], false);
}

}  // namespace
}  // namespace recordflow::testing
