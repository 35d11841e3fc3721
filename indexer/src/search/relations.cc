#include "vanban/search/relations.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <optional>
#include <set>

#include "search/entity_lookup.h"
#include "search/header_fields.h"
#include "vanban/index/record_codec.h"
#include "vanban/index/schema.h"
#include "vanban/text/chars.h"
#include "vanban/text/symbol.h"

namespace vanban::search {
namespace {

using text::RelationType;

// A chain stops growing here, whatever the corpus holds.
constexpr std::size_t kMaxImplementationNodes = 500;

bool dates_agree(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  return n == 0 || a.substr(0, n) == b.substr(0, n);
}

std::string_view key_date(std::string_view directive_key) {
  const auto at = directive_key.find('@');
  return at == std::string_view::npos ? std::string_view{} : directive_key.substr(at + 1);
}

// The date a relation states, or for "kể từ ngày [văn bản này] có hiệu
// lực" the stating document's own effective date.
std::string relation_date(const text::Relation& rel, const index::StoredDocument& s) {
  if (!rel.date.empty()) return rel.date;
  return rel.on_effect_date ? s.effective.date : std::string();
}

// A relation as an edge, with the stating document's evidence offsets.
RelationEdge edge_of(const text::Relation& rel, const index::StoredDocument& s) {
  RelationEdge e;
  e.type = std::string(text::to_string(rel.type));
  e.scope = rel.scope == text::RelationScope::kWhole ? "whole" : "part";
  e.scope_text = rel.scope_text;
  e.date = relation_date(rel, s);
  e.sentence = rel.evidence;
  e.start = text::code_point_offset(s.record.text, rel.evidence_start);
  e.end = text::code_point_offset(s.record.text, rel.evidence_end);
  return e;
}

// The directive key a document has as itself: its own symbol and date.
std::string own_key(const index::StoredDocument& s) {
  const auto sym = text::parse_symbol(s.record.symbol);
  if (!sym) return {};
  return s.record.date.empty() ? sym->key : sym->key + "@" + s.record.date;
}

// Who implements or continues a (symbol key, date): document, how, why.
struct Implementer {
  Xapian::docid docid = 0;
  std::string relation, sentence;
};

std::vector<Implementer> implementers(const Xapian::Database& db, const std::string& symbol_key,
                                      std::string_view date) {
  std::vector<Implementer> out;
  const std::string term = std::string(index::kRelationTargetPrefix) + symbol_key;
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
    const auto typed = index::decode_relations(db.get_document(*p).get_value(index::kRelationsSlot));
    if (!typed) continue;
    for (const text::Relation& rel : *typed) {
      if (rel.target_key != symbol_key || !dates_agree(key_date(rel.directive_key), date)) continue;
      if (rel.type != RelationType::kImplements && rel.type != RelationType::kContinues) continue;
      out.push_back({*p, std::string(text::to_string(rel.type)), rel.evidence});
      break;  // one edge per document
    }
  }
  return out;
}

// The (symbol key, date) identities a document carries: its own number,
// and the directives it was linked to (a draft without a number).
std::vector<std::pair<std::string, std::string>> identities(const Xapian::Database& catalog,
                                                            const index::StoredDocument& s) {
  std::vector<std::pair<std::string, std::string>> out;
  if (const auto sym = text::parse_symbol(s.record.symbol)) out.emplace_back(sym->key, s.record.date);
  for (const std::string& key : directives_of_document(catalog, s)) {
    const auto d = load_directive(catalog, key);
    if (d) out.emplace_back(d->symbol_key, d->date);
  }
  return out;
}

// The chain as a graph: documents, and who implements whom.
struct ChainGraph {
  std::map<Xapian::docid, const index::StoredDocument*> docs;
  // child -> (parent, relation, sentence); parent 0 is the root directive.
  std::map<Xapian::docid, std::vector<Implementer>> parents;
};

void add_implementers(StoredDocs& docs, const std::vector<std::pair<std::string, std::string>>& ids,
                      Xapian::docid parent, ChainGraph& g, std::vector<Xapian::docid>& queue) {
  for (const auto& [key, date] : ids) {
    for (Implementer imp : implementers(docs.db(), key, date)) {
      if (imp.docid == parent || g.docs.size() >= kMaxImplementationNodes) continue;
      const Xapian::docid child = imp.docid;
      imp.docid = parent;
      g.parents[child].push_back(imp);
      if (g.docs.count(child)) continue;
      if (const index::StoredDocument* s = docs.get(child)) {
        g.docs.emplace(child, s);
        queue.push_back(child);
      }
    }
  }
}

ChainGraph chain_graph(StoredDocs& docs, const Xapian::Database& catalog,
                       const index::DirectiveEntity& d) {
  ChainGraph g;
  std::vector<Xapian::docid> queue;
  add_implementers(docs, {{d.symbol_key, d.date}}, 0, g, queue);
  for (std::size_t i = 0; i < queue.size(); ++i) {
    add_implementers(docs, identities(catalog, *g.docs.at(queue[i])), queue[i], g, queue);
  }
  // The root's own documents are the root, not its implementers.
  std::set<std::string> own;
  for (const auto& l : d.documents) own.insert(l.id);
  for (auto it = g.docs.begin(); it != g.docs.end();) {
    if (own.count(it->second->record.id)) {
      g.parents.erase(it->first);
      it = g.docs.erase(it);
    } else {
      ++it;
    }
  }
  return g;
}

// Longest-path depths from the root, cycles cut: a parent edge counts only
// when the parent's depth is already known and smaller.
std::map<Xapian::docid, int> chain_depths(const ChainGraph& g) {
  std::map<Xapian::docid, int> depth{{0, 0}};
  for (int round = 0; round < kMaxImplementationDepth; ++round) {
    bool changed = false;
    for (const auto& [child, ps] : g.parents) {
      if (!g.docs.count(child)) continue;
      for (const Implementer& p : ps) {
        const auto pd = depth.find(p.docid);
        if (pd == depth.end() || pd->second >= kMaxImplementationDepth) continue;
        int& cd = depth.try_emplace(child, 0).first->second;
        if (pd->second + 1 > cd && p.docid != child) {
          cd = pd->second + 1;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return depth;
}

ImplementationNode document_node(const index::StoredDocument& s) {
  ImplementationNode n;
  n.key = own_key(s);
  copy_header_fields(s.record, n);
  n.id = s.record.id;
  n.title = s.record.title;
  return n;
}

// The children of `parent`: the documents whose deepest parent it is.
void attach_children(const ChainGraph& g, const std::map<Xapian::docid, int>& depth,
                     Xapian::docid parent, ImplementationNode& node) {
  const int parent_depth = depth.at(parent);
  for (const auto& [child, ps] : g.parents) {
    const auto cd = depth.find(child);
    if (cd == depth.end() || cd->second != parent_depth + 1 || !g.docs.count(child)) continue;
    const auto edge = std::find_if(ps.begin(), ps.end(), [&](const Implementer& p) {
      return p.docid == parent;
    });
    if (edge == ps.end()) continue;
    ImplementationNode c = document_node(*g.docs.at(child));
    c.relation = edge->relation;
    c.sentence = edge->sentence;
    attach_children(g, depth, child, c);
    node.children.push_back(std::move(c));
  }
  std::sort(node.children.begin(), node.children.end(),
            [](const ImplementationNode& a, const ImplementationNode& b) {
              return a.date < b.date || (a.date == b.date && a.id < b.id);
            });
}

}  // namespace

const index::StoredDocument* StoredDocs::get(Xapian::docid id) {
  auto [it, added] = decoded_.try_emplace(id);
  if (added) it->second = stored(db_, id);
  return it->second ? &*it->second : nullptr;
}

std::vector<RelationEdge> incoming_relations(StoredDocs& docs, const index::DirectiveEntity& d) {
  const Xapian::Database& db = docs.db();
  std::vector<RelationEdge> out;
  const std::string term = std::string(index::kRelationTargetPrefix) + d.symbol_key;
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
    const Xapian::Document doc = db.get_document(*p);
    const auto typed = index::decode_relations(doc.get_value(index::kRelationsSlot));
    if (!typed) continue;
    const index::StoredDocument* s = nullptr;  // decoded for a relation to `d` only
    for (const text::Relation& rel : *typed) {
      if (rel.target_key != d.symbol_key) continue;
      if (!dates_agree(key_date(rel.directive_key), d.date)) continue;
      if (!s && !(s = docs.get(*p))) break;
      RelationEdge e = edge_of(rel, *s);
      e.id = s->record.id;
      e.title = s->record.title;
      e.doc_date = s->record.date;
      e.doc_type = s->record.type;
      e.symbol = s->record.symbol;
      e.key = own_key(*s);
      out.push_back(std::move(e));
    }
  }
  std::sort(out.begin(), out.end(), [](const RelationEdge& a, const RelationEdge& b) {
    return a.doc_date > b.doc_date || (a.doc_date == b.doc_date && a.id < b.id);
  });
  return out;
}

std::vector<RelationEdge> outgoing_relations(const Xapian::Database& db,
                                             const Xapian::Database& catalog,
                                             const index::DirectiveEntity& d) {
  std::vector<RelationEdge> out;
  for (const auto& linked : d.documents) {
    const auto s = stored_by_id(db, linked.id);
    if (!s) continue;
    for (const text::Relation& rel : s->relations) {
      if (rel.type == RelationType::kCites) continue;
      RelationEdge e = edge_of(rel, *s);
      e.symbol = rel.target_symbol;
      e.key = rel.directive_key;
      if (const auto target = resolve(catalog, rel.directive_key)) {
        e.key = target->key;
        if (!target->documents.empty()) e.id = target->documents.front().id;
        e.doc_type = target->type;
      }
      out.push_back(std::move(e));
    }
    break;  // the most confident corpus document speaks for the directive
  }
  return out;
}

index::StatusEvidence status_evidence(const Xapian::Database& db, const index::DirectiveEntity& d,
                                      std::string_view as_of) {
  index::StatusEvidence e;
  e.events = index::effect_events(db, d.symbol_key, d.date);
  for (const auto& linked : d.documents) {
    const auto s = stored_by_id(db, linked.id);
    if (!s || s->effective.date.empty()) continue;
    e.effective_from = s->effective.date;
    e.effect_sentence = s->effective.evidence;
    break;
  }
  // The newest citing document up to `as_of`, by its date value; only
  // that one decoded.
  const std::string limit = index::date_value(as_of);
  std::string newest;
  Xapian::docid newest_id = 0;
  for (const Xapian::docid id : citing_docids(db, d)) {
    const std::string date = db.get_document(id).get_value(index::kDateSlot);
    if (date.empty() || date > limit || date <= newest) continue;
    newest = date;
    newest_id = id;
  }
  if (newest_id == 0) return e;
  if (const auto r = index::decode_record(db.get_document(newest_id).get_data())) {
    e.last_applied = r->date;
    e.last_applied_by = r->id;
  }
  return e;
}

ImplementationNode implementation_tree(StoredDocs& docs, const Xapian::Database& catalog,
                                       const index::DirectiveEntity& d) {
  ImplementationNode root;
  root.key = d.key;
  copy_header_fields(d, root);
  if (!d.documents.empty()) {
    root.id = d.documents.front().id;
    root.title = d.documents.front().title;
  }
  const ChainGraph g = chain_graph(docs, catalog, d);
  attach_children(g, chain_depths(g), 0, root);
  return root;
}

std::string today_iso() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
  return buf;
}

}  // namespace vanban::search
