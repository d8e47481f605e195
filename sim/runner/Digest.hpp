// Digest: SHA-256 of a byte string as 64 lowercase hexadecimal digits (OpenSSL's libcrypto). Used to
// identify the resolved scenario a run simulated (manifest.scenario_sha256) and to check that a
// replication process received exactly the bytes its parent wrote.
#pragma once

#include <string>
#include <string_view>

namespace recordflow {

std::string sha256_hex(std::string_view bytes);

}  // namespace recordflow
