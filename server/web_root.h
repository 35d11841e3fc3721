// Where vanban-server finds its web page when --web does not say: beside
// the program, in PREFIX/share/vanban/web for PREFIX/bin/vanban-server.
// An installed server finds the installed page whatever the prefix; a
// build tree has BUILD/share/vanban/web, a link to the sources' web/
// (server/CMakeLists.txt), so a development build serves the page being
// edited. No path of the machine that built it is compiled in.
#ifndef VANBAN_SERVER_WEB_ROOT_H_
#define VANBAN_SERVER_WEB_ROOT_H_

#include <string>

namespace vanban::http {

// Relative to the running program's directory (the install layout).
inline constexpr const char* kWebRootFromProgram = "../share/vanban/web";

// EXE_DIR/../share/vanban/web for the running program (/proc/self/exe),
// normalized, if that directory exists; "" otherwise (a program copied
// elsewhere alone), for a server of the API only.
std::string default_web_root();

}  // namespace vanban::http

#endif  // VANBAN_SERVER_WEB_ROOT_H_
