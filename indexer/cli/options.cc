#include "options.h"

#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace vanban::cli {
namespace {

// CLI11's reader of configuration files, replaced by vanban's parser:
// CLI11's own INI reader has no line numbers in its errors and takes
// unknown keys silently.
class ConfigReader : public CLI::Config {
 public:
  explicit ConfigReader(const CLI::Option* config_option) : config_option_(config_option) {}

  std::string to_config(const CLI::App*, bool, bool, std::string) const override { return {}; }

  // Throws CLI::ConfigError: CLI11's way of reporting bad input, which
  // CLI11_PARSE prints before exiting.
  std::vector<CLI::ConfigItem> from_config(std::istream& in) const override {
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const Result<std::vector<ConfigEntry>> entries = parse_config(text, file_name());
    if (!entries) throw CLI::ConfigError(entries.status().message());
    std::vector<CLI::ConfigItem> out;
    for (const ConfigEntry& e : *entries) {
      // CLI11 looks an item up as "--NAME", then as the positional NAME.
      const std::string name = e.key->type == ConfigType::kPathList
                                   ? std::string(e.key->name)
                                   : option_name(*e.key).substr(2);
      out.push_back({{}, name, e.values});
    }
    return out;
  }

 private:
  // CLI11 hands over a stream; the name is the option's value, or its
  // default until CLI11 records the file as read.
  std::string file_name() const {
    return config_option_->count() > 0 ? config_option_->as<std::string>()
                                       : std::string(kDefaultConfigPath);
  }

  const CLI::Option* config_option_;
};

std::string describe(const ConfigKey& key) {
  switch (key.type) {
    case ConfigType::kInteger:
      return std::to_string(key.min) + ".." + std::to_string(key.max);
    case ConfigType::kBoolean: return "on|off";
    case ConfigType::kSize: return "SIZE";
    case ConfigType::kChoice: return std::string(key.choices);
    default: return {};
  }
}

}  // namespace

const ConfigKey& config_key(std::string_view name) {
  const ConfigKey* key = find_config_key(name);
  if (key == nullptr) throw std::logic_error("no configuration key " + std::string(name));
  return *key;
}

CLI::Validator config_validator(const ConfigKey& key) {
  return CLI::Validator(
      [&key](std::string& value) {
        Result<std::string> checked = check_config_value(key, value);
        if (!checked) return checked.status().message();
        value = std::move(*checked);
        return std::string();
      },
      describe(key));
}

void add_common_options(CLI::App& app, std::string_view program) {
  app.set_version_flag("--version", std::string(program) + " " + VANBAN_VERSION);
  CLI::Option* config = app.set_config(
      "--config", std::string(kDefaultConfigPath),
      "configuration file (keys: see README); read when it exists, flags win over it");
  app.config_formatter(std::make_shared<ConfigReader>(config));
}

}  // namespace vanban::cli
