#include "file_reply.h"

#include <fstream>
#include <memory>
#include <vector>

#include "routes.h"
#include "vanban/text/normalize.h"

namespace vanban::http {
namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;

// Letters and digits as they are, the bytes of `kept` too, the rest %XX.
std::string percent_encode(std::string_view bytes, std::string_view kept) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || kept.find(ch) != std::string_view::npos) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// The name folded to printable ASCII without '"' or '\\' ("Công văn" ->
// "cong van"); '_' for anything else.
std::string ascii_fallback(std::string_view file_name) {
  std::string out;
  for (const char ch : text::fold(file_name)) {
    const auto c = static_cast<unsigned char>(ch);
    out += c >= 0x20 && c < 0x7F && ch != '"' && ch != '\\' ? ch : '_';
  }
  return out;
}

}  // namespace

std::string encode_path_segment(std::string_view id) { return percent_encode(id, "-._~"); }

std::string content_disposition(std::string_view file_name, bool show_inline) {
  return std::string(show_inline ? "inline" : "attachment") + "; filename=\"" +
         ascii_fallback(file_name) + "\"; filename*=UTF-8''" +
         percent_encode(file_name, "!#$&+-.^_`|~");  // RFC 5987 attr-char
}

void reply_file(httplib::Response& res, const search::OriginalFile& file) {
  auto in = std::make_shared<std::ifstream>(file.path, std::ios::binary);
  if (!*in) {
    return reply_error(res, Status::not_found("original file not available", file.file_name));
  }
  res.status = 200;
  res.set_header("Content-Disposition", content_disposition(file.file_name, file.show_inline));
  // The page's policy (set on every answer) is not this file's. A file a
  // browser shows in place (PDF, image, text) gets none: a sandboxed
  // document may not run the browser's PDF viewer. Anything else (a saved
  // web page, an office file) must not run as this site even if a browser
  // ignores the attachment: sandboxed, no scripts, a unique origin.
  res.headers.erase("Content-Security-Policy");
  if (!file.show_inline) res.set_header("Content-Security-Policy", "sandbox; default-src 'none'");
  res.set_content_provider(
      file.size, file.content_type,
      [in](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        std::vector<char> buf(std::min(length, kChunkBytes));
        in->seekg(static_cast<std::streamoff>(offset));
        in->read(buf.data(), static_cast<std::streamsize>(buf.size()));
        const std::streamsize got = in->gcount();
        if (got <= 0) return false;  // the file shrank: end the answer
        sink.write(buf.data(), static_cast<std::size_t>(got));
        return true;
      });
}

}  // namespace vanban::http
