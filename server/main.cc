// vanban-server: the HTTP API and the web page over a vanban index.
#include <httplib.h>
#include <signal.h>
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>
#include <thread>

#include "vanban/program.h"
#include "routes.h"

namespace {

struct Options {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web_root = VANBAN_WEB_ROOT;
  bool access_log = false;
  // Worker threads. A kept-alive connection holds its worker, so this is
  // also how many clients are served at once.
  std::size_t threads = 64;
  // Search answers kept for repeated requests until the index changes.
  std::size_t cache_entries = 4096;
};

int run(const Options& opt) {
  // Block SIGINT/SIGTERM in every thread; one thread waits for them and
  // stops the server cleanly (httplib's stop() is not signal-safe).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  // One reader: each worker thread opens one set of database handles,
  // which both services use.
  const vanban::search::IndexReader reader(opt.db);
  const vanban::search::SearchService search(reader);
  const vanban::search::KnowledgeService knowledge(reader);
  const vanban::search::ComparisonService comparison(reader);
  const vanban::search::ObligationService obligations(reader);
  vanban::http::SearchCache cache(opt.cache_entries);
  const vanban::http::Services services{search, knowledge, &cache, &comparison, &obligations};
  httplib::Server server;
  // httplib takes ownership of the queue it is handed (its API needs a raw pointer).
  server.new_task_queue = [threads = opt.threads] { return new httplib::ThreadPool(threads); };
  // Small JSON answers must not wait for delayed ACKs (Nagle's algorithm).
  server.set_tcp_nodelay(true);
  // httplib closes a kept-alive connection after 5 requests by default; the
  // reconnects queue behind busy workers under load.
  server.set_keep_alive_max_count(1000);
  vanban::http::register_routes(server, services, opt.web_root);
  server.set_payload_max_length(64 * 1024);  // no endpoint takes a body
  server.set_read_timeout(5, 0);
  server.set_write_timeout(5, 0);
  if (opt.access_log) {
    server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::cerr << req.method << ' ' << req.path << ' ' << res.status << '\n';
    });
  }
  if (!server.bind_to_port(opt.host, opt.port)) {
    std::cerr << "vanban-server: cannot listen on " << opt.host << ':' << opt.port << '\n';
    return 1;
  }
  std::thread waiter([&server, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    server.stop();
  });
  std::cout << "vanban-server: " << search.document_count() << " documents from " << opt.db
            << ", listening on http://" << opt.host << ':' << opt.port << '/' << std::endl;
  server.listen_after_bind();
  if (waiter.joinable()) {
    // listen ended without a signal (e.g. an error): wake the waiter.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return vanban::run_program("vanban-server", [&] {
    Options opt;
    CLI::App app{"vanban-server: search API and web page for a vanban index"};
    app.add_option("--db", opt.db,
                   "index directory, or a Xapian stub naming its shards (local, or "
                   "\"remote HOST:PORT\" served by xapian-tcpsrv) with the catalog beside it")
        ->required();
    app.add_option("--cache", opt.cache_entries,
                   "search answers cached until the index changes (0: none)")
        ->capture_default_str();
    app.add_option("--host", opt.host, "address to bind")->capture_default_str();
    app.add_option("--port", opt.port, "port to listen on")
        ->capture_default_str()
        ->check(CLI::Range(1, 65535));
    app.add_option("--web", opt.web_root, "directory of the web page")->capture_default_str();
    app.add_option("--threads", opt.threads, "worker threads (clients served at once)")
        ->capture_default_str()
        ->check(CLI::Range(1, 1024));
    app.add_flag("--access-log", opt.access_log, "log each request to stderr");
    CLI11_PARSE(app, argc, argv);
    return run(opt);
  });
}
