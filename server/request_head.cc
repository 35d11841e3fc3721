#include "request_head.h"

#include "json_codec.h"
#include "routes.h"

namespace vanban::http {
namespace {

const char* reason_phrase(int http_status) {
  switch (http_status) {
    case 408: return "Request Timeout";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    default: return "Error";
  }
}

}  // namespace

std::size_t head_length(std::string_view bytes) {
  // The head ends at the first empty line: "\n" followed by "\r\n" or "\n".
  for (std::size_t nl = bytes.find('\n'); nl != std::string_view::npos;
       nl = bytes.find('\n', nl + 1)) {
    if (nl + 1 < bytes.size() && bytes[nl + 1] == '\n') return nl + 2;
    if (nl + 2 < bytes.size() && bytes[nl + 1] == '\r' && bytes[nl + 2] == '\n') return nl + 3;
  }
  return 0;
}

std::string raw_error_response(int http_status, const Status& status,
                               std::chrono::seconds retry_after) {
  const std::string body = dump_json(error_json(status));
  std::string out = "HTTP/1.1 " + std::to_string(http_status) + ' ' + reason_phrase(http_status) +
                    "\r\nContent-Type: application/json; charset=utf-8\r\n"
                    "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
                    "Connection: close\r\nContent-Length: " +
                    std::to_string(body.size()) + "\r\n";
  if (retry_after.count() > 0) out += "Retry-After: " + std::to_string(retry_after.count()) + "\r\n";
  return out + "\r\n" + body;
}

}  // namespace vanban::http
