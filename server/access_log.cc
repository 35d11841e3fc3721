#include "access_log.h"

#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

#include "metrics.h"
#include "vanban/json.h"

namespace vanban::http {
namespace {

// ISO 8601 in UTC with milliseconds: "2026-11-29T16:09:00.123Z".
std::string utc_time(std::chrono::system_clock::time_point at) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch());
  const std::time_t seconds = static_cast<std::time_t>(ms.count() / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[64];  // room for any int the compiler imagines in each field
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms.count() % 1000));
  return buf;
}

// Milliseconds with two decimals, as a number.
double milliseconds(double seconds) {
  return static_cast<double>(static_cast<long long>(seconds * 1e5 + 0.5)) / 100;
}

std::string json_line(const httplib::Request& req, const httplib::Response& res, double seconds,
                      std::chrono::system_clock::time_point at) {
  nlohmann::json line = {
      {"time", utc_time(at)},
      {"remote", req.remote_addr},
      {"method", req.method},
      {"target", req.target},
      {"route", route_label(req.path, res.status)},
      {"status", res.status},
      {"bytes", res.body.size()},
      {"ms", milliseconds(seconds)},
  };
  if (const std::string cache = res.get_header_value("X-Cache"); !cache.empty()) {
    line["cache"] = cache;
  }
  return dump_json(line) + "\n";
}

std::string text_line(const httplib::Request& req, const httplib::Response& res,
                      double seconds) {
  char tail[64];
  std::snprintf(tail, sizeof tail, " %d %zu %.2fms\n", res.status, res.body.size(),
                seconds * 1e3);
  return req.method + " " + req.target + tail;
}

}  // namespace

AccessLogFormat access_log_format(std::string_view name) {
  if (name == "text") return AccessLogFormat::kText;
  if (name == "json") return AccessLogFormat::kJson;
  return AccessLogFormat::kOff;
}

std::string access_log_line(AccessLogFormat format, const httplib::Request& req,
                            const httplib::Response& res, double seconds,
                            std::chrono::system_clock::time_point at) {
  switch (format) {
    case AccessLogFormat::kText: return text_line(req, res, seconds);
    case AccessLogFormat::kJson: return json_line(req, res, seconds, at);
    case AccessLogFormat::kOff: break;
  }
  return {};
}

}  // namespace vanban::http
