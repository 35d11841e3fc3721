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

#include "vanban/search/search_service.h"

namespace vanban::http {

// GET /api/search?q=&offset=&limit=
void handle_search(const search::SearchService& service,
                   const httplib::Request& req, httplib::Response& res);
// GET /api/documents/{id}: id percent-encoded, may contain '/'
void handle_document(const search::SearchService& service,
                     const httplib::Request& req, httplib::Response& res);
// GET /healthz
void handle_health(const search::SearchService& service,
                   const httplib::Request& req, httplib::Response& res);

void reply_json(httplib::Response& res, int status, const nlohmann::json& body);

// Installs the routes, the static page from `web_root`, security headers,
// and the error and exception handlers (JSON bodies, never a crash).
// `service` must outlive `server`.
void register_routes(httplib::Server& server,
                     const search::SearchService& service,
                     const std::string& web_root);

}  // namespace vanban::http

#endif  // VANBAN_SERVER_ROUTES_H_
