#include "vanban/index/writer.h"

#include <utility>

#include "vanban/index/knowledge.h"
#include "vanban/index/record_codec.h"
#include "vanban/index/schema.h"
#include "vanban/index/spelling.h"
#include "vanban/index/status.h"

namespace vanban::index {

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
  if (++pending_ >= options_.documents_per_commit) commit();
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

namespace {

// The preparer's view of the index is refreshed every this many documents:
// often enough to see the writer's last commit, rarely enough to cost
// nothing measurable.
constexpr std::size_t kReopenEvery = 256;

}  // namespace

bool DocumentPreparer::unchanged_in_index(const std::string& idt, const std::string& digest) {
  if (db_path_.empty()) return false;
  try {
    if (!committed_) {
      committed_.emplace(db_path_);
    } else if (++since_reopen_ % kReopenEvery == 0) {
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
  p.digest = content_digest(p.data, root_key);
  if (build && !unchanged_in_index(id_term(record.id), p.digest)) {
    p.document = build_document(record, root_key, p.data, tokenizer_);
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
  p.digest = content_digest(p.data, root_key);
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
    p.document = build_document(p.record, p.root_key, p.data, tokenizer_);
  }
  account(p.footprint ? std::move(*p.footprint) : footprint_of(*p.document), true);
  // A new document needs no lookup of its id term.
  mark_seen(existed ? db_.replace_document(idt, *p.document) : db_.add_document(*p.document));
  after_write();
  return existed ? Outcome::kUpdated : Outcome::kAdded;
}

void IndexWriter::keep(std::string_view input_id) {
  for (const std::string& term : {id_term(input_id), input_term(input_id)}) {
    for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) mark_seen(*p);
  }
}

std::size_t IndexWriter::remove_documents(const std::vector<Xapian::docid>& ids) {
  for (const Xapian::docid id : ids) {
    account(footprint_of(db_.get_document(id)), false);
    db_.delete_document(id);
    after_write();
  }
  return ids.size();
}

namespace {

bool has_term(const Xapian::Database& db, Xapian::docid id, const std::string& term) {
  Xapian::TermIterator t = db.termlist_begin(id);
  t.skip_to(term);
  return t != db.termlist_end(id) && *t == term;
}

}  // namespace

std::size_t IndexWriter::remove_missing(std::string_view root_key, std::string_view id) {
  const std::string source = source_term(root_key);
  std::vector<Xapian::docid> gone;
  if (id.empty()) {
    for (auto p = db_.postlist_begin(source); p != db_.postlist_end(source); ++p) {
      if (!seen(*p)) gone.push_back(*p);
    }
    return remove_documents(gone);
  }
  // The document `id` itself or the parts split from it, then every id
  // term under "id/" (a directory; parts of a file there have ids under it).
  std::vector<std::string> terms = {id_term(id), input_term(id)};
  const std::string below = std::string(kIdPrefix) + std::string(id) + "/";
  for (auto t = db_.allterms_begin(below); t != db_.allterms_end(below); ++t) terms.push_back(*t);
  for (const std::string& term : terms) {
    for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) {
      if (!seen(*p) && has_term(db_, *p, source)) gone.push_back(*p);
    }
  }
  return remove_documents(gone);
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
  KnowledgeChanges changes = take_changes();
  update_effect_values(db_, {&db_}, changes.symbols);
  index::refresh_knowledge(db_, db_, std::move(changes));
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
