// HTTP routes of vanban-server: thin handlers that parse the request, call
// the SearchService and serialize its answer. No Xapian or ICU here.
//
// Every response is JSON (with the right status code) except the web page
// and its static files.
#ifndef VANBAN_SERVER_ROUTES_H_
#define VANBAN_SERVER_ROUTES_H_

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

#include "vanban/search/comparison.h"
#include "vanban/search/knowledge_service.h"
#include "vanban/search/obligations.h"
#include "vanban/search/result_cache.h"
#include "vanban/search/search_service.h"
#include "request_head.h"
#include "search_gate.h"
#include "vanban/status.h"

namespace vanban::http {

// Encoded /api/search answers, kept until the index changes.
using SearchCache = search::ResultCache<std::string>;

// What the handlers call. All must outlive the server.
struct Services {
  const search::SearchService& search;
  const search::KnowledgeService& knowledge;
  SearchCache* search_cache = nullptr;  // none: every search is computed
  // Searches the cache cannot answer wait here for a slot; none: they run
  // at once, however many.
  SearchGate* search_gate = nullptr;
  // Campaign contents side by side, and obligations. None: /api/compare
  // and /api/obligations* answer 503, campaigns have no "comparison".
  const search::ComparisonService* comparison = nullptr;
  const search::ObligationService* obligations = nullptr;
};

// GET /api/search?q=&offset=&limit=&type=&issuer=&cites=&from=&to=&facets=
// Answers from Services::search_cache when it has them (header X-Cache:
// hit, otherwise miss); computes the others once Services::search_gate
// admits them, or answers 503 with Retry-After when it does not.
// `format=csv|docx`: the results as a file (export_reply.h), never cached.
void handle_search(const Services& s, const httplib::Request& req, httplib::Response& res);
// GET /api/documents/{id}: id percent-encoded, may contain '/'
void handle_document(const Services& s, const httplib::Request& req, httplib::Response& res);
// GET /api/directives?type=&issuer=&year=&q=&offset=&limit=
void handle_directives(const Services& s, const httplib::Request& req, httplib::Response& res);
// GET /api/directives/{key}; `format=csv|docx` with `list=citing|implementation`:
// that list of the directive's page as a file (export_reply.h)
void handle_directive(const Services& s, const httplib::Request& req, httplib::Response& res);
// GET /api/campaigns
void handle_campaigns(const Services& s, const httplib::Request& req, httplib::Response& res);
// GET /api/campaigns/{id}
void handle_campaign(const Services& s, const httplib::Request& req, httplib::Response& res);
// GET /api/compare?ids=ID1,ID2,... (1 to search::kMaxCompared ids)
void handle_compare(const Services& s, const httplib::Request& req, httplib::Response& res);
// GET /api/obligations?assignee=&from=&to=&offset=&limit=
void handle_obligations(const Services& s, const httplib::Request& req, httplib::Response& res);
// GET /api/obligations.ics?assignee=&from=&to=&id=&offset=&limit=: the
// obligations with a deadline date as iCalendar (text/calendar, as an
// attachment); errors are JSON.
void handle_obligations_ics(const Services& s, const httplib::Request& req,
                            httplib::Response& res);
// GET /healthz
void handle_health(const Services& s, const httplib::Request& req, httplib::Response& res);

// `request` searched once Services::search_gate (when there is one) admits
// a request received at `received`; kUnavailable "server busy" when it
// does not (answered 503 with Retry-After).
Result<search::SearchResponse> gated_search(const Services& s, const search::SearchRequest& request,
                                            SearchGate::Clock::time_point received);

// The one mapping from a Status to an HTTP status code: kInvalidArgument
// 400, kNotFound 404, kTooLarge 413, kNotSupported 501, kUnavailable and
// kDeadlineExceeded 503, a corrupt index or an I/O error 500.
int http_status(const Status& status);
// {"error": reason, "detail": detail}; no detail when it is empty.
nlohmann::json error_json(const Status& status);
// error_json(status) with http_status(status).
void reply_error(httplib::Response& res, const Status& status);
void reply_json(httplib::Response& res, int status, const nlohmann::json& body);
void reply_encoded(httplib::Response& res, int status, std::string body);  // JSON text


// The check every request passes before routing: a target with malformed
// percent-encoding ("%zz") is answered 400. register_routes() installs it
// as the pre-routing handler; whoever replaces that handler calls it.
httplib::Server::HandlerResponse check_request_target(const httplib::Request& req,
                                                      httplib::Response& res);

// Installs the routes, the static page from `web_root` ("" for none),
// security headers, and the error and exception handlers (JSON bodies,
// never a crash). `services` must outlive `server`.
void register_routes(httplib::Server& server, const Services& services,
                     const std::string& web_root);

}  // namespace vanban::http

#endif  // VANBAN_SERVER_ROUTES_H_
