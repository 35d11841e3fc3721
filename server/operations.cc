#include "operations.h"

#include <chrono>
#include <cstdio>
#include <optional>

namespace vanban::http {
namespace {

using Clock = std::chrono::steady_clock;

// When the request this worker thread is answering entered routing.
// httplib routes, handles and logs a request on one thread, so a thread's
// own clock needs no lock. Empty for a request refused before routing (a
// malformed request line), which is logged with a time of 0.
thread_local std::optional<Clock::time_point> request_started;

double take_request_seconds() {
  if (!request_started) return 0;
  const double s = std::chrono::duration<double>(Clock::now() - *request_started).count();
  request_started.reset();
  return s;
}

void write_to_stderr(std::string_view line) {
  std::fwrite(line.data(), 1, line.size(), stderr);
}

void handle_metrics(const Services& s, const Metrics& metrics, httplib::Response& res) {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::system_clock::now().time_since_epoch());
  res.set_header("Cache-Control", "no-store");
  res.set_content(metrics.render(s.search.reader().status(), now.count()),
                  "text/plain; version=0.0.4; charset=utf-8");
}

}  // namespace

void handle_ready(const Services& s, const httplib::Request&, httplib::Response& res) {
  const Result<search::IndexStatus> status = s.search.reader().status();
  if (!status) return reply_error(res, status.status());
  reply_json(res, 200, {{"status", "ready"}, {"documents", status->documents}});
}

void install_operations(httplib::Server& server, const Services& services,
                        OperationsOptions options) {
  server.Get("/readyz", [&services](const httplib::Request& req, httplib::Response& res) {
    handle_ready(services, req, res);
  });
  if (options.metrics != nullptr) {
    server.Get("/metrics", [&services, metrics = options.metrics](const httplib::Request&,
                                                                  httplib::Response& res) {
      handle_metrics(services, *metrics, res);
    });
  }
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    request_started = Clock::now();
    return check_request_target(req, res);
  });
  if (!options.log_sink) options.log_sink = write_to_stderr;
  server.set_logger([options](const httplib::Request& req, const httplib::Response& res) {
    const double seconds = take_request_seconds();
    if (options.metrics != nullptr) {
      options.metrics->record(req.path, res.status, seconds, res.get_header_value("X-Cache"));
    }
    if (options.access_log != AccessLogFormat::kOff) {
      options.log_sink(access_log_line(options.access_log, req, res, seconds,
                                       std::chrono::system_clock::now()));
    }
  });
}

}  // namespace vanban::http
