// One paragraph's text assembled from formatted runs (DOCX w:r, ODT
// text:span): runs in a TCVN3 or VNI font are converted to Unicode, and
// runs formatted as all capitals are written in capitals, as a reader sees
// them. Consecutive runs of one format are converted together, because
// Word splits runs anywhere, even between a VNI base letter and its mark.
// Private to the format layer.
#ifndef VANBAN_DOC_FORMATS_RUN_TEXT_H_
#define VANBAN_DOC_FORMATS_RUN_TEXT_H_

#include <set>
#include <string>
#include <string_view>

namespace vanban::doc {

struct RunFormat {
  std::string font;   // font family name as the file gives it; "" if unknown
  bool caps = false;  // shown in capitals (w:caps, fo:text-transform)
};

class RunText {
 public:
  // `encodings` collects "tcvn3" / "vni" when a run was converted; it
  // must outlive this object.
  explicit RunText(std::set<std::string>* encodings) : encodings_(encodings) {}

  // Appends UTF-8 `text` written in `format`.
  void append(std::string_view text, const RunFormat& format);

  // Appends text that needs no conversion (a tab, a line break).
  void append_plain(std::string_view text);

  // The paragraph's text so far, all runs converted; clears the object.
  std::string finish();

 private:
  void flush();

  std::set<std::string>* encodings_;
  std::string out_;
  std::string pending_;
  RunFormat pending_format_;
};

// "tcvn3", "tcvn3,vni": the encodings a RunText collected, for
// Extracted::properties["encoding"].
std::string join(const std::set<std::string>& encodings);

// Upper-cases UTF-8 text (root locale).
std::string to_upper(std::string_view utf8);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_FORMATS_RUN_TEXT_H_
