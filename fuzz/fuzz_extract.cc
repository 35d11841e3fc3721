// Fuzzes the format layer (doc/extract.h): detect_format and extract() on
// raw bytes under one of the file names the dispatch looks at (chosen by
// the input's length, so the bytes stay the file's), with small bounds
// (text and parts 1 MiB). Checks that a result is valid NFC UTF-8 without
// CR or NUL, not blank, within the bound, of a known format; that a
// failure has a reason; that the format decided by content agrees with
// the one extract() reports. .doc input is not extracted (it runs
// antiword, a process per input).
#include <algorithm>
#include <iterator>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "vanban/doc/extract.h"

namespace {

namespace doc = vanban::doc;
using vanban::fuzz::show;

constexpr const char* kNames[] = {"a.txt", "a.docx", "a.odt", "a.html", ""};

void check_extracted(std::string_view raw, const doc::Extracted& x, const doc::ExtractOptions& options) {
  static const std::set<std::string> kFormats = {"text", "utf-16", "windows-1258", "tcvn3", "vni",
                                                 "docx", "odt", "html"};
  VANBAN_FUZZ_CHECK(kFormats.count(x.format) == 1, "unknown format " + show(x.format) + ": " + show(raw));
  VANBAN_FUZZ_CHECK(vanban::fuzz::valid_utf8(x.text), "text not valid UTF-8: " + show(raw) + " -> " + show(x.text));
  VANBAN_FUZZ_CHECK(vanban::fuzz::is_nfc(x.text), "text not NFC: " + show(raw) + " -> " + show(x.text));
  VANBAN_FUZZ_CHECK(x.text.find('\r') == std::string::npos, "text has CR: " + show(raw));
  VANBAN_FUZZ_CHECK(x.text.find('\0') == std::string::npos, "text has NUL: " + show(raw));
  VANBAN_FUZZ_CHECK(x.text.find_first_not_of(" \t\n\f\v") != std::string::npos, "blank text: " + show(raw));
  VANBAN_FUZZ_CHECK(x.text.size() <= options.max_text_bytes, "text over the bound: " + show(raw));
  for (const auto& [key, value] : x.properties) {
    VANBAN_FUZZ_CHECK(vanban::fuzz::valid_utf8(value), "property " + key + " not UTF-8: " + show(raw));
  }
}

bool format_agrees(doc::Format format, const std::string& name) {
  switch (format) {
    case doc::Format::kText: return name == "text" || name == "utf-16" || name == "windows-1258" ||
                                    name == "tcvn3" || name == "vni";
    case doc::Format::kDocx: return name == "docx";
    case doc::Format::kOdt: return name == "odt";
    case doc::Format::kHtml: return name == "html";
    default: return false;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 65536) return -1;
  const std::string_view raw = vanban::fuzz::as_view(data, size);
  doc::ExtractOptions options;
  options.max_text_bytes = 1 << 20;
  options.ocr = false;
  const char* name = kNames[size % std::size(kNames)];
  const doc::Format format = doc::detect_format(raw, name);
  if (format == doc::Format::kDoc) return 0;
  const vanban::Result<doc::Extracted> got = doc::extract(raw, name, options);
  if (!got.is_ok()) {
    VANBAN_FUZZ_CHECK(!got.status().reason().empty(), "failure without a reason: " + show(raw));
    return 0;
  }
  check_extracted(raw, *got, options);
  VANBAN_FUZZ_CHECK(format_agrees(format, got->format),
                    "detected " + std::to_string(static_cast<int>(format)) + " but extracted " + got->format +
                        ": " + show(raw));
  return 0;
}
