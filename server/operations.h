// What the people running vanban-server use, beside the API: GET /readyz
// (503 until the index can be opened, then 200, so the server may start
// before its index exists), GET /metrics (Prometheus, metrics.h) and the
// access log (access_log.h).
#ifndef VANBAN_SERVER_OPERATIONS_H_
#define VANBAN_SERVER_OPERATIONS_H_

#include <httplib.h>

#include <functional>
#include <string_view>

#include "access_log.h"
#include "metrics.h"
#include "routes.h"

namespace vanban::http {

struct OperationsOptions {
  Metrics* metrics = nullptr;  // none: no /metrics and no counting
  AccessLogFormat access_log = AccessLogFormat::kOff;
  // Where access log lines go; by default standard error, one write per
  // line (stdio locks it, so lines from workers never interleave).
  std::function<void(std::string_view)> log_sink;
};

// GET /readyz: 200 {"status": "ready", "documents": N}, or 503 {"error":
// "index unavailable", "detail": why} while the index cannot be opened.
void handle_ready(const Services& s, const httplib::Request& req, httplib::Response& res);

// Adds /readyz, /metrics (with `options.metrics`) and a logger that counts
// and logs each answered request. Times requests from the pre-routing
// step, which it takes over, calling check_request_target() from it: call
// it after register_routes(). `services` and the metrics must outlive
// `server`.
void install_operations(httplib::Server& server, const Services& services,
                        OperationsOptions options);

}  // namespace vanban::http

#endif  // VANBAN_SERVER_OPERATIONS_H_
