// ViewLedger: record views (METRICS.md, "Record views"). At every encounter with information needs the
// clinician decides on each place they could open (RecordViewed); counted at or after the warm-up, per view
// (local_record, or the access profile of the place: portal, in_context, query_view, ...): the encounters
// offering it, those where it was opened, those where it held the newest copy of a needed document that the
// organisation's own record lacked, and the minutes spent opening. Every view the scenario can produce
// has its rows, zeros included, so every replication reports the same rows.
#pragma once

#include <cstdint>
#include <vector>

#include "recorder/Events.hpp"
#include "recorder/NameTable.hpp"
#include "recorder/ReplicationResult.hpp"

namespace recordflow {

class ViewLedger {
 public:
  ViewLedger(const Scenario& scenario, Hours warm_up);

  void view(const RecordViewed& event);
  // `measured_hours`: the measured period (horizon less warm-up); per-resident rates need the scenario's
  // population.
  void report(ReplicationResult& result, Hours measured_hours) const;

 private:
  struct Tally {
    std::uint64_t offered = 0;
    std::uint64_t opened = 0;
    std::uint64_t held_new = 0;
    std::uint64_t opened_with_new = 0;
    double minutes = 0;
  };

  Hours warm_up_;
  double residents_;
  bool declared_;  // the scenario has information needs: report every view's rows
  NameTable views_;
  std::vector<Tally> tallies_;  // per view id
};

}  // namespace recordflow
