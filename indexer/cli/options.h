// What the command lines of vanban's programs share: --version, --config
// FILE, and the options that are also keys of the configuration file
// (vanban/config.h), named, described and checked from the one table of
// keys, so that the file and the flags accept the same values.
//
// CLI11 merges the file: a value from the file fills an option the command
// line left out. Errors in the file are reported as CLI11 reports a bad
// flag (CLI11_PARSE prints them and exits), naming the file and line.
#ifndef VANBAN_CLI_OPTIONS_H_
#define VANBAN_CLI_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <string_view>

#include "vanban/config.h"

namespace vanban::cli {

// Adds --version ("PROGRAM VERSION", for help2man too) and --config FILE,
// whose default, kDefaultConfigPath, is read only when it exists.
void add_common_options(CLI::App& app, std::string_view program);

// Checks and normalizes a value as the configuration file does ("64M" ->
// 67108864, "off" -> "false").
CLI::Validator config_validator(const ConfigKey& key);

// The configuration key `name`; a key missing from the table is a bug
// (std::logic_error).
const ConfigKey& config_key(std::string_view name);

// Adds the option for configuration key `key` bound to `value`: "--port"
// for "port". A list key ("corpus") is the positional argument of that name.
template <class T>
CLI::Option* add_config_option(CLI::App& app, std::string_view key, T& value) {
  const ConfigKey& k = config_key(key);
  const std::string name =
      k.type == ConfigType::kPathList ? std::string(k.name) : option_name(k);
  return app.add_option(name, value, std::string(k.help))->transform(config_validator(k));
}

}  // namespace vanban::cli

#endif  // VANBAN_CLI_OPTIONS_H_
