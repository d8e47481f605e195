#include "runner/AtomicFile.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace recordflow {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

std::runtime_error io_error(const std::string& what, const std::filesystem::path& path, int error) {
  return std::runtime_error(what + " " + path.string() + ": " + std::strerror(error));
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           const WriteHook& after_chunk) {
  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  const auto temp = dir / ("." + path.filename().string() + ".tmp." + std::to_string(::getpid()));
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw io_error("cannot create", temp, errno);
  try {
    std::size_t written = 0;
    while (written < content.size()) {
      const std::size_t chunk = std::min(kChunk, content.size() - written);
      const ssize_t n = ::write(fd, content.data() + written, chunk);
      if (n < 0) {
        if (errno == EINTR) continue;
        throw io_error("cannot write", temp, errno);
      }
      written += static_cast<std::size_t>(n);
      if (after_chunk) after_chunk(written);
    }
    if (::fsync(fd) != 0) throw io_error("cannot flush", temp, errno);
    if (::close(fd) != 0) {
      ::unlink(temp.c_str());
      throw io_error("cannot close", temp, errno);
    }
  } catch (...) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    throw io_error("cannot rename into", path, error);
  }
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string() + ": " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace recordflow
