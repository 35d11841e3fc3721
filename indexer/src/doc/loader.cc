#include "vanban/doc/loader.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <istream>
#include <nlohmann/json.hpp>
#include <system_error>

#include "vanban/doc/metadata.h"
#include "vanban/text/normalize.h"
#include "vanban/text/utf8.h"

namespace fs = std::filesystem;

namespace vanban::doc {
namespace {

bool is_hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

bool has_jsonl_extension(const fs::path& p) { return p.extension() == ".jsonl"; }

std::string absolute_key(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(p, ec), ec);
  if (ec) abs = fs::absolute(p);
  return abs.generic_string();
}

// 1-based line number of byte `offset`.
std::size_t line_of(std::string_view s, std::size_t offset) {
  return 1 + static_cast<std::size_t>(
                 std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(
                                                       std::min(offset, s.size())),
                            '\n'));
}

bool only_whitespace(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
           c == '\v';
  });
}

std::string normalize_newlines(std::string s) {
  if (s.find('\r') == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Reads one line into `line` without its '\n', keeping at most `max` bytes:
// a longer line is consumed to its end and reported through `*too_long`,
// so one huge line cannot take unbounded memory. False at end of input.
bool read_line_bounded(std::istream& in, std::string& line, std::size_t max, bool* too_long) {
  line.clear();
  *too_long = false;
  std::streambuf* buf = in.rdbuf();
  bool any = false;
  for (;;) {
    const int c = buf->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in.setstate(std::ios::eofbit);
      return any;
    }
    any = true;
    if (c == '\n') return true;
    if (line.size() < max) {
      line.push_back(static_cast<char>(c));
    } else {
      *too_long = true;
    }
  }
}

}  // namespace

std::string_view to_string(SkipReason reason) {
  switch (reason) {
    case SkipReason::kNotFound: return "not found";
    case SkipReason::kUnreadable: return "unreadable";
    case SkipReason::kTooLarge: return "too large";
    case SkipReason::kEmpty: return "empty";
    case SkipReason::kBinary: return "binary";
    case SkipReason::kInvalidUtf8: return "invalid UTF-8";
    case SkipReason::kMalformedJson: return "malformed JSON";
    case SkipReason::kMissingField: return "missing field";
  }
  return "unknown";
}

std::vector<InputFile> list_inputs(const std::vector<std::string>& paths,
                                   std::vector<Skip>& skips) {
  std::vector<InputFile> out;
  for (const std::string& arg : paths) {
    const fs::path root(arg);
    std::error_code ec;
    const fs::file_status st = fs::status(root, ec);
    if (ec || !fs::exists(st)) {
      skips.push_back({SkipReason::kNotFound, arg, "no such file or directory"});
      continue;
    }
    const std::string root_key = absolute_key(root);
    if (fs::is_regular_file(st)) {
      out.push_back({root, root.filename().generic_string(), root_key,
                     has_jsonl_extension(root), fs::file_size(root, ec)});
      continue;
    }
    if (!fs::is_directory(st)) {
      skips.push_back({SkipReason::kUnreadable, arg, "not a regular file or directory"});
      continue;
    }
    std::vector<InputFile> found;
    fs::recursive_directory_iterator it(
        root, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      skips.push_back({SkipReason::kUnreadable, arg, ec.message()});
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        skips.push_back({SkipReason::kUnreadable, it->path().string(), ec.message()});
        ec.clear();
        continue;
      }
      const fs::path& p = it->path();
      if (is_hidden(p)) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      std::error_code fec;
      if (it->is_symlink(fec) && !fs::exists(it->status(fec))) {
        skips.push_back({SkipReason::kUnreadable, p.string(), "broken symbolic link"});
        continue;
      }
      if (!it->is_regular_file(fec)) continue;  // directories, sockets, devices
      found.push_back({p, fs::relative(p, root, fec).generic_string(), root_key,
                       has_jsonl_extension(p), it->file_size(fec)});
    }
    std::sort(found.begin(), found.end(),
              [](const InputFile& a, const InputFile& b) { return a.id < b.id; });
    for (InputFile& f : found) {
      // A JSONL file is its own collection: its lines carry their ids.
      if (f.jsonl) f.root_key = absolute_key(f.path);
      out.push_back(std::move(f));
    }
  }
  return out;
}

std::optional<std::string> decode_text(std::string_view bytes, Skip* skip) {
  auto fail = [&](SkipReason reason, std::string detail) {
    if (skip) {
      skip->reason = reason;
      skip->detail = std::move(detail);
    }
    return std::nullopt;
  };
  std::string text;
  if (bytes.size() >= 2 &&
      ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
       (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    // UTF-16 with a byte-order mark: Windows editors save text this way.
    const char* codepage = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    if (bytes.size() % 2 != 0) {
      return fail(SkipReason::kInvalidUtf8, "odd number of bytes in UTF-16 text");
    }
    const icu::UnicodeString u(bytes.data() + 2,
                               static_cast<int32_t>(bytes.size() - 2), codepage);
    if (u.isBogus() || u.indexOf(static_cast<char16_t>(0xFFFD)) >= 0) {
      return fail(SkipReason::kInvalidUtf8, "malformed UTF-16 text");
    }
    u.toUTF8String(text);
  } else {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
      bytes.remove_prefix(3);
    }
    text.assign(bytes);
  }
  if (const auto nul = text.find('\0'); nul != std::string::npos) {
    // Binary files are full of NUL bytes; text extracted from PDFs can
    // carry a few stray ones (checkbox glyphs), which become spaces.
    const auto count = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\0'));
    // More than one per thousand bytes, or one at the very start (file
    // magic numbers), means binary.
    if (nul < 16 || count > 1 + text.size() / 1000) {
      return fail(SkipReason::kBinary, std::to_string(count) + " NUL bytes (first at offset " +
                                           std::to_string(nul) + "): not a text file");
    }
    std::replace(text.begin(), text.end(), '\0', ' ');
  }
  if (const auto bad = text::find_invalid_utf8(text)) {
    return fail(SkipReason::kInvalidUtf8,
                "invalid UTF-8 at byte " + std::to_string(*bad) + " (line " +
                    std::to_string(line_of(text, *bad)) + ")");
  }
  if (only_whitespace(text)) return fail(SkipReason::kEmpty, "no text");
  return text::to_nfc(normalize_newlines(std::move(text)));
}

std::optional<DocumentRecord> load_text_file(const InputFile& file,
                                             const LoadOptions& options,
                                             Skip* skip) {
  const std::string where = file.path.string();
  auto fail = [&](SkipReason reason, std::string detail) {
    if (skip) *skip = {reason, where, std::move(detail)};
    return std::nullopt;
  };
  if (file.size > options.max_document_bytes) {
    return fail(SkipReason::kTooLarge,
                std::to_string(file.size) + " bytes, over the limit of " +
                    std::to_string(options.max_document_bytes) +
                    " (--max-doc-bytes)");
  }
  std::ifstream in(file.path, std::ios::binary);
  if (!in) return fail(SkipReason::kUnreadable, "cannot open for reading");
  std::string bytes;
  bytes.resize(static_cast<std::size_t>(file.size));
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return fail(SkipReason::kUnreadable, "read error");
  // The file may have grown since it was listed: read what is there now,
  // within the limit.
  if (in.peek() != std::char_traits<char>::eof()) {
    return fail(SkipReason::kTooLarge, "file grew while being read");
  }

  Skip why;
  std::optional<std::string> text = decode_text(bytes, &why);
  if (!text) return fail(why.reason, why.detail);

  DocumentRecord r;
  r.id = file.id;
  r.text = strip_boilerplate(*text);
  r.source = where;
  fill_metadata(r);
  return r;
}

bool load_jsonl(const InputFile& file, const LoadOptions& options,
                const std::function<void(DocumentRecord&&)>& on_record,
                const std::function<void(Skip&&)>& on_skip, Skip* skip) {
  std::ifstream in(file.path, std::ios::binary);
  if (!in) {
    if (skip) *skip = {SkipReason::kUnreadable, file.path.string(), "cannot open for reading"};
    return false;
  }
  std::string line;
  std::size_t line_no = 0;
  bool too_long = false;
  while (read_line_bounded(in, line, options.max_document_bytes, &too_long)) {
    ++line_no;
    const std::string where = file.path.string() + ":" + std::to_string(line_no);
    if (too_long) {
      on_skip({SkipReason::kTooLarge, where,
               "line longer than the limit of " + std::to_string(options.max_document_bytes) +
                   " bytes (--max-doc-bytes)"});
      continue;
    }
    if (only_whitespace(line)) continue;
    if (const auto bad = text::find_invalid_utf8(line)) {
      on_skip({SkipReason::kInvalidUtf8, where,
               "invalid UTF-8 at byte " + std::to_string(*bad)});
      continue;
    }
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      on_skip({SkipReason::kMalformedJson, where, "not a JSON object"});
      continue;
    }
    DocumentRecord r;
    const auto id = j.find("id");
    if (id != j.end() && id->is_string()) {
      r.id = id->get<std::string>();
    } else if (id != j.end() && id->is_number_integer()) {
      r.id = std::to_string(id->get<long long>());
    }
    if (r.id.empty()) {
      on_skip({SkipReason::kMissingField, where, "no \"id\""});
      continue;
    }
    const auto body = j.find("text");
    if (body == j.end() || !body->is_string()) {
      on_skip({SkipReason::kMissingField, where, "no \"text\" string"});
      continue;
    }
    Skip why;
    std::optional<std::string> text = decode_text(body->get<std::string>(), &why);
    if (!text) {
      on_skip({why.reason, where, why.detail});
      continue;
    }
    r.text = strip_boilerplate(*text);
    for (const auto& [key, value] : j.items()) {
      if (key == "id" || key == "text" || !value.is_string()) continue;
      std::string v = text::to_nfc(value.get<std::string>());
      if (key == "title") {
        r.title = std::move(v);
      } else {
        // JSONL metadata (symbol, type, date...) is often wrong in real
        // collections: keep it, but read the truth from the text.
        r.metadata.emplace(key, std::move(v));
      }
    }
    r.id = text::to_nfc(r.id);
    r.source = where;
    fill_metadata(r);
    on_record(std::move(r));
  }
  if (in.bad()) {
    if (skip) *skip = {SkipReason::kUnreadable, file.path.string(), "read error"};
    return false;
  }
  return true;
}

}  // namespace vanban::doc
