// recordflow graph: the topology of a design as Graphviz DOT, or the structural analysis as JSON.
// Reads and validates the scenario like `validate` (diagnostics on stderr, exit 2 when invalid).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/Commands.hpp"
#include "runner/RouteVolumeReader.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "topology/DotExport.hpp"
#include "topology/StructuralAnalysis.hpp"
#include "topology/Topology.hpp"

namespace recordflow {
namespace {

struct GraphOptions {
  std::string file;
  std::string design;
  bool all_instances = false;
  bool analysis = false;
  std::string results;  // results to draw the measured volumes from ("" = none)
};

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string text = format_diagnostics(diagnostics);
  if (!text.empty() && text.back() != '\n') text += '\n';
  std::cerr << text;
}

// The designs to show; empty (with a message on stderr) when --design names none of them.
std::vector<std::string> chosen_designs(const GraphOptions& options, const LoadedScenario& loaded) {
  if (loaded.designs.empty()) {
    std::cerr << "recordflow graph: " << options.file << " declares no design\n";
    return {};
  }
  if (options.design.empty()) {
    if (options.analysis) return loaded.designs;
    return {loaded.designs.front()};
  }
  for (const auto& name : loaded.designs) {
    if (name == options.design) return {name};
  }
  std::cerr << "recordflow graph: " << options.file << " has no design \"" << options.design << "\"";
  const std::string suggestion = did_you_mean(options.design, loaded.designs);
  if (!suggestion.empty()) std::cerr << " (hint: did you mean \"" << suggestion << "\"?)";
  std::cerr << "; designs:";
  for (const auto& name : loaded.designs) std::cerr << " " << name;
  std::cerr << "\n";
  return {};
}

int run_graph(const GraphOptions& options) {
  const LoadedScenario loaded = load_scenario(options.file);
  if (!loaded.ok()) {
    print_diagnostics(loaded.diagnostics);
    return 2;
  }
  const std::vector<std::string> designs = chosen_designs(options, loaded);
  if (designs.empty()) return 2;
  if (!options.results.empty() && (options.analysis || options.all_instances)) {
    std::cerr << "recordflow graph: --results draws volumes per organisation template on the DOT picture; it "
              << "cannot go with " << (options.analysis ? "--analysis" : "--all-instances") << "\n";
    return 2;
  }
  try {
    std::vector<DesignStructure> structures;
    for (const auto& design : designs) {
      const Scenario scenario = build_scenario(loaded.resolved, design, options.file);
      structures.push_back(analyse_structure(scenario));
      if (!options.analysis) {
        std::vector<RouteVolume> volumes;
        if (!options.results.empty()) {
          try {
            volumes = read_route_volumes(options.results, scenario, design);
          } catch (const std::exception& error) {  // unreadable, not JSON, not results of this scenario
            std::cerr << "recordflow graph: --results " << error.what() << "\n";
            return 2;
          }
        }
        std::cout << to_dot(scenario, Topology::build(scenario), structures.back(),
                            DotOptions{options.all_instances, options.results.empty() ? nullptr : &volumes});
      }
    }
    if (options.analysis) std::cout << structure_to_json(structures).dump(2) << "\n";
  } catch (const ScenarioError& error) {
    print_diagnostics(error.diagnostics());
    return 2;
  }
  return 0;
}

}  // namespace

void add_graph_command(CLI::App& app, CommandAction& action) {
  auto* sub = app.add_subcommand(
      "graph", "Print the topology of one design as Graphviz DOT, or the structural analysis as JSON");
  auto options = std::make_shared<GraphOptions>();
  sub->add_option("file", options->file, "Scenario file (JSON)")->required();
  sub->add_option("--design", options->design,
                  "Design to show (default: the first design declared in the scenario; with --analysis, "
                  "every design)");
  sub->add_flag("--all-instances", options->all_instances,
                "Draw every organisation instance instead of one node per template (\"gp_practice x180\")");
  sub->add_flag("--analysis", options->analysis,
                "Print the structural analysis as JSON ({design: {flows, no_electronic_path, cut_systems, "
                "systems, organisations}}, as in the results' \"structure\") instead of DOT");
  sub->add_option(
      "--results", options->results,
      "Results of this scenario (results.json or its directory): label the drawing with the measured "
      "copies per year of each route (copies_by_route) and fade links no measured copy used");
  sub->footer(
      "The DOT output is one digraph (render it with `dot -Tsvg`); its opening // comment lines carry the "
      "structural analysis. Exit codes: 0 ok, 2 invalid usage, invalid scenario, or --results missing, "
      "unreadable, "
      "not results of this scenario or without the design (diagnostics on stderr).");
  sub->callback([&action, options] { action = [options] { return run_graph(*options); }; });
}

}  // namespace recordflow
