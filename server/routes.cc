#include "routes.h"

#include <xapian.h>

#include <charconv>
#include <initializer_list>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "export_reply.h"
#include "file_reply.h"
#include "ical.h"
#include "json_codec.h"
#include "serving.h"
#include "vanban/text/chars.h"

namespace vanban::http {
namespace {

// A strict non-negative integer query parameter: digits only, no sign, no
// spaces, at most 9 digits.
Result<std::size_t> size_param(const httplib::Request& req, const char* name,
                               std::size_t fallback) {
  if (!req.has_param(name)) return fallback;
  const std::string v = req.get_param_value(name);
  std::size_t out = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (v.empty() || v.size() > 9 || ec != std::errc() || end != v.data() + v.size()) {
    return Status::invalid_argument(std::string(name) + " must be a non-negative integer", v);
  }
  return out;
}

// True if every '%' in a request target starts a two-hex-digit escape.
bool well_formed_escapes(std::string_view target) {
  auto hex = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  for (std::size_t i = 0; i < target.size(); ++i) {
    if (target[i] != '%') continue;
    if (i + 2 >= target.size() || !hex(target[i + 1]) || !hex(target[i + 2])) return false;
    i += 2;
  }
  return true;
}

// Reasons for httplib's own rejections, which come without a body.
const char* status_text(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 408: return "request timeout";
    case 413: return "request too large";
    case 414: return "URI too long";
    case 500: return "internal error";
    case 503: return "service unavailable";
    default: return "error";
  }
}

// Every field of a search request, unambiguously: the result cache's key.
std::string cache_key(const search::SearchRequest& r) {
  std::string key;
  for (const std::string* f : {&r.query, &r.type, &r.issuer, &r.cites, &r.from, &r.to, &r.status,
                               &r.as_of, &r.applies_to, &r.sort}) {
    key += *f;
    key += '\x1f';
  }
  return key + std::to_string(r.offset) + '/' + std::to_string(r.limit) + (r.facets ? "/f" : "/-");
}

// "offset" and "limit", as given or by default.
struct Paging {
  std::size_t offset = 0;
  std::size_t limit = 0;
};
Result<Paging> paging(const httplib::Request& req, std::size_t default_limit) {
  const auto offset = size_param(req, "offset", 0);
  if (!offset) return offset.status();
  const auto limit = size_param(req, "limit", default_limit);
  if (!limit) return limit.status();
  return Paging{*offset, *limit};
}

constexpr std::size_t kDefaultSearchLimit = 10;
constexpr std::size_t kDefaultDirectiveLimit = 50;

// A query's string parameters: each name and the field it sets.
template <typename T>
using ParamFields = std::initializer_list<std::pair<const char*, std::string T::*>>;

// A request or filter `T` (with `offset` and `limit`) from the query
// string: paging as given or by default, each of `fields` from its
// parameter ("" when absent).
template <typename T>
Result<T> paged_request(const httplib::Request& req, std::size_t default_limit,
                        ParamFields<T> fields) {
  const Result<Paging> page = paging(req, default_limit);
  if (!page) return page.status();
  T out;
  for (const auto& [name, field] : fields) out.*field = req.get_param_value(name);
  out.offset = page->offset;
  out.limit = page->limit;
  return out;
}

Result<search::SearchRequest> search_request(const httplib::Request& req) {
  if (!req.has_param("q")) return Status::invalid_argument("missing parameter q");
  using R = search::SearchRequest;
  Result<R> r = paged_request<R>(
      req, kDefaultSearchLimit,
      {{"q", &R::query}, {"type", &R::type}, {"issuer", &R::issuer}, {"cites", &R::cites},
       {"from", &R::from}, {"to", &R::to}, {"status", &R::status}, {"as_of", &R::as_of},
       {"applies_to", &R::applies_to}, {"sort", &R::sort}});
  if (r) r->facets = req.get_param_value("facets") != "0";
  return r;
}

Result<search::DirectiveFilter> directive_filter(const httplib::Request& req) {
  using F = search::DirectiveFilter;
  return paged_request<F>(req, kDefaultDirectiveLimit,
                          {{"type", &F::type}, {"issuer", &F::issuer}, {"year", &F::year}, {"q", &F::q},
                           {"status", &F::status}, {"as_of", &F::as_of}, {"applies_to", &F::applies_to}});
}

// Replies with `result`'s JSON, or its error.
template <typename T>
void reply(httplib::Response& res, const Result<T>& result) {
  if (!result) return reply_error(res, result.status());
  reply_json(res, 200, to_json(*result));
}

// Campaign contents: the comparison of a campaign's documents, the
// obligations filter.

constexpr std::size_t kDefaultObligationLimit = 50;
constexpr const char* kCalendarFile = "vanban-viec-can-lam.ics";

// "a, b,c" -> {"a", "b", "c"}: the ids of /api/compare.
std::vector<std::string> comma_list(std::string_view value) {
  std::vector<std::string> out;
  while (!value.empty()) {
    const std::size_t comma = std::min(value.find(','), value.size());
    const std::string_view item = text::trim(value.substr(0, comma));
    if (!item.empty()) out.emplace_back(item);
    value.remove_prefix(std::min(comma + 1, value.size()));
  }
  return out;
}

// The newest documents of a campaign (its list is newest first), side by
// side; null if they cannot be compared.
nlohmann::json campaign_comparison(const search::ComparisonService& comparison,
                                   const search::CampaignDetail& detail) {
  std::vector<std::string> ids;
  for (const auto& d : detail.documents) {
    if (ids.size() < search::kMaxCompared) ids.push_back(d.id);
  }
  const Result<search::Comparison> c = comparison.compare(ids);
  return c ? to_json(*c) : nlohmann::json(nullptr);
}

Result<search::ObligationFilter> obligation_filter(const httplib::Request& req,
                                                   std::size_t default_limit) {
  using F = search::ObligationFilter;
  return paged_request<F>(req, default_limit,
                          {{"assignee", &F::assignee}, {"from", &F::from}, {"to", &F::to}, {"id", &F::id}});
}

// OK when the server was given `service`, else kUnavailable (503).
Status require_service(const void* service, const char* what) {
  return service ? Status::ok() : Status::unavailable(std::string(what) + " is not available");
}

}  // namespace

int http_status(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kTooLarge: return 413;
    case StatusCode::kUnavailable: return 503;
    case StatusCode::kDeadlineExceeded: return 503;
    case StatusCode::kNotSupported: return 501;
    case StatusCode::kCorruption:
    case StatusCode::kIoError: return 500;
  }
  return 500;
}

nlohmann::json error_json(const Status& s) {
  nlohmann::json body = {{"error", s.reason()}};
  if (!s.detail().empty()) body["detail"] = s.detail();
  return body;
}

void reply_error(httplib::Response& res, const Status& s) {
  // A client refused for overload may try again soon.
  if (s.is_unavailable()) res.set_header("Retry-After", std::to_string(kRetryAfter.count()));
  reply_json(res, http_status(s), error_json(s));
}

void reply_json(httplib::Response& res, int status, const nlohmann::json& body) {
  reply_encoded(res, status, dump_json(body));
}

void reply_encoded(httplib::Response& res, int status, std::string body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(std::move(body), "application/json; charset=utf-8");
}

Result<search::SearchResponse> gated_search(const Services& s, const search::SearchRequest& request,
                                            SearchGate::Clock::time_point received) {
  std::optional<SearchGate::Ticket> slot;
  if (s.search_gate) {
    Result<SearchGate::Ticket> admitted = s.search_gate->admit(received);
    if (!admitted) return admitted.status();
    slot.emplace(std::move(admitted).value());
  }
  return s.search.search(request);
}

void handle_search(const Services& s, const httplib::Request& req, httplib::Response& res) {
  const Result<search::SearchRequest> request = search_request(req);
  if (!request) return reply_error(res, request.status());
  const Result<std::optional<ExportFormat>> format = export_format(req);
  if (!format) return reply_error(res, format.status());
  if (*format) return reply_search_export(s, *request, **format, res);
  const std::string key = cache_key(*request);
  // Read before searching: see IndexReader::generation().
  const std::uint64_t generation = s.search_cache ? s.search.generation() : 0;
  if (s.search_cache) {
    if (const auto body = s.search_cache->get(key, generation)) {
      res.set_header("X-Cache", "hit");
      return reply_encoded(res, 200, *body);
    }
    res.set_header("X-Cache", "miss");
  }
  const Result<search::SearchResponse> out = gated_search(s, *request, request_received_at());
  if (!out) return reply_error(res, out.status());
  auto body = std::make_shared<const std::string>(dump_json(to_json(*out)));
  if (s.search_cache) s.search_cache->put(key, generation, body);
  reply_encoded(res, 200, *body);
}

void handle_document(const Services& s, const httplib::Request& req, httplib::Response& res) {
  // httplib has already percent-decoded the path, so "a%2Fb" arrives as "a/b".
  const std::string id = req.matches[1].str();
  const Result<search::DocumentDetail> detail = s.knowledge.document(id, req.get_param_value("as_of"));
  if (!detail) return reply_error(res, detail.status());
  nlohmann::json out = to_json(*detail);
  out["original"] = original_json(s.search.original(id), id);
  // ?q=: the words of the search the document was opened from, to mark.
  if (const std::string q = req.get_param_value("q"); !q.empty()) {
    if (q.size() > search::SearchService::kMaxQueryBytes) {
      return reply_error(res, Status::invalid_argument("query too long", "q"));
    }
    const std::string& text = detail->stored.record.text;
    out["matches"] = match_spans_json(s.search.match_spans(text, q), text);
  }
  reply_json(res, 200, out);
}

void handle_original(const Services& s, const httplib::Request& req, httplib::Response& res) {
  const Result<search::OriginalFile> file = s.search.original(req.matches[1].str());
  if (!file) return reply_error(res, file.status());
  reply_file(res, *file);
}

void handle_directives(const Services& s, const httplib::Request& req, httplib::Response& res) {
  const Result<search::DirectiveFilter> filter = directive_filter(req);
  if (!filter) return reply_error(res, filter.status());
  reply(res, s.knowledge.directives(*filter));
}

void handle_directive(const Services& s, const httplib::Request& req, httplib::Response& res) {
  const Result<std::optional<ExportFormat>> format = export_format(req);
  if (!format) return reply_error(res, format.status());
  const Result<report::DirectiveList> list = directive_list(req);
  if (*format && !list) return reply_error(res, list.status());
  const Result<search::DirectiveDetail> detail =
      s.knowledge.directive(req.matches[1].str(), req.get_param_value("as_of"));
  if (!detail || !*format) return reply(res, detail);
  reply_directive_export(*detail, *list, **format, res);
}

void handle_campaigns(const Services& s, const httplib::Request&, httplib::Response& res) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : s.knowledge.campaigns()) items.push_back(to_json(c));
  reply_json(res, 200, {{"total", items.size()}, {"campaigns", std::move(items)}});
}

void handle_campaign(const Services& s, const httplib::Request& req, httplib::Response& res) {
  const Result<search::CampaignDetail> detail = s.knowledge.campaign(req.matches[1].str());
  if (!detail) return reply_error(res, detail.status());
  nlohmann::json out = to_json(*detail);
  if (s.comparison) out["comparison"] = campaign_comparison(*s.comparison, *detail);
  reply_json(res, 200, out);
}

void handle_compare(const Services& s, const httplib::Request& req, httplib::Response& res) {
  if (Status st = require_service(s.comparison, "comparison"); !st.is_ok()) {
    return reply_error(res, st);
  }
  if (!req.has_param("ids")) {
    return reply_error(res, Status::invalid_argument("missing parameter ids"));
  }
  reply(res, s.comparison->compare(comma_list(req.get_param_value("ids"))));
}

void handle_obligations(const Services& s, const httplib::Request& req, httplib::Response& res) {
  if (Status st = require_service(s.obligations, "obligations"); !st.is_ok()) {
    return reply_error(res, st);
  }
  const Result<search::ObligationFilter> filter = obligation_filter(req, kDefaultObligationLimit);
  if (!filter) return reply_error(res, filter.status());
  reply(res, s.obligations->list(*filter));
}

void handle_obligations_ics(const Services& s, const httplib::Request& req,
                            httplib::Response& res) {
  if (Status st = require_service(s.obligations, "obligations"); !st.is_ok()) {
    return reply_error(res, st);
  }
  Result<search::ObligationFilter> filter =
      obligation_filter(req, search::ObligationService::kMaxLimit);
  if (!filter) return reply_error(res, filter.status());
  filter->dated_only = true;
  const Result<search::ObligationList> list = s.obligations->list(*filter);
  if (!list) return reply_error(res, list.status());
  std::vector<CalendarEvent> events;
  for (const search::Obligation& o : list->items) events.push_back(calendar_event(o));
  res.status = 200;
  res.set_header("Cache-Control", "no-store");
  res.set_header("Content-Disposition",
                 std::string("attachment; filename=\"") + kCalendarFile + "\"");
  res.set_content(write_calendar(events, utc_stamp_now()), "text/calendar; charset=utf-8");
}

void handle_health(const Services& s, const httplib::Request&, httplib::Response& res) {
  reply_json(res, 200, {{"status", "ok"}, {"documents", s.search.document_count()}});
}

// Malformed escapes ("%zz") would reach handlers as literal text; refuse
// them before routing.
httplib::Server::HandlerResponse check_request_target(const httplib::Request& req,
                                                      httplib::Response& res) {
  if (well_formed_escapes(req.target)) return httplib::Server::HandlerResponse::Unhandled;
  reply_error(res, Status::invalid_argument("malformed percent-encoding in the URL"));
  return httplib::Server::HandlerResponse::Handled;
}

namespace {

// The page loads only its own script and style (no inline code), so a
// document that contains markup cannot run anything.
void install_security_headers(httplib::Server& server) {
  server.set_default_headers({
      {"X-Content-Type-Options", "nosniff"},
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
  });
}

void install_routes(httplib::Server& server, const Services& services) {
  server.set_pre_routing_handler(check_request_target);
  // The route table: one line per route.
  using Handler = void (*)(const Services&, const httplib::Request&, httplib::Response&);
  const std::pair<const char*, Handler> routes[] = {
      {"/healthz", handle_health},
      {"/api/search", handle_search},
      {"/api/documents/(.+)/original", handle_original},  // before the next
      {"/api/documents/(.+)", handle_document},
      {"/api/directives", handle_directives},
      {"/api/directives/(.+)", handle_directive},
      {"/api/campaigns", handle_campaigns},
      {"/api/campaigns/(.+)", handle_campaign},
      {"/api/compare", handle_compare},
      {"/api/obligations", handle_obligations},
      {"/api/obligations\\.ics", handle_obligations_ics},
  };
  for (const auto& [pattern, handler] : routes) {
    server.Get(pattern, [&services, handler = handler](const httplib::Request& req,
                                                       httplib::Response& res) {
      handler(services, req, res);
    });
  }
}

// Bodiless errors (unknown routes, httplib's own rejections) get a JSON
// body; an exception in a handler is logged and answered with a JSON 500.
void install_error_handlers(httplib::Server& server) {
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) reply_json(res, res.status, {{"error", status_text(res.status)}});
  });
  server.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown exception";
        try {
          std::rethrow_exception(ep);
        } catch (const Xapian::DatabaseOpeningError&) {
          // No index yet (vanban-server starts without one), or a shard
          // down: the request may succeed later. Why is for /readyz, not
          // for every client.
          return reply_error(res, Status::unavailable("index unavailable"));
        } catch (const Xapian::Error& e) {
          what = e.get_description();
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        std::cerr << "vanban-server: error on " << req.path << ": " << what << '\n';
        reply_json(res, 500, {{"error", "internal error"}});
      });
}

}  // namespace

void register_routes(httplib::Server& server, const Services& services,
                     const std::string& web_root) {
  install_security_headers(server);
  install_routes(server, services);
  // Files only from the web directory; httplib rejects paths with "..".
  if (!web_root.empty() && !server.set_mount_point("/", web_root)) {
    throw std::runtime_error("web directory not found: " + web_root);
  }
  install_error_handlers(server);
}

}  // namespace vanban::http
