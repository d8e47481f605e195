// Progress: one self-rewriting line on stderr while replications run ("12/30 replications, 1,080
// simulated days, ETA 0:42"), shown only when stderr is a terminal and the run is not quiet; cleared at
// the end so later messages start on a clean line. Never touches stdout. Simulated days count finished
// replications in full and running ones by the days they report, so a run of a few long replications
// moves too; the ETA extrapolates the share of all simulated days done.
#pragma once

#include <chrono>
#include <string>

namespace recordflow {

class Progress {
 public:
  Progress(bool enabled, double horizon_hours);
  void set_total(int total) { total_ = total; }
  void done_one() { ++done_; }
  void set_running_days(double days) { running_days_ = days; }  // days done by unfinished replications
  void draw();
  std::string line() const;  // the text draw() shows
  void clear();
  bool enabled() const { return enabled_; }
  static std::string format_eta(double seconds);  // "0:42", "1:02:03"

 private:
  bool enabled_;
  double horizon_hours_;
  int total_ = 0;
  int done_ = 0;
  double running_days_ = 0;
  std::chrono::steady_clock::time_point start_;
  bool drawn_ = false;
};

}  // namespace recordflow
