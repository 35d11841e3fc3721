// Test helper: the scanned copies of seeds 003 and 004 (rendered pages,
// no text layer), made by tests/data/pdf/scan_fixtures.sh.
#ifndef VANBAN_TESTS_TESTING_SCANS_H_
#define VANBAN_TESTS_TESTING_SCANS_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

#include "testing/doc_pipeline.h"
#include "vanban/hash.h"

namespace vanban::testing {

// The scanned copies (tests/data/pdf/scan_fixtures.sh), made by the first
// test process that needs them, in a directory named after the script and
// the PDFs they are made of; made aside and renamed, so that processes
// running at the same time never see half of them.
inline std::filesystem::path scans_dir() {
  namespace fs = std::filesystem;
  static const fs::path dir = [] {
    std::string sources;
    for (const char* f :
         {"scan_fixtures.sh", "jpeg_to_pdf.py", "seed_001.pdf", "seed_003.pdf", "seed_004.pdf"}) {
      sources += pdf_fixture(f);
    }
    char name[32];
    std::snprintf(name, sizeof name, "vanban_scans_%016llx",
                  static_cast<unsigned long long>(fnv1a64(sources)));
    const fs::path final_dir = fs::path(::testing::TempDir()) / name;
    if (fs::exists(final_dir / "header_004.jpg")) return final_dir;
    const fs::path tmp = final_dir.string() + ".tmp" + std::to_string(::getpid());
    const std::string cmd =
        "'" + pdf_data_dir() + "/scan_fixtures.sh' '" + tmp.string() + "' 003 004";
    if (std::system(cmd.c_str()) != 0) {
      ADD_FAILURE() << "could not make the scanned fixtures (" << cmd
                    << "): poppler-utils, qpdf and python3 are needed";
    }
    std::error_code ec;
    fs::rename(tmp, final_dir, ec);
    if (ec) fs::remove_all(tmp, ec);  // another process was first
    return final_dir;
  }();
  return dir;
}

}  // namespace vanban::testing

#endif  // VANBAN_TESTS_TESTING_SCANS_H_
