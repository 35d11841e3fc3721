// The Vietnamese font encodings that came before Unicode, still found in
// old documents and in text copied out of them: TCVN3 (the "ABC" fonts
// .VnTime, .VnArial, ..., TCVN 5712:1993 table VN3) and VNI-Windows (the
// VNI fonts VNI-Times, VNI-Helve, ...). Both put Vietnamese letters on the
// byte values 0x80-0xFF of an ordinary 8-bit font, so such text arrives
// either as raw bytes (a .txt saved in TCVN3) or as "mojibake": Unicode
// whose code points are those bytes read as windows-1252 ("Céng hoµ" for
// "Cộng hoà"), as inside a DOCX whose runs use a .VnTime font.
//
// All functions are pure, thread-safe and never throw for bad input (they
// throw std::runtime_error only if ICU's normalization data is missing).
#ifndef VANBAN_TEXT_LEGACY_ENCODING_H_
#define VANBAN_TEXT_LEGACY_ENCODING_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vanban::text {

enum class LegacyEncoding {
  kTcvn3,  // TCVN 5712:1993 VN3 ("ABC"): one byte per letter, no capitals with tones
  kVni,    // VNI-Windows: a base letter followed by a mark byte ("Vieät")
};

// "tcvn3" or "vni", as in Extracted::format.
std::string_view to_string(LegacyEncoding encoding);

// The encoding a font name implies: ".VnTime", ".VnArial", ".VnTimeH" ->
// TCVN3 (a trailing "H" is the capitals-only variant: every letter shows
// as a capital); "VNI-Times", "VNI-Helve" -> VNI. std::nullopt for any other
// font (Unicode fonts, "Times New Roman").
struct LegacyFont {
  LegacyEncoding encoding;
  bool capitals_only = false;
};
std::optional<LegacyFont> legacy_font(std::string_view font_name);

// Decodes raw bytes in `encoding` to NFC UTF-8. ASCII stays as it is; byte
// values the encoding leaves free are read as windows-1252 (Word wrote
// curly quotes and dashes that way). With TCVN3, which has no capitals
// with tone marks, a word written in capitals elsewhere ("ñY BAN" from a
// .VnTimeH heading) gets its lower-case letters capitalized ("ỦY BAN").
std::string decode_legacy(std::string_view bytes, LegacyEncoding encoding);

// Decodes mojibake: valid UTF-8 whose code points are legacy bytes read as
// windows-1252 or Latin-1 (or U+F020-U+F0FF, where Word keeps symbol-font
// bytes). Other code points (real Unicode letters) pass through unchanged.
// `capitals_only` is the .VnTimeH case: the result is upper-cased. Returns
// NFC UTF-8.
std::string decode_legacy_mojibake(std::string_view utf8, LegacyEncoding encoding,
                                   bool capitals_only = false);

// True if every non-ASCII code point of valid UTF-8 `utf8` is one that
// decode_legacy_mojibake maps back to a byte, i.e. the text could be
// legacy mojibake; false for ASCII-only text.
bool could_be_mojibake(std::string_view utf8);

// The inverse of decode_legacy, for tests and fixtures: NFC or NFD UTF-8 to
// bytes in `encoding`; characters outside Vietnamese go to windows-1252.
// TCVN3 writes capitals that it lacks as their lower-case letters, as
// Word's "text only" export of a .VnTimeH line does. std::nullopt if a
// character has no byte form.
std::optional<std::string> encode_legacy(std::string_view utf8, LegacyEncoding encoding);

// How Vietnamese a text looks: words (letter runs) with a non-ASCII letter
// that are well-formed Vietnamese syllables (onset, vowel nucleus, final
// consonant, one tone mark that the final allows) against other words with
// non-ASCII characters ("C¸c", "Tæng", "cafộ"). ASCII-only words count for
// neither. Used to choose among candidate decodings of unknown bytes.
struct SyllableScore {
  std::size_t vietnamese = 0;
  std::size_t other = 0;
  // vietnamese / (vietnamese + other), 0 when both are 0.
  double plausibility() const;
};
SyllableScore score_vietnamese(std::string_view utf8);

// True if `word` (UTF-8, any case, NFC or NFD) is one well-formed
// Vietnamese syllable: "nghiêng", "Quốc", "được"; false for "cafộ", "tæng".
bool is_vietnamese_syllable(std::string_view word);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_LEGACY_ENCODING_H_
