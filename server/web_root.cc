#include "web_root.h"

#include <filesystem>

namespace vanban::http {

std::string default_web_root() {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path program = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  const fs::path web = (program.parent_path() / kWebRootFromProgram).lexically_normal();
  return fs::is_directory(web, ec) ? web.string() : std::string();
}

}  // namespace vanban::http
