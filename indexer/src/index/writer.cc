#include "vanban/index/writer.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

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

void add_posting_checked(Xapian::Document& doc, const std::string& term,
                         Xapian::termpos pos) {
  if (term.size() <= kMaxTermBytes) doc.add_posting(term, pos);
}

// Indexes `tokens` positionally from `pos`; returns the next free position.
Xapian::termpos index_tokens(Xapian::Document& doc,
                             const std::vector<Token>& tokens,
                             Xapian::termpos pos) {
  const std::string exact_prefix(kExactPrefix);
  const std::string symbol_prefix(kSymbolPrefix);
  for (const Token& t : tokens) {
    ++pos;
    switch (t.kind) {
      case TokenKind::kWord:
        add_posting_checked(doc, t.folded, pos);
        // Exact spellings rank accented queries; they need no positions
        // because phrases are matched on the folded stream.
        add_term_checked(doc, exact_prefix + t.exact);
        break;
      case TokenKind::kNumber:
        add_posting_checked(doc, t.folded, pos);
        break;
      case TokenKind::kSymbol:
        add_posting_checked(doc, symbol_prefix + t.folded, pos);
        break;
    }
  }
  return pos;
}

std::string content_hash(std::string_view data, std::string_view root_key) {
  return hex_digest(std::to_string(kSchemaVersion) + '\n' +
                    std::string(root_key) + '\n' + std::string(data));
}

Xapian::Document build_document(const doc::DocumentRecord& r,
                                const std::string& data,
                                std::string_view root_key,
                                text::Tokenizer& tokenizer);

}  // namespace

std::string encode_record(const doc::DocumentRecord& r) {
  nlohmann::json j = {{"id", r.id},         {"title", r.title},
                      {"text", r.text},     {"date", r.date},
                      {"type", r.type},     {"symbol", r.symbol},
                      {"source", r.source}, {"issuer", r.issuer},
                      {"subject", r.subject}, {"recipients", r.recipients},
                      {"distribution", r.distribution},
                      {"signer_authority", r.signer_authority},
                      {"signer_name", r.signer_name}, {"metadata", r.metadata}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

doc::DocumentRecord decode_record(std::string_view data) {
  const nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    throw std::runtime_error("corrupt document data in the index");
  }
  doc::DocumentRecord r;
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
  return r;
}

Xapian::Document make_document(const doc::DocumentRecord& r,
                               std::string_view root_key,
                               text::Tokenizer& tokenizer) {
  return build_document(r, encode_record(r), root_key, tokenizer);
}

namespace {

Xapian::Document build_document(const doc::DocumentRecord& r,
                                const std::string& data,
                                std::string_view root_key,
                                text::Tokenizer& tokenizer) {
  Xapian::Document doc;
  doc.set_data(data);
  doc.add_boolean_term(id_term(r.id));
  doc.add_boolean_term(source_term(root_key));
  doc.add_value(kContentHashSlot, content_hash(data, root_key));

  if (const std::string date = compact_date(r.date); !date.empty()) {
    doc.add_value(kDateSlot, date);
    doc.add_boolean_term(std::string(kYearPrefix) + date.substr(0, 4));
    if (date.substr(4, 2) != "00") {
      doc.add_boolean_term(std::string(kMonthPrefix) + date.substr(0, 6));
    }
    if (date.substr(6, 2) != "00") {
      doc.add_boolean_term(std::string(kDatePrefix) + date);
    }
  }
  if (!r.type.empty()) {
    add_term_checked(doc, std::string(kTypePrefix) + text::fold(r.type), 0);
  }
  if (!r.symbol.empty()) {
    if (const auto sym = text::parse_symbol(r.symbol)) {
      add_term_checked(doc, std::string(kOwnSymbolPrefix) + sym->key, 0);
      // The document is the best answer to a query for its own symbol.
      add_term_checked(doc, std::string(kSymbolPrefix) + sym->key, 5);
    }
  }

  const std::vector<Token> title = tokenizer.tokenize(r.title);
  const std::string title_prefix(kTitlePrefix);
  for (const Token& t : title) {
    const std::string& key =
        t.kind == TokenKind::kSymbol ? std::string(kSymbolPrefix) + t.folded : t.folded;
    add_term_checked(doc, title_prefix + key);
  }
  Xapian::termpos pos = 0;
  // File documents repeat their title in the body; JSONL titles are
  // separate and are indexed as text too, ahead of the body.
  if (r.text.find(r.title) == std::string::npos) {
    pos = index_tokens(doc, title, pos) + kFieldGap;
  }
  index_tokens(doc, tokenizer.tokenize(r.text), pos);
  return doc;
}

}  // namespace

IndexWriter::IndexWriter(const std::string& db_path, const WriterOptions& options)
    : options_(options),
      db_(db_path, Xapian::DB_CREATE_OR_OPEN) {}

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

IndexWriter::Outcome IndexWriter::put(const doc::DocumentRecord& record,
                                      std::string_view root_key) {
  const std::string idt = id_term(record.id);
  const std::string data = encode_record(record);
  bool existed = false;
  if (Xapian::PostingIterator p = db_.postlist_begin(idt); p != db_.postlist_end(idt)) {
    existed = true;
    // Compare digests before tokenizing: most re-runs change little.
    const Xapian::Document old = db_.get_document(*p);
    if (old.get_value(kContentHashSlot) == content_hash(data, root_key)) {
      mark_seen(*p);
      return Outcome::kUnchanged;
    }
  }
  mark_seen(db_.replace_document(
      idt, build_document(record, data, root_key, tokenizer_)));
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
    db_.delete_document(id);
    after_write();
  }
  return gone.size();
}

void IndexWriter::commit() {
  db_.commit();
  pending_ = 0;
}

}  // namespace vanban::index
