#include "vanban/index/schema.h"

#include <cstdint>

#include "vanban/hash.h"
#include "vanban/text/chars.h"

namespace vanban::index {

std::string hex_digest(std::string_view bytes) {
  std::uint64_t h = vanban::fnv1a64(bytes, vanban::kDigestBasis);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kHex[h & 0xF];
    h >>= 4;
  }
  return out;
}

namespace {

// `prefix` + `id`; an id too long for a term keeps a readable head, cut on
// a UTF-8 boundary, then '#' and its digest.
std::string id_like_term(std::string_view prefix, std::string_view id) {
  std::string term(prefix);
  if (term.size() + id.size() <= kMaxTermBytes) {
    term += id;
    return term;
  }
  // '#' and the 16 hex digits of the digest.
  constexpr std::size_t kDigestSuffixBytes = 17;
  term += text::utf8_prefix(id, kMaxTermBytes - term.size() - kDigestSuffixBytes);
  term += '#';
  term += hex_digest(id);
  return term;
}

}  // namespace

std::string id_term(std::string_view doc_id) { return id_like_term(kIdPrefix, doc_id); }

std::string input_term(std::string_view input_id) { return id_like_term(kInputPrefix, input_id); }

std::string date_value(std::string_view iso) {
  std::string digits;
  for (const char c : iso) {
    if (c >= '0' && c <= '9') digits += c;
  }
  if (digits.size() == 4) return digits + "0000";
  if (digits.size() == 6) return digits + "00";
  if (digits.size() == 8) return digits;
  return {};
}

std::string pair_term(std::string_view first, std::string_view second) {
  std::string term(kPairPrefix);
  term.reserve(term.size() + first.size() + 1 + second.size());
  term += first;
  term += ' ';
  term += second;
  return term;
}

std::string source_term(std::string_view root_key) {
  return std::string(kSourcePrefix) + hex_digest(root_key);
}

}  // namespace vanban::index
