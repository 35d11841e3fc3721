// The one catch ladder of vanban's programs (after omindex's main): an
// environment failure that escapes the program's work (an index that
// cannot be opened, a full disk) is printed as "PROGRAM: what" on stderr
// and exits with status 2. Expected failures are Status values handled
// inside the programs.
#ifndef VANBAN_PROGRAM_H_
#define VANBAN_PROGRAM_H_

#include <xapian.h>

#include <exception>
#include <iostream>
#include <string_view>

namespace vanban {

inline constexpr int kExitEnvironmentFailure = 2;

// Returns body()'s exit status, or kExitEnvironmentFailure after printing
// the exception that escaped it. Xapian::Error is not a std::exception,
// so it is caught on its own.
template <typename Body>
int run_program(std::string_view program, Body&& body) {
  try {
    return body();
  } catch (const Xapian::Error& e) {
    std::cerr << program << ": " << e.get_description() << '\n';
  } catch (const std::exception& e) {
    std::cerr << program << ": " << e.what() << '\n';
  }
  return kExitEnvironmentFailure;
}

}  // namespace vanban

#endif  // VANBAN_PROGRAM_H_
