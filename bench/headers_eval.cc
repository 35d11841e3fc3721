// vanban_headers_eval: how well the header parser (doc/metadata.h) reads
// national legal documents, and how well their display titles tell them
// apart, on a JSONL collection read as the indexer reads it (doc/loader.h:
// gazette issues split, page furniture removed).
//
//   vanban_headers_eval --docs docs.jsonl [--sample headers_sample.tsv]
//       [--symbols DIR] [--subjects DIR] [--documents documents.tsv]
//       [--errors] [--issuers] [--show ID]...
//
// Prints the share of records with each header field; the accuracy of
// each field against every gold source given:
//   --sample     a hand-verified TSV (bench/headers_sample.tsv: doc_id,
//                type, symbol, date, issuer, subject; "-" where the
//                document does not print the field);
//   --symbols    a known-item split naming documents by their own symbol
//                (../shared/eval/phapluat8-symbols-dev: queries.tsv and
//                qrels.tsv; the "-1" form is "Type SYMBOL");
//   --subjects   a known-item split naming documents by type and subject
//                (../shared/eval/phapluat8-known-item-dev: the "-0" form of
//                subjects.queries.tsv is the type and the printed
//                subject's first 15 words);
//   --documents  relations-dev documents.tsv (own symbol, signing date);
// and how many records have a display title no other record has.
// --errors lists every miss; --show prints one record's fields. Exit
// status 0, or 2 when a file cannot be read.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "vanban/doc/loader.h"
#include "vanban/text/chars.h"
#include "vanban/text/normalize.h"
#include "vanban/text/symbol.h"

namespace {

namespace doc = vanban::doc;
namespace text = vanban::text;

struct Options {
  std::string docs, sample, symbols, subjects, documents;
  bool errors = false;
  bool issuers = false;
  std::vector<std::string> show;
};

std::vector<std::vector<std::string>> read_tsv(const std::string& path, bool header) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  if (header) std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) cells.push_back(cell);
    if (!cells.empty()) rows.push_back(std::move(cells));
  }
  return rows;
}

// TREC qrels: "qid 0 docid rel" -> qid -> doc ids.
std::map<std::string, std::vector<std::string>> read_qrels(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::map<std::string, std::vector<std::string>> out;
  std::string qid, zero, id, rel;
  while (in >> qid >> zero >> id >> rel) out[qid].push_back(id);
  return out;
}

// One field's expected value for one document, and where it comes from.
struct Expectation {
  std::string source, doc_id, field, value;
};

std::string symbol_key(const std::string& s) {
  const auto parsed = text::parse_symbol(s);
  return parsed ? parsed->key : text::fold(s);
}

// A footnote number printed against the last word ("đăng ký thuế1").
std::string without_footnote(std::string s) {
  std::size_t end = s.size();
  while (end > 0 && s[end - 1] >= '0' && s[end - 1] <= '9') --end;
  if (end < s.size() && end > 0 && s[end - 1] != ' ') s.resize(end);
  return s;
}

std::string first_words(const std::string& s, std::size_t n) {
  std::istringstream in(s);
  std::string word, out;
  for (std::size_t i = 0; i < n && in >> word; ++i) out += (out.empty() ? "" : " ") + word;
  return out;
}

// The type a subject query names: a consolidated text is searched by the
// type of the document it consolidates.
std::string subject_type(const doc::DocumentRecord& r) {
  const auto c = r.metadata.find("consolidated_type");
  return c != r.metadata.end() ? c->second : r.type;
}

// How a field of `r` compares with its expected value.
bool matches(const doc::DocumentRecord& r, const Expectation& e) {
  if (e.field == "symbol") return symbol_key(r.symbol) == symbol_key(e.value);
  if (e.field == "date") return r.date == e.value;
  if (e.field == "type") return r.type == e.value;
  if (e.field == "issuer") return r.issuer == e.value;
  if (e.field == "subject") return text::collapse_spaces(r.subject) == text::collapse_spaces(e.value);
  if (e.field == "type+subject") {
    // Folded: the query is lower-cased as typed, and cut after a number of
    // the subject's words.
    const std::string want = text::fold(without_footnote(e.value));
    const std::size_t words = std::count(want.begin(), want.end(), ' ') + std::size_t{1};
    const std::string got = text::fold(subject_type(r) + " " + text::collapse_spaces(r.subject));
    return without_footnote(first_words(got, words)) == want;
  }
  return false;
}

std::string field_value(const doc::DocumentRecord& r, const std::string& field) {
  if (field == "symbol") return r.symbol;
  if (field == "date") return r.date;
  if (field == "type") return r.type;
  if (field == "issuer") return r.issuer;
  if (field == "subject") return r.subject;
  return subject_type(r) + " | " + r.subject;
}

void add_sample(const std::string& path, std::vector<Expectation>& out) {
  static const char* const kColumns[] = {"type", "symbol", "date", "issuer", "subject"};
  for (const auto& row : read_tsv(path, true)) {
    for (std::size_t c = 0; c < 5 && c + 1 < row.size(); ++c) {
      if (row[c + 1] != "-") out.push_back({"sample", row[0], kColumns[c], row[c + 1]});
    }
  }
}

void add_symbols(const std::string& dir, std::vector<Expectation>& out) {
  std::map<std::string, std::string> queries;
  for (const auto& row : read_tsv(dir + "/queries.tsv", false)) {
    if (row.size() >= 2) queries[row[0]] = row[1];
  }
  for (const auto& [qid, ids] : read_qrels(dir + "/qrels.tsv")) {
    if (!qid.ends_with("-1")) continue;  // "Nghị định 117/2022/NĐ-CP"
    const std::string& q = queries[qid];
    const auto space = q.rfind(' ');
    if (space == std::string::npos) continue;
    for (const auto& id : ids) {
      out.push_back({"symbols-dev", id, "symbol", q.substr(space + 1)});
      out.push_back({"symbols-dev", id, "type", q.substr(0, space)});
    }
  }
}

void add_subjects(const std::string& dir, std::vector<Expectation>& out) {
  std::map<std::string, std::string> queries;
  for (const auto& row : read_tsv(dir + "/subjects.queries.tsv", false)) {
    if (row.size() >= 2) queries[row[0]] = row[1];
  }
  std::set<std::string> seen;
  for (const auto& [qid, ids] : read_qrels(dir + "/subjects.qrels.tsv")) {
    if (!qid.ends_with("-0")) continue;
    for (const auto& id : ids) {
      if (seen.insert(id).second) out.push_back({"subjects-dev", id, "type+subject", queries[qid]});
    }
  }
}

void add_documents(const std::string& path, std::vector<Expectation>& out) {
  for (const auto& row : read_tsv(path, true)) {
    if (row.size() < 3) continue;
    out.push_back({"relations-dev", row[0], "symbol", row[1]});
    if (row[2] != "unknown") out.push_back({"relations-dev", row[0], "date", row[2]});
  }
}

std::vector<doc::DocumentRecord> read_records(const std::string& path) {
  doc::InputFile file;
  file.path = path;
  std::error_code ec;
  file.size = std::filesystem::file_size(path, ec);
  doc::JsonlReader reader(file, {});
  std::vector<doc::DocumentRecord> out;
  while (auto line = reader.next()) {
    if (!line->records) continue;
    for (auto& r : *line->records) out.push_back(std::move(r));
  }
  if (!reader.status().is_ok()) throw std::runtime_error(path + ": " + reader.status().message());
  return out;
}

void print_presence(const std::vector<doc::DocumentRecord>& records) {
  std::map<std::string, int> with;
  for (const auto& r : records) {
    with["issuer"] += !r.issuer.empty();
    with["date"] += !r.date.empty();
    with["symbol"] += !r.symbol.empty();
    with["subject"] += !r.subject.empty();
    with["type"] += !r.type.empty();
  }
  std::printf("records: %zu\npresence over all records:\n", records.size());
  for (const auto& [field, n] : with) {
    std::printf("  %-8s %4d / %4zu = %.3f\n", field.c_str(), n, records.size(),
                records.empty() ? 0.0 : double(n) / double(records.size()));
  }
}

void print_titles(const std::vector<doc::DocumentRecord>& records, bool list) {
  std::map<std::string, int> count;
  for (const auto& r : records) ++count[r.title];
  int unique = 0;
  for (const auto& r : records) unique += count[r.title] == 1;
  std::printf("\ndisplay titles no other record has: %d / %zu = %.3f\n", unique, records.size(),
              records.empty() ? 0.0 : double(unique) / double(records.size()));
  if (!list) return;
  for (const auto& [title, n] : count) {
    if (n > 1) std::printf("    x%d  %s\n", n, title.c_str());
  }
}

void print_checks(const std::vector<doc::DocumentRecord>& records,
                  const std::vector<Expectation>& expected, bool list) {
  std::map<std::string, const doc::DocumentRecord*> by_id;
  for (const auto& r : records) by_id[r.id] = &r;
  std::map<std::pair<std::string, std::string>, std::pair<int, int>> score;  // hits, gold
  std::vector<std::string> misses;
  for (const Expectation& e : expected) {
    auto& [hits, gold] = score[{e.source, e.field}];
    ++gold;
    const auto it = by_id.find(e.doc_id);
    const bool ok = it != by_id.end() && matches(*it->second, e);
    hits += ok;
    if (!ok) {
      misses.push_back(e.source + " " + e.field + " " + e.doc_id + ": got \"" +
                       (it == by_id.end() ? "(no record)" : field_value(*it->second, e.field)) +
                       "\", want \"" + e.value + "\"");
    }
  }
  std::printf("\naccuracy against gold:\n");
  for (const auto& [key, s] : score) {
    std::printf("  %-14s %-13s %4d / %4d = %.3f\n", key.first.c_str(), key.second.c_str(),
                s.first, s.second, s.second ? double(s.first) / s.second : 0.0);
  }
  if (!list) return;
  for (const auto& m : misses) std::printf("    miss %s\n", m.c_str());
}

// How many records name each issuer: a wrong reading shows as an odd name.
void print_issuers(const std::vector<doc::DocumentRecord>& records) {
  std::map<std::string, int> count;
  for (const auto& r : records) ++count[r.issuer.empty() ? "(none)" : r.issuer];
  std::printf("\nissuers:\n");
  for (const auto& [issuer, n] : count) std::printf("  %4d  %s\n", n, issuer.c_str());
}

void print_record(const doc::DocumentRecord& r) {
  std::printf("\n%s\n  title:   %s\n  type:    %s\n  symbol:  %s\n  date:    %s\n  issuer:  %s\n"
              "  subject: %s\n",
              r.id.c_str(), r.title.c_str(), r.type.c_str(), r.symbol.c_str(), r.date.c_str(),
              r.issuer.c_str(), r.subject.c_str());
  for (const auto& [k, v] : r.metadata) {
    if (k != "url") std::printf("  %s: %s\n", k.c_str(), v.substr(0, 200).c_str());
  }
  std::printf("  text: %s\n", text::collapse_spaces(text::utf8_prefix(r.text, 600)).c_str());
}

int run(const Options& o) {
  const std::vector<doc::DocumentRecord> records = read_records(o.docs);
  std::vector<Expectation> expected;
  if (!o.sample.empty()) add_sample(o.sample, expected);
  if (!o.symbols.empty()) add_symbols(o.symbols, expected);
  if (!o.subjects.empty()) add_subjects(o.subjects, expected);
  if (!o.documents.empty()) add_documents(o.documents, expected);
  print_presence(records);
  print_checks(records, expected, o.errors);
  print_titles(records, o.errors);
  if (o.issuers) print_issuers(records);
  for (const auto& r : records) {
    if (std::find(o.show.begin(), o.show.end(), r.id) != o.show.end()) print_record(r);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) try {
  Options o;
  CLI::App app{"Scores the header parser and display titles on a JSONL collection"};
  app.add_option("--docs", o.docs, "docs.jsonl")->required();
  app.add_option("--sample", o.sample, "hand-verified sample TSV");
  app.add_option("--symbols", o.symbols, "symbol known-item split (queries.tsv, qrels.tsv)");
  app.add_option("--subjects", o.subjects, "subject known-item split (subjects.*.tsv)");
  app.add_option("--documents", o.documents, "relations-dev documents.tsv");
  app.add_flag("--errors", o.errors, "list every miss and repeated title");
  app.add_flag("--issuers", o.issuers, "list the issuers read and how many records name each");
  app.add_option("--show", o.show, "print the fields of this record");
  CLI11_PARSE(app, argc, argv);
  return run(o);
} catch (const std::exception& e) {
  std::cerr << "vanban_headers_eval: " << e.what() << '\n';
  return 2;
}
