// vanban-search: runs a query against a vanban index from the terminal.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <string>
#include <vector>
#include <xapian.h>

#include "vanban/search/search_service.h"

namespace {

struct Options {
  std::string db;
  std::vector<std::string> words;
  std::size_t limit = 10;
  std::size_t offset = 0;
};

// Snippets are HTML: show <mark> as bold on a terminal, [..] elsewhere, and
// undo the escaping.
std::string terminal_text(std::string_view html, bool tty) {
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    auto starts = [&](std::string_view s) { return html.substr(i, s.size()) == s; };
    if (starts("<mark>")) {
      out += tty ? "\x1b[1;33m" : "[";
      i += 6;
    } else if (starts("</mark>")) {
      out += tty ? "\x1b[0m" : "]";
      i += 7;
    } else if (starts("&amp;")) {
      out += '&';
      i += 5;
    } else if (starts("&lt;")) {
      out += '<';
      i += 4;
    } else if (starts("&gt;")) {
      out += '>';
      i += 4;
    } else if (starts("&quot;")) {
      out += '"';
      i += 6;
    } else if (starts("&#39;")) {
      out += '\'';
      i += 5;
    } else {
      out += html[i++];
    }
  }
  return out;
}

int run(const Options& opt) {
  const vanban::search::SearchService service(opt.db);
  std::string query;
  for (const auto& w : opt.words) query += (query.empty() ? "" : " ") + w;
  const auto res = service.search({query, opt.offset, opt.limit});
  if (res.status != vanban::search::SearchStatus::kOk) {
    std::cerr << "vanban-search: " << res.error << '\n';
    return 1;
  }
  const bool tty = isatty(STDOUT_FILENO);
  std::cout << res.total << " documents" << (res.relaxed ? " (matching some words)" : "")
            << ", " << res.took_ms << " ms\n";
  std::size_t rank = opt.offset;
  for (const auto& hit : res.results) {
    std::cout << '\n' << ++rank << ". " << hit.id << "  (score " << hit.score << ")";
    if (!hit.date.empty()) std::cout << "  " << hit.date;
    std::cout << "\n   " << hit.title << "\n   " << terminal_text(hit.snippet, tty) << '\n';
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) try {
  Options opt;
  CLI::App app{"vanban-search: search a vanban index"};
  app.add_option("--db", opt.db, "index directory")->required();
  app.add_option("--limit", opt.limit, "number of results")->capture_default_str();
  app.add_option("--offset", opt.offset, "results to skip")->capture_default_str();
  app.add_option("query", opt.words, "query words (with or without diacritics)");
  CLI11_PARSE(app, argc, argv);
  return run(opt);
} catch (const Xapian::Error& e) {
  std::cerr << "vanban-search: " << e.get_description() << '\n';
  return 2;
} catch (const std::exception& e) {
  std::cerr << "vanban-search: " << e.what() << '\n';
  return 2;
}
