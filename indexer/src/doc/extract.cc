#include "vanban/doc/extract.h"

#include <magic.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <stdexcept>

#include "doc/formats/doc.h"
#include "doc/formats/docx.h"
#include "doc/formats/html.h"
#include "doc/formats/ocr.h"
#include "doc/formats/odt.h"
#include "doc/formats/pdf.h"
#include "doc/formats/plain_text.h"
#include "doc/formats/zip_archive.h"
#include "vanban/text/normalize.h"

namespace vanban::doc {
namespace {

// libmagic decides from the first bytes; its own default reads up to
// 1 MiB, and a DOCX's part names are in the first kilobytes.
constexpr std::size_t kLibmagicReadBytes = 1 << 20;
// HTML declares itself in its first bytes (<!DOCTYPE html>, <html>).
constexpr std::size_t kHtmlSniffBytes = 1024;

struct MagicCloser {
  void operator()(magic_set* m) const { magic_close(m); }
};

// libmagic handles are not thread-safe and loading the database takes
// milliseconds: one per thread, kept.
magic_set* magic_handle() {
  thread_local const std::unique_ptr<magic_set, MagicCloser> handle = [] {
    std::unique_ptr<magic_set, MagicCloser> m(magic_open(MAGIC_MIME_TYPE));
    if (!m || magic_load(m.get(), nullptr) != 0) {
      throw std::runtime_error(std::string("libmagic: cannot load its database: ") +
                               (m ? magic_error(m.get()) : "magic_open failed"));
    }
    return m;
  }();
  return handle.get();
}

std::string mime_type(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kLibmagicReadBytes);
  const char* mime = magic_buffer(magic_handle(), head.data(), head.size());
  return mime == nullptr ? std::string() : std::string(mime);
}

std::string extension(std::string_view file_name) {
  const auto slash = file_name.find_last_of("/\\");
  if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  const auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return {};
  std::string ext(file_name.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return ext;
}

// A ZIP is a DOCX or an ODT by its parts; the extension breaks the tie of
// a broken archive.
Format zip_format(std::string_view bytes, const std::string& ext) {
  if (Result<ZipArchive> zip = ZipArchive::open(bytes)) {
    if (zip->has("word/document.xml")) return Format::kDocx;
    if (zip->has("content.xml")) return Format::kOdt;
  }
  if (ext == "docx") return Format::kDocx;
  if (ext == "odt") return Format::kOdt;
  return Format::kBinary;
}

Format ole_format(std::string_view bytes, const std::string& ext) {
  if (is_encrypted_ooxml(bytes)) return Format::kDocx;  // reported as encrypted
  if (is_word97(bytes) || ext == "doc") return Format::kDoc;
  return Format::kBinary;
}

bool starts_with_any(const std::string& s, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return s.starts_with(p); });
}

// The signatures of the containers vanban reads, checked before libmagic:
// they decide as libmagic would, without its cost.
std::optional<Format> by_signature(std::string_view bytes, const std::string& ext) {
  if (bytes.starts_with("PK\x03\x04")) return zip_format(bytes, ext);
  if (is_ole_file(bytes)) return ole_format(bytes, ext);
  if (bytes.starts_with("%PDF-")) return Format::kPdf;
  if (bytes.starts_with("\x89PNG\r\n\x1A\n") || bytes.starts_with("\xFF\xD8\xFF") ||
      bytes.starts_with(std::string_view("II*\0", 4)) || bytes.starts_with(std::string_view("MM\0*", 4))) {
    return Format::kImage;
  }
  return std::nullopt;
}

// Text that starts as HTML does: "<!DOCTYPE html", "<html", "<head".
bool looks_like_html(std::string_view bytes) {
  std::string head(bytes.substr(0, kHtmlSniffBytes));
  std::transform(head.begin(), head.end(), head.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  const auto first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string::npos || head[first] != '<') return false;
  return head.find("<!doctype html") != std::string::npos || head.find("<html") != std::string::npos ||
         head.find("<head") != std::string::npos || head.find("<body") != std::string::npos;
}

bool is_html_name(const std::string& ext) {
  return ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml";
}

Format format_of_mime(const std::string& mime, std::string_view bytes, const std::string& ext) {
  if (mime.starts_with("application/vnd.openxmlformats-officedocument.wordprocessingml")) return Format::kDocx;
  if (mime.starts_with("application/vnd.oasis.opendocument.text")) return Format::kOdt;
  if (mime == "application/pdf") return Format::kPdf;
  if (mime == "image/png" || mime == "image/jpeg" || mime == "image/tiff") return Format::kImage;
  if (mime == "text/html" || mime == "application/xhtml+xml") return Format::kHtml;
  if (starts_with_any(mime, {"text/", "application/xml", "application/x-empty", "application/json"}) ||
      looks_like_text(bytes)) {
    return is_html_name(ext) ? Format::kHtml : Format::kText;
  }
  return Format::kBinary;
}

// What every format's text goes through: NFC, "\n" line ends, the size
// bound, and a file without text is "empty".
// NFC and "\n" line ends, page by page when the text has pages, so that
// each page's offset still points at its start.
void normalize_text(Extracted& out) {
  if (out.page_starts.empty()) {
    out.text = text::to_nfc(normalize_newlines(std::move(out.text)));
    return;
  }
  std::string text;
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < out.page_starts.size(); ++i) {
    const std::size_t from = std::min(out.page_starts[i], out.text.size());
    const std::size_t to = i + 1 < out.page_starts.size()
                               ? std::min(out.page_starts[i + 1], out.text.size())
                               : out.text.size();
    starts.push_back(text.size());
    text += text::to_nfc(normalize_newlines(out.text.substr(from, to > from ? to - from : 0)));
  }
  out.text = std::move(text);
  out.page_starts = std::move(starts);
}

Result<Extracted> finish(Result<Extracted> extracted, const ExtractOptions& options) {
  if (!extracted) return extracted;
  Extracted& out = *extracted;
  normalize_text(out);
  if (out.text.size() > options.max_text_bytes) {
    return Status::too_large("text too large", std::to_string(out.text.size()) +
                                                   " bytes of text, over the limit of " +
                                                   std::to_string(options.max_text_bytes));
  }
  if (out.text.find_first_not_of(" \t\n\f\v") == std::string::npos) {
    return Status::corruption("empty", "no text in the " + out.format + " file");
  }
  for (auto& [key, value] : out.properties) value = text::to_nfc(value);
  return extracted;
}

}  // namespace

Format detect_format(std::string_view bytes, std::string_view file_name) {
  if (bytes.empty()) return Format::kText;  // extract() reports it as empty
  const std::string ext = extension(file_name);
  if (const std::optional<Format> format = by_signature(bytes, ext)) return *format;
  // libmagic takes 10-17 ms to classify 10 KB of 8-bit text (its encoding
  // and regex tests; measured on the TCVN3 fixtures), more than reading
  // it: text, which libmagic would call text/plain or text/html, is told
  // by its bytes, and libmagic names everything else.
  if (looks_like_text(bytes)) {
    return looks_like_html(bytes) || is_html_name(ext) ? Format::kHtml : Format::kText;
  }
  return format_of_mime(mime_type(bytes), bytes, ext);
}

Result<Extracted> extract_plain_text(std::string_view bytes, const ExtractOptions& options) {
  return finish(extract_text(bytes, options), options);
}

Result<Extracted> extract(std::string_view bytes, std::string_view file_name,
                          const ExtractOptions& options) {
  switch (detect_format(bytes, file_name)) {
    case Format::kText:
      return finish(extract_text(bytes, options), options);
    case Format::kDocx:
      return finish(extract_docx(bytes, options), options);
    case Format::kOdt:
      return finish(extract_odt(bytes, options), options);
    case Format::kDoc:
      return finish(extract_doc(bytes, options), options);
    case Format::kHtml:
      return finish(extract_html(bytes, options), options);
    case Format::kPdf:
      return finish(extract_pdf(bytes, options), options);
    case Format::kImage:
      return finish(extract_image(bytes, options), options);
    case Format::kBinary:
    case Format::kUnknown:
      break;
  }
  return Status::not_supported("binary", "not text nor a document format vanban reads (" +
                                             mime_type(bytes) + ")");
}

}  // namespace vanban::doc
