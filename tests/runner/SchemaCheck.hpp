// SchemaCheck: validates a results document against sim/runner/results.schema.json with valijson and
// returns one line per error ("<path>: <message>"), empty when valid.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "runner/AtomicFile.hpp"

namespace recordflow::testing {

inline std::string schema_errors(const nlohmann::json& document) {
  const auto schema_json = nlohmann::json::parse(
      read_file(std::string(RECORDFLOW_SOURCE_DIR) + "/sim/runner/results.schema.json"));
  valijson::Schema schema;
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_json);
  parser.populateSchema(schema_adapter, schema);
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter document_adapter(document);
  std::string errors;
  if (!validator.validate(schema, document_adapter, &results)) {
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
      std::string path;
      for (const auto& part : error.context) path += part;
      errors += path + ": " + error.description + "\n";
    }
  }
  return errors;
}

}  // namespace recordflow::testing
