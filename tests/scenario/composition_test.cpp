// Composition: includes and merge patches in order, archetypes, `set` pointers, overrides, and the
// SourceMap that lets diagnostics name the file to edit.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "scenario/Composition.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace recordflow {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class CompositionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("recordflow_composition_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "parts");
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    std::ofstream(path) << text;
    return path.string();
  }
  fs::path dir_;
};

TEST_F(CompositionTest, IncludesMergeInOrderThenOwnContent) {
  write("parts/a.json",
        R"({"recordflow": 1, "channels": {"fax": {"steps": [{"step": "publish"}]}}, "population": 1})");
  write("parts/b.json", R"({"recordflow": 1, "include": ["a.json"], "population": 2, "name": "from b"})");
  const auto main =
      write("main.json", R"({"recordflow": 1, "include": ["parts/b.json"], "population": 3, "name": null})");
  auto c = compose(main);
  ASSERT_TRUE(c.readable);
  EXPECT_TRUE(c.diagnostics.empty());
  EXPECT_EQ(c.document["population"], 3);
  EXPECT_FALSE(c.document.contains("name"));  // null deletes (RFC 7386)
  EXPECT_TRUE(c.document["channels"].contains("fax"));
  EXPECT_FALSE(c.document.contains("include"));
  EXPECT_EQ(c.sources.file_of("/channels/fax/steps/0"), (dir_ / "parts/a.json").lexically_normal().string());
  EXPECT_EQ(c.sources.file_of("/population"), main);
}

TEST_F(CompositionTest, SetAndOverridesApplyAfterMerging) {
  write("parts/a.json", R"({"recordflow": 1, "set": {"/channels/fax/steps/0/latency": "1 h"},
                           "channels": {"fax": {"steps": [{"step": "transit"}, {"step": "publish"}]}}})");
  const auto main = write("main.json", R"({"recordflow": 1, "include": ["parts/a.json"],
                                           "set": {"/channels/fax/steps/0/latency": "2 h", "/experiment/seed": 3},
                                           "experiment": {"seed": 1}})");
  auto c = compose(main, {{"/experiment/seed", 9}, {"/channels/fax/steps/-", json{{"step", "x"}}}});
  EXPECT_TRUE(c.diagnostics.empty()) << format_diagnostics(c.diagnostics);
  EXPECT_EQ(c.document["channels"]["fax"]["steps"][0]["latency"], "2 h");
  EXPECT_EQ(c.document["experiment"]["seed"], 9);
  EXPECT_EQ(c.document["channels"]["fax"]["steps"].size(), 3u);
  EXPECT_FALSE(c.document.contains("set"));
}

TEST_F(CompositionTest, ArchetypesAreExpanded) {
  write("parts/arch.json", R"({"recordflow": 1, "archetypes": {"gp": {"type": "primary", "weight": 2,
                              "staff": {"admin": {"count": 2}}}}})");
  const auto main = write("main.json", R"({"recordflow": 1, "include": ["parts/arch.json"],
      "organisations": {"surgery": {"archetype": "gp", "weight": 5, "staff": {"nurses": {"count": 1}}}},
      "set": {"/organisations/surgery/staff/admin/count": 4}})");
  auto c = compose(main);
  EXPECT_TRUE(c.diagnostics.empty()) << format_diagnostics(c.diagnostics);
  const json& org = c.document["organisations"]["surgery"];
  EXPECT_EQ(org["type"], "primary");
  EXPECT_EQ(org["weight"], 5);
  EXPECT_EQ(org["staff"]["admin"]["count"], 4);  // set applies after expansion
  EXPECT_EQ(org["staff"]["nurses"]["count"], 1);
  EXPECT_EQ(c.sources.file_of("/organisations/surgery/type"),
            (dir_ / "parts/arch.json").lexically_normal().string());
}

TEST_F(CompositionTest, UnknownArchetypeHasAHint) {
  const auto main = write("main.json", R"({"recordflow": 1, "archetypes": {"gp_practice": {}},
                                           "organisations": {"x": {"archetype": "gp_practise"}}})");
  auto c = compose(main);
  ASSERT_EQ(c.diagnostics.size(), 1u);
  EXPECT_EQ(c.diagnostics[0].pointer, "/organisations/x/archetype");
  EXPECT_EQ(c.diagnostics[0].hint, "did you mean \"gp_practice\"?");
}

TEST_F(CompositionTest, IncludeCyclesAndMissingFilesAreErrors) {
  write("parts/a.json", R"({"recordflow": 1, "include": ["b.json"]})");
  write("parts/b.json", R"({"recordflow": 1, "include": ["a.json"]})");
  auto cycle = compose(write("main.json", R"({"recordflow": 1, "include": ["parts/a.json"]})"));
  ASSERT_EQ(cycle.diagnostics.size(), 1u);
  EXPECT_NE(cycle.diagnostics[0].message.find("include cycle"), std::string::npos);
  EXPECT_EQ(cycle.diagnostics[0].pointer, "/include/0");

  const auto main = write("missing.json", R"({"recordflow": 1, "include": ["parts/nope.json", 7]})");
  auto missing = compose(main);
  ASSERT_EQ(missing.diagnostics.size(), 2u);
  EXPECT_EQ(missing.diagnostics[0].file, main);
  EXPECT_EQ(missing.diagnostics[0].pointer, "/include/0");
  EXPECT_NE(missing.diagnostics[0].message.find("included file not found"), std::string::npos);
  EXPECT_EQ(missing.diagnostics[1].pointer, "/include/1");
}

TEST_F(CompositionTest, ADiamondIsNotACycle) {
  write("parts/common.json", R"({"recordflow": 1, "population": 1})");
  write("parts/a.json", R"({"recordflow": 1, "include": ["common.json"]})");
  write("parts/b.json", R"({"recordflow": 1, "include": ["common.json"]})");
  auto c = compose(write("main.json", R"({"recordflow": 1, "include": ["parts/a.json", "parts/b.json"]})"));
  EXPECT_TRUE(c.diagnostics.empty()) << format_diagnostics(c.diagnostics);
}

TEST_F(CompositionTest, ErrorsInIncludedFilesAreLocatedAtTheIncludeAndNameThatFile) {
  const auto part = write("parts/bad.json", "{\"recordflow\": 1,\n \"x\": }");
  const auto main = write("main.json", R"({"recordflow": 1, "include": ["parts/bad.json"]})");
  auto c = compose(main);
  ASSERT_EQ(c.diagnostics.size(), 1u);
  EXPECT_EQ(c.diagnostics[0].file, main);
  EXPECT_EQ(c.diagnostics[0].pointer, "/include/0");
  EXPECT_NE(c.diagnostics[0].message.find(fs::path(part).lexically_normal().string()), std::string::npos);
  EXPECT_NE(c.diagnostics[0].message.find("(line 2, column"), std::string::npos) << c.diagnostics[0].message;
}

TEST_F(CompositionTest, DesignOrderIsDeclarationOrder) {
  auto c =
      compose(write("main.json", R"({"recordflow": 1, "designs": {"zeta": {}, "alpha": {}, "mid": {}}})"));
  EXPECT_EQ(c.design_order, (std::vector<std::string>{"zeta", "alpha", "mid"}));
}

TEST(ApplyPointer, ReplacesAddsAndRefuses) {
  json doc = {{"a", {{"b", json::array({1, 2})}}}, {"s", "text"}};
  EXPECT_FALSE(apply_pointer(doc, "/a/b/1", 5));
  EXPECT_EQ(doc["a"]["b"][1], 5);
  EXPECT_FALSE(apply_pointer(doc, "/a/c", true));
  EXPECT_FALSE(apply_pointer(doc, "/a/b/2", 3));  // append at size
  EXPECT_EQ(doc["a"]["b"].size(), 3u);
  EXPECT_TRUE(apply_pointer(doc, "/a/b/9", 0));
  EXPECT_TRUE(apply_pointer(doc, "/a/b/x", 0));
  EXPECT_TRUE(apply_pointer(doc, "/missing/child", 0));
  EXPECT_TRUE(apply_pointer(doc, "/s/x", 0));
  EXPECT_TRUE(apply_pointer(doc, "no-slash", 0));
  EXPECT_TRUE(apply_pointer(doc, "", 0));
  EXPECT_EQ(pointer_append("/a", "x/y~z"), "/a/x~1y~0z");
}

}  // namespace
}  // namespace recordflow
