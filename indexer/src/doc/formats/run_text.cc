#include "doc/formats/run_text.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "vanban/text/legacy_encoding.h"

namespace vanban::doc {

std::string to_upper(std::string_view utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  u.toUpper(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string join(const std::set<std::string>& encodings) {
  std::string out;
  for (const std::string& e : encodings) out += (out.empty() ? "" : ",") + e;
  return out;
}

void RunText::append(std::string_view text, const RunFormat& format) {
  if (text.empty()) return;
  if (format.font != pending_format_.font || format.caps != pending_format_.caps) {
    flush();
    pending_format_ = format;
  }
  pending_ += text;
}

void RunText::append_plain(std::string_view text) {
  flush();
  out_ += text;
}

std::string RunText::finish() {
  flush();
  std::string out = std::move(out_);
  out_.clear();
  pending_format_ = {};
  return out;
}

void RunText::flush() {
  if (pending_.empty()) return;
  std::string text = std::move(pending_);
  pending_.clear();
  if (const auto legacy = text::legacy_font(pending_format_.font)) {
    text = text::decode_legacy_mojibake(text, legacy->encoding, legacy->capitals_only);
    encodings_->insert(std::string(text::to_string(legacy->encoding)));
  }
  if (pending_format_.caps) text = to_upper(text);
  out_ += text;
}

}  // namespace vanban::doc
