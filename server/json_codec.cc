#include "json_codec.h"

namespace vanban::http {

nlohmann::json to_json(const search::SearchResponse& r) {
  nlohmann::json results = nlohmann::json::array();
  for (const auto& hit : r.results) {
    results.push_back({{"id", hit.id},
                       {"title", hit.title},
                       {"date", hit.date},
                       {"type", hit.type},
                       {"symbol", hit.symbol},
                       {"snippet", hit.snippet},
                       {"score", hit.score}});
  }
  return {{"query", r.query},     {"total", r.total},
          {"took_ms", r.took_ms}, {"relaxed", r.relaxed},
          {"results", std::move(results)}};
}

nlohmann::json to_json(const doc::DocumentRecord& r) {
  return {{"id", r.id},         {"title", r.title}, {"date", r.date},
          {"type", r.type},     {"symbol", r.symbol}, {"text", r.text},
          {"metadata", r.metadata}};
}

std::string dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace vanban::http
