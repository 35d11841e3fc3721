// Vietnamese text normalization: the one place that decides how a word is
// spelled for matching. Both the indexer and the query builder call these
// functions, so index time and query time cannot disagree.
//
// All functions take and return UTF-8. They are thread-safe (they use only
// ICU's immutable Normalizer2 singletons) and throw std::runtime_error if
// ICU's normalization data cannot be loaded.
#ifndef VANBAN_TEXT_NORMALIZE_H_
#define VANBAN_TEXT_NORMALIZE_H_

#include <string>
#include <string_view>

namespace vanban::text {

// Returns `utf8` in Unicode Normalization Form C. Accepts NFD (decomposed
// marks, as typed on some keyboards or produced by macOS file names) and any
// mix of forms. ASCII and already-NFC text are returned unchanged without
// conversion. Ill-formed UTF-8 is replaced with U+FFFD.
std::string to_nfc(std::string_view utf8);

// The two spellings of one word that the index stores.
struct WordForms {
  // Lower-cased NFC with the tone mark on the canonical vowel, so the old
  // and new tone placements are one word: "hoà"/"hòa" -> "hòa",
  // "uỷ"/"ủy" -> "ủy", "khoá"/"khóa" -> "khóa", "thuý"/"thúy" -> "thúy".
  std::string exact;
  // `exact` without any diacritic, đ -> d: "hòa" -> "hoa", "Đảng" -> "dang".
  std::string folded;
};

// Computes both forms of a single word (an ICU word-break segment such as
// one Vietnamese syllable). A string that is not a Vietnamese syllable
// (digits, foreign words, several tone marks) keeps its marks as written,
// only lower-cased; its folded form still drops every mark.
WordForms word_forms(std::string_view word);

// Lower-cases and removes every diacritic (đ -> d) from arbitrary text,
// keeping spaces and punctuation: "Chỉ thị 34-CT/TW" -> "chi thi 34-ct/tw".
// This is how users type without a Vietnamese keyboard.
std::string fold(std::string_view utf8);

// True if `utf8` contains a letter with a diacritic (including đ), i.e. if
// fold() would change more than letter case.
bool has_diacritics(std::string_view utf8);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_NORMALIZE_H_
