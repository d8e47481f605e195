// The scenario schema is a valid draft-7 JSON Schema, is the file compiled into the binary, and documents
// every property it declares.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "TestPaths.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "scenario/SchemaValidator.hpp"

namespace recordflow {
namespace {

using nlohmann::json;

json read(const std::filesystem::path& path) {
  return json::parse(std::ifstream(path));
}

TEST(Schema, IsAValidDraft7Schema) {
  const json meta = read(test::source_dir() / "tests/scenario/data/draft-07-schema.json");
  const json schema = json::parse(scenario_schema_text());
  const auto diagnostics = validate_against(meta, schema, "scenario.schema.json");
  EXPECT_TRUE(diagnostics.empty()) << format_diagnostics(diagnostics);
  EXPECT_EQ(schema["$schema"], "http://json-schema.org/draft-07/schema#");
  EXPECT_EQ(schema["required"], json::array({"recordflow"}));
}

TEST(Schema, MetaSchemaCheckCatchesABrokenSchema) {
  const json meta = read(test::source_dir() / "tests/scenario/data/draft-07-schema.json");
  const json broken = {{"type", "objekt"}, {"required", "recordflow"}};
  EXPECT_FALSE(validate_against(meta, broken, "broken.json").empty());
}

TEST(Schema, CompiledTextIsTheSourceFile) {
  std::ifstream in(test::source_dir() / "sim/scenario/scenario.schema.json", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(scenario_schema_text(), text.str());
}

void expect_described(const json& node, const std::string& where) {
  if (!node.is_object()) return;
  if (node.contains("properties"))
    for (const auto& [key, property] : node["properties"].items()) {
      EXPECT_TRUE(property.contains("description") || property.contains("$ref")) << where << "/" << key;
      expect_described(property, where + "/" + key);
    }
  for (const char* key : {"additionalProperties", "items", "definitions", "allOf", "then"})
    if (node.contains(key)) {
      if (node[key].is_array())
        for (const auto& item : node[key]) expect_described(item, where + "/" + key);
      else if (std::string(key) == "definitions")
        for (const auto& [name, def] : node[key].items()) expect_described(def, where + "/" + name);
      else
        expect_described(node[key], where + "/" + key);
    }
}

TEST(Schema, EveryPropertyIsDescribed) {
  expect_described(json::parse(scenario_schema_text()), "");
}

}  // namespace
}  // namespace recordflow
