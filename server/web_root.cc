#include "web_root.h"

#include <filesystem>

namespace vanban::http {

std::string default_web_root() {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path program = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return kWebRootFromProgram;
  return (program.parent_path() / kWebRootFromProgram).lexically_normal().string();
}

}  // namespace vanban::http
