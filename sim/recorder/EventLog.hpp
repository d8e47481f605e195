// EventLog: the optional process-mining log, one JSON object per line per step of a copy:
//   {"case": "<copy id>", "activity": ..., "resource": ..., "organisation": ..., "org_type": ...,
//    "start": <hours>, "end": <hours>, "document": ..., "destination": ...}
// and, for each information need at or after the warm-up, one line with "case": "encounter/<id>",
// "activity": "need", "resource": "", the encounter's organisation and org_type, "start" = "end" = its
// time, the needed "document", then "encounter_type" and "outcome" (seen, no_document or a gap cause);
// and, for each place opened at such an encounter, one line with the same "case", "activity": "view",
// "resource": the system opened, "start" = the encounter's time, "end" = start + the time spent opening
// it, then "view" (local_record or the access profile) and "held_new" (true or false).
// Lines are buffered in memory and written to "<path>.tmp"; commit() flushes, syncs and renames it to
// <path>, so <path> is either absent or complete. A log never committed (an exception, a failed run)
// removes its temporary file when destroyed. Write errors are remembered and reported by commit().
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "core/Units.hpp"

namespace recordflow {

class EventLog {
 public:
  struct Line {
    std::uint64_t copy_id = 0;
    std::string_view activity;
    std::string_view resource;
    std::string_view organisation;
    std::string_view org_type;
    Hours start = 0;
    Hours end = 0;
    std::string_view document;
    std::string_view destination;
  };

  struct NeedLine {
    std::uint64_t encounter_id = 0;
    std::string_view organisation;
    std::string_view org_type;
    Hours time = 0;
    std::string_view document;
    std::string_view encounter_type;
    std::string_view outcome;
  };

  struct ViewLine {
    std::uint64_t encounter_id = 0;
    std::string_view place;
    std::string_view organisation;
    std::string_view org_type;
    Hours start = 0;
    Hours end = 0;
    std::string_view view;
    bool held_new = false;
  };

  // Opens the temporary file; throws std::runtime_error when it cannot be created.
  explicit EventLog(std::string path);
  ~EventLog();
  EventLog(const EventLog&) = delete;
  EventLog& operator=(const EventLog&) = delete;

  void write(const Line& line);
  void write(const NeedLine& line);
  void write(const ViewLine& line);
  // Makes the log visible at its path; throws std::runtime_error (and removes the temporary file) on failure.
  void commit();
  std::uint64_t lines() const { return lines_; }

 private:
  void begin_line(std::string_view case_id, std::string_view activity, std::string_view resource,
                  std::string_view organisation, std::string_view org_type, Hours start, Hours end);
  void field(std::string_view key, std::string_view value);  // ,"key":"value" (escaped)
  void field(std::string_view key, double value);            // ,"key":number
  void end_line();
  void flush_buffer();
  void fail();  // remembers the first error
  void append_string(std::string_view text);
  void append_number(double value);

  std::string path_;
  std::string temp_path_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
  std::uint64_t lines_ = 0;
  bool failed_ = false;
  int error_number_ = 0;
  bool committed_ = false;
};

}  // namespace recordflow
