// Fuzzes the query path without a database: search/query_builder.h
// (QueryBuilder::parse, QueryBuilder::build) and search/snippet.h
// (Highlighter, make_snippet, html_escape).
//
// Input: the first line is the query (as typed, any normalization form; must
// be valid UTF-8 and at most 2048 bytes, like SearchService accepts); the
// rest is a document text to build a snippet from. Without a newline the
// query text is also the document.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "vanban/search/query_builder.h"
#include "vanban/search/snippet.h"
#include "vanban/text/normalize.h"
#include "vanban/text/tokenize.h"

namespace {

namespace search = vanban::search;
namespace text = vanban::text;
using vanban::fuzz::show;
using vanban::fuzz::valid_utf8;

constexpr std::size_t kMaxQueryBytes = 2048;  // SearchService::kMaxQueryBytes

void check_clause(const search::ParsedQuery::Clause& c, std::string_view q, bool excluded) {
  VANBAN_FUZZ_CHECK(!c.tokens.empty(), "empty clause for query " + show(q));
  VANBAN_FUZZ_CHECK(!c.phrase || c.tokens.size() >= 2,
                    "one-token phrase clause for query " + show(q));
  for (const text::Token& t : c.tokens) {
    VANBAN_FUZZ_CHECK(!t.folded.empty() && valid_utf8(t.exact) && valid_utf8(t.folded),
                      "query token " + show(t.exact) + " / " + show(t.folded) + " for " + show(q));
  }
  if (c.symbol_pattern) {
    const text::SymbolPattern& p = *c.symbol_pattern;
    VANBAN_FUZZ_CHECK(!excluded && !p.number.empty() && !p.first_codes.empty() && valid_utf8(p.number),
                      "symbol pattern " + show(p.number) + " for " + show(q));
  }
  for (const auto& alternative : c.alternatives) {
    VANBAN_FUZZ_CHECK(!alternative.empty(), "empty alternative for " + show(q));
  }
}

std::string describe(const search::ParsedQuery& parsed, search::MatchMode mode) {
  const Xapian::Query query = search::QueryBuilder::build(parsed, mode);
  VANBAN_FUZZ_CHECK(query.empty() == parsed.required.empty(),
                    "build gives " + std::string(query.empty() ? "an empty" : "a non-empty") +
                        " query for " + std::to_string(parsed.required.size()) + " clauses");
  const std::string description = query.get_description();
  // What a remote backend or a cache would do with it.
  const Xapian::Query back = Xapian::Query::unserialise(query.serialise());
  VANBAN_FUZZ_CHECK(back.get_description() == description,
                    "query does not survive serialise(): " + description);
  return description;
}

// Checks that `html` is text escaped by html_escape() with <mark> spans, and
// that each marked span is text of `doc`.
void check_snippet_html(const std::string& html, std::string_view doc, std::string_view q) {
  VANBAN_FUZZ_CHECK(valid_utf8(html), "snippet not valid UTF-8: " + show(html));
  const std::string ctx = "\n  snippet " + show(html) + "\n  query " + show(q) + "\n  doc " + show(doc);
  static constexpr std::string_view kOpen = "<mark>", kClose = "</mark>";
  static constexpr std::string_view kEntities[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
  static constexpr char kDecoded[] = {'&', '<', '>', '"', '\''};
  bool in_mark = false;
  std::string marked;  // unescaped content of the current <mark>
  for (std::size_t i = 0; i < html.size();) {
    const std::string_view rest = std::string_view(html).substr(i);
    if (rest.substr(0, kOpen.size()) == kOpen) {
      VANBAN_FUZZ_CHECK(!in_mark, "nested <mark>" + ctx);
      in_mark = true;
      marked.clear();
      i += kOpen.size();
      continue;
    }
    if (rest.substr(0, kClose.size()) == kClose) {
      VANBAN_FUZZ_CHECK(in_mark, "</mark> without <mark>" + ctx);
      VANBAN_FUZZ_CHECK(!marked.empty(), "empty <mark>" + ctx);
      VANBAN_FUZZ_CHECK(doc.find(marked) != std::string_view::npos,
                        "marked text " + show(marked) + " is not in the document" + ctx);
      in_mark = false;
      i += kClose.size();
      continue;
    }
    const char c = html[i];
    VANBAN_FUZZ_CHECK(c != '<' && c != '>' && c != '"' && c != '\'',
                      "unescaped " + std::string(1, c) + " at byte " + std::to_string(i) + ctx);
    if (c == '&') {
      bool entity = false;
      for (std::size_t k = 0; k < std::size(kEntities) && !entity; ++k) {
        if (rest.substr(0, kEntities[k].size()) == kEntities[k]) {
          entity = true;
          if (in_mark) marked += kDecoded[k];
          i += kEntities[k].size();
        }
      }
      VANBAN_FUZZ_CHECK(entity, "stray & at byte " + std::to_string(i) + ctx);
      continue;
    }
    if (in_mark) marked += c;
    ++i;
  }
  VANBAN_FUZZ_CHECK(!in_mark, "unclosed <mark>" + ctx);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 16384) return -1;
  static search::QueryBuilder builder;
  static text::Tokenizer snippet_tokenizer;  // document-text tokenizer

  const std::string_view input = vanban::fuzz::as_view(data, size);
  const std::size_t nl = input.find('\n');
  const std::string_view q = input.substr(0, nl);
  if (q.size() > kMaxQueryBytes || !valid_utf8(q)) return -1;  // SearchService rejects these

  const search::ParsedQuery parsed = builder.parse(q);
  for (const auto& c : parsed.required) check_clause(c, q, false);
  for (const auto& c : parsed.excluded) check_clause(c, q, true);
  VANBAN_FUZZ_CHECK(parsed.accented == text::has_diacritics(text::to_nfc(q)),
                    "accented flag wrong for " + show(q));

  const std::string all = describe(parsed, search::MatchMode::kAll);
  describe(parsed, search::MatchMode::kAny);
  // "valid UTF-8, any normalization form": NFD typing means the same.
  const std::string all_nfd =
      describe(builder.parse(vanban::fuzz::normalize(q, false)), search::MatchMode::kAll);
  VANBAN_FUZZ_CHECK(all_nfd == all, "query depends on the normalization form: " + show(q) +
                                        "\n  NFC: " + all + "\n  NFD: " + all_nfd);

  // Snippet of the document part (NFC, as documents are stored).
  const std::string doc = text::to_nfc(nl == std::string_view::npos ? q : input.substr(nl + 1));
  if (!valid_utf8(doc)) return 0;  // to_nfc's own bug: fuzz_normalize reports it
  const search::Highlighter highlighter(parsed);
  search::SnippetOptions options;
  options.window_tokens = q.size() % 48;  // small windows too (clamped to 4)
  const std::string snippet = search::make_snippet(doc, highlighter, snippet_tokenizer, options);
  VANBAN_FUZZ_CHECK(snippet.empty() == snippet_tokenizer.tokenize(doc).empty(),
                    "snippet empty/non-empty mismatch for " + show(doc));
  check_snippet_html(snippet, doc, q);
  return 0;
}
