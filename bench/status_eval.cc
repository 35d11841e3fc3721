// Checks directive status on the relations dev split: for every document
// that a dev document replaces, repeals or declares expired, the status the
// knowledge base gives it (over an index of ../shared/data/phapluat8), the
// stating document it names and the date; and for the documents cited only
// as a basis ("Căn cứ ..."), that the status says the corpus found no
// replacement rather than claiming more.
//
//   vanban_status_eval --db DIR --relations relations.tsv --documents documents.tsv
//                      [--as-of 2099-12-31] [--errors]
//
// Expected, per target symbol: `expired` when some row is whole, else
// `partly_expired`; named by every stating document; since the earliest
// date a whole row takes effect (the date an `expires` row gives, else the
// stating document's effective date, else its signing date). As of a date
// after all of them by default, so that every statement counts.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "tsv.h"
#include "vanban/program.h"
#include "vanban/search/knowledge_service.h"
#include "vanban/search/reader.h"

namespace {

namespace search = vanban::search;
namespace index = vanban::index;

struct Expected {
  bool whole = false;
  std::set<std::string> by;  // stating document ids
  std::string since;         // earliest date a whole row takes effect ("" unknown)
};

struct GoldDocument {
  std::string signed_date, effective_from;
};

using vanban::bench::read_tsv;

std::string known(const std::string& iso) { return iso == "unknown" || iso == "-" ? "" : iso; }

// The date a row takes effect.
std::string row_date(const std::vector<std::string>& row, const GoldDocument& doc) {
  if (row[1] == "expires" && row[4] != "on_effect" && !known(row[4]).empty()) return row[4];
  if (!known(doc.effective_from).empty()) return doc.effective_from;
  return known(doc.signed_date);
}

struct Gold {
  std::map<std::string, Expected> changed;  // target symbol -> expectation
  std::set<std::string> basis_only;         // cited as a basis, changed by no dev row
};

Gold read_gold(const std::string& relations, const std::string& documents) {
  std::map<std::string, GoldDocument> docs;
  for (const auto& r : read_tsv(documents)) {
    if (r.size() >= 4) docs[r[0]] = {r[2], r[3]};
  }
  Gold gold;
  std::set<std::string> basis;
  for (const auto& r : read_tsv(relations)) {
    if (r.size() < 5) continue;
    if (r[1] == "based_on") basis.insert(r[2]);
    if (r[1] != "replaces" && r[1] != "repeals" && r[1] != "expires") continue;
    Expected& e = gold.changed[r[2]];
    e.by.insert(r[0]);
    if (r[3] != "whole") continue;
    const std::string date = row_date(r, docs[r[0]]);
    if (!e.whole || (!date.empty() && (e.since.empty() || date < e.since))) e.since = date;
    e.whole = true;
  }
  for (const auto& s : basis) {
    if (!gold.changed.count(s)) gold.basis_only.insert(s);
  }
  return gold;
}

std::set<std::string> stating_ids(const index::DirectiveStatus& st) {
  std::set<std::string> out;
  for (const auto& e : st.by) out.insert(e.by_id);
  return out;
}

// The status of the entity with this symbol: of the entities sharing it
// (numbers restart each term), the one a stating document names, else the
// first.
std::optional<index::DirectiveStatus> status_of(const search::KnowledgeService& kb,
                                                const std::string& symbol, const Expected* e,
                                                const std::string& as_of) {
  const auto list = kb.directives({.q = symbol, .as_of = as_of, .limit = 20});
  if (!list || list->items.empty()) return std::nullopt;
  std::optional<index::DirectiveStatus> first;
  for (const auto& item : list->items) {
    if (item.entity.symbol != symbol && list->items.size() > 1) continue;
    if (!first) first = item.status;
    if (!e) break;
    for (const auto& id : stating_ids(item.status)) {
      if (e->by.count(id)) return item.status;
    }
  }
  return first;
}

struct Tally {
  int targets = 0, found = 0, value = 0, by = 0, since = 0;
};

void check_changed(const search::KnowledgeService& kb, const Gold& gold, const std::string& as_of,
                   bool errors, Tally& t) {
  for (const auto& [symbol, e] : gold.changed) {
    ++t.targets;
    const auto st = status_of(kb, symbol, &e, as_of);
    if (!st) {
      if (errors) std::cout << "  not an entity: " << symbol << '\n';
      continue;
    }
    ++t.found;
    const auto want = e.whole ? index::StatusValue::kExpired : index::StatusValue::kPartlyExpired;
    const std::set<std::string> ids = stating_ids(*st);
    const bool value_ok = st->value == want;
    const bool by_ok = std::includes(ids.begin(), ids.end(), e.by.begin(), e.by.end());
    const bool since_ok = !e.whole || st->since == e.since;
    t.value += value_ok;
    t.by += by_ok;
    t.since += since_ok;
    if (errors && !(value_ok && by_ok && since_ok)) {
      std::cout << "  " << symbol << ": " << index::to_string(st->value) << " since " << st->since
                << " (want " << index::to_string(want) << " since " << e.since << ")\n";
    }
  }
}

// Targets cited only as a basis by the dev documents: where no corpus
// document states a change (`by` empty), the status must say that no
// replacement was found and claim nothing; the others were changed by
// documents outside the dev split (counted, not judged).
struct Silent {
  int found = 0, silent = 0, honest = 0, changed_elsewhere = 0;
};

void check_silent(const search::KnowledgeService& kb, const Gold& gold, const std::string& as_of,
                  bool errors, Silent& t) {
  for (const auto& symbol : gold.basis_only) {
    const auto st = status_of(kb, symbol, nullptr, as_of);
    if (!st) continue;
    ++t.found;
    if (!st->by.empty()) {
      ++t.changed_elsewhere;
      continue;
    }
    ++t.silent;
    const bool says_so = st->reason.find("chưa phát hiện văn bản thay thế") != std::string::npos;
    const bool claims_change = st->value == index::StatusValue::kExpired ||
                               st->value == index::StatusValue::kPartlyExpired;
    t.honest += says_so && !claims_change;
    if (errors && !(says_so && !claims_change)) {
      std::cout << "  basis " << symbol << ": " << index::to_string(st->value) << ": " << st->reason
                << '\n';
    }
  }
}

void print_row(const char* what, int n, int of) {
  std::printf("| %s | %d / %d | %.3f |\n", what, n, of, of ? static_cast<double>(n) / of : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  return vanban::run_program("vanban_status_eval", [&] {
    std::string db, relations, documents, as_of = "2099-12-31";
    bool errors = false;
    CLI::App app{"directive status on the relations dev split"};
    app.add_option("--db", db, "index of phapluat8 docs.jsonl")->required();
    app.add_option("--relations", relations)->required();
    app.add_option("--documents", documents)->required();
    app.add_option("--as-of", as_of)->capture_default_str();
    app.add_flag("--errors", errors, "list every wrong status");
    CLI11_PARSE(app, argc, argv);
    const Gold gold = read_gold(relations, documents);
    const search::IndexReader reader(db);
    const search::KnowledgeService kb(reader);
    Tally t;
    check_changed(kb, gold, as_of, errors, t);
    Silent silent;
    check_silent(kb, gold, as_of, errors, silent);
    std::printf("status as of %s, %zu targets replaced/repealed/expired by dev documents\n\n",
                as_of.c_str(), gold.changed.size());
    std::printf("| check | right | share |\n|---|---:|---:|\n");
    print_row("target is a directive entity", t.found, t.targets);
    print_row("status value (expired / partly_expired)", t.value, t.found);
    print_row("names every stating document", t.by, t.found);
    print_row("date it lost effect (whole)", t.since, t.found);
    print_row("corpus silent: \"no replacement found\", no claim", silent.honest, silent.silent);
    std::printf("\n%d targets cited only as a basis: %d with nothing stated about them, %d changed by "
                "documents outside the dev split (not judged)\n",
                silent.found, silent.silent, silent.changed_elsewhere);
    return 0;
  });
}
