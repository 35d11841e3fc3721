// Scores the relation extractor (text/relation.h) and the header parser
// (doc/metadata.h) against a hand-checked split of relations and document
// dates: ../shared/eval/relations-dev beside the checkout (see its README).
//
//   vanban_relations_eval --docs docs.jsonl --relations relations.tsv
//                         --documents documents.tsv [--errors]
//
// Prints, per relation type, precision, recall and F1 matched on (doc,
// type, target symbol key) and again with the scope (whole/part); the
// accuracy of expiry dates; the accuracy of each document's effective date
// with the signing date from the header parser and with the gold signing
// date; and the header parser's own-symbol and signing-date accuracy.
// --errors lists every miss and every false hit. Exit status 0, or 2 when
// a file cannot be read.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "tsv.h"
#include "vanban/doc/loader.h"
#include "vanban/text/citation.h"
#include "vanban/text/normalize.h"
#include "vanban/text/relation.h"
#include "vanban/text/symbol.h"
#include "vanban/text/tokenize.h"

namespace {

namespace text = vanban::text;

struct GoldDocument {
  std::string own_symbol, signed_date, effective_from;
};

// (doc, type, target key, scope) — scope "-" for types without one.
using Row = std::tuple<std::string, std::string, std::string, std::string>;

struct Options {
  std::string docs, relations, documents;
  bool errors = false;
  std::string show_doc;  // --doc ID: print that document's relations
};

using vanban::bench::read_tsv;

std::string symbol_key(const std::string& symbol) {
  const auto parsed = text::parse_symbol(symbol);
  return parsed ? parsed->key : text::fold(symbol);
}

std::string or_unknown(const std::string& s) { return s.empty() ? "unknown" : s; }

struct Counts {
  int gold = 0, predicted = 0, hits = 0;
};

void print_prf(const std::string& name, const Counts& c) {
  const double p = c.predicted ? double(c.hits) / c.predicted : 0;
  const double r = c.gold ? double(c.hits) / c.gold : 0;
  const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
  std::printf("  %-11s gold %4d  predicted %4d  correct %4d   P %.3f  R %.3f  F1 %.3f\n",
              name.c_str(), c.gold, c.predicted, c.hits, p, r, f);
}

// Per type, matching on `use_scope` or not.
void score(const std::set<Row>& gold, const std::set<Row>& predicted, bool use_scope,
           bool list_errors) {
  auto strip = [&](const Row& r) {
    return use_scope ? r : Row{std::get<0>(r), std::get<1>(r), std::get<2>(r), "-"};
  };
  std::set<Row> g, p;
  for (const Row& r : gold) g.insert(strip(r));
  for (const Row& r : predicted) p.insert(strip(r));
  std::map<std::string, Counts> by_type;
  Counts all;
  for (const Row& r : g) {
    by_type[std::get<1>(r)].gold++;
    all.gold++;
    if (p.count(r)) by_type[std::get<1>(r)].hits++, all.hits++;
  }
  for (const Row& r : p) by_type[std::get<1>(r)].predicted++, all.predicted++;
  for (const auto& [type, c] : by_type) print_prf(type, c);
  print_prf("all", all);
  if (!list_errors) return;
  for (const Row& r : g) {
    if (!p.count(r)) std::printf("    miss  %s %s %s %s\n", std::get<0>(r).c_str(), std::get<1>(r).c_str(), std::get<2>(r).c_str(), std::get<3>(r).c_str());
  }
  for (const Row& r : p) {
    if (!g.count(r)) std::printf("    false %s %s %s %s\n", std::get<0>(r).c_str(), std::get<1>(r).c_str(), std::get<2>(r).c_str(), std::get<3>(r).c_str());
  }
}

Options parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--docs") o.docs = value();
    else if (a == "--relations") o.relations = value();
    else if (a == "--documents") o.documents = value();
    else if (a == "--errors") o.errors = true;
    else if (a == "--doc") o.show_doc = value();
    else throw std::runtime_error("unknown argument " + a);
  }
  if (o.docs.empty() || o.relations.empty() || o.documents.empty()) {
    throw std::runtime_error("usage: vanban_relations_eval --docs F --relations F --documents F [--errors]");
  }
  return o;
}

struct Run {
  std::set<Row> predicted;
  std::map<std::string, std::string> expiry_dates;  // "doc key" -> date or on_effect
  Counts symbols, signing, effect_parsed, effect_gold;
};

void print_relation(const text::Relation& rel, const text::Citation& c) {
  std::printf("  %-10s %-24s %s%s%s%s %s\n      issuer: %s | subject: %s\n      evidence: %s\n",
              std::string(text::to_string(rel.type)).c_str(), rel.target_symbol.c_str(),
              rel.scope == text::RelationScope::kPart ? "part:" : "", rel.scope_text.c_str(),
              rel.on_effect_date ? " on_effect" : "", rel.date.c_str(), rel.stated ? "" : "(inferred)",
              c.issuer.c_str(), c.subject.c_str(), rel.evidence.substr(0, 300).c_str());
}

void evaluate_document(const vanban::doc::DocumentRecord& r, const GoldDocument& gold, Run& run,
                       const Options& o) {
  const bool list_errors = o.errors;
  text::Tokenizer tokenizer;
  const auto tokens = tokenizer.tokenize(r.text);
  const auto citations = text::find_citations(r.text, tokens);
  for (const text::Relation& rel : text::find_relations(r.text, tokens, citations)) {
    if (r.id == o.show_doc) print_relation(rel, citations[rel.citation]);
    if (rel.type == text::RelationType::kCites) continue;
    const std::string type(text::to_string(rel.type));
    const bool scoped = rel.type == text::RelationType::kReplaces ||
                        rel.type == text::RelationType::kRepeals ||
                        rel.type == text::RelationType::kExpires;
    const std::string scope = !scoped ? "-" : rel.scope == text::RelationScope::kPart ? "part" : "whole";
    run.predicted.insert({r.id, type, rel.target_key, scope});
    if (rel.type == text::RelationType::kExpires) {
      run.expiry_dates.emplace(r.id + " " + rel.target_key, rel.on_effect_date ? "on_effect" : or_unknown(rel.date));
    }
  }
  const bool symbol_ok = symbol_key(r.symbol) == symbol_key(gold.own_symbol);
  const bool signed_ok = or_unknown(r.date) == gold.signed_date;
  const std::string gold_signed = gold.signed_date == "unknown" ? "" : gold.signed_date;
  const std::string with_parsed = or_unknown(text::find_effective_from(r.text, tokens, r.date).date);
  const std::string with_gold = or_unknown(text::find_effective_from(r.text, tokens, gold_signed).date);
  run.symbols.gold++, run.symbols.hits += symbol_ok;
  run.signing.gold++, run.signing.hits += signed_ok;
  run.effect_parsed.gold++, run.effect_parsed.hits += with_parsed == gold.effective_from;
  run.effect_gold.gold++, run.effect_gold.hits += with_gold == gold.effective_from;
  if (!list_errors) return;
  if (!symbol_ok) std::printf("    symbol  %s: %s, gold %s\n", r.id.c_str(), r.symbol.c_str(), gold.own_symbol.c_str());
  if (!signed_ok) std::printf("    signed  %s: %s, gold %s\n", r.id.c_str(), or_unknown(r.date).c_str(), gold.signed_date.c_str());
  if (with_gold != gold.effective_from) {
    std::printf("    effect  %s: %s, gold %s\n", r.id.c_str(), with_gold.c_str(), gold.effective_from.c_str());
  }
}

void print_accuracy(const char* name, const Counts& c) {
  std::printf("  %-44s %3d / %3d = %.3f\n", name, c.hits, c.gold, c.gold ? double(c.hits) / c.gold : 0);
}

int run(const Options& o) {
  std::map<std::string, GoldDocument> documents;
  for (const auto& row : read_tsv(o.documents)) {
    if (row.size() >= 4) documents[row[0]] = {row[1], row[2], row[3]};
  }
  std::set<Row> gold;
  std::map<std::string, std::string> gold_expiry;
  for (const auto& row : read_tsv(o.relations)) {
    if (row.size() < 5) continue;
    const std::string key = symbol_key(row[2]);
    gold.insert({row[0], row[1], key, row[3]});
    if (row[1] == "expires") gold_expiry[row[0] + " " + key] = row[4];
  }
  Run result;
  vanban::doc::InputFile file;
  file.path = o.docs;
  std::printf("document checks:\n");
  vanban::doc::JsonlReader reader(file, {});
  while (auto line = reader.next()) {
    if (!line->records) continue;
    for (const auto& r : *line->records) {
      const auto it = documents.find(r.id);
      if (it != documents.end()) evaluate_document(r, it->second, result, o);
    }
  }
  if (!reader.status().is_ok()) {
    throw std::runtime_error(o.docs + ": " + reader.status().message());
  }
  std::printf("\nrelations, matched on (doc, type, target):\n");
  score(gold, result.predicted, false, o.errors);
  std::printf("\nrelations, matched on (doc, type, target, scope):\n");
  score(gold, result.predicted, true, o.errors);
  Counts expiry;
  for (const auto& [key, date] : gold_expiry) {
    const auto it = result.expiry_dates.find(key);
    if (it == result.expiry_dates.end()) continue;
    expiry.gold++, expiry.hits += it->second == date;
    if (o.errors && it->second != date) std::printf("    expiry date %s: %s, gold %s\n", key.c_str(), it->second.c_str(), date.c_str());
  }
  std::printf("\ndates:\n");
  print_accuracy("expiry date of found expires relations", expiry);
  print_accuracy("effective_from, signing date from the header", result.effect_parsed);
  print_accuracy("effective_from, gold signing date", result.effect_gold);
  print_accuracy("header parser: own symbol", result.symbols);
  print_accuracy("header parser: signing date", result.signing);
  return 0;
}

}  // namespace

int main(int argc, char** argv) try {
  return run(parse_args(argc, argv));
} catch (const std::exception& e) {
  std::cerr << "vanban_relations_eval: " << e.what() << '\n';
  return 2;
}
