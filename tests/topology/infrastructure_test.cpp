// The platform graph of a declared infrastructure: routes by latency (not by hop count), zones that hold
// systems transitively, articulation points of a small platform whose cut vertices are known, and the
// flows that depend on each element.
#include <gtest/gtest.h>

#include <algorithm>

#include "ScenarioFixtures.hpp"
#include "scenario/Infrastructure.hpp"
#include "topology/InfrastructureGraph.hpp"
#include "topology/StructuralAnalysis.hpp"
#include "topology/Topology.hpp"

namespace recordflow {
namespace {

using testing::add_design;
using testing::base_scenario;
using Names = std::vector<std::string>;

Hours ms(double milliseconds) {
  return milliseconds / 1000 / 3600;
}

// city_epr in the trust's server room; mesh, engine, hub and spine in a data centre; gp_system in a
// supplier's hosting inside the data centre; one national network joining the server room and the data
// centre. Known cut vertices: the server room, the network, the data centre and the hosting zone.
Scenario star_platform() {
  Scenario scenario = base_scenario(3);
  Infrastructure& infra = scenario.infrastructure;
  infra.zones["trust_room"] = Zone{"trust_room", "server_room", "", {"city_epr"}};
  infra.zones["dc"] = Zone{"dc", "data_centre", "", {"engine", "hub", "mesh", "spine"}};
  infra.zones["gp_hosting"] = Zone{"gp_hosting", "hosting", "dc", {"gp_system"}};
  infra.links["hscn"] = NetworkLink{"hscn", "health_network", ms(8), 125e6, {"trust_room", "dc"}};
  return scenario;
}

std::vector<std::string> point_names(const InfrastructureGraph& graph) {
  Names names;
  for (const auto i : graph.articulation_points())
    names.push_back(std::string(to_string(graph.elements()[i].kind)) + ":" + graph.elements()[i].name);
  return names;
}

TEST(InfrastructureGraph, ZonesHoldSystemsThroughNesting) {
  const Scenario scenario = star_platform();
  EXPECT_EQ(zones_holding(scenario.infrastructure, "gp_system"), (Names{"gp_hosting", "dc"}));
  EXPECT_EQ(systems_in_zone(scenario.infrastructure, "dc"),
            (Names{"engine", "gp_system", "hub", "mesh", "spine"}));
  Scenario with_incident = scenario;
  with_incident.infrastructure.incidents.push_back({"dc", "", Incident{"fire", 10, 5, {}}});
  EXPECT_EQ(zone_incidents_hitting(with_incident.infrastructure, "gp_system").size(), 1u);
  EXPECT_TRUE(zone_incidents_hitting(with_incident.infrastructure, "city_epr").empty());
}

TEST(InfrastructureGraph, KnownArticulationPoints) {
  const Scenario scenario = star_platform();
  const auto graph = InfrastructureGraph::build(scenario, {});
  EXPECT_EQ(point_names(graph), (Names{"zone:dc", "zone:gp_hosting", "zone:trust_room", "link:hscn"}));
  // A second network between the server room and the data centre: the first is no longer a cut vertex.
  Scenario redundant = scenario;
  redundant.infrastructure.links["internet"] =
      NetworkLink{"internet", "internet", ms(30), 12.5e6, {"trust_room", "dc"}};
  EXPECT_EQ(point_names(InfrastructureGraph::build(redundant, {})),
            (Names{"zone:dc", "zone:gp_hosting", "zone:trust_room"}));
}

TEST(InfrastructureGraph, RoutesTakeTheLowestLatencyNotTheFewestLinks) {
  Scenario scenario = star_platform();
  Infrastructure& infra = scenario.infrastructure;
  infra.links.erase("hscn");
  infra.zones["exchange"] = Zone{"exchange", "other", "", {}};
  infra.links["hscn_a"] = NetworkLink{"hscn_a", "health_network", ms(2), 125e6, {"trust_room", "exchange"}};
  infra.links["hscn_b"] = NetworkLink{"hscn_b", "health_network", ms(2), 125e6, {"exchange", "dc"}};
  infra.links["internet"] = NetworkLink{"internet", "internet", ms(30), 12.5e6, {"trust_room", "dc"}};
  const auto graph = InfrastructureGraph::build(scenario, {});
  const auto route = graph.route("city_epr", "mesh");
  ASSERT_TRUE(route.has_value());
  EXPECT_EQ(route->links, (Names{"hscn_a", "hscn_b"}));
  EXPECT_NEAR(route->latency, ms(4), 1e-15);
  // Within one zone family no link is crossed; a system is never a transit point.
  EXPECT_TRUE(graph.route("mesh", "gp_system")->links.empty());
  infra.links["internet"].latency = ms(3);
  EXPECT_EQ(InfrastructureGraph::build(scenario, {}).route("city_epr", "mesh")->links, (Names{"internet"}));
}

TEST(InfrastructureGraph, WithoutInfrastructureEachHopHasItsOwnLink) {
  const Scenario scenario = base_scenario(3);
  const auto graph = InfrastructureGraph::build(scenario, {{"city_epr", "mesh"}, {"mesh", "gp_system"}});
  EXPECT_FALSE(graph.declared());
  ASSERT_EQ(graph.links().size(), 2u);
  EXPECT_EQ(graph.route("city_epr", "mesh")->links, (Names{"city_epr--mesh"}));
  EXPECT_FALSE(graph.route("city_epr", "gp_system").has_value());  // no system is a router
}

TEST(InfrastructureAnalysis, FlowsDependOnTheElementsOfTheirRoutes) {
  Scenario scenario = star_platform();
  add_design(scenario, "message", {{"message", 1.0}});
  const DesignStructure structure = analyse_structure(scenario);
  ASSERT_TRUE(structure.infrastructure_declared);
  auto entry = [&](const std::string& name) -> const InfrastructureDependency* {
    for (const auto& d : structure.infrastructure)
      if (d.element.name == name) return &d;
    return nullptr;
  };
  const FlowChannel message{FlowKey{"discharge_summary", OrgType::acute, OrgType::primary}, "message"};
  for (const char* name : {"hscn", "dc", "gp_hosting", "trust_room", "gp_system", "mesh", "city_epr"}) {
    SCOPED_TRACE(name);
    ASSERT_NE(entry(name), nullptr);
    EXPECT_EQ(entry(name)->flows, std::vector<FlowChannel>{message});
  }
  EXPECT_TRUE(entry("hscn")->articulation_point);
  EXPECT_FALSE(entry("gp_system")->articulation_point);
  EXPECT_EQ(entry("hub"), nullptr);  // not on the message's walk, not a cut vertex
  const auto json = structure_to_json(structure);
  ASSERT_TRUE(json.contains("infrastructure_single_points_of_failure"));
  // Without a declared infrastructure the structure keeps its former shape.
  Scenario plain = base_scenario(3);
  add_design(plain, "message", {{"message", 1.0}});
  EXPECT_FALSE(
      structure_to_json(analyse_structure(plain)).contains("infrastructure_single_points_of_failure"));
}

}  // namespace
}  // namespace recordflow
