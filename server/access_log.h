// vanban-server's access log: one line per answered request on stderr
// (the journal, under systemd), as text for people or as JSON lines for
// log collectors.
//
//   text  GET /api/search?q=d%C3%A2n%20v%E1%BA%ADn 200 1532 0.84ms
//   json  {"time":"2026-11-29T16:09:00.123Z","remote":"127.0.0.1","method":"GET",
//          "target":"/api/search?q=d%C3%A2n%20v%E1%BA%ADn","route":"/api/search",
//          "status":200,"bytes":1532,"ms":0.84,"cache":"miss"}
//
// "target" is the request line's target as sent (percent-encoded), "route"
// the metrics label (metrics.h), "cache" only for searches.
#ifndef VANBAN_SERVER_ACCESS_LOG_H_
#define VANBAN_SERVER_ACCESS_LOG_H_

#include <httplib.h>

#include <chrono>
#include <string>
#include <string_view>

namespace vanban::http {

enum class AccessLogFormat { kOff, kText, kJson };

// "off", "text" or "json" (the values the access_log key allows); anything
// else is kOff.
AccessLogFormat access_log_format(std::string_view name);

// The line (ending in '\n') for `req` answered with `res` in `seconds`,
// finished at `at`. Never throws for odd bytes in the request: invalid
// UTF-8 becomes U+FFFD in JSON.
std::string access_log_line(AccessLogFormat format, const httplib::Request& req,
                            const httplib::Response& res, double seconds,
                            std::chrono::system_clock::time_point at);

}  // namespace vanban::http

#endif  // VANBAN_SERVER_ACCESS_LOG_H_
