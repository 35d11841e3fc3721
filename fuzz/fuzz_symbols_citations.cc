// Fuzzes the document-text grammar: text/symbol.h (find_symbols,
// parse_symbol), text/tokenize.h (Tokenizer::tokenize), text/citation.h
// (find_citations, type_from_symbol), text/relation.h (find_relations,
// find_effective_from), text/campaign.h (find_campaigns, campaign_id),
// text/contents.h (extract_contents) and text/number.h (parse_number).
//
// The tokenizer's contract covers ill-formed UTF-8, so it gets the raw
// bytes; everything else gets the input only if it is valid UTF-8, in NFC
// as the indexer passes it.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "vanban/text/campaign.h"
#include "vanban/text/citation.h"
#include "vanban/text/contents.h"
#include "vanban/text/normalize.h"
#include "vanban/text/number.h"
#include "vanban/text/relation.h"
#include "vanban/text/symbol.h"
#include "vanban/text/tokenize.h"

namespace {

namespace text = vanban::text;
using vanban::fuzz::good_range;
using vanban::fuzz::show;
using vanban::fuzz::valid_utf8;

std::string where(std::string_view s, std::size_t b, std::size_t e) {
  return "[" + std::to_string(b) + "," + std::to_string(e) + ") of " + show(s);
}

bool known_type(std::string_view type) {
  if (type.empty()) return true;
  const auto& names = text::document_type_names();
  return std::find(names.begin(), names.end(), type) != names.end();
}

void check_symbol_against_parse(const text::Symbol& sym, std::string_view context) {
  VANBAN_FUZZ_CHECK(valid_utf8(sym.display) && valid_utf8(sym.key),
                    "symbol strings not valid UTF-8: " + show(sym.display) + " / " +
                        show(sym.key) + " in " + show(context));
  VANBAN_FUZZ_CHECK(sym.display.find(' ') == std::string::npos && !sym.display.empty(),
                    "symbol display has spaces or is empty: " + show(sym.display));
  VANBAN_FUZZ_CHECK(vanban::fuzz::is_nfc(sym.display),
                    "symbol display not NFC: " + show(sym.display));
  VANBAN_FUZZ_CHECK(text::fold(sym.key) == sym.key,
                    "symbol key is not folded: " + show(sym.key));
  // The display form is what the web page shows and users copy back into
  // the search box: it must parse to the same key.
  const auto again = text::parse_symbol(sym.display);
  VANBAN_FUZZ_CHECK(again.has_value(),
                    "parse_symbol(display) fails: display " + show(sym.display) + " from " +
                        show(context));
  VANBAN_FUZZ_CHECK(again->key == sym.key && again->display == sym.display,
                    "parse_symbol(display) differs: " + show(sym.display) + " key " +
                        show(sym.key) + " -> " + show(again->display) + " key " +
                        show(again->key));
  VANBAN_FUZZ_CHECK(known_type(text::type_from_symbol(sym.display)),
                    "type_from_symbol gives an unknown type for " + show(sym.display));
}

void check_symbols(std::string_view s, const text::SymbolScanOptions& options) {
  const std::vector<text::Symbol> found = text::find_symbols(s, options);
  std::size_t previous_end = 0;
  for (const text::Symbol& sym : found) {
    VANBAN_FUZZ_CHECK(good_range(s, sym.start, sym.end) && sym.start < sym.end,
                      "symbol offsets " + where(s, sym.start, sym.end));
    VANBAN_FUZZ_CHECK(sym.start >= previous_end,
                      "symbols overlap or are out of order at " + where(s, sym.start, sym.end));
    previous_end = sym.end;
    VANBAN_FUZZ_CHECK(s[sym.start] >= '0' && s[sym.start] <= '9',
                      "symbol does not start at a digit: " + where(s, sym.start, sym.end));
    check_symbol_against_parse(sym, s);
    // The matched text itself parses as one symbol with the same key.
    const std::string_view matched = s.substr(sym.start, sym.end - sym.start);
    const auto parsed = text::parse_symbol(matched);
    VANBAN_FUZZ_CHECK(parsed.has_value() && parsed->key == sym.key,
                      "parse_symbol(matched text " + show(matched) + ") != key " + show(sym.key));
  }
}

void check_tokens(std::string_view s, const std::vector<text::Token>& tokens, bool valid) {
  std::size_t previous_end = 0;
  for (const text::Token& t : tokens) {
    VANBAN_FUZZ_CHECK(t.start < t.end && t.end <= s.size(),
                      "token offsets " + where(s, t.start, t.end));
    VANBAN_FUZZ_CHECK(t.start >= previous_end,
                      "tokens overlap or are out of order at " + where(s, t.start, t.end) +
                          ", previous ended at " + std::to_string(previous_end));
    previous_end = t.end;
    const std::string_view span = s.substr(t.start, t.end - t.start);
    // "Ill-formed UTF-8 yields no tokens for the ill-formed bytes."
    VANBAN_FUZZ_CHECK(valid_utf8(span), "token covers ill-formed bytes: " + where(s, t.start, t.end));
    if (valid) {
      VANBAN_FUZZ_CHECK(good_range(s, t.start, t.end),
                        "token not on code point boundaries: " + where(s, t.start, t.end));
    }
    VANBAN_FUZZ_CHECK(!t.exact.empty() && !t.folded.empty() && valid_utf8(t.exact) &&
                          valid_utf8(t.folded),
                      "token strings empty or not UTF-8: " + show(t.exact) + " / " +
                          show(t.folded) + " at " + where(s, t.start, t.end));
    // Folded means folded, for numbers too: the index stores `folded` as an
    // unprefixed term, and an upper-case term ("Q1", "D2024...") is read
    // as a prefixed one (id, date, ...) by Xapian/Omega conventions.
    VANBAN_FUZZ_CHECK(text::fold(t.folded) == t.folded,
                      "token folded form is not folded: kind " +
                          std::to_string(static_cast<int>(t.kind)) + " exact " + show(t.exact) +
                          " folded " + show(t.folded) + " at " + where(s, t.start, t.end));
    switch (t.kind) {
      case text::TokenKind::kSymbol: {
        const auto parsed = text::parse_symbol(t.exact);
        VANBAN_FUZZ_CHECK(parsed && parsed->key == t.folded,
                          "symbol token does not re-parse: " + show(t.exact) + " key " +
                              show(t.folded));
        break;
      }
      case text::TokenKind::kWord: {
        const text::WordForms forms = text::word_forms(span);
        VANBAN_FUZZ_CHECK(forms.exact == t.exact && forms.folded == t.folded,
                          "word token != word_forms of its text: " + show(span));
        break;
      }
      case text::TokenKind::kNumber:
        break;
    }
  }
}

void check_citations(std::string_view s, const std::vector<text::Token>& tokens,
                     const std::vector<text::Citation>& citations) {
  std::size_t previous_start = 0;
  std::map<std::string, bool> dated;  // symbol_key -> has a dated citation
  for (const text::Citation& c : citations) {
    const std::string at = where(s, c.start, c.end);
    VANBAN_FUZZ_CHECK(good_range(s, c.start, c.end) && c.start < c.end,
                      "citation offsets " + at);
    VANBAN_FUZZ_CHECK(c.start >= previous_start, "citations out of text order at " + at);
    previous_start = c.start;
    VANBAN_FUZZ_CHECK(valid_utf8(c.symbol) && valid_utf8(c.symbol_key) && valid_utf8(c.type) &&
                          valid_utf8(c.date) && valid_utf8(c.issuer) && valid_utf8(c.subject) &&
                          valid_utf8(c.key),
                      "citation field not valid UTF-8: symbol " + show(c.symbol) + " issuer " +
                          show(c.issuer) + " subject " + show(c.subject) + " at " + at);
    const bool from_token = std::any_of(tokens.begin(), tokens.end(), [&](const text::Token& t) {
      return t.kind == text::TokenKind::kSymbol && t.exact == c.symbol && t.folded == c.symbol_key;
    });
    VANBAN_FUZZ_CHECK(from_token, "citation symbol is no symbol token: " + show(c.symbol));
    VANBAN_FUZZ_CHECK(c.key == text::directive_key(c.symbol_key, c.date),
                      "citation key " + show(c.key) + " != directive_key(" + show(c.symbol_key) +
                          ", " + show(c.date) + ")");
    VANBAN_FUZZ_CHECK(c.date.empty() || vanban::fuzz::iso_date_shape(c.date),
                      "citation date not ISO: " + show(c.date) + " at " + at);
    VANBAN_FUZZ_CHECK(known_type(c.type), "citation type unknown: " + show(c.type));
    // Quoted subjects are at most 600 bytes, "về ..." clauses 400.
    VANBAN_FUZZ_CHECK(c.subject.size() <= 600,
                      "citation subject of " + std::to_string(c.subject.size()) +
                          " bytes: " + show(c.subject, 120) + " at " + at);
    dated[c.symbol_key] = dated[c.symbol_key] || !c.date.empty();
  }
  // "Within one document an undated citation takes the date of a dated
  // citation of the same symbol."
  for (const text::Citation& c : citations) {
    VANBAN_FUZZ_CHECK(!c.date.empty() || !dated[c.symbol_key],
                      "undated citation of a symbol dated elsewhere: " + show(c.symbol_key));
  }
}

void check_relations(std::string_view s, const std::vector<text::Citation>& citations,
                     const std::vector<text::Relation>& relations) {
  std::map<std::string, int> cites;  // target key -> `cites` relations
  for (const text::Relation& r : relations) {
    const std::string at = where(s, r.evidence_start, r.evidence_end);
    VANBAN_FUZZ_CHECK(r.citation < citations.size(),
                      "relation names citation " + std::to_string(r.citation) + " of " +
                          std::to_string(citations.size()));
    const text::Citation& c = citations[r.citation];
    VANBAN_FUZZ_CHECK(r.target_symbol == c.symbol && r.target_key == c.symbol_key &&
                          r.directive_key == c.key,
                      "relation target " + show(r.target_symbol) + " is not its citation's " +
                          show(c.symbol));
    VANBAN_FUZZ_CHECK(good_range(s, r.evidence_start, r.evidence_end),
                      "relation evidence offsets " + at);
    VANBAN_FUZZ_CHECK(valid_utf8(r.evidence) && valid_utf8(r.scope_text),
                      "relation text not valid UTF-8: " + show(r.evidence, 120) + " scope " +
                          show(r.scope_text));
    VANBAN_FUZZ_CHECK(r.date.empty() || vanban::fuzz::iso_date_shape(r.date),
                      "relation date not ISO: " + show(r.date));
    VANBAN_FUZZ_CHECK(r.scope == text::RelationScope::kPart || r.scope_text.empty(),
                      "whole relation with a scope text " + show(r.scope_text));
    VANBAN_FUZZ_CHECK(!r.on_effect_date || r.type == text::RelationType::kExpires,
                      "on_effect_date on a " + std::string(text::to_string(r.type)));
    if (r.type == text::RelationType::kCites) {
      VANBAN_FUZZ_CHECK(++cites[r.target_key] == 1, "two cites of " + show(r.target_key));
    }
  }
}

void check_effective_from(std::string_view s, const std::vector<text::Token>& tokens) {
  const text::EffectiveFrom e = text::find_effective_from(s, tokens, "2024-02-29");
  VANBAN_FUZZ_CHECK(e.date.empty() || vanban::fuzz::iso_date_shape(e.date),
                    "effective_from not ISO: " + show(e.date));
  VANBAN_FUZZ_CHECK(e.evidence.empty() || good_range(s, e.evidence_start, e.evidence_end),
                    "effective_from evidence offsets " + where(s, e.evidence_start, e.evidence_end));
  VANBAN_FUZZ_CHECK(valid_utf8(e.evidence), "effective_from evidence not UTF-8");
  const text::EffectiveFrom unsigned_doc = text::find_effective_from(s, tokens, "");
  VANBAN_FUZZ_CHECK(unsigned_doc.evidence == e.evidence,
                    "the signing date changed which clause was read");
}

void check_campaigns(std::string_view s, const std::vector<text::CampaignMention>& campaigns) {
  for (const text::CampaignMention& m : campaigns) {
    const std::string at = where(s, m.start, m.end);
    VANBAN_FUZZ_CHECK(good_range(s, m.start, m.end), "campaign offsets " + at);
    VANBAN_FUZZ_CHECK(valid_utf8(m.name) && valid_utf8(m.id) && valid_utf8(m.launcher),
                      "campaign field not valid UTF-8: name " + show(m.name) + " id " +
                          show(m.id) + " launcher " + show(m.launcher) + " at " + at);
    VANBAN_FUZZ_CHECK(s.substr(m.start, m.end - m.start).find(m.name) != std::string_view::npos,
                      "campaign name " + show(m.name) + " is not inside its quote " + at);
    VANBAN_FUZZ_CHECK(!m.id.empty() && m.id.find('-') != std::string::npos,
                      "campaign id " + show(m.id));
    // Ids become Xapian terms and metadata keys.
    VANBAN_FUZZ_CHECK(m.id.size() <= 120, "campaign id of " + std::to_string(m.id.size()) +
                                              " bytes: " + show(m.id));
    VANBAN_FUZZ_CHECK(m.id == text::campaign_id(m.name),
                      "campaign id " + show(m.id) + " != campaign_id(name)");
  }
}

// A field of the contents: valid UTF-8, no line breaks ("as printed").
void check_printed(std::string_view field, std::string_view what, std::string_view at) {
  VANBAN_FUZZ_CHECK(valid_utf8(field) && field.find('\n') == std::string_view::npos,
                    std::string(what) + " not printed UTF-8 on one line: " + show(field) + " at " +
                        std::string(at));
}

void check_span(std::string_view s, std::size_t start, std::size_t end, std::string_view what) {
  VANBAN_FUZZ_CHECK(good_range(s, start, end), std::string(what) + " offsets " + where(s, start, end));
}

bool iso_or_empty(std::string_view d) {
  if (d.empty()) return true;
  if (d.size() == 4) return d.find_first_not_of("0123456789") == std::string_view::npos;
  return vanban::fuzz::iso_date_shape(d);
}

void check_items(std::string_view s, const text::CampaignContents& c) {
  for (std::size_t k = 0; k < c.contents.size(); ++k) {
    const text::ContentItem& i = c.contents[k];
    check_span(s, i.start, i.end, "content item");
    check_printed(i.text, "content item text", where(s, i.start, i.end));
    check_printed(i.number, "content item number", where(s, i.start, i.end));
    // Parents come first, one level up.
    const bool top = i.parent < 0 && i.depth >= 0;
    const bool nested = i.parent >= 0 && static_cast<std::size_t>(i.parent) < k &&
                        c.contents[static_cast<std::size_t>(i.parent)].depth + 1 == i.depth;
    VANBAN_FUZZ_CHECK(top || nested, "content item " + std::to_string(k) + " parent " +
                                         std::to_string(i.parent) + " depth " +
                                         std::to_string(i.depth));
  }
  for (const text::Period& p : c.periods) {
    check_span(s, p.start, p.end, "period");
    VANBAN_FUZZ_CHECK(iso_or_empty(p.from) && iso_or_empty(p.to) && !p.to.empty(),
                      "period dates " + show(p.from) + " .. " + show(p.to));
  }
  for (const text::Target& t : c.targets) {
    check_span(s, t.start, t.end, "target");
    check_printed(t.indicator, "target indicator", where(s, t.start, t.end));
    VANBAN_FUZZ_CHECK(std::isfinite(t.value) && t.value >= 0 && t.scale >= 1 && !t.unit.empty(),
                      "target value " + show(t.value_text) + " unit " + show(t.unit));
    const auto again = text::parse_number(t.value_text);
    VANBAN_FUZZ_CHECK(again && *again == t.value, "target value_text does not parse to value: " +
                                                      show(t.value_text));
  }
}

void check_duties(std::string_view s, const text::CampaignContents& c) {
  for (const text::Assignment& a : c.assignments) {
    check_span(s, a.start, a.end, "assignment");
    check_printed(a.assignee, "assignee", where(s, a.start, a.end));
    check_printed(a.task, "task", where(s, a.start, a.end));
    VANBAN_FUZZ_CHECK(!a.assignee.empty() && !a.task.empty() && text::fold(a.assignee_key) == a.assignee_key,
                      "assignment " + show(a.assignee) + " key " + show(a.assignee_key));
    VANBAN_FUZZ_CHECK(a.deadline.date.empty() || vanban::fuzz::iso_date_shape(a.deadline.date),
                      "assignment deadline " + show(a.deadline.date));
  }
  for (const text::Reward& r : c.rewards) {
    check_span(s, r.start, r.end, "reward");
    check_printed(r.form_text, "reward form", where(s, r.start, r.end));
    check_printed(r.body, "reward body", where(s, r.start, r.end));
  }
  for (const text::ReportDuty& r : c.reports) {
    check_span(s, r.start, r.end, "report");
    check_printed(r.what, "report subject", where(s, r.start, r.end));
    check_printed(r.recipient, "report recipient", where(s, r.start, r.end));
    VANBAN_FUZZ_CHECK(r.deadline.date.empty() || vanban::fuzz::iso_date_shape(r.deadline.date),
                      "report deadline " + show(r.deadline.date));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 8192) return -1;
  static text::Tokenizer doc_tokenizer;
  const std::string_view raw = vanban::fuzz::as_view(data, size);
  const bool valid = valid_utf8(raw);
  check_tokens(raw, doc_tokenizer.tokenize(raw), valid);
  if (!valid) return 0;

  const std::string nfc = text::to_nfc(raw);
  check_symbols(nfc, {});
  check_symbols(nfc, {.accept_lower_case = true});
  if (const auto sym = text::parse_symbol(raw)) check_symbol_against_parse(*sym, raw);

  const std::vector<text::Token> tokens = doc_tokenizer.tokenize(nfc);
  check_tokens(nfc, tokens, true);
  const std::vector<text::Citation> citations = text::find_citations(nfc, tokens);
  check_citations(nfc, tokens, citations);
  check_relations(nfc, citations, text::find_relations(nfc, tokens, citations));
  check_effective_from(nfc, tokens);
  check_campaigns(nfc, text::find_campaigns(nfc, tokens, citations));
  const text::CampaignContents contents =
      text::extract_contents(nfc, tokens, citations, {"2024-02-29", "Sở Công Thương tỉnh Lai Châu"});
  check_items(nfc, contents);
  check_duties(nfc, contents);

  const std::string id = text::campaign_id(nfc);
  VANBAN_FUZZ_CHECK(valid_utf8(id) && id.size() <= 120,
                    "campaign_id(" + show(nfc, 120) + ") = " + show(id));
  return 0;
}
