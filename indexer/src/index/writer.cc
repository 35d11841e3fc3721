#include "vanban/index/writer.h"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <utility>

#include "vanban/index/knowledge.h"
#include "vanban/index/schema.h"
#include "vanban/text/normalize.h"
#include "vanban/text/symbol.h"

namespace vanban::index {
namespace {

using text::Token;
using text::TokenKind;

// "2024-02-29" -> "20240229"; "2023-05" -> "20230500"; "" if malformed.
std::string compact_date(std::string_view iso) {
  std::string digits;
  for (const char c : iso) {
    if (c >= '0' && c <= '9') digits += c;
  }
  if (digits.size() == 4) return digits + "0000";
  if (digits.size() == 6) return digits + "00";
  if (digits.size() == 8) return digits;
  return {};
}

void add_term_checked(Xapian::Document& doc, const std::string& term,
                      Xapian::termcount wdf = 1) {
  if (term.size() <= kMaxTermBytes) doc.add_term(term, wdf);
}

void add_boolean_checked(Xapian::Document& doc, const std::string& term) {
  if (term.size() <= kMaxTermBytes) doc.add_boolean_term(term);
}

void add_posting_checked(Xapian::Document& doc, const std::string& term,
                         Xapian::termpos pos) {
  if (term.size() <= kMaxTermBytes) doc.add_posting(term, pos);
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

std::string content_hash(std::string_view data, std::string_view root_key) {
  return hex_digest(std::to_string(kSchemaVersion) + '\n' + std::string(root_key) + '\n' +
                    std::string(data));
}

nlohmann::json record_json(const doc::DocumentRecord& r) {
  return {{"id", r.id},
          {"title", r.title},
          {"text", r.text},
          {"date", r.date},
          {"type", r.type},
          {"symbol", r.symbol},
          {"source", r.source},
          {"issuer", r.issuer},
          {"subject", r.subject},
          {"recipients", r.recipients},
          {"distribution", r.distribution},
          {"signer_authority", r.signer_authority},
          {"signer_name", r.signer_name},
          {"metadata", r.metadata}};
}

std::string dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Everything read from a record's text, computed once per indexing.
StoredDocument analyze(const doc::DocumentRecord& r, const std::vector<Token>& tokens) {
  StoredDocument s;
  s.record = r;
  s.citations = text::find_citations(r.text, tokens);
  s.campaigns = text::find_campaigns(r.text, tokens, s.citations);
  return s;
}

Xapian::Document build_document(const StoredDocument& s, const std::vector<Token>& body,
                                std::string_view root_key, std::string_view record_data,
                                text::Tokenizer& tokenizer) {
  const doc::DocumentRecord& r = s.record;
  Xapian::Document doc;
  doc.set_data(encode_stored(s));
  doc.add_boolean_term(id_term(r.id));
  doc.add_boolean_term(source_term(root_key));
  doc.add_value(kContentHashSlot, content_hash(record_data, root_key));

  if (const std::string date = compact_date(r.date); !date.empty()) {
    doc.add_value(kDateSlot, date);
    doc.add_value(kYearSlot, date.substr(0, 4));
    doc.add_boolean_term(std::string(kYearPrefix) + date.substr(0, 4));
    if (date.substr(4, 2) != "00") doc.add_boolean_term(std::string(kMonthPrefix) + date.substr(0, 6));
    if (date.substr(6, 2) != "00") doc.add_boolean_term(std::string(kDatePrefix) + date);
  }
  if (!r.type.empty()) {
    add_boolean_checked(doc, std::string(kTypePrefix) + text::fold(r.type));
    doc.add_value(kTypeSlot, r.type);
  }
  if (!r.issuer.empty()) {
    add_boolean_checked(doc, std::string(kIssuerPrefix) + text::fold(r.issuer));
    doc.add_value(kIssuerSlot, r.issuer);
  }
  if (!r.symbol.empty()) {
    if (const auto sym = text::parse_symbol(r.symbol)) {
      // The document is the best answer to a query for its own symbol: the
      // term is weighted (not boolean) so that queries can rank it.
      add_term_checked(doc, std::string(kOwnSymbolPrefix) + sym->key);
      add_term_checked(doc, std::string(kSymbolPrefix) + sym->key);
    }
  }
  if (const auto u = r.metadata.find("unnumbered_symbol"); u != r.metadata.end()) {
    add_boolean_checked(doc, std::string(kUnnumberedPrefix) + text::fold(u->second));
  }
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
  return doc;
}

// Tokenizes `r` and builds its document; `record_data` is encode_record(r).
Xapian::Document tokenize_and_build(const doc::DocumentRecord& r, std::string_view root_key,
                                    std::string_view record_data, text::Tokenizer& tokenizer) {
  const std::vector<Token> body = tokenizer.tokenize(r.text);
  return build_document(analyze(r, body), body, root_key, record_data, tokenizer);
}

}  // namespace

std::string encode_record(const doc::DocumentRecord& r) { return dump(record_json(r)); }

std::string encode_stored(const StoredDocument& s) {
  nlohmann::json j = record_json(s.record);
  nlohmann::json cites = nlohmann::json::array();
  for (const auto& c : s.citations) {
    cites.push_back({{"symbol", c.symbol}, {"symbol_key", c.symbol_key}, {"type", c.type},
                     {"date", c.date}, {"issuer", c.issuer}, {"subject", c.subject},
                     {"key", c.key}, {"start", c.start}, {"end", c.end}});
  }
  nlohmann::json camps = nlohmann::json::array();
  for (const auto& m : s.campaigns) {
    camps.push_back({{"name", m.name}, {"id", m.id}, {"local", m.local},
                     {"launched", m.launched}, {"launcher", m.launcher},
                     {"start", m.start}, {"end", m.end}});
  }
  j["citations"] = std::move(cites);
  j["campaigns"] = std::move(camps);
  return dump(j);
}

StoredDocument decode_stored(std::string_view data) {
  const nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    throw std::runtime_error("corrupt document data in the index");
  }
  StoredDocument s;
  doc::DocumentRecord& r = s.record;
  r.id = j.value("id", "");
  r.title = j.value("title", "");
  r.text = j.value("text", "");
  r.date = j.value("date", "");
  r.type = j.value("type", "");
  r.symbol = j.value("symbol", "");
  r.source = j.value("source", "");
  r.issuer = j.value("issuer", "");
  r.subject = j.value("subject", "");
  r.recipients = j.value("recipients", std::vector<std::string>{});
  r.distribution = j.value("distribution", std::vector<std::string>{});
  r.signer_authority = j.value("signer_authority", "");
  r.signer_name = j.value("signer_name", "");
  if (const auto m = j.find("metadata"); m != j.end() && m->is_object()) {
    for (const auto& [k, v] : m->items()) {
      if (v.is_string()) r.metadata.emplace(k, v.get<std::string>());
    }
  }
  if (const auto cs = j.find("citations"); cs != j.end() && cs->is_array()) {
    for (const auto& c : *cs) {
      text::Citation x;
      x.symbol = c.value("symbol", "");
      x.symbol_key = c.value("symbol_key", "");
      x.type = c.value("type", "");
      x.date = c.value("date", "");
      x.issuer = c.value("issuer", "");
      x.subject = c.value("subject", "");
      x.key = c.value("key", "");
      x.start = c.value("start", std::size_t{0});
      x.end = c.value("end", std::size_t{0});
      s.citations.push_back(std::move(x));
    }
  }
  if (const auto ms = j.find("campaigns"); ms != j.end() && ms->is_array()) {
    for (const auto& m : *ms) {
      text::CampaignMention x;
      x.name = m.value("name", "");
      x.id = m.value("id", "");
      x.local = m.value("local", false);
      x.launched = m.value("launched", false);
      x.launcher = m.value("launcher", "");
      x.start = m.value("start", std::size_t{0});
      x.end = m.value("end", std::size_t{0});
      s.campaigns.push_back(std::move(x));
    }
  }
  return s;
}

doc::DocumentRecord decode_record(std::string_view data) { return decode_stored(data).record; }

Xapian::Document make_document(const doc::DocumentRecord& r, std::string_view root_key,
                               text::Tokenizer& tokenizer) {
  return tokenize_and_build(r, root_key, encode_record(r), tokenizer);
}

IndexWriter::IndexWriter(const std::string& db_path, const WriterOptions& options)
    : options_(options), db_(db_path, Xapian::DB_CREATE_OR_OPEN) {}

IndexWriter::~IndexWriter() {
  try {
    commit();
  } catch (...) {
    // Destructors must not throw; the next run redoes the batch.
  }
}

void IndexWriter::mark_seen(Xapian::docid id) {
  if (id >= seen_.size()) seen_.resize(std::max<std::size_t>(id + 1, seen_.size() * 2));
  seen_[id] = true;
}

void IndexWriter::after_write() {
  if (++pending_ >= options_.batch_size) commit();
}

// True for the plain word terms that feed the spelling dictionary:
// unprefixed (folded) or exact ("XE...") forms of words of letters.
bool spelling_word(std::string_view term) {
  if (term.size() < 2 || term.size() > 40) return false;
  const unsigned char c = static_cast<unsigned char>(term[0]);
  return !(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z');
}

DocumentFootprint footprint_of(const Xapian::Document& doc) {
  DocumentFootprint f;
  const std::string cites(kCitesSymbolPrefix);
  const std::string camps(kCampaignPrefix);
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    if (term.compare(0, kExactPrefix.size(), kExactPrefix) == 0) {
      const std::string_view word = std::string_view(term).substr(kExactPrefix.size());
      if (spelling_word(word)) f.words.emplace_back(word);
    } else if (spelling_word(term)) {
      f.words.push_back(term);
    } else if (term.compare(0, cites.size(), cites) == 0) {
      f.knowledge.symbols.insert(term.substr(cites.size()));
    } else if (term.compare(0, camps.size(), camps) == 0) {
      f.knowledge.campaigns.insert(term.substr(camps.size()));
    } else if (term.compare(0, kOwnSymbolPrefix.size(), kOwnSymbolPrefix) == 0) {
      f.knowledge.symbols.insert(term.substr(kOwnSymbolPrefix.size()));
    } else if (term.compare(0, kUnnumberedPrefix.size(), kUnnumberedPrefix) == 0) {
      f.knowledge.unnumbered.insert(term.substr(kUnnumberedPrefix.size()));
    }
  }
  return f;
}

// Records what a document adds to or takes from derived data: which
// directives and campaigns it names (their knowledge-base entries are
// rebuilt) and its words (the spelling dictionary counts documents per
// word, applied at commit). `added` is false for a document being replaced
// or deleted.
void IndexWriter::account(DocumentFootprint&& f, bool added) {
  const int delta = added ? 1 : -1;
  for (std::string& w : f.words) spelling_delta_[std::move(w)] += delta;
  changes_.merge(std::move(f.knowledge));
}

DocumentPreparer::DocumentPreparer(std::string db_path) : db_path_(std::move(db_path)) {}

bool DocumentPreparer::unchanged_in_index(const std::string& idt, const std::string& digest) {
  if (db_path_.empty()) return false;
  try {
    if (!committed_) {
      committed_.emplace(db_path_);
    } else if (++since_reopen_ % 256 == 0) {
      committed_->reopen();
    }
    Xapian::PostingIterator p = committed_->postlist_begin(idt);
    if (p == committed_->postlist_end(idt)) return false;
    return committed_->get_document(*p).get_value(kContentHashSlot) == digest;
  } catch (const Xapian::Error&) {
    // No index yet, or the writer moved on: prepare the document in full;
    // the writer compares digests again anyway.
    committed_.reset();
    return false;
  }
}

PreparedDocument DocumentPreparer::prepare(doc::DocumentRecord record, std::string root_key,
                                           bool build) {
  PreparedDocument p;
  p.data = encode_record(record);
  p.digest = content_hash(p.data, root_key);
  if (build && !unchanged_in_index(id_term(record.id), p.digest)) {
    p.document = tokenize_and_build(record, root_key, p.data, tokenizer_);
    p.footprint = footprint_of(*p.document);
  }
  p.record = std::move(record);
  p.root_key = std::move(root_key);
  return p;
}

IndexWriter::Outcome IndexWriter::put(const doc::DocumentRecord& record,
                                      std::string_view root_key) {
  PreparedDocument p;
  p.record = record;
  p.root_key = std::string(root_key);
  p.data = encode_record(record);
  p.digest = content_hash(p.data, root_key);
  return put(std::move(p));
}

IndexWriter::Outcome IndexWriter::put(PreparedDocument p) {
  const std::string idt = id_term(p.record.id);
  bool existed = false;
  if (Xapian::PostingIterator it = db_.postlist_begin(idt); it != db_.postlist_end(idt)) {
    existed = true;
    // Compare digests before tokenizing: most re-runs change little.
    const Xapian::Document old = db_.get_document(*it);
    if (old.get_value(kContentHashSlot) == p.digest) {
      mark_seen(*it);
      return Outcome::kUnchanged;
    }
    account(footprint_of(old), false);
  }
  if (!p.document) {
    p.document = tokenize_and_build(p.record, p.root_key, p.data, tokenizer_);
  }
  account(p.footprint ? std::move(*p.footprint) : footprint_of(*p.document), true);
  // A new document needs no lookup of its id term.
  mark_seen(existed ? db_.replace_document(idt, *p.document) : db_.add_document(*p.document));
  after_write();
  return existed ? Outcome::kUpdated : Outcome::kAdded;
}

void IndexWriter::keep(std::string_view id) {
  const std::string idt = id_term(id);
  if (Xapian::PostingIterator p = db_.postlist_begin(idt); p != db_.postlist_end(idt)) {
    mark_seen(*p);
  }
}

std::size_t IndexWriter::remove_missing(std::string_view root_key) {
  const std::string term = source_term(root_key);
  std::vector<Xapian::docid> gone;
  for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) {
    if (*p >= seen_.size() || !seen_[*p]) gone.push_back(*p);
  }
  for (const Xapian::docid id : gone) {
    account(footprint_of(db_.get_document(id)), false);
    db_.delete_document(id);
    after_write();
  }
  return gone.size();
}

namespace {

// What still needs a knowledge-base refresh is written into the database
// with each commit, so that a run killed between a commit and its refresh
// is completed by the next run, which would otherwise find the documents
// unchanged and refresh nothing.
constexpr std::string_view kPendingSymbol = "p:s:";
constexpr std::string_view kPendingCampaign = "p:c:";
constexpr std::string_view kPendingUnnumbered = "p:u:";

void save_pending(Xapian::WritableDatabase& db, std::string_view prefix,
                  const std::set<std::string>& keys) {
  for (const auto& k : keys) {
    const std::string key = std::string(prefix) + k;
    if (key.size() <= kMaxTermBytes) db.set_metadata(key, "1");
  }
}

void take_pending(Xapian::WritableDatabase& db, std::string_view prefix,
                  std::set<std::string>& keys) {
  std::vector<std::string> found;
  const std::string p(prefix);
  for (auto m = db.metadata_keys_begin(p); m != db.metadata_keys_end(p); ++m) found.push_back(*m);
  for (const auto& m : found) {
    keys.insert(m.substr(p.size()));
    db.set_metadata(m, "");
  }
}

}  // namespace

KnowledgeChanges IndexWriter::take_changes() {
  take_pending(db_, kPendingSymbol, changes_.symbols);
  take_pending(db_, kPendingCampaign, changes_.campaigns);
  take_pending(db_, kPendingUnnumbered, changes_.unnumbered);
  return std::exchange(changes_, {});
}

void IndexWriter::refresh_knowledge() {
  index::refresh_knowledge(db_, db_, take_changes());
  commit();
}

void IndexWriter::apply_spelling() {
  for (const auto& [word, n] : spelling_delta_) change_spelling(db_, word, n);
  spelling_delta_.clear();
}

void IndexWriter::commit() {
  apply_spelling();
  save_pending(db_, kPendingSymbol, changes_.symbols);
  save_pending(db_, kPendingCampaign, changes_.campaigns);
  save_pending(db_, kPendingUnnumbered, changes_.unnumbered);
  db_.commit();
  pending_ = 0;
}

}  // namespace vanban::index
