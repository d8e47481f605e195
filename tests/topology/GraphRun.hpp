// GraphRun: runs the built `recordflow` binary (RECORDFLOW_BINARY) with arguments through the shell,
// capturing stdout, for the `graph` command tests; plus paths of the demo scenario and of temp files.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

namespace {

struct CommandRun {
  int exit_code = -1;
  std::string out;
};

// Runs the binary with `arguments`, capturing stdout; stderr goes to `stderr_file` when given.
CommandRun run_recordflow(const std::string& arguments, const std::string& stderr_file = "/dev/null") {
  const std::string command = std::string(RECORDFLOW_BINARY) + " " + arguments + " 2>" + stderr_file;
  CommandRun run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::string demo() {
  return std::string(RECORDFLOW_SOURCE_DIR) + "/scenarios/demo.json";
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / (name + "_" + std::to_string(::getpid()))).string();
}

}  // namespace
