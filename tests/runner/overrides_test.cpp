#include "runner/Overrides.hpp"

#include <gtest/gtest.h>

namespace recordflow {

TEST(Overrides, ValueIsJsonOrElseAString) {
  auto o = parse_override("/experiment/horizon=20 d");
  ASSERT_TRUE(o);
  EXPECT_EQ(o->first, "/experiment/horizon");
  EXPECT_EQ(o->second, "20 d");
  o = parse_override("/experiment/replications=3");
  EXPECT_EQ(o->second, 3);
  o = parse_override("/a={\"b\": [1, 2]}");
  EXPECT_EQ(o->second.at("b").size(), 2u);
  EXPECT_EQ(parse_override(override_argument(*o))->second, o->second);
  std::string error;
  EXPECT_FALSE(parse_override("experiment=3", &error));
  EXPECT_FALSE(parse_override("/a", &error));
  EXPECT_FALSE(parse_override("/a~2=1", &error));
}

TEST(Overrides, FactorsSplitAtTopLevelCommas) {
  const auto f = parse_factor("/x=1,[2,3],\"a,b\",7 d");
  ASSERT_TRUE(f);
  ASSERT_EQ(f->values.size(), 4u);
  EXPECT_EQ(f->values[0], 1);
  EXPECT_EQ(f->values[1], nlohmann::json::array({2, 3}));
  EXPECT_EQ(f->values[2], "a,b");
  EXPECT_EQ(f->values[3], "7 d");
  EXPECT_FALSE(parse_factor("/x=1,,2"));
}

TEST(Overrides, FullFactorialFirstFactorSlowest) {
  const std::vector<Factor> factors{{"/a", {1, 2}}, {"/b", {"x", "y", "z"}}};
  const auto points = factorial_points(factors);
  ASSERT_EQ(points.size(), 6u);
  EXPECT_EQ(points[0], (std::vector<JsonOverride>{{"/a", 1}, {"/b", "x"}}));
  EXPECT_EQ(points[1], (std::vector<JsonOverride>{{"/a", 1}, {"/b", "y"}}));
  EXPECT_EQ(points[5], (std::vector<JsonOverride>{{"/a", 2}, {"/b", "z"}}));
  EXPECT_EQ(overrides_object(points[5]), (nlohmann::json{{"/a", 2}, {"/b", "z"}}));
}

TEST(Overrides, InvalidUtf8IsRefusedNotThrown) {
  std::string error;
  EXPECT_FALSE(parse_override("/population=\xff", &error).has_value());
  EXPECT_NE(error.find("not valid UTF-8"), std::string::npos) << error;
  EXPECT_FALSE(parse_factor("/population=1,\xfe", &error).has_value());
  EXPECT_NE(error.find("not valid UTF-8"), std::string::npos) << error;
}

}  // namespace recordflow
