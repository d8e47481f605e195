// copies_by_route {source, destination, channel}: measured copies created per route, zeros omitted, summing
// to copies_created.
#include <gtest/gtest.h>

#include <string>

#include "RecorderFixture.hpp"

namespace recordflow::testing {
namespace {

class RouteCountsTest : public RecorderTest {
 protected:
  void create_by(std::uint64_t id, Hours t, const Organisation* destination, const std::string* channel) {
    CopyCreated e;
    e.copy_id = id;
    e.patient_id = id;
    e.document = doc("discharge_summary");
    e.source = hospital();
    e.destination = destination;
    e.channel = channel;
    e.time = t;
    recorder().on(e);
  }
  Dimensions route(const std::string& to, const std::string& channel) const {
    return {{"source", "city_hospital"}, {"destination", to}, {"channel", channel}};
  }
  const std::string mesh_ = "mesh";
  const std::string post_ = "post";
  const std::string post_elsewhere_ = "post";  // same text at another address: the same channel
};

TEST_F(RouteCountsTest, CountsMeasuredCopiesPerRouteAndOmitsRoutesWithoutCopies) {
  create_by(1, 30, gp(1), &mesh_);
  create_by(2, 31, gp(1), &mesh_);
  create_by(3, 32, gp(1), &post_);
  create_by(4, 33, gp(2), &post_elsewhere_);
  create_by(5, 10, gp(2), &mesh_);  // warm-up copy: not counted
  create_by(2, 34, gp(2), &mesh_);  // duplicate id: the first one counts
  lose(3, 40);                      // the fate does not matter: created is created
  const ReplicationResult r = recorder().finish(240);
  EXPECT_EQ(r.get("copies_by_route", route("gp_practice#1", "mesh"), -1), 2);
  EXPECT_EQ(r.get("copies_by_route", route("gp_practice#1", "post"), -1), 1);
  EXPECT_EQ(r.get("copies_by_route", route("gp_practice#2", "post"), -1), 1);
  EXPECT_EQ(r.get("copies_by_route", route("gp_practice#2", "mesh"), -1), -1);  // only a warm-up copy
  double total = 0;
  int rows = 0;
  for (const auto& m : r.metrics) {
    if (m.name != "copies_by_route") continue;
    ASSERT_EQ(m.dims.size(), 3u);
    EXPECT_GT(m.value, 0);
    total += m.value;
    ++rows;
  }
  EXPECT_EQ(rows, 3);
  EXPECT_EQ(total, r.get("copies_created"));
}

TEST_F(RouteCountsTest, ACopyWithoutChannelOrSourceIsStillCounted) {
  CopyCreated e;
  e.copy_id = 7;
  e.document = doc("discharge_summary");
  e.destination = gp(1);
  e.time = 50;
  recorder().on(e);
  const ReplicationResult r = recorder().finish(240);
  EXPECT_EQ(r.get("copies_by_route", {{"source", ""}, {"destination", "gp_practice#1"}, {"channel", ""}}, -1),
            1);
}

}  // namespace
}  // namespace recordflow::testing
