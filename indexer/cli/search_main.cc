// vanban-search: runs queries against a vanban index from the terminal.
//
//   vanban-search --db DIR [--limit K] QUERY...      one query, readable output
//   vanban-search --db DIR --trec [--limit 100]      TREC run from "qid<TAB>query" lines
//   vanban-search --db DIR --latency                 latency of one query per line
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>
#include <xapian.h>

#include "options.h"
#include "vanban/program.h"
#include "vanban/search/search_service.h"

namespace {

using vanban::search::SearchService;

struct Options {
  std::string db;
  std::vector<std::string> words;
  std::size_t limit = 10;
  std::size_t offset = 0;
  bool trec = false;
  bool latency = false;
  bool facets = false;
  std::string run_tag = "vanban";
};

// Snippets are HTML: show <mark> as bold on a terminal, [..] elsewhere, and
// undo the escaping.
std::string terminal_text(std::string_view html, bool tty) {
  static const std::pair<std::string_view, std::string_view> kPlain[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}};
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    auto starts = [&](std::string_view s) { return html.substr(i, s.size()) == s; };
    if (starts("<mark>")) {
      out += tty ? "\x1b[1;33m" : "[";
      i += 6;
      continue;
    }
    if (starts("</mark>")) {
      out += tty ? "\x1b[0m" : "]";
      i += 7;
      continue;
    }
    bool entity = false;
    for (const auto& [from, to] : kPlain) {
      if (starts(from)) {
        out += to;
        i += from.size();
        entity = true;
        break;
      }
    }
    if (!entity) out += html[i++];
  }
  return out;
}

int run_one(const SearchService& service, const Options& opt) {
  std::string query;
  for (const auto& w : opt.words) query += (query.empty() ? "" : " ") + w;
  const auto found = service.search({.query = query, .offset = opt.offset, .limit = opt.limit});
  if (!found) {
    std::cerr << "vanban-search: " << found.status().message() << '\n';
    return 1;
  }
  const vanban::search::SearchResponse& res = *found;
  const bool tty = isatty(STDOUT_FILENO);
  std::cout << res.total << " documents" << (res.relaxed ? " (matching some words)" : "")
            << ", " << res.took_ms << " ms\n";
  if (!res.suggestion.empty()) std::cout << "Có phải bạn muốn tìm: " << res.suggestion << '\n';
  std::size_t rank = opt.offset;
  for (const auto& hit : res.results) {
    std::cout << '\n' << ++rank << ". " << hit.id << "  (score " << hit.score << ")";
    if (!hit.date.empty()) std::cout << "  " << hit.date;
    std::cout << "\n   " << hit.title << "\n   " << terminal_text(hit.snippet, tty) << '\n';
  }
  return 0;
}

// "qid<TAB>query" lines in, "qid Q0 docid rank score tag" lines out: any
// TREC tool (trec_eval, ir_measures) can score the run.
int run_trec(const SearchService& service, const Options& opt) {
  std::string line;
  while (std::getline(std::cin, line)) {
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const std::string qid = line.substr(0, tab);
    const auto res = service.search({.query = line.substr(tab + 1), .limit = opt.limit, .snippets = false});
    if (!res) {
      std::cerr << "vanban-search: " << qid << ": " << res.status().message() << '\n';
      continue;
    }
    std::size_t rank = 0;
    for (const auto& hit : res->results) {
      std::printf("%s Q0 %s %zu %.6f %s\n", qid.c_str(), hit.id.c_str(), ++rank, hit.score,
                  opt.run_tag.c_str());
    }
  }
  return 0;
}

// One query per line; each runs as the server would (top results with
// snippets). Prints latency percentiles over all queries.
int run_latency(const SearchService& service, const Options& opt) {
  std::vector<double> ms;
  std::string line;
  std::size_t errors = 0;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    const auto t0 = std::chrono::steady_clock::now();
    const auto res = service.search({.query = line, .limit = opt.limit, .facets = opt.facets});
    ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    errors += !res.is_ok();
  }
  if (ms.empty()) return 0;
  std::vector<double> sorted = ms;
  std::sort(sorted.begin(), sorted.end());
  auto pct = [&](double p) {
    return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(p * sorted.size()))];
  };
  double sum = 0;
  for (double v : ms) sum += v;
  std::printf("queries %zu errors %zu mean_ms %.3f p50_ms %.3f p95_ms %.3f p99_ms %.3f max_ms %.3f\n",
              ms.size(), errors, sum / static_cast<double>(ms.size()), pct(0.50), pct(0.95),
              pct(0.99), sorted.back());
  return errors ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  return vanban::run_program("vanban-search", [&] {
    Options opt;
    CLI::App app{"vanban-search: search a vanban index"};
    vanban::cli::add_common_options(app, "vanban-search");
    vanban::cli::add_config_option(app, "db", opt.db)->required();
    auto* limit = app.add_option("--limit", opt.limit, "number of results (default 10; 100 with --trec)");
    app.add_option("--offset", opt.offset, "results to skip")->capture_default_str();
    auto* trec = app.add_flag("--trec", opt.trec,
                              "read \"qid<TAB>query\" lines from stdin, print a TREC run");
    app.add_flag("--latency", opt.latency,
                 "read one query per line from stdin, print latency percentiles")
        ->excludes(trec);
    app.add_flag("--facets", opt.facets, "with --latency: count facets too, as the web page asks");
    app.add_option("--tag", opt.run_tag, "run tag in --trec output")->capture_default_str();
    app.add_option("query", opt.words, "query words (with or without diacritics)");
    CLI11_PARSE(app, argc, argv);
    if (opt.trec && limit->count() == 0) opt.limit = 100;
    const vanban::search::IndexReader reader(opt.db);
    const SearchService service(reader);
    if (opt.trec) return run_trec(service, opt);
    if (opt.latency) return run_latency(service, opt);
    return run_one(service, opt);
  });
}
