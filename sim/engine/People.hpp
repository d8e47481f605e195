// People: the persons of one replication and their histories. A person has a place and an age band
// (language version 2), one organisation of each type for the whole run, and a history: every copy of
// every document created about them, in creation order, whichever pathway created it. Information needs
// search that history, so records build up across organisations and episodes.
//
// Version 2 (`Population::people_persist`): the population is fixed; an arrival of a pathway draws a
// (place, age band) cell with weight people in the cell x the pathway's rate for the band, then a person
// of that cell uniformly, both from the pathway's arrival stream; the person is created at their first
// arrival (their organisations from the stream `person` -> sub-stream(person number), one draw per
// organisation type) and found again at later ones. Person numbers run 0 .. population-1, place by place
// in declaration order, age bands in order within a place. Version 1: every arrival is a new person
// (Model::on_arrival draws their organisations from the patient's own stream, as before people existed).
// Memory: 4 bytes per resident (the slot table) plus sizeof(Person) and 12 bytes per history entry for
// each person who has arrived.
#pragma once

#include <cstdint>
#include <vector>

#include "core/ChunkedVector.hpp"
#include "core/RandomStream.hpp"
#include "scenario/Scenario.hpp"

namespace recordflow::engine {

using PersonIndex = std::uint32_t;

// One copy in a person's history, with what a need filters on first, so that a search touches a copy only
// when its document type and destination match.
struct HistoryEntry {
  std::uint32_t copy = 0;
  std::uint32_t destination = 0;  // organisation index
  std::uint32_t document = 0;     // document type index
};

struct Person {
  std::uint64_t number = 0;   // version 2: 0 .. population-1; version 1: the patient id
  std::uint32_t place = ~0U;  // index into Population::places (version 2)
  std::uint32_t band = ~0U;   // index into Population::age_bands (version 2)
  std::uint32_t orgs[5] = {~0U, ~0U, ~0U, ~0U, ~0U};  // organisation index by OrgType (~0U: none)
  std::vector<HistoryEntry> history;                  // every copy about them, in creation order
};

class People {
 public:
  // Organisation indices are positions in scenario.organisations, as in the model.
  People(const Scenario& scenario, int replication);

  bool persist() const { return persist_; }
  // Version 2: arrivals per hour of the pathway at a flat profile (sum over places and bands).
  double arrival_rate(std::size_t pathway) const { return pathway_rate_[pathway]; }
  // Version 2: the person an arrival of `pathway` is, drawn from the arrival stream (two draws).
  PersonIndex arrive(std::size_t pathway, RandomStream& arrival_stream);
  // Version 1: a new person, one organisation of each type drawn by weight from `rng` (five draws).
  PersonIndex add(std::uint64_t number, RandomStream& rng);

  Person& operator[](PersonIndex i) { return persons_[i]; }
  const Person& operator[](PersonIndex i) const { return persons_[i]; }
  std::size_t size() const { return persons_.size(); }

 private:
  struct Cell {
    std::uint32_t place = 0;
    std::uint32_t band = 0;
    std::uint64_t first = 0;  // first person number of the cell
    std::uint64_t count = 0;
  };
  PersonIndex create(std::uint64_t number, const Cell& cell);
  void draw_organisations(Person& person, std::uint32_t place, RandomStream& rng) const;

  bool persist_ = false;
  RandomStream person_root_;
  std::vector<Cell> cells_;
  std::vector<std::vector<double>> cumulative_;  // per pathway, per cell: cumulative share of its rate
  std::vector<double> pathway_rate_;             // per pathway, arrivals per hour
  std::vector<std::vector<std::pair<double, std::uint32_t>>>
      services_;                   // (place, type) -> cumulative share, org (version 1: one place)
  std::vector<PersonIndex> slot_;  // person number -> index, or ~0U
  ChunkedVector<Person> persons_;
};

}  // namespace recordflow::engine
