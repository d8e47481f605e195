// Interrupt: turns Ctrl-C (SIGINT), SIGTERM and SIGHUP (a closed terminal) into a flag that the runner
// polls, so a run stops cleanly: children are killed, finished work is kept, and no file is left
// half-written. While an InterruptGuard lives the handlers are installed; the previous ones come back
// when it ends. Process-wide by nature (signals are); one guard at a time.
#pragma once

#include <atomic>
#include <csignal>

namespace recordflow {

class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

  const std::atomic<bool>& flag() const;
  bool interrupted() const { return flag().load(); }
  int signal() const;  // the signal received, 0 if none

 private:
  struct sigaction previous_int_ {};
  struct sigaction previous_term_ {};
  struct sigaction previous_hup_ {};
};

}  // namespace recordflow
