#include "vanban/index/spelling.h"

#include <unordered_map>

#include "vanban/index/schema.h"

namespace vanban::index {
namespace {

// Longer "words" are runs of letters without spaces (URLs, garbage) that
// no one misspells into a query.
constexpr std::size_t kMaxWordBytes = 40;

bool is_dictionary_word(std::string_view word) {
  if (word.size() < 2 || word.size() > kMaxWordBytes) return false;
  const unsigned char c = static_cast<unsigned char>(word[0]);
  return !(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z');
}

}  // namespace

std::string_view spelling_word(std::string_view term) {
  if (term.substr(0, kExactPrefix.size()) == kExactPrefix) term.remove_prefix(kExactPrefix.size());
  return term;
}

bool is_spelling_term(std::string_view term) {
  const bool exact = term.substr(0, kExactPrefix.size()) == kExactPrefix;
  // Other prefixed terms start with a capital, which is_dictionary_word
  // refuses.
  return is_dictionary_word(exact ? spelling_word(term) : term);
}

bool change_spelling(Xapian::WritableDatabase& db, const std::string& word, long long delta) {
  if (delta > 0) {
    db.add_spelling(word, static_cast<Xapian::termcount>(delta));
  } else if (delta < 0) {
    db.remove_spelling(word, static_cast<Xapian::termcount>(-delta));
  }
  return delta != 0;
}

std::size_t sync_spelling(const std::vector<std::string>& shard_paths,
                          Xapian::WritableDatabase& catalog) {
  // word -> frequency wanted minus frequency held.
  std::unordered_map<std::string, long long> delta;
  for (const std::string& path : shard_paths) {
    const Xapian::Database shard(path);
    for (auto w = shard.spellings_begin(); w != shard.spellings_end(); ++w) {
      delta[*w] += w.get_termfreq();
    }
  }
  for (auto w = catalog.spellings_begin(); w != catalog.spellings_end(); ++w) {
    delta[*w] -= w.get_termfreq();
  }
  std::size_t changed = 0;
  for (const auto& [word, d] : delta) changed += change_spelling(catalog, word, d);
  return changed;
}

}  // namespace vanban::index
