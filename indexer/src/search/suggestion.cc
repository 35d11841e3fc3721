#include "vanban/search/suggestion.h"

#include <algorithm>
#include <vector>

#include "vanban/index/record_codec.h"
#include "vanban/index/schema.h"
#include "vanban/text/normalize.h"

namespace vanban::search {
namespace {

// Edits allowed to a word replaced for its neighbour's sake: one up to
// this many bytes (most Vietnamese syllables: "khoe" -> "kheo"), and then
// a letter changed or two swapped, not one added or dropped; two edits
// above. More reach too many other syllables ("bao" -> "so", "kan" -> "an").
constexpr std::size_t kOneEditUpToBytes = 5;
// Edits allowed to an unknown word (Xapian's dictionary search).
constexpr unsigned kMaxUnknownWordEdits = 2;

// One word of the suggestion.
struct Word {
  std::string shown;    // what the suggestion says
  std::string folded;   // "" for numbers and symbols
  bool follows = false; // it comes right after the previous word in one phrase
  std::size_t clause = 0;
  bool changed = false;
};

struct Draft {
  std::vector<Word> words;
  std::vector<bool> phrase;  // per clause: quoted
  bool changed = false;
};

Draft draft_of(const ParsedQuery& parsed) {
  Draft d;
  bool joins = false;
  for (const auto& clause : parsed.required) {
    const std::size_t index = d.phrase.size();
    d.phrase.push_back(clause.phrase);
    for (std::size_t i = 0; i < clause.tokens.size(); ++i) {
      const text::Token& t = clause.tokens[i];
      const bool word = t.kind == text::TokenKind::kWord;
      const bool as_typed = (word && parsed.accented) || t.kind == text::TokenKind::kSymbol;
      Word w{.shown = as_typed ? t.exact : t.folded,
             .folded = word ? t.folded : std::string(),
             .follows = i > 0 ? clause.phrase : joins,
             .clause = index};
      d.words.push_back(std::move(w));
    }
    joins = clause.joins_next && clause.tokens.size() == 1;
  }
  return d;
}

// Unknown words: the dictionary's nearest spelling.
void correct_unknown_words(const Xapian::Database& db, const Xapian::Database& catalog,
                           bool accented, Draft& d) {
  for (Word& w : d.words) {
    if (w.folded.empty() || w.changed) continue;
    const bool unknown = db.get_termfreq(w.folded) == 0 ||
                         (accented && db.get_termfreq(std::string(index::kExactPrefix) + w.shown) == 0);
    if (!unknown) continue;
    const std::string better = catalog.get_spelling_suggestion(w.shown, kMaxUnknownWordEdits);
    if (better.empty() || better == w.shown) continue;
    w.shown = better;
    w.folded = text::fold(better);
    w.changed = true;
    d.changed = true;
  }
}

std::size_t allowed_edits(std::string_view word) { return word.size() <= kOneEditUpToBytes ? 1 : 2; }

// The word nearest to `typed` that follows `before` somewhere in the
// index (and is followed by `after`, unless that is ""): fewest edits, then
// the most documents. "" if none is close enough.
std::string nearest_follower(const Xapian::Database& db, const std::string& before,
                             const std::string& typed, const std::string& after) {
  const std::string prefix = index::pair_term(before, "");
  std::string best;
  std::size_t best_edits = allowed_edits(typed) + 1;
  Xapian::doccount best_freq = 0;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string candidate = (*t).substr(prefix.size());
    // A short syllable is mistyped, not shortened: "kan" is not "an".
    if (typed.size() <= kOneEditUpToBytes && candidate.size() != typed.size()) continue;
    const std::size_t edits = edit_distance(candidate, typed);
    if (edits == 0 || edits > best_edits || (edits == best_edits && t.get_termfreq() <= best_freq)) continue;
    if (!after.empty() && db.get_termfreq(index::pair_term(candidate, after)) == 0) continue;
    best = candidate;
    best_edits = edits;
    best_freq = t.get_termfreq();
  }
  return best;
}

// Words never seen after the word before them (unaccented queries): known
// ones ("khoe" of "sức khỏe" after "van") and unknown ones, which the
// neighbour corrects better than the dictionary alone.
void correct_unlikely_pairs(const Xapian::Database& db, Draft& d) {
  for (std::size_t i = 1; i < d.words.size(); ++i) {
    Word& w = d.words[i];
    const Word& before = d.words[i - 1];
    if (!w.follows || w.changed || w.folded.empty() || before.folded.empty()) continue;
    if (db.get_termfreq(index::pair_term(before.folded, w.folded)) != 0) continue;
    const bool next_follows = i + 1 < d.words.size() && d.words[i + 1].follows;
    const std::string after = next_follows ? d.words[i + 1].folded : std::string();
    const std::string better = nearest_follower(db, before.folded, w.folded, after);
    if (better.empty()) continue;
    w.shown = w.folded = better;
    w.changed = true;
    d.changed = true;
  }
}

// Where `terms` (folded words) start in `tokens` as consecutive words, or
// tokens.size().
std::size_t phrase_at(const std::vector<text::Token>& tokens, const std::vector<std::string>& terms) {
  for (std::size_t at = 0; at + terms.size() <= tokens.size(); ++at) {
    std::size_t n = 0;
    while (n < terms.size() && tokens[at + n].kind == text::TokenKind::kWord &&
           tokens[at + n].folded == terms[n]) {
      ++n;
    }
    if (n == terms.size()) return at;
  }
  return tokens.size();
}

// The accented spelling of the words [first, last) of `d` as one document
// that has them as a phrase writes them; false if none has. The document
// is read line by line up to the phrase (a law runs to 160,000 characters).
bool accent_run(const Xapian::Database& db, text::Tokenizer& tokenizer, Draft& d,
                std::size_t first, std::size_t last) {
  std::vector<std::string> terms;
  for (std::size_t i = first; i < last; ++i) terms.push_back(d.words[i].folded);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end()));
  const Xapian::MSet mset = enquire.get_mset(0, 1);
  if (mset.empty()) return false;
  const auto record = index::decode_record(mset.begin().get_document().get_data());
  if (!record) return false;
  for (const std::string* text : {&record->title, &record->text}) {
    for (std::size_t pos = 0; pos < text->size();) {
      const std::size_t end = std::min(text->find('\n', pos), text->size());
      const std::vector<text::Token> tokens = tokenizer.tokenize(std::string_view(*text).substr(pos, end - pos));
      pos = end + 1;
      const std::size_t at = phrase_at(tokens, terms);
      if (at == tokens.size()) continue;
      for (std::size_t i = 0; i < terms.size(); ++i) d.words[first + i].shown = tokens[at + i].exact;
      return true;
    }
  }
  return false;
}

// Each run of words that follow each other, accented as the corpus writes it.
void restore_accents(const Xapian::Database& db, text::Tokenizer& tokenizer, Draft& d) {
  std::size_t first = 0;
  while (first < d.words.size()) {
    std::size_t last = first + 1;
    if (d.words[first].folded.empty()) {
      first = last;
      continue;
    }
    while (last < d.words.size() && d.words[last].follows && !d.words[last].folded.empty()) ++last;
    accent_run(db, tokenizer, d, first, last);
    first = last;
  }
}

std::string render(const Draft& d) {
  std::vector<std::string> clauses(d.phrase.size());
  for (const Word& w : d.words) {
    std::string& c = clauses[w.clause];
    c += (c.empty() ? "" : " ") + w.shown;
  }
  std::string out;
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    const std::string c = d.phrase[i] ? "\"" + clauses[i] + "\"" : clauses[i];
    out += (out.empty() ? "" : " ") + c;
  }
  return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: Levenshtein plus adjacent transpositions.
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::string suggest(const Xapian::Database& db, const Xapian::Database& catalog,
                    const ParsedQuery& parsed, text::Tokenizer& tokenizer) {
  Draft d = draft_of(parsed);
  if (!parsed.accented) correct_unlikely_pairs(db, d);
  correct_unknown_words(db, catalog, parsed.accented, d);
  if (!d.changed) return {};
  if (!parsed.accented) restore_accents(db, tokenizer, d);
  return render(d);
}

}  // namespace vanban::search
