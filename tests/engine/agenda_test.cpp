// The agenda's order: (time, tie class, order of scheduling), across its hourly buckets, with events at or
// after the horizon dropped. This is the documented tie rule every instant of the engine follows.
#include <gtest/gtest.h>

#include <vector>

#include "engine/Agenda.hpp"

namespace recordflow::engine {
namespace {

TEST(Agenda, OrdersByTimeThenTieClassThenSchedulingOrder) {
  Agenda agenda(100);
  agenda.push(5.0, TieClass::work, EventKind::arrival, 1);
  agenda.push(5.0, TieClass::availability, EventKind::system_change, 2);
  agenda.push(5.0, TieClass::work, EventKind::arrival, 3);
  agenda.push(5.0, TieClass::release, EventKind::silent_release, 4);
  agenda.push(2.5, TieClass::work, EventKind::arrival, 5);
  agenda.push(50.0, TieClass::availability, EventKind::system_change, 6);  // a later bucket
  agenda.push(5.0, TieClass::availability, EventKind::system_change, 7);
  agenda.push(100.0, TieClass::availability, EventKind::system_change, 8);  // at the horizon: dropped
  std::vector<std::uint32_t> order;
  while (!agenda.empty()) order.push_back(agenda.pop().a);
  EXPECT_EQ(order, (std::vector<std::uint32_t>{5, 2, 7, 4, 1, 3, 6}));
  EXPECT_EQ(agenda.size(), 0u);
}

TEST(Agenda, EventsPushedWhileDrainingKeepTheOrder) {
  Agenda agenda(48);
  agenda.push(10.0, TieClass::work, EventKind::arrival, 1);
  const Event first = agenda.pop();
  agenda.push(first.time, TieClass::work, EventKind::arrival, 2);          // same instant, later
  agenda.push(first.time, TieClass::availability, EventKind::arrival, 3);  // same instant, first class
  agenda.push(30.0, TieClass::work, EventKind::arrival, 4);
  agenda.push(10.5, TieClass::work, EventKind::arrival, 5);
  std::vector<std::uint32_t> order;
  while (!agenda.empty()) order.push_back(agenda.pop().a);
  EXPECT_EQ(order, (std::vector<std::uint32_t>{3, 2, 5, 4}));
}

}  // namespace
}  // namespace recordflow::engine
