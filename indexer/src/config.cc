#include "vanban/config.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <limits>

#include "vanban/text/chars.h"
#include "vanban/text/utf8.h"

namespace vanban {
namespace {

// The documented keys (README "Configuration"), one line each. Bounds are
// those the programs enforced before the file existed.
constexpr ConfigKey kKeys[] = {
    {"db", ConfigType::kPath,
     "index directory, or a Xapian stub naming its shards"},
    {"corpus", ConfigType::kPathList,
     "files, folders (walked recursively) or .jsonl collections to index; --watch watches "
     "the folders"},
    {"host", ConfigType::kText, "address vanban-server binds"},
    {"port", ConfigType::kInteger, "port vanban-server listens on", 1, 65535},
    {"threads", ConfigType::kInteger,
     "vanban-server worker threads (0: from the cores and the search queue)", 0, 1024},
    {"cache", ConfigType::kInteger,
     "search answers vanban-server keeps until the index changes (0: none)", 0, 100'000'000},
    {"ocr", ConfigType::kBoolean,
     "recognise scanned pages (PDF without text, images) while indexing"},
    {"max_doc_bytes", ConfigType::kSize, "documents larger than this are skipped (K, M, G allowed)",
     1, std::int64_t{1} << 40},
    {"rescan_every", ConfigType::kInteger,
     "with --watch: also a full run every this many seconds, for network mounts whose "
     "changes inotify does not see (0: never)",
     0, 7 * 24 * 3600},
    {"web", ConfigType::kPath,
     "directory of the web page vanban-server serves (default: ../share/vanban/web beside "
     "the program)"},
    {"access_log", ConfigType::kChoice,
     "vanban-server's log of each request on stderr: off, text or json (one JSON object a line)",
     0, 0, "off|text|json"},
};

constexpr std::string_view kReason = "bad configuration";

// "off|text|json" -> {"off", "text", "json"}
std::vector<std::string_view> split_choices(std::string_view choices) {
  std::vector<std::string_view> out;
  for (std::size_t start = 0;;) {
    const std::size_t bar = choices.find('|', start);
    out.push_back(choices.substr(start, bar - start));
    if (bar == std::string_view::npos) return out;
    start = bar + 1;
  }
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

Result<std::string> check_boolean(std::string_view value) {
  const std::string v = lower_ascii(value);
  if (v == "on" || v == "yes" || v == "true" || v == "1") return std::string("true");
  if (v == "off" || v == "no" || v == "false" || v == "0") return std::string("false");
  return Status::invalid_argument("not on or off", std::string(value));
}

Result<std::int64_t> parse_integer(std::string_view value) {
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size()) {
    return Status::invalid_argument("not a whole number", std::string(value));
  }
  return n;
}

Status check_bounds(const ConfigKey& key, std::int64_t n, std::string_view value) {
  if (n >= key.min && n <= key.max) return Status::ok();
  return Status::invalid_argument(
      "out of range", std::string(value) + " is not in " + std::to_string(key.min) + ".." +
                          std::to_string(key.max));
}

// A kInteger as written, a kSize in bytes; parse_size keeps it within 63 bits.
Result<std::int64_t> parse_number(const ConfigKey& key, std::string_view value) {
  if (key.type != ConfigType::kSize) return parse_integer(value);
  const Result<std::uint64_t> bytes = parse_size(value);
  if (!bytes) return bytes.status();
  return static_cast<std::int64_t>(*bytes);
}

Result<std::string> check_number(const ConfigKey& key, std::string_view value) {
  const Result<std::int64_t> n = parse_number(key, value);
  if (!n) return n.status();
  if (Status s = check_bounds(key, *n, value); !s.is_ok()) return s;
  return std::to_string(*n);
}

Result<std::string> check_choice(const ConfigKey& key, std::string_view value) {
  const std::string v = lower_ascii(value);
  for (const std::string_view c : split_choices(key.choices)) {
    if (v == c) return v;
  }
  return Status::invalid_argument("not one of " + std::string(key.choices), std::string(value));
}

std::string known_keys() {
  std::string out;
  for (const ConfigKey& k : kKeys) out += (out.empty() ? "" : ", ") + std::string(k.name);
  return out;
}

// "FILE:LINE: what" as the detail of the one reason configuration errors have.
Status error_at(std::string_view file, std::size_t line, const std::string& what) {
  return Status::invalid_argument(std::string(kReason),
                                  std::string(file) + ":" + std::to_string(line) + ": " + what);
}

// A value in double quotes keeps what is inside them as it is.
std::string_view unquote(std::string_view v) {
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') return v.substr(1, v.size() - 2);
  return v;
}

bool is_comment_or_blank(std::string_view line) {
  const std::string_view t = text::trim(line);
  return t.empty() || t.front() == '#' || t.front() == ';';
}

// Parses the lines one by one into `entries`, merging repeated list keys.
class ConfigParser {
 public:
  explicit ConfigParser(std::string_view file_name) : file_(file_name) {}

  Status line(std::string_view raw, std::size_t number) {
    if (is_comment_or_blank(raw)) return Status::ok();
    const std::string_view t = text::trim(raw);
    if (t.front() == '[') return error_at(file_, number, "sections are not used: " + std::string(t));
    const std::size_t eq = t.find('=');
    if (eq == std::string_view::npos) {
      return error_at(file_, number, "expected \"key = value\", got \"" + std::string(t) + "\"");
    }
    const std::string_view name = text::trim(t.substr(0, eq));
    const ConfigKey* key = find_config_key(name);
    if (key == nullptr) {
      return error_at(file_, number,
                      "unknown key \"" + std::string(name) + "\" (known keys: " + known_keys() + ")");
    }
    Result<std::string> value = check_config_value(*key, unquote(text::trim(t.substr(eq + 1))));
    if (!value) {
      return error_at(file_, number, value.status().message());
    }
    return add(*key, std::move(*value), number);
  }

  std::vector<ConfigEntry> take() { return std::move(entries_); }

 private:
  Status add(const ConfigKey& key, std::string value, std::size_t number) {
    const auto same = std::find_if(entries_.begin(), entries_.end(),
                                   [&](const ConfigEntry& e) { return e.key == &key; });
    if (same == entries_.end()) {
      entries_.push_back({&key, {std::move(value)}, number});
      return Status::ok();
    }
    if (key.type != ConfigType::kPathList) {
      return error_at(file_, number,
                      std::string(key.name) + " is already set on line " + std::to_string(same->line));
    }
    same->values.push_back(std::move(value));
    return Status::ok();
  }

  std::string_view file_;
  std::vector<ConfigEntry> entries_;
};

}  // namespace

std::span<const ConfigKey> config_keys() { return kKeys; }

const ConfigKey* find_config_key(std::string_view name) {
  for (const ConfigKey& k : kKeys) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

std::string option_name(const ConfigKey& key) {
  std::string out = "--" + std::string(key.name);
  std::replace(out.begin(), out.end(), '_', '-');
  return out;
}

Result<std::uint64_t> parse_size(std::string_view text) {
  const std::string_view t = text::trim(text);
  int shift = 0;
  std::string_view digits = t;
  if (!t.empty()) {
    switch (t.back()) {
      case 'K': case 'k': shift = 10; break;
      case 'M': case 'm': shift = 20; break;
      case 'G': case 'g': shift = 30; break;
      default: break;
    }
    if (shift != 0) digits = text::trim(t.substr(0, t.size() - 1));
  }
  std::uint64_t n = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) {
    return Status::invalid_argument("not a size (bytes, or a number with K, M or G)",
                                    std::string(text));
  }
  constexpr std::uint64_t kLimit = std::numeric_limits<std::int64_t>::max();
  if (n > (kLimit >> shift)) return Status::invalid_argument("too large", std::string(text));
  return n << shift;
}

Result<std::string> check_config_value(const ConfigKey& key, std::string_view value) {
  Result<std::string> out = std::string(value);
  switch (key.type) {
    case ConfigType::kText:
    case ConfigType::kPath:
    case ConfigType::kPathList:
      if (value.empty()) out = Status::invalid_argument("empty");
      break;
    case ConfigType::kInteger:
    case ConfigType::kSize: out = check_number(key, value); break;
    case ConfigType::kBoolean: out = check_boolean(value); break;
    case ConfigType::kChoice: out = check_choice(key, value); break;
  }
  if (!out) {
    return Status::invalid_argument("bad value for " + std::string(key.name),
                                    out.status().message());
  }
  return out;
}

Result<std::vector<ConfigEntry>> parse_config(std::string_view text, std::string_view file_name) {
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    text.remove_prefix(kByteOrderMark.size());
  }
  ConfigParser parser(file_name);
  std::size_t number = 0;
  for (std::string_view raw : text::split_lines(text)) {
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);  // written on Windows
    if (!text::is_valid_utf8(raw)) return error_at(file_name, number, "invalid UTF-8");
    if (Status s = parser.line(raw, number); !s.is_ok()) return s;
  }
  return parser.take();
}

Result<std::vector<ConfigEntry>> read_config_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error("cannot read the configuration file", path);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) return Status::io_error("cannot read the configuration file", path);
  return parse_config(text, path);
}

}  // namespace vanban
