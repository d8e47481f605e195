// StaffPools: a finite pool of c people at one organisation, working to its calendar (c may change over
// time by the pool's schedule). Work waits for a
// shift; a task started before the shift ends is finished; lower priority numbers go first, FIFO within
// a priority. A task is a copy's staff_task step, the back-entry of a downtime paper record, or a recipient
// chasing a copy that has not arrived (the copy itself stays where it is).
#include <algorithm>

#include "engine/Model.hpp"

namespace recordflow::engine {
namespace {

// std heap is a max-heap: "less" means "runs later".
bool runs_later(const Task& x, const Task& y) {
  if (x.priority != y.priority) return x.priority > y.priority;
  return x.sequence > y.sequence;
}

}  // namespace

void Model::enqueue_task(Index pool, Task task, Hours t) {
  PoolInfo& p = pools_[pool];
  task.sequence = task_sequence_++;
  task.queued = t;
  p.waiting.push_back(task);
  std::push_heap(p.waiting.begin(), p.waiting.end(), runs_later);
  emit_queue(p, t);
  start_tasks(pool, t);
}

void Model::start_tasks(Index pool, Hours t) {
  PoolInfo& p = pools_[pool];
  bool started = false;
  while (p.free > 0 && !p.waiting.empty()) {
    if (p.calendar != nullptr && !p.calendar->is_open(t)) {
      if (!p.open_pending) {
        const Hours open = p.calendar->next_open(t);
        if (open < horizon_) {
          p.open_pending = true;
          agenda_.push(open, TieClass::work, EventKind::pool_open, pool);
        }
      }
      break;
    }
    std::pop_heap(p.waiting.begin(), p.waiting.end(), runs_later);
    const Task task = p.waiting.back();
    p.waiting.pop_back();
    --p.free;
    if (task.holds_copy()) move(task.ref, CopyState::staff_service);
    Index slot;
    if (!p.free_slots.empty()) {
      slot = p.free_slots.back();
      p.free_slots.pop_back();
      p.running[slot] = task;
    } else {
      slot = static_cast<Index>(p.running.size());
      p.running.push_back(task);
    }
    agenda_.push(t + task.duration, TieClass::work, EventKind::staff_done, pool, slot);
    started = true;
  }
  if (started) emit_queue(p, t);
}

// A schedule change: new people start taking work at once; removed people finish the task in hand
// first (free goes negative until they have), and which of the busy people leaves does not matter.
void Model::resize_pool(Index pool, int staff, Hours t) {
  PoolInfo& p = pools_[pool];
  p.free += staff - p.staff;
  p.staff = staff;
  start_tasks(pool, t);
}

void Model::on_staff_done(Index pool, Index slot, Hours t) {
  PoolInfo& p = pools_[pool];
  const Task task = p.running[slot];
  p.free_slots.push_back(slot);
  ++p.free;
  const Organisation* org = orgs_[p.org].org;
  if (task.back_entry) {
    sink_.on(StaffWork{org, "back_entry", task.duration * 60.0, t});
    sink_.on(BackEntered{org, t});
  } else if (task.chase) {
    on_chase_done(task, p.org, t);
  } else {
    Copy& c = copies_[task.ref];
    const ResolvedStep& rs = channels_[c.channel].steps[c.step];
    sink_.on(StaffWork{org, rs.step->task.empty() ? "staff_task" : rs.step->task.c_str(),
                       task.duration * 60.0, t});
    step_done(c, rs, p.org, task.queued, t);
    ++c.step;
    advance(task.ref, t);
  }
  start_tasks(pool, t);
}

}  // namespace recordflow::engine
