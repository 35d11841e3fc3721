// Extraction speed of the format layer (doc/extract.h): for each file
// given, extract() runs repeatedly for at least --seconds, and one line
// per format reports MB/s of extracted text and files/s, by the clock and
// per second of this process's CPU time (what a busy shared machine does
// not change much; antiword's process is not counted).
//
//   vanban_formats_bench [--seconds S] FILE...
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "vanban/doc/extract.h"

namespace {

struct Totals {
  double seconds = 0;
  double cpu_seconds = 0;
  std::size_t text_bytes = 0;
  std::size_t files = 0;
};

double cpu_now() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
  double min_seconds = 2;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--seconds" && i + 1 < argc) {
      min_seconds = std::atof(argv[++i]);
    } else {
      files.push_back(arg);
    }
  }
  std::map<std::string, Totals> by_format;
  for (const std::string& path : files) {
    const std::string bytes = read(path);
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = cpu_now();
    double elapsed = 0;
    std::string format;
    std::size_t runs = 0, text = 0;
    do {
      const auto got = vanban::doc::extract(bytes, path, {});
      if (!got) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(), got.status().message().c_str());
        return 1;
      }
      format = got->format;
      text += got->text.size();
      ++runs;
      elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    } while (elapsed < min_seconds / static_cast<double>(files.size()));
    Totals& t = by_format[format];
    t.seconds += elapsed;
    t.cpu_seconds += cpu_now() - cpu_start;
    t.text_bytes += text;
    t.files += runs;
  }
  std::printf("%-14s %10s %10s %12s %14s\n", "format", "MB/s text", "files/s", "files run", "MB/s CPU time");
  for (const auto& [format, t] : by_format) {
    std::printf("%-14s %10.1f %10.0f %12zu %14.1f\n", format.c_str(), t.text_bytes / t.seconds / 1e6,
                t.files / t.seconds, t.files, t.text_bytes / t.cpu_seconds / 1e6);
  }
  return 0;
}
