// Test support for the engine: a sink that keeps every event (and a digest of the stream), a small
// hand-built scenario (a hospital, a GP practice, a hub; discharge summaries sent by message or by post,
// needed at the next GP visit), and a helper that runs simulate() in a child process (SimGrid's engine is
// one per process) and brings back the child's digest and summary counts.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "engine/Simulation.hpp"

namespace recordflow::testing {

class CollectingSink : public EventSink {
 public:
  std::vector<CopyCreated> created;
  std::vector<CopyAvailable> available;
  std::vector<CopyLost> lost;
  std::vector<CopyInFlight> in_flight;
  std::vector<StepDone> steps;
  std::vector<StaffWork> staff;
  std::vector<NeedEvaluated> needs;
  std::vector<SystemState> states;
  std::vector<QueueLength> queues;
  std::vector<ItemProcessed> processed;
  std::vector<BackEntered> back_entered;
  std::vector<CopyHandled> handled;
  std::vector<RecordViewed> views;
  std::uint64_t digest = 0xcbf29ce484222325ULL;
  Hours last_time = 0;
  bool time_order_ok = true;

  void on(const CopyCreated& e) override {
    created.push_back(e);
    mix(1, e.copy_id, e.patient_id, e.time, *e.channel);
  }
  void on(const CopyAvailable& e) override {
    available.push_back(e);
    mix(2, e.copy_id, 0, e.time, "");
  }
  void on(const CopyLost& e) override {
    lost.push_back(e);
    mix(3, e.copy_id, 0, e.time, e.reason);
  }
  void on(const CopyInFlight& e) override {
    in_flight.push_back(e);
    mix(11, e.copy_id, e.paper, e.time, e.state);
  }
  void on(const StepDone& e) override {
    steps.push_back(e);
    mix(4, e.copy_id, 0, e.end, e.activity);
  }
  void on(const StaffWork& e) override {
    staff.push_back(e);
    mix(5, 0, 0, e.time, e.task);
  }
  void on(const NeedEvaluated& e) override {
    needs.push_back(e);
    mix(6, e.encounter_id, static_cast<std::uint64_t>(e.outcome), e.time, *e.document);
  }
  void on(const SystemState& e) override {
    states.push_back(e);
    mix(7, e.up, 0, e.time, *e.system);
  }
  void on(const QueueLength& e) override {
    queues.push_back(e);
    mix(8, e.length, 0, e.time, *e.queue);
  }
  void on(const ItemProcessed& e) override {
    processed.push_back(e);
    mix(9, 0, 0, e.time, *e.system);
  }
  void on(const CopyHandled& e) override {
    handled.push_back(e);
    mix(12, e.copy_id, static_cast<std::uint64_t>(e.what), e.time, to_string(e.what));
  }
  void on(const RecordViewed& e) override {
    views.push_back(e);
    mix(13, e.encounter_id, (e.opened ? 1u : 0u) | (e.held_new ? 2u : 0u), e.time, *e.place);
  }
  void on(const BackEntered& e) override {
    back_entered.push_back(e);
    mix(10, 0, 0, e.time, e.organisation->name);
  }

  std::map<std::string, int> outcomes() const {
    std::map<std::string, int> m;
    for (const auto& n : needs) ++m[to_string(n.outcome)];
    return m;
  }

 private:
  void mix(std::uint64_t kind, std::uint64_t a, std::uint64_t b, Hours t, const std::string& text) {
    if (t < last_time) time_order_ok = false;
    last_time = t;
    auto add = [this](std::uint64_t v) {
      for (int i = 0; i < 8; ++i) {
        digest ^= (v >> (8 * i)) & 0xff;
        digest *= 0x100000001b3ULL;
      }
    };
    std::uint64_t bits = 0;
    static_assert(sizeof(bits) == sizeof(t));
    __builtin_memcpy(&bits, &t, sizeof bits);
    add(kind);
    add(a);
    add(b);
    add(bits);
    for (unsigned char c : text) add(c);
  }
};

inline EngineOptions test_options() {
  EngineOptions o;
  o.audit_copies_daily = true;  // every copy counted by state at each day end
#if defined(RECORDFLOW_SANITIZE)
  o.thread_contexts = true;
#endif
  return o;
}

inline Calendar weekday_hours(Hours open, Hours close) {
  std::vector<std::pair<Hours, Hours>> intervals;
  for (int d = 0; d < 5; ++d) intervals.emplace_back(d * 24 + open, d * 24 + close);
  return Calendar::weekly(intervals);
}

inline Step staff_step(Side at, const std::string& pool, const std::string& task, Hours duration) {
  Step s;
  s.kind = StepKind::staff_task;
  s.at = at;
  s.pool = pool;
  s.task = task;
  s.duration = Distribution::fixed(duration);
  return s;
}

inline Step transit_step(const std::string& mode, Hours latency, bool paper, double loss = 0) {
  Step s;
  s.kind = StepKind::transit;
  s.mode = mode;
  s.latency = Distribution::fixed(latency);
  s.paper = paper;
  s.loss_probability = loss;
  return s;
}

inline Step system_step(const std::string& system, bool fail = false, int attempts = 0, Hours interval = 0) {
  Step s;
  s.kind = StepKind::system;
  s.system = system;
  s.fail_when_down = fail;
  s.retry_attempts = attempts;
  s.retry_interval = interval;
  return s;
}

// A scripted outage of `duration` hours starting at `start`.
inline Incident incident(Hours start, Hours duration) {
  Incident i;
  i.name = "outage";
  i.start = start;
  i.duration = duration;
  return i;
}

inline Step publish_step() {
  Step s;
  s.kind = StepKind::publish;
  return s;
}

inline FlowRule rule(const std::string& document, const std::string& channel) {
  FlowRule r;
  r.document = document;
  r.mix = {{channel, 1.0}};
  return r;
}

// Hospital -> GP: a 24 h ward stay creates a discharge summary 1 h after discharge; the GP visit 2 h
// after discharge (GP open 24/7 unless a test changes it) needs it. About one admission an hour.
inline Scenario base_scenario() {
  Scenario sc;
  sc.name = "engine-test";
  sc.population = 10000;
  sc.document_types["discharge_summary"] = DocumentType{"discharge_summary", 24.0, true};
  sc.calendars["always"] = Calendar::always_open();
  sc.calendars["office"] = weekday_hours(9, 17);
  AccessProfile ap;
  ap.name = "in_record";
  ap.look_probability = 1.0;
  ap.look_time = Distribution::fixed(0.05);
  sc.access_profiles["in_record"] = ap;
  for (const char* name : {"acute_epr", "gp_system", "hub"}) {
    System s;
    s.name = name;
    s.kind = "epr";
    s.access_profile = "in_record";
    sc.systems[name] = s;
  }
  Organisation hospital;
  hospital.name = hospital.template_name = "hospital";
  hospital.type = OrgType::acute;
  hospital.system = "acute_epr";
  hospital.calendar = "always";
  hospital.staff = {StaffPool{"secretaries", 4, "always"}};
  Organisation gp;
  gp.name = gp.template_name = "gp";
  gp.type = OrgType::primary;
  gp.system = "gp_system";
  gp.calendar = "always";
  gp.staff = {StaffPool{"admin", 2, "always"}};
  sc.organisations = {hospital, gp};

  Channel message{
      "message",
      {staff_step(Side::source, "secretaries", "sign_off", 0.5), system_step("hub"), publish_step()}};
  Channel post{"post",
               {staff_step(Side::source, "secretaries", "print", 0.1), transit_step("post", 48, true),
                staff_step(Side::destination, "admin", "scan", 0.2), publish_step()}};
  sc.channels["message"] = message;
  sc.channels["post"] = post;

  Pathway pw;
  pw.name = "admission";
  pw.rate_per_1000_per_hour = 0.1;
  pw.weekly_profile.fill(1.0);
  pw.daily_profile.fill(1.0);
  pw.start = "ward";
  State ward;
  ward.name = "ward";
  ward.at = OrgType::acute;
  ward.encounter_type = "admission";
  ward.duration = Distribution::fixed(24);
  DocumentCreation ds;
  ds.document = "discharge_summary";
  ds.at_end = true;
  ds.to = {OrgType::primary};
  ds.delay = Distribution::fixed(1);
  ward.creates = {ds};
  ward.transitions = {Transition{"gp_visit", 1.0, Distribution::fixed(2)}};
  State visit;
  visit.name = "gp_visit";
  visit.at = OrgType::primary;
  visit.encounter_type = "gp_appointment";
  visit.duration = Distribution::fixed(0.25);
  visit.needs = {Need{"discharge_summary", std::nullopt}};
  visit.transitions = {Transition{"end", 1.0, Distribution::fixed(0)}};
  State end;
  end.name = "end";
  end.terminal = true;
  pw.states = {ward, visit, end};
  sc.pathways = {pw};

  sc.designs = {Design{"messaging", "", {rule("discharge_summary", "message")}},
                Design{"paper", "", {rule("discharge_summary", "post")}}};
  sc.design = "messaging";
  sc.experiment.horizon = 24 * 14;
  sc.experiment.seed = 42;
  return sc;
}

// Runs `body` in a child process and returns what it wrote (up to 4 KiB); fails the test on a crash.
template <typename Body>
std::string run_in_child(Body body) {
  int fds[2];
  if (pipe(fds) != 0) return "pipe failed";
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    std::string out = body();
    if (write(fds[1], out.data(), out.size()) < 0) _exit(3);
    close(fds[1]);
    _exit(0);
  }
  close(fds[1]);
  std::string out;
  char buffer[4096];
  ssize_t n;
  while ((n = read(fds[0], buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return "child failed";
  return out;
}

}  // namespace recordflow::testing
