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
#include "vanban/program.h"
#include "web_root.h"

namespace {

struct Options {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web_root;  // default_web_root() unless given
  std::string access_log = "off";
  // Worker threads. A kept-alive connection holds its worker, so this is
  // also how many clients are served at once.
  std::size_t threads = 64;
  // Search answers kept for repeated requests until the index changes.
  std::size_t cache_entries = 4096;
};

int run(const Options& opt) {
  // One reader: each worker thread opens one set of database handles,
  // which both services use. The index may not exist yet (a fresh install
  // whose indexer is starting): /readyz says when it does.
  const vanban::search::IndexReader reader(opt.db,
                                           vanban::search::IndexReader::Open::kWhenThere);
  const vanban::search::SearchService search(reader);
  const vanban::search::KnowledgeService knowledge(reader);
  vanban::http::SearchCache cache(opt.cache_entries);
  const vanban::http::Services services{search, knowledge, &cache};
  httplib::Server server;
  // httplib takes ownership of the queue it is handed (its API needs a raw pointer).
  server.new_task_queue = [threads = opt.threads] { return new httplib::ThreadPool(threads); };
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
            << ", listening on http://" << opt.host << ':' << opt.port << '/' << std::endl;
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
    vanban::cli::add_config_option(app, "threads", opt.threads)->capture_default_str();
    vanban::cli::add_config_option(app, "access_log", opt.access_log)->capture_default_str();
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
