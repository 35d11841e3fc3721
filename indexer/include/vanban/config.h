// The configuration file of vanban's programs (/etc/vanban/vanban.conf):
// one file read by vanban-index, vanban-search and vanban-server, each
// taking the keys it has options for; a flag on the command line wins over
// the file.
//
//   # comment (a '#' or ';' that starts a line)
//   db = /var/lib/vanban/index
//   corpus = /srv/van-ban          a list key: one path per line, repeated
//   corpus = /srv/cong-van
//   port = 8080
//
// Keys and values are trimmed; a value may be put in double quotes to keep
// spaces at its ends; a '#' after a value is part of it (paths may hold
// one). There are no sections. Every key is known to every program, so a
// misspelt key is an error wherever it is read, never silently ignored.
//
// The file is UTF-8 (a byte-order mark is allowed). Errors are values:
// Status::invalid_argument whose detail names the file and line.
#ifndef VANBAN_CONFIG_H_
#define VANBAN_CONFIG_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/status.h"

namespace vanban {

// Where the programs look when no --config is given (and the file exists).
inline constexpr std::string_view kDefaultConfigPath = "/etc/vanban/vanban.conf";

enum class ConfigType {
  kText,      // any non-empty text
  kPath,      // a non-empty path
  kPathList,  // a path per line; the key may be repeated
  kInteger,   // decimal, within [min, max]
  kBoolean,   // on/off, yes/no, true/false, 1/0 (any case)
  kSize,      // bytes, with an optional K, M or G suffix (binary), within [min, max]
  kChoice,    // one of `choices`
};

// One key of the file. The programs take each option's name, help and
// check from here, so the file and the command line accept the same values.
struct ConfigKey {
  std::string_view name;  // "max_doc_bytes"; the option is --max-doc-bytes
  ConfigType type;
  std::string_view help;  // one line, for --help
  std::int64_t min = 0;   // kInteger, kSize
  std::int64_t max = 0;
  std::string_view choices = {};  // kChoice: "off|text|json"
};

// Every key the file may hold, in the documented order.
std::span<const ConfigKey> config_keys();

// The key called `name`, or null.
const ConfigKey* find_config_key(std::string_view name);

// "--max-doc-bytes" for "max_doc_bytes".
std::string option_name(const ConfigKey& key);

// `value` checked against `key` and normalized: booleans become "true" or
// "false", sizes a number of bytes, other values stay as they are. Returns
// invalid_argument("bad value for KEY", why) otherwise.
Result<std::string> check_config_value(const ConfigKey& key, std::string_view value);

// "64M" -> 67108864: a number of bytes with an optional K, M or G (powers
// of 1024). invalid_argument if it is not one or does not fit 63 bits.
Result<std::uint64_t> parse_size(std::string_view text);

// One setting of the file, value normalized (see check_config_value).
struct ConfigEntry {
  const ConfigKey* key = nullptr;
  std::vector<std::string> values;  // one, or one per line of a list key
  std::size_t line = 0;             // of its first appearance, 1-based
};

// Parses the text of a configuration file; `file_name` is only for the
// messages ("vanban.conf:7: unknown key \"prot\""). Entries come in the
// order their keys first appear.
Result<std::vector<ConfigEntry>> parse_config(std::string_view text, std::string_view file_name);

// Reads and parses the file at `path`; io_error if it cannot be read.
Result<std::vector<ConfigEntry>> read_config_file(const std::string& path);

}  // namespace vanban

#endif  // VANBAN_CONFIG_H_
