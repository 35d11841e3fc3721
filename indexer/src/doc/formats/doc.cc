#include "doc/formats/doc.h"

#include <string>
#include <vector>

#include "doc/formats/docx.h"
#include "doc/formats/subprocess.h"

namespace vanban::doc {
namespace {

// antiword reads a 100-page letter in well under a second; a minute means
// it is stuck.
constexpr std::chrono::milliseconds kConverterTimeout{60'000};
// The stream holding a Word 97 document's text, as OLE stores names.
constexpr std::string_view kWordDocumentName("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24);

// The converters, best first: antiword keeps paragraphs (one per line
// with -w 0) and reads UTF-8 out; catdoc is the fallback.
const std::vector<std::vector<std::string>>& converters() {
  static const std::vector<std::vector<std::string>> list = {
      {"antiword", "-m", "UTF-8.txt", "-w", "0"},
      {"catdoc", "-d", "utf-8", "-w"},
  };
  return list;
}

Status converter_failed(const ProgramOutput& run) {
  const std::string& why = run.err.empty() ? run.out.substr(0, 200) : run.err;
  if (why.find("ncrypt") != std::string::npos || why.find("assword") != std::string::npos) {
    return Status::not_supported("encrypted", "password-protected Word 97-2003 document");
  }
  return Status::corruption("broken DOC", "exit " + std::to_string(run.exit_code) + ": " + why);
}

}  // namespace

bool is_word97(std::string_view bytes) {
  return is_ole_file(bytes) && bytes.find(kWordDocumentName) != std::string_view::npos;
}

Result<Extracted> extract_doc(std::string_view bytes, const ExtractOptions& options) {
  const TempFile file(bytes);
  for (std::vector<std::string> argv : converters()) {
    argv.push_back(file.path());
    Result<ProgramOutput> run = run_program(argv, options.max_text_bytes, kConverterTimeout);
    if (!run && run.status().is_not_found()) continue;  // try the next converter
    if (!run) return run.status();
    if (run->exit_code != 0) return converter_failed(*run);
    Extracted out;
    out.format = "doc";
    out.text = std::move(run->out);
    return out;
  }
  return Status::not_supported("install antiword",
                               "Word 97-2003 files are read by antiword (Debian package antiword)");
}

}  // namespace vanban::doc
