#include "recorder/EventLog.hpp"

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace recordflow {
namespace {

constexpr std::size_t kBufferBytes = std::size_t{1} << 20;

}  // namespace

EventLog::EventLog(std::string path) : path_(std::move(path)), temp_path_(path_ + ".tmp") {
  file_ = std::fopen(temp_path_.c_str(), "wb");
  if (file_ == nullptr) {
    throw std::runtime_error("cannot create event log " + temp_path_ + ": " + std::strerror(errno));
  }
  buffer_.reserve(kBufferBytes + 4096);
}

EventLog::~EventLog() {
  if (committed_) return;
  if (file_ != nullptr) std::fclose(file_);
  std::error_code ignored;
  std::filesystem::remove(temp_path_, ignored);
}

void EventLog::append_string(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  buffer_.push_back('"');
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      buffer_.push_back('\\');
      buffer_.push_back(c);
    } else if (byte < 0x20) {
      buffer_ += "\\u00";
      buffer_.push_back(kHex[byte >> 4]);
      buffer_.push_back(kHex[byte & 0xF]);
    } else {
      buffer_.push_back(c);
    }
  }
  buffer_.push_back('"');
}

// Shortest text that reads back as the same double; JSON has no infinity or NaN, so those are null.
void EventLog::append_number(double value) {
  if (!std::isfinite(value)) {
    buffer_ += "null";
    return;
  }
  char text[32];
  const auto result = std::to_chars(text, text + sizeof text, value);
  buffer_.append(text, result.ptr);
}

void EventLog::field(std::string_view key, std::string_view value) {
  buffer_ += ",\"";
  buffer_ += key;
  buffer_ += "\":";
  append_string(value);
}

void EventLog::field(std::string_view key, double value) {
  buffer_ += ",\"";
  buffer_ += key;
  buffer_ += "\":";
  append_number(value);
}

// The keys every line starts with, in order: case, activity, resource, organisation, org_type, start, end.
void EventLog::begin_line(std::string_view case_id, std::string_view activity, std::string_view resource,
                          std::string_view organisation, std::string_view org_type, Hours start, Hours end) {
  buffer_ += "{\"case\":";
  append_string(case_id);
  field("activity", activity);
  field("resource", resource);
  field("organisation", organisation);
  field("org_type", org_type);
  field("start", start);
  field("end", end);
}

void EventLog::write(const Line& line) {
  char id[24];
  const auto id_end = std::to_chars(id, id + sizeof id, line.copy_id).ptr;
  begin_line(std::string_view(id, static_cast<std::size_t>(id_end - id)), line.activity, line.resource,
             line.organisation, line.org_type, line.start, line.end);
  field("document", line.document);
  field("destination", line.destination);
  end_line();
}

namespace {

// "encounter/<id>": the case of a need's or a view's line.
std::string_view encounter_case(char (&text)[40], std::uint64_t encounter_id) {
  constexpr std::string_view prefix = "encounter/";
  prefix.copy(text, prefix.size());
  const auto end = std::to_chars(text + prefix.size(), text + sizeof text, encounter_id).ptr;
  return std::string_view(text, static_cast<std::size_t>(end - text));
}

}  // namespace

void EventLog::write(const NeedLine& line) {
  char id[40];
  begin_line(encounter_case(id, line.encounter_id), "need", "", line.organisation, line.org_type, line.time,
             line.time);
  field("document", line.document);
  field("encounter_type", line.encounter_type);
  field("outcome", line.outcome);
  end_line();
}

void EventLog::write(const ViewLine& line) {
  char id[40];
  begin_line(encounter_case(id, line.encounter_id), "view", line.place, line.organisation, line.org_type,
             line.start, line.end);
  field("view", line.view);
  buffer_ += line.held_new ? ",\"held_new\":true" : ",\"held_new\":false";
  end_line();
}

void EventLog::end_line() {
  buffer_ += "}\n";
  ++lines_;
  if (buffer_.size() >= kBufferBytes) flush_buffer();
}

void EventLog::fail() {
  if (!failed_) error_number_ = errno;
  failed_ = true;
}

void EventLog::flush_buffer() {
  if (!failed_ && !buffer_.empty() &&
      std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    fail();
  }
  buffer_.clear();
}

void EventLog::commit() {
  if (committed_) return;
  flush_buffer();
  if (std::fflush(file_) != 0 || ::fsync(fileno(file_)) != 0) fail();
  if (std::fclose(file_) != 0) fail();
  file_ = nullptr;
  if (failed_) {
    throw std::runtime_error("cannot write event log " + temp_path_ + ": " + std::strerror(error_number_));
  }
  std::error_code error;
  std::filesystem::rename(temp_path_, path_, error);
  if (error) throw std::runtime_error("cannot rename event log to " + path_ + ": " + error.message());
  committed_ = true;
}

}  // namespace recordflow
