// Test-data helper for tests/data/formats/make_fixtures.py, so that the
// fixtures are made by the library's own code rather than a second copy
// of it in Python:
//   vanban_fixture_tool encode tcvn3|vni < utf8 > bytes   (text/legacy_encoding.h)
//   vanban_fixture_tool strip < utf8 > utf8                (doc/chrome.h strip_boilerplate)
// Exit status 1 with a message when a character has no legacy byte form.
#include <iostream>
#include <iterator>
#include <string>

#include "vanban/doc/chrome.h"
#include "vanban/text/legacy_encoding.h"

int main(int argc, char** argv) {
  const std::string input{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  const std::string command = argc > 1 ? argv[1] : "";
  if (command == "strip" && argc == 2) {
    std::cout << vanban::doc::strip_boilerplate(input);
    return 0;
  }
  if (command == "encode" && argc == 3) {
    const std::string name = argv[2];
    const auto encoding = name == "vni" ? vanban::text::LegacyEncoding::kVni
                                        : vanban::text::LegacyEncoding::kTcvn3;
    const auto bytes = vanban::text::encode_legacy(input, encoding);
    if (!bytes) {
      std::cerr << "vanban_fixture_tool: text has characters without a " << name << " form\n";
      return 1;
    }
    std::cout << *bytes;
    return 0;
  }
  std::cerr << "usage: vanban_fixture_tool encode tcvn3|vni | strip  (stdin -> stdout)\n";
  return 2;
}
