// copies_by_route {source, destination, channel}: measured copies created per route, organisations by
// template (as `recordflow graph` draws them), zeros omitted, summing to copies_created.
#include <gtest/gtest.h>

#include <string>

#include "RecorderFixture.hpp"

namespace recordflow::testing {
namespace {

class RouteCountsTest : public RecorderTest {
 protected:
  void create_by(std::uint64_t id, Hours t, const Organisation* source, const Organisation* destination,
                 const std::string* channel) {
    CopyCreated e;
    e.copy_id = id;
    e.patient_id = id;
    e.document = doc("discharge_summary");
    e.source = source;
    e.destination = destination;
    e.channel = channel;
    e.time = t;
    recorder().on(e);
  }
  static Dimensions route(const std::string& source, const std::string& destination,
                          const std::string& channel) {
    return {{"source", source}, {"destination", destination}, {"channel", channel}};
  }
  const std::string mesh_ = "mesh";
  const std::string post_ = "post";
  const std::string post_elsewhere_ = "post";  // same text at another address: the same channel
};

TEST_F(RouteCountsTest, CountsMeasuredCopiesPerRouteByTemplateAndOmitsRoutesWithoutCopies) {
  create_by(1, 30, hospital(), gp(1), &mesh_);
  create_by(2, 31, hospital(), gp(1), &mesh_);
  create_by(3, 32, hospital(), gp(1), &post_);
  create_by(4, 33, hospital(), gp(2), &post_elsewhere_);  // another practice of the same template
  create_by(5, 34, gp(2), hospital(), &mesh_);
  create_by(6, 10, gp(1), hospital(), &post_);  // warm-up copy: not counted
  create_by(2, 35, hospital(), gp(2), &mesh_);  // duplicate id: the first one counts
  lose(3, 40);                                  // the fate does not matter: created is created
  const ReplicationResult r = recorder().finish(240);
  EXPECT_EQ(r.get("copies_by_route", route("city_hospital", "gp_practice", "mesh"), -1), 2);
  EXPECT_EQ(r.get("copies_by_route", route("city_hospital", "gp_practice", "post"), -1), 2);
  EXPECT_EQ(r.get("copies_by_route", route("gp_practice", "city_hospital", "mesh"), -1), 1);
  EXPECT_EQ(r.get("copies_by_route", route("gp_practice", "city_hospital", "post"), -1), -1);  // warm-up only
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

TEST_F(RouteCountsTest, AnOrganisationCountsUnderItsTemplateElseItsName) {
  scenario_.organisations[0].template_name = "hospital_template";
  scenario_.organisations[1].template_name.clear();  // gp_practice#1 declared on its own
  create_by(1, 30, hospital(), gp(1), &mesh_);
  create_by(2, 30, hospital(), gp(2), &mesh_);
  const ReplicationResult r = recorder().finish(240);
  EXPECT_EQ(r.get("copies_by_route", route("hospital_template", "gp_practice#1", "mesh"), -1), 1);
  EXPECT_EQ(r.get("copies_by_route", route("hospital_template", "gp_practice", "mesh"), -1), 1);
}

TEST_F(RouteCountsTest, ACopyWithoutChannelOrSourceIsStillCounted) {
  create_by(7, 50, nullptr, gp(1), nullptr);
  const ReplicationResult r = recorder().finish(240);
  EXPECT_EQ(r.get("copies_by_route", route("", "gp_practice", ""), -1), 1);
}

}  // namespace
}  // namespace recordflow::testing
