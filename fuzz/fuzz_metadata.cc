// Fuzzes what the indexer does to one file's bytes: doc/loader.h
// extract_plain_text (raw bytes: BOMs, UTF-16, NUL bytes, ill-formed UTF-8), then
// doc/metadata.h strip_boilerplate and fill_metadata.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "vanban/doc/loader.h"
#include "vanban/doc/chrome.h"
#include "vanban/doc/metadata.h"
#include "vanban/doc/record.h"
#include "vanban/text/citation.h"
#include "vanban/text/normalize.h"
#include "vanban/text/symbol.h"

namespace {

namespace doc = vanban::doc;
namespace text = vanban::text;
using vanban::fuzz::show;
using vanban::fuzz::valid_utf8;

bool only_whitespace(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
  });
}

std::string crlf_to_lf(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

void check_decode(std::string_view raw, const vanban::Result<doc::Extracted>& decoded) {
  if (!decoded) {
    const vanban::Status& why = decoded.status();
    VANBAN_FUZZ_CHECK(!why.detail().empty(), "extract_plain_text failed without a detail: " + show(raw));
    // Plain valid UTF-8 text without NUL bytes must be accepted.
    std::string_view body = raw;
    if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
    VANBAN_FUZZ_CHECK(!(valid_utf8(body) && body.find('\0') == std::string_view::npos &&
                        !only_whitespace(body)),
                      "extract_plain_text rejected good text (" + why.message() + "): " + show(raw));
    return;
  }
  const std::string& t = decoded->text;
  VANBAN_FUZZ_CHECK(valid_utf8(t), "extract_plain_text output not valid UTF-8: " + show(raw) + " -> " + show(t));
  VANBAN_FUZZ_CHECK(vanban::fuzz::is_nfc(t), "extract_plain_text output not NFC: " + show(raw) + " -> " + show(t));
  VANBAN_FUZZ_CHECK(t.find('\0') == std::string::npos, "extract_plain_text output has NUL: " + show(raw));
  VANBAN_FUZZ_CHECK(t.find('\r') == std::string::npos, "extract_plain_text output has CR: " + show(raw));
  VANBAN_FUZZ_CHECK(!only_whitespace(t), "extract_plain_text output is blank: " + show(raw));
  // For UTF-8 input without NULs the result is exactly NFC with "\n" ends.
  std::string_view body = raw;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  // (Valid UTF-8 that reads as TCVN3 or VNI mojibake is converted.)
  const bool converted = decoded->format == "tcvn3" || decoded->format == "vni";
  if (valid_utf8(body) && body.find('\0') == std::string_view::npos && !converted) {
    const std::string expected = vanban::fuzz::normalize(crlf_to_lf(body), true);
    VANBAN_FUZZ_CHECK(t == expected, "extract_plain_text changed the text: " + show(raw) + " -> " +
                                         show(t) + ", expected " + show(expected));
  }
}

void check_strip(std::string_view in, const std::string& out) {
  VANBAN_FUZZ_CHECK(valid_utf8(out), "strip_boilerplate output not valid UTF-8: " + show(out));
  VANBAN_FUZZ_CHECK(out.size() <= in.size(), "strip_boilerplate grew the text: " + show(in));
  bool any_chrome = false;
  std::size_t pos = 0;
  while (pos <= in.size() && !any_chrome) {
    std::size_t nl = in.find('\n', pos);
    if (nl == std::string_view::npos) nl = in.size();
    any_chrome = doc::is_boilerplate_line(in.substr(pos, nl - pos));
    pos = nl + 1;
  }
  // "Document text without chrome is returned unchanged."
  if (!any_chrome) {
    VANBAN_FUZZ_CHECK(out == in, "strip_boilerplate changed text without chrome: " + show(in));
  }
}

void check_record(const doc::DocumentRecord& r) {
  const std::string ctx = " (text " + show(r.text, 300) + ")";
  auto utf8 = [&](const std::string& field, const char* name) {
    VANBAN_FUZZ_CHECK(valid_utf8(field),
                      std::string("fill_metadata ") + name + " not valid UTF-8: " + show(field) + ctx);
  };
  utf8(r.title, "title");
  utf8(r.date, "date");
  utf8(r.type, "type");
  utf8(r.symbol, "symbol");
  utf8(r.issuer, "issuer");
  utf8(r.subject, "subject");
  utf8(r.signer_authority, "signer_authority");
  utf8(r.signer_name, "signer_name");
  for (const auto& x : r.recipients) utf8(x, "recipient");
  for (const auto& x : r.distribution) utf8(x, "distribution item");
  for (const auto& [k, v] : r.metadata) utf8(v, k.c_str());

  VANBAN_FUZZ_CHECK(r.title.size() <= 300 + 3,  // kMaxTitleBytes + "…"
                    "title of " + std::to_string(r.title.size()) + " bytes" + ctx);
  VANBAN_FUZZ_CHECK(r.date.empty() || vanban::fuzz::iso_date_shape(r.date),
                    "date not ISO: " + show(r.date) + ctx);
  const auto& names = text::document_type_names();
  VANBAN_FUZZ_CHECK(r.type.empty() || std::find(names.begin(), names.end(), r.type) != names.end(),
                    "unknown type " + show(r.type) + ctx);
  if (!r.symbol.empty()) {
    const auto sym = text::parse_symbol(r.symbol);
    VANBAN_FUZZ_CHECK(sym && sym->display == r.symbol, "own symbol does not parse: " + show(r.symbol) + ctx);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 16384) return -1;
  const std::string_view raw = vanban::fuzz::as_view(data, size);

  const vanban::Result<doc::Extracted> decoded = doc::extract_plain_text(raw, {});
  check_decode(raw, decoded);

  // Records also come from JSONL fields that were only NFC-normalized:
  // run the rest on rejected input too (ill-formed bytes become U+FFFD).
  const std::string text = decoded ? decoded->text : text::to_nfc(raw);
  if (!valid_utf8(text)) return 0;  // to_nfc's own bug: fuzz_normalize reports it
  doc::DocumentRecord r;
  r.text = doc::strip_boilerplate(text);
  check_strip(text, r.text);
  doc::fill_metadata(r);
  check_record(r);
  return 0;
}
