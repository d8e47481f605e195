#include <gtest/gtest.h>

#include "SchemaCheck.hpp"
#include "SyntheticResults.hpp"

namespace recordflow {

TEST(ResultsSchema, SyntheticDocumentValidates) {
  const auto doc = build_results_document(testing::synthetic_run({"today", "hub"}, {0, 1}, 3));
  EXPECT_EQ(testing::schema_errors(doc), "");
}

TEST(ResultsSchema, SingleReplicationWithNullIntervalsValidates) {
  const auto doc = build_results_document(testing::synthetic_run({"today"}, {0}, 1));
  EXPECT_EQ(testing::schema_errors(doc), "");
}

TEST(ResultsSchema, RejectsABrokenDocument) {
  auto doc = build_results_document(testing::synthetic_run({"today"}, {0}, 2));
  doc["summary"][0]["n"] = "two";
  doc["manifest"].erase("seed");
  const std::string errors = testing::schema_errors(doc);
  EXPECT_NE(errors.find("summary"), std::string::npos) << errors;
}

}  // namespace recordflow
