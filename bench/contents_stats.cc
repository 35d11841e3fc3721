// vanban_contents_stats: runs extract_contents (vanban/text/contents.h)
// over JSONL collections and prints what it found: counts per field, time
// per document, and a deterministic sample of items per field with their
// evidence, for a person to judge precision.
//
//   vanban_contents_stats [--match WORDS]... [--sample N] [--seed S] FILE.jsonl...
//
// --match keeps the documents whose text holds any of the phrases (case as
// written); without it every document is read. Lines that are not JSON
// objects with a string "text" are counted and skipped.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "vanban/doc/metadata.h"
#include "vanban/text/citation.h"
#include "vanban/text/contents.h"
#include "vanban/text/tokenize.h"

namespace {

namespace text = vanban::text;

struct Options {
  std::vector<std::string> files;
  std::vector<std::string> match;
  std::size_t sample = 30;
  unsigned seed = 1;
};

// One extracted item as a person reads it: the document, the fields, and
// the evidence from the text.
struct Row {
  std::string doc;
  std::string fields;
  std::string evidence;
};

const char* kFields[] = {"periods", "contents", "targets", "assignments", "rewards", "reports"};

struct Stats {
  std::size_t lines = 0, bad_lines = 0, read = 0, chars = 0;
  std::vector<double> micros;           // tokenize + citations + contents, per document
  std::vector<double> contents_micros;  // extract_contents alone
  std::map<std::string, std::size_t> items, docs_with;
  std::map<std::string, std::vector<Row>> rows;
};

std::string cut(std::string s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t e = max_bytes;
  while (e > 0 && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80) --e;
  return s.substr(0, e) + "…";
}

std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\t', ' ');
  return s;
}

std::string span(const std::string& t, std::size_t b, std::size_t e) {
  constexpr std::size_t kMaxEvidenceBytes = 240;
  if (b > e || e > t.size()) return "<bad span>";
  return cut(one_line(t.substr(b, e - b)), kMaxEvidenceBytes);
}

std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

const char* status_name(text::RewardStatus s) {
  switch (s) {
    case text::RewardStatus::kPromised: return "promised";
    case text::RewardStatus::kAwarded: return "awarded";
    case text::RewardStatus::kSought: return "sought";
  }
  return "?";
}

// Rows of every field of one document's contents.
std::map<std::string, std::vector<Row>> rows_of(const std::string& id, const std::string& t,
                                                const text::CampaignContents& c) {
  std::map<std::string, std::vector<Row>> out;
  for (const auto& p : c.periods) {
    out["periods"].push_back({id, p.from + " .. " + p.to, span(t, p.start, p.end)});
  }
  for (const auto& i : c.contents) {
    out["contents"].push_back({id, std::to_string(i.depth) + " [" + i.number + "] " + i.text,
                               span(t, i.start, i.end)});
  }
  for (const auto& x : c.targets) {
    out["targets"].push_back({id, x.indicator + " = " + number(x.value) + " " + x.unit + " (" +
                                      number(x.value * x.scale) + " " + x.base_unit + ") " + x.when,
                              span(t, x.start, x.end)});
  }
  for (const auto& a : c.assignments) {
    out["assignments"].push_back({id, a.assignee + " {" + a.assignee_key + "} -> " + a.task +
                                          (a.deadline.text.empty() ? "" : " @ " + a.deadline.text),
                                  span(t, a.start, a.end)});
  }
  for (const auto& r : c.rewards) {
    out["rewards"].push_back({id, std::string(status_name(r.status)) + " " + r.form + " [" +
                                      r.form_text + "] by " + r.body,
                              span(t, r.start, r.end)});
  }
  for (const auto& r : c.reports) {
    out["reports"].push_back({id, r.what + " -> " + r.recipient +
                                      (r.deadline.text.empty() ? "" : " @ " + r.deadline.text),
                              span(t, r.start, r.end)});
  }
  return out;
}

bool wanted(const std::string& t, const Options& o) {
  if (o.match.empty()) return true;
  return std::any_of(o.match.begin(), o.match.end(),
                     [&](const std::string& m) { return t.find(m) != std::string::npos; });
}

// Reads one document: metadata for the options (date, issuer), then the
// timed extraction.
void read_document(const std::string& id, std::string body, text::Tokenizer& tok, Stats& s) {
  vanban::doc::DocumentRecord r;
  r.id = id;
  r.text = std::move(body);
  vanban::doc::fill_metadata(r);
  using Clock = std::chrono::steady_clock;
  const auto micros = [](Clock::duration d) { return std::chrono::duration<double, std::micro>(d).count(); };
  const auto started = Clock::now();
  const auto tokens = tok.tokenize(r.text);
  const auto citations = text::find_citations(r.text, tokens);
  const auto contents_started = Clock::now();
  const text::CampaignContents c = text::extract_contents(r.text, tokens, citations, {r.date, r.issuer});
  const auto done = Clock::now();
  s.micros.push_back(micros(done - started));
  s.contents_micros.push_back(micros(done - contents_started));
  s.read += 1;
  s.chars += r.text.size();
  for (auto& [field, rows] : rows_of(id, r.text, c)) {
    s.items[field] += rows.size();
    s.docs_with[field] += rows.empty() ? 0 : 1;
    for (Row& row : rows) s.rows[field].push_back(std::move(row));
  }
}

void read_file(const std::string& path, const Options& o, text::Tokenizer& tok, Stats& s) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "vanban_contents_stats: cannot read " << path << '\n';
    ++s.bad_lines;
    return;
  }
  for (std::string line; std::getline(in, line);) {
    ++s.lines;
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string()) {
      ++s.bad_lines;
      continue;
    }
    std::string body = j["text"].get<std::string>();
    if (!wanted(body, o)) continue;
    const std::string id = j.contains("id") && j["id"].is_string() ? j["id"].get<std::string>() : "?";
    read_document(id, std::move(body), tok, s);
  }
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

void print_times(const char* what, const std::vector<double>& v) {
  double total = 0;
  for (const double m : v) total += m;
  std::printf("time per document, %s: mean %.0f us, p50 %.0f us, p95 %.0f us, max %.0f us; "
              "total %.2f s\n",
              what, v.empty() ? 0.0 : total / static_cast<double>(v.size()), percentile(v, 0.5),
              percentile(v, 0.95), percentile(v, 1.0), total / 1e6);
}

void print_summary(const Stats& s) {
  std::printf("documents read %zu (of %zu lines, %zu bad), %.1f MB of text\n", s.read, s.lines,
              s.bad_lines, static_cast<double>(s.chars) / 1e6);
  print_times("tokenize + citations + contents", s.micros);
  print_times("extract_contents alone", s.contents_micros);
  std::printf("\n%-12s %8s %14s\n", "field", "items", "documents with");
  for (const char* f : kFields) {
    const auto items = s.items.count(f) ? s.items.at(f) : 0;
    const auto docs = s.docs_with.count(f) ? s.docs_with.at(f) : 0;
    std::printf("%-12s %8zu %14zu\n", f, items, docs);
  }
}

void print_samples(const Stats& s, const Options& o) {
  for (const char* f : kFields) {
    if (!s.rows.count(f)) continue;
    std::vector<Row> rows = s.rows.at(f);
    std::mt19937 rng(o.seed);
    std::shuffle(rows.begin(), rows.end(), rng);
    rows.resize(std::min(rows.size(), o.sample));
    std::printf("\n## %s: %zu of %zu (doc \\t extracted \\t evidence)\n", f, rows.size(),
                s.rows.at(f).size());
    for (const Row& r : rows) {
      std::printf("%s\t%s\t%s\n", r.doc.c_str(), cut(one_line(r.fields), 300).c_str(),
                  r.evidence.c_str());
    }
  }
}

}  // namespace

int main(int argc, char** argv) try {
  Options o;
  CLI::App app{"Runs the contents extractor over JSONL collections and prints what it found."};
  app.add_option("files", o.files, "JSONL files ({\"id\", \"text\", ...} per line)")->required();
  app.add_option("--match", o.match, "keep documents whose text holds one of these phrases");
  app.add_option("--sample", o.sample, "items printed per field (default 30)");
  app.add_option("--seed", o.seed, "seed of the sample (default 1)");
  CLI11_PARSE(app, argc, argv);
  text::Tokenizer tok;
  Stats s;
  for (const std::string& f : o.files) read_file(f, o, tok, s);
  print_summary(s);
  print_samples(s, o);
  return s.read > 0 ? 0 : 1;
} catch (const std::exception& e) {
  std::cerr << "vanban_contents_stats: " << e.what() << '\n';
  return 2;
}
