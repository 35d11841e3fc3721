// The evaluation programs' reader of tab-separated gold files
// (../shared/eval): UTF-8, a header line first.
#ifndef VANBAN_BENCH_TSV_H_
#define VANBAN_BENCH_TSV_H_

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace vanban::bench {

// The rows after the header, each split at tabs; throws if the file
// cannot be read.
inline std::vector<std::vector<std::string>> read_tsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) cells.push_back(cell);
    rows.push_back(std::move(cells));
  }
  return rows;
}

}  // namespace vanban::bench

#endif  // VANBAN_BENCH_TSV_H_
