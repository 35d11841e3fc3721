// Test helpers for the format layer (doc/formats/): what the indexer makes
// of a text, the seed a fixture was made from, and where the fixtures are.
#ifndef VANBAN_TESTS_TESTING_DOC_PIPELINE_H_
#define VANBAN_TESTS_TESTING_DOC_PIPELINE_H_

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "testing/scratch_dir.h"
#include "vanban/doc/chrome.h"
#include "vanban/doc/extract.h"
#include "vanban/doc/loader.h"
#include "vanban/doc/metadata.h"
#include "vanban/doc/record.h"
#include "vanban/text/citation.h"
#include "vanban/text/tokenize.h"

namespace vanban::testing {

inline std::string pdf_data_dir() { return std::string(VANBAN_TEST_DATA_DIR) + "/pdf"; }

inline std::string pdf_fixture(const std::string& name) {
  return read_file(std::filesystem::path(pdf_data_dir()) / name);
}

// What `out` holds; an empty Extracted, and a failed test, when it failed
// (`what` names the file).
inline doc::Extracted extracted_or_fail(Result<doc::Extracted> out, const std::string& what) {
  EXPECT_TRUE(out.is_ok()) << what << ": " << out.status().message();
  return out.is_ok() ? std::move(out).value() : doc::Extracted{};
}

// The record the indexer makes of an extracted text (as load_file does
// with a web page's or text file's text): the first, if it splits.
inline doc::DocumentRecord record_of_text(const std::string& text) {
  doc::DocumentRecord r;
  r.text = doc::strip_boilerplate(text);
  return doc::records_of_input(std::move(r)).front();
}

// The record of seed `number` ("001"), read as the indexer reads it.
inline doc::DocumentRecord seed_record(const std::string& number) {
  for (const auto& entry : std::filesystem::directory_iterator(seeds_dir())) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(number + "_", 0) != 0) continue;
    const doc::InputFile file{entry.path(), name, seeds_dir(), false, entry.file_size()};
    if (auto r = doc::load_file(file, {}); r && r->size() == 1) return std::move(r->front());
  }
  ADD_FAILURE() << "no seed " << number << " in " << seeds_dir();
  return {};
}

// The keys of the citations in `text`, sorted, each once.
inline std::vector<std::string> citation_keys(const std::string& text) {
  text::Tokenizer tokenizer;
  std::set<std::string> keys;
  for (const auto& c : text::find_citations(text, tokenizer.tokenize(text))) keys.insert(c.key);
  return {keys.begin(), keys.end()};
}

// The lines of `text` that are nothing but a page number ("3", "- 3 -").
inline std::vector<std::string> number_lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(pos, end - pos);
    if (!line.empty() && line.find_first_not_of("0123456789- ") == std::string::npos &&
        line.find_first_of("0123456789") != std::string::npos) {
      out.push_back(line);
    }
    pos = end + 1;
  }
  return out;
}

}  // namespace vanban::testing

#endif  // VANBAN_TESTS_TESTING_DOC_PIPELINE_H_
