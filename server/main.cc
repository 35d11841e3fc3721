// vanban-server: the HTTP API and the web page over a vanban index.
#include <httplib.h>
#include <signal.h>
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>
#include <thread>

#include "operations.h"
#include "options.h"
#include "routes.h"
#include "serving.h"
#include "vanban/program.h"
#include "web_root.h"

// jemalloc's settings (the server links it: server/CMakeLists.txt): freed
// pages go back to the system after a second instead of ten, so that RSS
// follows what the server holds while re-indexing replaces the index
// under it (bench/soak.sh: flat at 47-49 MB where the default crept up).
// Unused under the sanitizers' malloc.
extern "C" {
// NOLINTNEXTLINE: the name and type jemalloc reads.
const char* malloc_conf = "dirty_decay_ms:1000,muzzy_decay_ms:0";
}

namespace {

struct Options {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web_root;  // default_web_root() unless given
  std::string access_log = "off";
  // Connections, workers and load shedding (serving.h).
  vanban::http::ServingOptions serving;
  // Search answers kept for repeated requests until the index changes.
  std::size_t cache_entries = 4096;
};

void add_serving_options(CLI::App& app, vanban::http::ServingOptions& o) {
  app.add_option("--search-slots", o.search.slots, "searches computed at once (0: one per core)")
      ->capture_default_str();
  app.add_option("--search-queue", o.search.max_waiting,
                 "searches waiting for a slot before 503 (0: four per slot)")
      ->capture_default_str();
  const auto ms_option = [&app](const char* name, std::chrono::milliseconds& value,
                                std::string what) {
    app.add_option_function<unsigned>(
           name, [&value](const unsigned& ms) { value = std::chrono::milliseconds(ms); },
           what + " (default " + std::to_string(value.count()) + ")")
        ->check(CLI::Range(1u, 3600000u));
  };
  ms_option("--search-wait-ms", o.search.max_wait, "longest wait of a search for a slot before 503");
  ms_option("--head-timeout-ms", o.head_timeout, "time to send a whole request head before 408");
  app.add_option("--max-connections-per-client", o.max_connections_per_client,
                 "open connections from one address")
      ->capture_default_str()
      ->check(CLI::Range(1, 1 << 20));
}

int run(const Options& opt) {
  // One reader: each worker thread opens one set of database handles,
  // which both services use. The index may not exist yet (a fresh install
  // whose indexer is starting): /readyz says when it does.
  const vanban::search::IndexReader reader(opt.db,
                                           vanban::search::IndexReader::Open::kWhenThere);
  const vanban::search::SearchService search(reader);
  const vanban::search::KnowledgeService knowledge(reader);
  const vanban::search::ComparisonService comparison(reader);
  const vanban::search::ObligationService obligations(reader);
  vanban::http::SearchCache cache(opt.cache_entries);
  vanban::http::Server server(opt.serving);
  const vanban::http::Services services{search, knowledge, &cache, &server.search_gate(),
                                        &comparison, &obligations};
  // Small JSON answers must not wait for delayed ACKs (Nagle's algorithm).
  server.set_tcp_nodelay(true);
  // httplib closes a kept-alive connection after 5 requests by default; the
  // reconnects queue behind busy workers under load.
  server.set_keep_alive_max_count(1000);
  vanban::http::register_routes(server, services, opt.web_root);
  vanban::http::Metrics metrics;
  vanban::http::install_operations(
      server, services, {&metrics, vanban::http::access_log_format(opt.access_log), {}});
  server.set_payload_max_length(64 * 1024);  // no endpoint takes a body
  server.set_read_timeout(5, 0);
  server.set_write_timeout(5, 0);
  if (!server.bind_to_port(opt.host, opt.port)) {
    std::cerr << "vanban-server: cannot listen on " << opt.host << ':' << opt.port << '\n';
    return 1;
  }
  // httplib's stop() is not signal-safe: a thread waits for the signals.
  const vanban::StopOnSignal stopper([&server] { server.stop(); });
  const auto status = reader.status();
  std::cout << "vanban-server: "
            << (status ? std::to_string(status->documents) + " documents from " + opt.db
                       : "no index yet at " + opt.db + " (" + status.status().detail() + ")")
            << ", listening on http://" << opt.host << ':' << opt.port << "/ (" << server.workers()
            << " workers, " << server.search_gate().options().slots << " searches at once, up to "
            << server.max_connections() << " connections)" << std::endl;
  server.listen_after_bind();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return vanban::run_program("vanban-server", [&] {
    Options opt;
    CLI::App app{"vanban-server: search API and web page for a vanban index"};
    vanban::cli::add_common_options(app, "vanban-server");
    vanban::cli::add_config_option(app, "db", opt.db)->required();
    vanban::cli::add_config_option(app, "cache", opt.cache_entries)->capture_default_str();
    vanban::cli::add_config_option(app, "host", opt.host)->capture_default_str();
    vanban::cli::add_config_option(app, "port", opt.port)->capture_default_str();
    vanban::cli::add_config_option(app, "web", opt.web_root);
    vanban::cli::add_config_option(app, "threads", opt.serving.workers)->capture_default_str();
    vanban::cli::add_config_option(app, "access_log", opt.access_log)->capture_default_str();
    add_serving_options(app, opt.serving);
    CLI11_PARSE(app, argc, argv);
    if (opt.web_root.empty()) {
      opt.web_root = vanban::http::default_web_root();
      if (opt.web_root.empty()) {
        std::cerr << "vanban-server: no web page beside the program ("
                  << vanban::http::kWebRootFromProgram << "): serving the API only\n";
      }
    }
    return run(opt);
  });
}
