// Robust reading: every kind of garbage becomes one located Diagnostic, never a crash or a hang.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "scenario/JsonReader.hpp"

namespace recordflow {
namespace {

Diagnostic only_problem(const JsonReadResult& r) {
  EXPECT_FALSE(r.value.has_value());
  EXPECT_EQ(r.diagnostics.size(), 1u);
  return r.diagnostics.empty() ? Diagnostic{} : r.diagnostics.front();
}

TEST(JsonReader, ReadsAValidDocument) {
  auto r = parse_json_text(R"({"recordflow": 1, "name": "caf\u00e9 \u2713"})", "x.json");
  ASSERT_TRUE(r.value);
  EXPECT_EQ((*r.value)["recordflow"], 1);
  EXPECT_TRUE(r.diagnostics.empty());
}

TEST(JsonReader, SyntaxErrorsCarryLineAndColumn) {
  auto d = only_problem(parse_json_text("{\n  \"a\": 1,\n  \"b\": ]\n}", "x.json"));
  EXPECT_NE(d.message.find("syntax error"), std::string::npos) << d.message;
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.column, 8);
  EXPECT_EQ(d.file, "x.json");
}

TEST(JsonReader, EmptyAndWhitespaceOnly) {
  EXPECT_NE(only_problem(parse_json_text("", "e")).message.find("empty"), std::string::npos);
  EXPECT_NE(only_problem(parse_json_text(" \n\t ", "e")).message.find("empty"), std::string::npos);
}

TEST(JsonReader, BinaryGarbage) {
  std::string garbage(
      "\x7f"
      "ELF\x02\x01\x00\x00\xff\xfe",
      10);
  EXPECT_NE(only_problem(parse_json_text(garbage, "g")).message.find("binary"), std::string::npos);
}

TEST(JsonReader, InvalidUtf8IsLocated) {
  auto d = only_problem(parse_json_text("{\"a\": \"ok\",\n \"b\": \"\xc3\x28\"}", "u"));
  EXPECT_NE(d.message.find("UTF-8"), std::string::npos);
  EXPECT_EQ(d.line, 2);
  // Overlong encodings and surrogates are invalid too.
  EXPECT_FALSE(parse_json_text("\"\xc0\xaf\"", "u").value);
  EXPECT_FALSE(parse_json_text("\"\xed\xa0\x80\"", "u").value);
  EXPECT_FALSE(parse_json_text("\"\xe2\x82\"", "u").value);
}

TEST(JsonReader, DeepNestingIsRefusedBeforeParsing) {
  const std::string deep = std::string(10000, '[') + std::string(10000, ']');
  auto d = only_problem(parse_json_text(deep, "deep"));
  EXPECT_NE(d.message.find("nesting deeper than 64"), std::string::npos);
  const std::string objects = [] {
    std::string s;
    for (int i = 0; i < 100000; ++i) s += "{\"a\":";
    return s;
  }();
  EXPECT_FALSE(parse_json_text(objects, "deep").value);
  // Brackets inside strings do not count.
  EXPECT_TRUE(parse_json_text("{\"a\": \"" + std::string(1000, '[') + "\"}", "s").value);
  // Exactly at the limit is fine.
  EXPECT_TRUE(parse_json_text(std::string(64, '[') + std::string(64, ']'), "ok").value);
}

TEST(JsonReader, HugeNumbers) {
  auto d = only_problem(parse_json_text("{\"population\": 1e400}", "n"));
  EXPECT_NE(d.message.find("number overflow"), std::string::npos) << d.message;
  EXPECT_EQ(d.column, 16);
  auto big = parse_json_text("{\"population\": 123456789012345678901234567890}", "n");
  EXPECT_TRUE(big.value);  // out of integer range but a finite double
}

TEST(JsonReader, HugeDocumentsAreRefused) {
  auto d = only_problem(parse_json_text(std::string(kMaxDocumentBytes + 1, ' '), "big"));
  EXPECT_NE(d.message.find("too large"), std::string::npos);
  const auto path = std::filesystem::temp_directory_path() / "recordflow_reader_test_big.json";
  { std::ofstream out(path); }
  std::filesystem::resize_file(path, kMaxDocumentBytes + 10);  // sparse: refused before reading
  auto f = read_json_file(path.string());
  std::filesystem::remove(path);
  ASSERT_EQ(f.diagnostics.size(), 1u);
  EXPECT_NE(f.diagnostics[0].message.find("too large"), std::string::npos);
}

TEST(JsonReader, MissingFilesAndDirectories) {
  EXPECT_EQ(read_json_file("/nonexistent/recordflow.json").diagnostics.at(0).message, "file not found");
  EXPECT_EQ(read_json_file(std::filesystem::temp_directory_path().string()).diagnostics.at(0).message,
            "not a regular file");
}

}  // namespace
}  // namespace recordflow
