#include "vanban/index/document_builder.h"

#include "vanban/index/record_codec.h"
#include "vanban/index/schema.h"
#include "vanban/index/spelling.h"
#include "vanban/text/campaign.h"
#include "vanban/text/citation.h"
#include "vanban/text/contents.h"
#include "vanban/text/document_type.h"
#include "vanban/text/normalize.h"
#include "vanban/text/place.h"
#include "vanban/text/relation.h"
#include "vanban/text/symbol.h"

namespace vanban::index {
namespace {

using text::Token;
using text::TokenKind;

void add_term_checked(Xapian::Document& doc, const std::string& term,
                      Xapian::termcount wdf = 1) {
  if (term.size() <= kMaxTermBytes) doc.add_term(term, wdf);
}

void add_boolean_checked(Xapian::Document& doc, const std::string& term) {
  if (term.size() <= kMaxTermBytes) doc.add_boolean_term(term);
}

void add_posting_checked(Xapian::Document& doc, const std::string& term,
                         Xapian::termpos pos, Xapian::termcount wdf_inc = 1) {
  if (term.size() <= kMaxTermBytes) doc.add_posting(term, pos, wdf_inc);
}

// Unprefixed terms are folded, hence never start with a capital: one that
// did would collide with prefixed terms ("Q1" is document 1's id term).
bool plain_term(const std::string& term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

// True if only spaces separate tokens a and b in `text`: they belong to
// one phrase, so their pair is a candidate word.
bool same_phrase(std::string_view text, const Token& a, const Token& b) {
  for (std::size_t i = a.end; i < b.start; ++i) {
    if (text[i] != ' ') return false;
  }
  return true;
}

bool pairs_with(const Token& t) { return t.kind != TokenKind::kSymbol; }

// Indexes `tokens` of `text` positionally from `pos`; returns the next free
// position.
Xapian::termpos index_tokens(Xapian::Document& doc, std::string_view text,
                             const std::vector<Token>& tokens, Xapian::termpos pos) {
  const std::string exact_prefix(kExactPrefix);
  const std::string symbol_prefix(kSymbolPrefix);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (i > 0 && pairs_with(t) && pairs_with(tokens[i - 1]) &&
        same_phrase(text, tokens[i - 1], t)) {
      add_term_checked(doc, pair_term(tokens[i - 1].folded, t.folded));
    }
    ++pos;
    switch (t.kind) {
      case TokenKind::kWord:
        if (!plain_term(t.folded)) break;
        add_posting_checked(doc, t.folded, pos);
        // Exact spellings rank accented queries; they need no positions
        // because phrases are matched on the folded stream.
        add_term_checked(doc, exact_prefix + t.exact);
        break;
      case TokenKind::kNumber:
        if (plain_term(t.folded)) add_posting_checked(doc, t.folded, pos);
        break;
      case TokenKind::kSymbol:
        add_posting_checked(doc, symbol_prefix + t.folded, pos);
        break;
    }
  }
  return pos;
}

// A document about an emulation movement: it names a campaign, or speaks
// of "thi đua" or "phong trào". Only these are read for contents (periods,
// targets, assignments ...): a law's numbered articles are not a plan's.
bool campaign_like(const std::vector<Token>& tokens, const StoredDocument& s) {
  if (!s.campaigns.empty()) return true;
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    const std::string& a = tokens[i].folded;
    const std::string& b = tokens[i + 1].folded;
    if ((a == "thi" && b == "dua") || (a == "phong" && b == "trao")) return true;
  }
  return false;
}

// Everything read from a record's text, computed once per indexing.
StoredDocument analyze(const doc::DocumentRecord& r, const std::vector<Token>& tokens) {
  StoredDocument s;
  s.record = r;
  s.citations = text::find_citations(r.text, tokens);
  s.campaigns = text::find_campaigns(r.text, tokens, s.citations);
  if (campaign_like(tokens, s)) {
    s.contents = text::extract_contents(r.text, tokens, s.citations,
                                        {.document_date = r.date, .issuer = r.issuer});
  }
  s.relations = text::find_relations(r.text, tokens, s.citations);
  s.effective = text::find_effective_from(r.text, tokens, r.date);
  return s;
}

// Where the document applies: nationwide for a central issuer, else the
// provinces of its issuer, place and addressees.
void add_applies_to_terms(Xapian::Document& doc, const doc::DocumentRecord& r) {
  std::string where = r.issuer;
  if (const auto place = r.metadata.find("place"); place != r.metadata.end()) where += "\n" + place->second;
  for (const auto& x : r.recipients) where += "\n" + x;
  for (const auto& x : r.distribution) where += "\n" + x;
  const std::vector<std::string> provinces = text::provinces_in(where);
  if (provinces.empty() && text::is_nationwide_issuer(r.issuer)) {
    doc.add_boolean_term(std::string(kAppliesToPrefix) + std::string(kNationwide));
  }
  for (const auto& p : provinces) add_boolean_checked(doc, std::string(kAppliesToPrefix) + p);
}

// Relation targets (the typed ones) and the document's own effect date.
void add_relation_terms(Xapian::Document& doc, const StoredDocument& s) {
  for (const text::Relation& rel : s.relations) {
    if (rel.type == text::RelationType::kCites || rel.target_key.empty()) continue;
    add_boolean_checked(doc, std::string(kRelationTargetPrefix) + rel.target_key);
  }
  if (std::string typed = encode_relations(s.relations); !typed.empty()) {
    doc.add_value(kRelationsSlot, std::move(typed));
  }
  if (const std::string date = date_value(s.effective.date); date.size() == 8) {
    doc.add_value(kEffectiveSlot, date);
  }
}

// Documents that assign tasks or require reports: what /api/obligations
// reads, without decoding every document.
void add_obligation_term(Xapian::Document& doc, const StoredDocument& s) {
  if (!s.contents.assignments.empty() || !s.contents.reports.empty()) {
    doc.add_boolean_term(std::string(kObligationsTerm));
  }
}

void add_date_terms(Xapian::Document& doc, std::string_view iso) {
  const std::string date = date_value(iso);
  if (date.empty()) return;
  doc.add_value(kDateSlot, date);
  doc.add_value(kYearSlot, date.substr(0, 4));
  doc.add_boolean_term(std::string(kYearPrefix) + date.substr(0, 4));
  if (date.substr(4, 2) != "00") doc.add_boolean_term(std::string(kMonthPrefix) + date.substr(0, 6));
  if (date.substr(6, 2) != "00") doc.add_boolean_term(std::string(kDatePrefix) + date);
}

// A part of a split input carries the input's id (loader.h
// records_of_input: "ISSUE#2" is part 2 of "ISSUE").
void add_input_term(Xapian::Document& doc, const doc::DocumentRecord& r) {
  const auto input = r.metadata.find("part_of");
  const auto part = r.metadata.find("part");
  if (input == r.metadata.end() || part == r.metadata.end()) return;
  if (r.id == input->second + "#" + part->second) doc.add_boolean_term(input_term(input->second));
}

// Type, issuer, own symbol and draft suffix: filters, facets, and the own
// symbol as a weighted term.
void add_header_terms(Xapian::Document& doc, const doc::DocumentRecord& r) {
  if (!r.type.empty()) {
    add_boolean_checked(doc, std::string(kTypePrefix) + text::fold(r.type));
    doc.add_value(kTypeSlot, r.type);
  }
  if (!r.issuer.empty()) {
    add_boolean_checked(doc, std::string(kIssuerPrefix) + text::fold(r.issuer));
    doc.add_value(kIssuerSlot, r.issuer);
  }
  if (const auto sym = text::parse_symbol(r.symbol)) {
    // The document is the best answer to a query for its own symbol: the
    // term is weighted (not boolean) so that queries can rank it.
    add_term_checked(doc, std::string(kOwnSymbolPrefix) + sym->key);
    add_term_checked(doc, std::string(kSymbolPrefix) + sym->key);
  }
  if (const auto u = r.metadata.find("unnumbered_symbol"); u != r.metadata.end()) {
    add_boolean_checked(doc, std::string(kUnnumberedPrefix) + text::fold(u->second));
  }
}

// What the text cites and names: filters and the cited-directive facet.
void add_knowledge_terms(Xapian::Document& doc, const StoredDocument& s) {
  std::string cites;
  for (const text::Citation& c : s.citations) {
    add_boolean_checked(doc, std::string(kCitesPrefix) + c.key);
    add_boolean_checked(doc, std::string(kCitesSymbolPrefix) + c.symbol_key);
    if (cites.find(c.key + '\n') == std::string::npos) cites += c.key + '\n';
  }
  if (!cites.empty()) doc.add_value(kCitesSlot, cites);
  for (const text::CampaignMention& m : s.campaigns) {
    add_boolean_checked(doc, std::string(kCampaignPrefix) + m.id);
  }
}

// Title words as "S" terms, and the title and body as positional text.
void add_text_terms(Xapian::Document& doc, const doc::DocumentRecord& r,
                    const std::vector<Token>& body, text::Tokenizer& tokenizer) {
  const std::vector<Token> title = tokenizer.tokenize(r.title);
  const std::string title_prefix(kTitlePrefix);
  for (const Token& t : title) {
    add_term_checked(doc, title_prefix + (t.kind == TokenKind::kSymbol
                                              ? std::string(kSymbolPrefix) + t.folded
                                              : t.folded));
  }
  Xapian::termpos pos = 0;
  // File documents repeat their title in the body; JSONL titles are
  // separate and are indexed as text too, ahead of the body.
  if (r.text.find(r.title) == std::string::npos) {
    pos = index_tokens(doc, r.title, title, pos) + kFieldGap;
  }
  index_tokens(doc, r.text, body, pos);
}

// The type and subject, then the title, as the subject field: positions
// only (wdf 0), so that a phrase can be matched in it without changing
// any document's length or weight.
void add_subject_terms(Xapian::Document& doc, const doc::DocumentRecord& r, text::Tokenizer& tokenizer) {
  const std::string prefix(kSubjectPrefix);
  const std::string subject = r.subject.empty() ? std::string() : r.type + " " + r.subject;
  Xapian::termpos pos = 0;
  for (const std::string& field : {subject, r.title}) {
    for (const Token& t : tokenizer.tokenize(field)) {
      if (plain_term(t.folded)) add_posting_checked(doc, prefix + t.folded, ++pos, /*wdf_inc=*/0);
    }
    pos += kFieldGap;
  }
}

}  // namespace

std::string content_digest(std::string_view data, std::string_view root_key) {
  return hex_digest(std::to_string(kSchemaVersion) + '\n' + std::string(root_key) + '\n' +
                    std::string(data));
}

Xapian::Document build_document(const doc::DocumentRecord& r, std::string_view root_key,
                                std::string_view record_data, text::Tokenizer& tokenizer) {
  const std::vector<Token> body = tokenizer.tokenize(r.text);
  const StoredDocument s = analyze(r, body);
  Xapian::Document doc;
  doc.set_data(encode_stored(s));
  doc.add_boolean_term(id_term(r.id));
  doc.add_boolean_term(source_term(root_key));
  // A JSONL line's source is "file.jsonl:LINE": it has no file of its own.
  if (r.source.find(".jsonl:") == std::string::npos) doc.add_value(kRootSlot, std::string(root_key));
  add_input_term(doc, r);
  doc.add_value(kContentHashSlot, content_digest(record_data, root_key));
  add_date_terms(doc, r.date);
  add_header_terms(doc, r);
  add_knowledge_terms(doc, s);
  add_relation_terms(doc, s);
  add_obligation_term(doc, s);
  add_applies_to_terms(doc, r);
  add_text_terms(doc, r, body, tokenizer);
  add_subject_terms(doc, r, tokenizer);
  return doc;
}

Xapian::Document make_document(const doc::DocumentRecord& r, std::string_view root_key,
                               text::Tokenizer& tokenizer) {
  return build_document(r, root_key, encode_record(r), tokenizer);
}

DocumentFootprint footprint_of(const Xapian::Document& doc) {
  DocumentFootprint f;
  const std::string cites(kCitesSymbolPrefix);
  const std::string camps(kCampaignPrefix);
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    if (is_spelling_term(term)) {
      f.words.emplace_back(spelling_word(term));
    } else if (term.compare(0, cites.size(), cites) == 0) {
      f.knowledge.symbols.insert(term.substr(cites.size()));
    } else if (term.compare(0, camps.size(), camps) == 0) {
      f.knowledge.campaigns.insert(term.substr(camps.size()));
    } else if (term.compare(0, kOwnSymbolPrefix.size(), kOwnSymbolPrefix) == 0) {
      f.knowledge.symbols.insert(term.substr(kOwnSymbolPrefix.size()));
    } else if (term.compare(0, kRelationTargetPrefix.size(), kRelationTargetPrefix) == 0) {
      // The target's status may have changed.
      f.knowledge.symbols.insert(term.substr(kRelationTargetPrefix.size()));
    } else if (term.compare(0, kUnnumberedPrefix.size(), kUnnumberedPrefix) == 0) {
      f.knowledge.unnumbered.insert(term.substr(kUnnumberedPrefix.size()));
    }
  }
  return f;
}

}  // namespace vanban::index
