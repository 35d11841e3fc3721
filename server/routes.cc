#include "routes.h"

#include <xapian.h>

#include <charconv>
#include <iostream>
#include <memory>
#include <optional>

#include "json_codec.h"

namespace vanban::http {
namespace {

// A strict non-negative integer query parameter: digits only, no sign, no
// spaces, at most 9 digits. std::nullopt if present but malformed.
std::optional<std::size_t> size_param(const httplib::Request& req, const char* name,
                                      std::size_t fallback) {
  if (!req.has_param(name)) return fallback;
  const std::string v = req.get_param_value(name);
  if (v.empty() || v.size() > 9) return std::nullopt;
  std::size_t out = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || end != v.data() + v.size()) return std::nullopt;
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

const char* status_text(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 413: return "request too large";
    case 414: return "URI too long";
    case 500: return "internal error";
    default: return "error";
  }
}

}  // namespace

void reply_json(httplib::Response& res, int status, const nlohmann::json& body) {
  reply_encoded(res, status, dump(body));
}

void reply_encoded(httplib::Response& res, int status, std::string body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(std::move(body), "application/json; charset=utf-8");
}

void handle_search(const Services& s, const httplib::Request& req, httplib::Response& res) {
  if (!req.has_param("q")) return reply_json(res, 400, {{"error", "missing parameter q"}});
  const auto offset = size_param(req, "offset", 0);
  const auto limit = size_param(req, "limit", 10);
  if (!offset) return reply_json(res, 400, {{"error", "offset must be a non-negative integer"}});
  if (!limit) return reply_json(res, 400, {{"error", "limit must be a positive integer"}});
  search::SearchRequest request;
  request.query = req.get_param_value("q");
  request.offset = *offset;
  request.limit = *limit;
  request.facets = req.get_param_value("facets") != "0";
  request.type = req.get_param_value("type");
  request.issuer = req.get_param_value("issuer");
  request.cites = req.get_param_value("cites");
  request.from = req.get_param_value("from");
  request.to = req.get_param_value("to");

  // Every field of the request, unambiguously.
  std::string key;
  for (const std::string* f : {&request.query, &request.type, &request.issuer, &request.cites,
                               &request.from, &request.to}) {
    key += *f;
    key += '\x1f';
  }
  key += std::to_string(request.offset) + '/' + std::to_string(request.limit) +
         (request.facets ? "/f" : "/-");
  // Read before searching: see IndexReader::generation().
  const std::uint64_t generation = s.search_cache ? s.search.generation() : 0;
  if (s.search_cache) {
    if (const auto body = s.search_cache->get(key, generation)) {
      res.set_header("X-Cache", "hit");
      return reply_encoded(res, 200, *body);
    }
    res.set_header("X-Cache", "miss");
  }
  const auto out = s.search.search(request);
  if (out.status != search::SearchStatus::kOk) return reply_json(res, 400, {{"error", out.error}});
  auto body = std::make_shared<const std::string>(dump(to_json(out)));
  if (s.search_cache) s.search_cache->put(key, generation, body);
  reply_encoded(res, 200, *body);
}

void handle_document(const Services& s, const httplib::Request& req, httplib::Response& res) {
  // httplib has already percent-decoded the path, so "a%2Fb" arrives as "a/b".
  const std::string id = req.matches[1];
  const auto detail = s.knowledge.document(id);
  if (!detail) return reply_json(res, 404, {{"error", "no document with this id"}, {"id", id}});
  reply_json(res, 200, to_json(*detail));
}

void handle_directives(const Services& s, const httplib::Request& req, httplib::Response& res) {
  const auto offset = size_param(req, "offset", 0);
  const auto limit = size_param(req, "limit", 50);
  if (!offset || !limit) return reply_json(res, 400, {{"error", "offset and limit must be integers"}});
  search::DirectiveFilter f;
  f.type = req.get_param_value("type");
  f.issuer = req.get_param_value("issuer");
  f.year = req.get_param_value("year");
  f.q = req.get_param_value("q");
  f.offset = *offset;
  f.limit = *limit;
  if (!f.year.empty() && (f.year.size() != 4 || f.year.find_first_not_of("0123456789") != std::string::npos)) {
    return reply_json(res, 400, {{"error", "year must be four digits"}});
  }
  const auto list = s.knowledge.directives(f);
  if (!list) {
    return reply_json(res, 400, {{"error", "limit must be between 1 and " +
                                               std::to_string(search::KnowledgeService::kMaxLimit)}});
  }
  reply_json(res, 200, to_json(*list));
}

void handle_directive(const Services& s, const httplib::Request& req, httplib::Response& res) {
  const std::string key = req.matches[1];
  const auto detail = s.knowledge.directive(key);
  if (!detail) return reply_json(res, 404, {{"error", "no directive with this key"}, {"key", key}});
  reply_json(res, 200, to_json(*detail));
}

void handle_campaigns(const Services& s, const httplib::Request&, httplib::Response& res) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : s.knowledge.campaigns()) items.push_back(to_json(c));
  reply_json(res, 200, {{"total", items.size()}, {"campaigns", std::move(items)}});
}

void handle_campaign(const Services& s, const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  const auto detail = s.knowledge.campaign(id);
  if (!detail) return reply_json(res, 404, {{"error", "no campaign with this id"}, {"id", id}});
  reply_json(res, 200, to_json(*detail));
}

void handle_health(const Services& s, const httplib::Request&, httplib::Response& res) {
  reply_json(res, 200, {{"status", "ok"}, {"documents", s.search.document_count()}});
}

void register_routes(httplib::Server& server, const Services& services,
                     const std::string& web_root) {
  // The page loads only its own script and style (no inline code), so a
  // document that contains markup cannot run anything.
  server.set_default_headers({
      {"X-Content-Type-Options", "nosniff"},
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
  });

  // Malformed escapes ("%zz") would reach handlers as literal text; refuse
  // them before routing.
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (well_formed_escapes(req.target)) return httplib::Server::HandlerResponse::Unhandled;
    reply_json(res, 400, {{"error", "malformed percent-encoding in the URL"}});
    return httplib::Server::HandlerResponse::Handled;
  });

  // The route table: one line per route.
  using Handler = void (*)(const Services&, const httplib::Request&, httplib::Response&);
  const std::pair<const char*, Handler> routes[] = {
      {"/healthz", handle_health},
      {"/api/search", handle_search},
      {"/api/documents/(.+)", handle_document},
      {"/api/directives", handle_directives},
      {"/api/directives/(.+)", handle_directive},
      {"/api/campaigns", handle_campaigns},
      {"/api/campaigns/(.+)", handle_campaign},
  };
  for (const auto& [pattern, handler] : routes) {
    server.Get(pattern, [&services, handler = handler](const httplib::Request& req,
                                                       httplib::Response& res) {
      handler(services, req, res);
    });
  }
  // Files only from the web directory; httplib rejects paths with "..".
  if (!web_root.empty() && !server.set_mount_point("/", web_root)) {
    throw std::runtime_error("web directory not found: " + web_root);
  }

  // Called for every response with status >= 400: give bodiless ones
  // (unknown routes, httplib's own rejections) a JSON error.
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) reply_json(res, res.status, {{"error", status_text(res.status)}});
  });
  server.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown exception";
        try {
          std::rethrow_exception(ep);
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

}  // namespace vanban::http
