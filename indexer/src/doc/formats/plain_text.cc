#include "doc/formats/plain_text.h"

#include <uchardet/uchardet.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "vanban/text/legacy_encoding.h"
#include "vanban/text/utf8.h"

namespace vanban::doc {
namespace {

// UTF-16 without a BOM: the first code units decide. Vietnamese text is
// about three quarters ASCII (spaces, digits, unmarked letters), so one
// byte of most code units is NUL (0.72-0.79 on the five seeds); text in
// other scripts still has its spaces and digits there.
constexpr std::size_t kUtf16SampleBytes = 4096;
constexpr double kUtf16MinNulShare = 0.25;
// ...and the other byte almost never is (only U+xx00 code points).
constexpr double kUtf16MaxOtherNulShare = 0.02;

// How much text the encoding guess reads: a page (600-700 words) is plenty
// to tell TCVN3 from VNI from windows-1258 (the right one reads 0.97-1.0,
// the wrong ones 0.0-0.3 on the seeds), and scoring is the slow part.
constexpr std::size_t kDetectSampleBytes = 4096;
// A decoding is accepted when this share of its words with non-ASCII
// letters are Vietnamese syllables. On the seeds the right decoding scores
// 0.97-1.0 and the wrong ones 0.0-0.3 (tests/text/legacy_encoding_test.cc).
constexpr double kMinPlausibility = 0.8;
constexpr std::size_t kMinSyllables = 2;
// UTF-8 is read as mojibake only when as-is it reads this badly.
constexpr double kMaxMojibakePlausibility = 0.5;

// Binary data is full of NUL bytes; text extracted from PDFs can carry a
// few stray ones (checkbox glyphs), which become spaces. More than one
// per thousand bytes, or one in the first bytes (file magic), is binary.
constexpr std::size_t kNulPerBytes = 1000;
constexpr std::size_t kFileMagicBytes = 16;
// Text has almost no control characters besides tab and line ends.
constexpr std::size_t kControlPerBytes = 100;

bool only_whitespace(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
  });
}

// 1-based line number of byte `offset`.
std::size_t line_of(std::string_view s, std::size_t offset) {
  const auto end = s.begin() + static_cast<std::ptrdiff_t>(std::min(offset, s.size()));
  return 1 + static_cast<std::size_t>(std::count(s.begin(), end, '\n'));
}

Status invalid_utf8(std::string_view bytes, std::size_t at, std::string_view guess) {
  std::string detail = "at byte " + std::to_string(at) + " (line " +
                       std::to_string(line_of(bytes, at)) + ")";
  if (!guess.empty()) detail += "; it is not Vietnamese in TCVN3, VNI or windows-1258 (uchardet: " +
                                std::string(guess) + ")";
  return Status::corruption("invalid UTF-8", std::move(detail));
}

Result<std::string> decode_utf16(std::string_view bytes, const char* codepage) {
  if (bytes.size() % 2 != 0) {
    return Status::corruption("invalid UTF-8", "odd number of bytes in UTF-16 text");
  }
  const icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), codepage);
  if (u.isBogus() || u.indexOf(static_cast<char16_t>(0xFFFD)) >= 0) {
    return Status::corruption("invalid UTF-8", "malformed UTF-16 text");
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool binary_nul_bytes(std::string_view text) {
  const auto first = text.find('\0');
  if (first == std::string_view::npos) return false;
  const auto count = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\0'));
  return first < kFileMagicBytes || count > 1 + text.size() / kNulPerBytes;
}

// Applies the NUL rules to decoded text: stray NULs become spaces.
Status check_nul_bytes(std::string& text) {
  if (binary_nul_bytes(text)) {
    const auto count = std::count(text.begin(), text.end(), '\0');
    return Status::not_supported("binary", std::to_string(count) + " NUL bytes (first at offset " +
                                               std::to_string(text.find('\0')) + "): not a text file");
  }
  std::replace(text.begin(), text.end(), '\0', ' ');
  return Status::ok();
}

// UTF-8 with a few broken bytes (a cut, a bad copy) is broken UTF-8, not
// a legacy encoding: legacy text has few byte pairs that happen to be
// well-formed UTF-8.
bool mostly_utf8(std::string_view bytes) {
  std::size_t good = 0, bad = 0;
  const auto n = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes.data(), i, n, c);
    if (c < 0) {
      ++bad;
    } else if (i - at > 1) {
      ++good;
    }
  }
  return good >= bad;
}

std::size_t control_characters(std::string_view utf8) {  // C0 controls but white space
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
           c != '\f';
  }));
}

std::string_view sample(std::string_view bytes) { return bytes.substr(0, kDetectSampleBytes); }

std::string uchardet_guess(std::string_view bytes) {
  const std::unique_ptr<uchardet, decltype(&uchardet_delete)> detector(uchardet_new(),
                                                                        &uchardet_delete);
  if (!detector) throw std::bad_alloc();
  if (uchardet_handle_data(detector.get(), bytes.data(), bytes.size()) != 0) return {};
  uchardet_data_end(detector.get());
  const char* name = uchardet_get_charset(detector.get());
  return name == nullptr ? std::string() : std::string(name);
}

struct Candidate {
  std::string encoding;
  text::SyllableScore score;
};

// The best-reading candidate if it reads as Vietnamese; ties go to the
// earlier one (the caller lists its preferred candidate first).
const Candidate* best_vietnamese(const std::vector<Candidate>& candidates) {
  const Candidate* best = nullptr;
  for (const Candidate& c : candidates) {
    if (c.score.vietnamese < kMinSyllables || c.score.plausibility() < kMinPlausibility) continue;
    if (best == nullptr || c.score.plausibility() > best->score.plausibility()) best = &c;
  }
  return best;
}

std::string decode_as(std::string_view bytes, std::string_view encoding) {
  if (encoding == "tcvn3") return text::decode_legacy(bytes, text::LegacyEncoding::kTcvn3);
  if (encoding == "vni") return text::decode_legacy(bytes, text::LegacyEncoding::kVni);
  Result<std::string> converted = convert_charset(bytes, std::string(encoding));
  return converted ? std::move(converted).value() : std::string();
}

// Two candidates this close are a tie that uchardet breaks.
constexpr double kTieMargin = 0.05;

// Bytes that are not UTF-8: windows-1258, TCVN3 or VNI, whichever reads as
// Vietnamese. uchardet (slower than the scoring) breaks a tie in favour of
// windows-1258 and names the bytes when nothing fits.
Result<DecodedText> decode_8bit(std::string_view bytes, std::size_t first_bad) {
  if (mostly_utf8(sample(bytes))) return invalid_utf8(bytes, first_bad, {});
  std::vector<Candidate> candidates;
  for (const char* encoding : {"tcvn3", "vni", "windows-1258"}) {
    candidates.push_back({encoding, text::score_vietnamese(decode_as(sample(bytes), encoding))});
  }
  const Candidate* best = best_vietnamese(candidates);
  if (best == nullptr) return invalid_utf8(bytes, first_bad, uchardet_guess(sample(bytes)));
  const Candidate& cp1258 = candidates.back();
  if (best != &cp1258 && cp1258.score.plausibility() + kTieMargin >= best->score.plausibility() &&
      uchardet_guess(sample(bytes)) == "WINDOWS-1258") {
    best = &cp1258;
  }
  return DecodedText{decode_as(bytes, best->encoding), best->encoding};
}

// Valid UTF-8 that may be legacy mojibake ("Céng hoµ x· héi").
DecodedText decode_utf8(std::string text) {
  if (!text::could_be_mojibake(sample(text))) return {std::move(text), "text"};
  const std::string head(sample(text));
  if (text::score_vietnamese(head).plausibility() >= kMaxMojibakePlausibility) {
    return {std::move(text), "text"};
  }
  std::vector<Candidate> candidates;
  for (const auto encoding : {text::LegacyEncoding::kTcvn3, text::LegacyEncoding::kVni}) {
    candidates.push_back({std::string(text::to_string(encoding)),
                          text::score_vietnamese(text::decode_legacy_mojibake(head, encoding))});
  }
  const Candidate* best = best_vietnamese(candidates);
  if (best == nullptr) return {std::move(text), "text"};
  const auto encoding = best->encoding == "tcvn3" ? text::LegacyEncoding::kTcvn3
                                                  : text::LegacyEncoding::kVni;
  return {text::decode_legacy_mojibake(text, encoding), best->encoding};
}

// UTF-16 by BOM or by NUL pattern; std::nullopt if the bytes are neither.
std::optional<Result<std::string>> decode_any_utf16(std::string_view bytes) {
  if (bytes.size() >= 2 && bytes[0] == '\xFF' && bytes[1] == '\xFE') {
    return decode_utf16(bytes.substr(2), "UTF-16LE");
  }
  if (bytes.size() >= 2 && bytes[0] == '\xFE' && bytes[1] == '\xFF') {
    return decode_utf16(bytes.substr(2), "UTF-16BE");
  }
  if (!looks_like_utf16(bytes)) return std::nullopt;
  // The NULs sit in the high bytes: odd offsets for little-endian.
  const bool little = bytes[1] == '\0' || (bytes.size() > 3 && bytes[3] == '\0');
  Result<std::string> text = decode_utf16(bytes, little ? "UTF-16LE" : "UTF-16BE");
  // Binary data with NULs in every other byte is not text either.
  if (!text || control_characters(*text) > text->size() / kControlPerBytes) return std::nullopt;
  return text;
}

}  // namespace

bool looks_like_text(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kUtf16SampleBytes);
  return (!binary_nul_bytes(bytes) && control_characters(head) <= head.size() / kControlPerBytes) ||
         looks_like_utf16(bytes);
}

bool looks_like_utf16(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kUtf16SampleBytes & ~std::size_t{1});
  const std::size_t units = head.size() / 2;
  if (units < 2 || bytes.size() % 2 != 0) return false;
  std::size_t nul_even = 0, nul_odd = 0;
  for (std::size_t i = 0; i + 1 < head.size(); i += 2) {
    nul_even += head[i] == '\0' ? 1 : 0;
    nul_odd += head[i + 1] == '\0' ? 1 : 0;
  }
  const double even = static_cast<double>(nul_even) / static_cast<double>(units);
  const double odd = static_cast<double>(nul_odd) / static_cast<double>(units);
  return (odd >= kUtf16MinNulShare && even <= kUtf16MaxOtherNulShare) ||
         (even >= kUtf16MinNulShare && odd <= kUtf16MaxOtherNulShare);
}

std::string normalize_newlines(std::string s) {
  if (s.find('\r') == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\r') {
      out += s[i];
      continue;
    }
    out += '\n';
    if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
  }
  return out;
}

Result<std::string> convert_charset(std::string_view bytes, const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(
      ucnv_open(charset.c_str(), &status), &ucnv_close);
  if (U_FAILURE(status) || !converter) {
    return Status::not_supported("unknown charset", charset);
  }
  status = U_ZERO_ERROR;
  const icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), converter.get(),
                             status);
  if (U_FAILURE(status)) return Status::corruption("invalid " + charset, u_errorName(status));
  std::string utf8;
  u.toUTF8String(utf8);
  return utf8;
}

Result<DecodedText> decode_text_file(std::string_view bytes) {
  DecodedText out;
  if (auto utf16 = decode_any_utf16(bytes)) {
    if (!*utf16) return utf16->status();
    out = {std::move(*utf16).value(), "utf-16"};
  } else {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    out = {std::string(bytes), "text"};
  }
  if (Status s = check_nul_bytes(out.text); !s.is_ok()) return s;
  if (out.encoding == "text") {
    if (const auto bad = text::find_invalid_utf8(out.text)) {
      Result<DecodedText> legacy = decode_8bit(out.text, *bad);
      if (!legacy) return legacy.status();
      out = std::move(legacy).value();
    } else {
      out = decode_utf8(std::move(out.text));
    }
  }
  if (only_whitespace(out.text)) return Status::corruption("empty", "no text");
  out.text = normalize_newlines(std::move(out.text));
  return out;
}

Result<Extracted> extract_text(std::string_view bytes, const ExtractOptions& /*options*/) {
  Result<DecodedText> decoded = decode_text_file(bytes);
  if (!decoded) return decoded.status();
  Extracted out;
  out.text = std::move(decoded->text);
  out.format = std::move(decoded->encoding);
  return out;
}

}  // namespace vanban::doc
