// AtomicFile: writes a whole file or nothing (DESIGN.md "Interfaces": a failed or interrupted run never
// leaves a truncated file). Content goes to a temporary file in the same directory (".<name>.tmp.<pid>"),
// is flushed to disk, then renamed over the target; on any failure the temporary file is removed and
// the previous content of the target (if any) stays untouched.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string_view>

namespace recordflow {

// Fault injection for tests: called after each chunk written to the temporary file with the number of
// bytes written so far; it may throw to simulate a failure (disk full, a kill) in the middle of a write.
using WriteHook = std::function<void(std::size_t bytes_written)>;

// Throws std::runtime_error (naming the path) when the file cannot be written.
void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           const WriteHook& after_chunk = {});

// Reads a whole file; throws std::runtime_error naming the path when it cannot.
std::string read_file(const std::filesystem::path& path);

}  // namespace recordflow
