#include "vanban/doc/loader.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <istream>
#include <set>
#include <nlohmann/json.hpp>
#include <system_error>

#include "vanban/doc/chrome.h"
#include "vanban/doc/markdown.h"
#include "vanban/doc/gazette.h"
#include "vanban/doc/metadata.h"
#include "vanban/doc/title.h"
#include "vanban/text/chars.h"
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

// Stable reasons (see loader.h).
constexpr char kUnreadable[] = "unreadable";
constexpr char kTooLarge[] = "too large";

// What walking one directory argument found.
struct DirectoryWalk {
  std::vector<InputFile> files;
  bool complete = true;
};

void add_broken_link(const fs::path& p, const fs::path& root, const std::string& root_key,
                     InputListing& out) {
  std::error_code ec;
  out.problems.push_back({p.string(), Status::io_error(kUnreadable, "broken symbolic link")});
  out.unreadable.emplace_back(root_key, fs::relative(p, root, ec).generic_string());
}

// Walks `start` (`root` or a directory under it) recursively, with ids
// relative to `root`. An entry that cannot be read (a directory without
// permission) makes the walk incomplete rather than silently shorter, so
// that no document under it is taken for deleted.
DirectoryWalk walk_directory(const fs::path& start, const fs::path& root,
                             const std::string& root_key, InputListing& out) {
  DirectoryWalk walk;
  std::error_code ec;
  fs::recursive_directory_iterator it(start, ec);
  if (ec) {
    out.problems.push_back({start.string(), Status::io_error(kUnreadable, ec.message())});
    walk.complete = false;
    return walk;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      out.problems.push_back({it->path().string(), Status::io_error(kUnreadable, ec.message())});
      walk.complete = false;
      ec.clear();
      continue;
    }
    const fs::path& p = it->path();
    std::error_code fec;
    if (is_hidden(p)) {
      if (it->is_directory(fec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_symlink(fec) && !fs::exists(it->status(fec))) {
      add_broken_link(p, root, root_key, out);
      continue;
    }
    if (!it->is_regular_file(fec)) continue;  // directories, sockets, devices
    walk.files.push_back({p, fs::relative(p, root, fec).generic_string(), root_key,
                          has_jsonl_extension(p), it->file_size(fec)});
  }
  return walk;
}

// A JSONL file is its own collection, whose lines carry their ids: its own
// root, all of which its listing covers.
void add_input(InputFile&& f, InputListing& out) {
  if (f.jsonl) {
    f.root_key = absolute_key(f.path);
    out.scopes.push_back({f.root_key, {}});
  }
  out.files.push_back(std::move(f));
}

void list_directory(const fs::path& start, const fs::path& root, const std::string& root_key,
                    InputListing& out) {
  DirectoryWalk walk = walk_directory(start, root, root_key, out);
  if (!walk.complete) out.incomplete_roots.push_back(root_key);
  std::sort(walk.files.begin(), walk.files.end(),
            [](const InputFile& a, const InputFile& b) { return a.id < b.id; });
  for (InputFile& f : walk.files) add_input(std::move(f), out);
}

// A PATH argument that exists, as its files are listed under it.
struct Root {
  fs::path arg;
  std::string key;  // absolute_key(arg)
  bool directory = false;
};

// The arguments that exist; the others are reported as not found.
std::vector<Root> existing_roots(const std::vector<std::string>& paths, InputListing& out) {
  std::vector<Root> roots;
  for (const std::string& arg : paths) {
    const fs::path root(arg);
    std::error_code ec;
    const fs::file_status st = fs::status(root, ec);
    if (ec || !fs::exists(st)) {
      out.problems.push_back({arg, Status::not_found("not found", "no such file or directory")});
    } else if (fs::is_regular_file(st) || fs::is_directory(st)) {
      roots.push_back({root, absolute_key(root), fs::is_directory(st)});
    } else {
      out.problems.push_back(
          {arg, Status::io_error(kUnreadable, "not a regular file or directory")});
    }
  }
  return roots;
}

// Everything under one argument, as a full run reads it.
void list_root(const Root& root, InputListing& out) {
  out.scopes.push_back({root.key, {}});
  if (root.directory) return list_directory(root.arg, root.arg, root.key, out);
  std::error_code ec;
  add_input({root.arg, root.arg.filename().generic_string(), root.key,
             has_jsonl_extension(root.arg), fs::file_size(root.arg, ec)},
            out);
}

bool is_under(std::string_view path, std::string_view dir) {
  return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 &&
         path[dir.size()] == '/';
}

// The argument `key` is under (the innermost one), or null.
const Root* root_of(const std::vector<Root>& roots, const std::string& key) {
  const Root* best = nullptr;
  for (const Root& r : roots) {
    const bool contains = key == r.key || (r.directory && is_under(key, r.key));
    if (contains && (best == nullptr || r.key.size() > best->key.size())) best = &r;
  }
  return best;
}

// The changed paths as absolute keys, without those inside another one.
std::vector<std::string> outermost_keys(const std::vector<std::string>& changed) {
  std::set<std::string> keys;
  for (const std::string& c : changed) keys.insert(absolute_key(c));
  std::vector<std::string> out;
  for (const std::string& k : keys) {
    bool inside = false;
    for (fs::path p = fs::path(k).parent_path(); !inside && p.has_relative_path();
         p = p.parent_path()) {
      inside = keys.count(p.generic_string()) > 0;
    }
    if (!inside) out.push_back(k);
  }
  return out;
}

// One changed path `key` under `root`, existing or gone.
void list_change(const Root& root, const std::string& key, InputListing& out) {
  if (key == root.key) return list_root(root, out);
  const fs::path rel = fs::path(key).lexically_relative(root.key);
  for (const fs::path& part : rel) {
    if (is_hidden(part)) return;  // never indexed
  }
  const fs::path path = root.arg / rel;  // spelled as a full run spells it
  out.scopes.push_back({root.key, rel.generic_string()});
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (fs::is_symlink(fs::symlink_status(path, ec)) && !fs::exists(st)) {
    add_broken_link(path, root.arg, root.key, out);
  } else if (fs::is_regular_file(st)) {
    add_input({path, rel.generic_string(), root.key, has_jsonl_extension(path),
               fs::file_size(path, ec)},
              out);
  } else if (fs::is_directory(st) && !fs::is_symlink(fs::symlink_status(path, ec))) {
    list_directory(path, root.arg, root.key, out);
  } else if (!fs::exists(st) && has_jsonl_extension(path)) {
    out.scopes.push_back({key, {}});  // a collection deleted: all its lines
  }
}

// Opening a directory or a device that replaced a listed file succeeds on
// Linux, and reading it yields nothing: refuse it rather than read it as
// an empty file.
Status check_still_regular(const InputFile& file) {
  std::error_code ec;
  if (!fs::exists(file.path, ec)) return Status::io_error(kUnreadable, "cannot open for reading");
  if (!fs::is_regular_file(file.path, ec)) {
    return Status::io_error(kUnreadable, "no longer a regular file");
  }
  return Status::ok();
}

Result<std::string> read_whole_file(const InputFile& file, const LoadOptions& options) {
  if (Status s = check_still_regular(file); !s.is_ok()) return s;
  if (file.size > options.max_document_bytes) {
    return Status::too_large(kTooLarge, std::to_string(file.size) + " bytes, over the limit of " +
                                            std::to_string(options.max_document_bytes) +
                                            " (--max-doc-bytes)");
  }
  std::ifstream in(file.path, std::ios::binary);
  if (!in) return Status::io_error(kUnreadable, "cannot open for reading");
  std::string bytes;
  bytes.resize(static_cast<std::size_t>(file.size));
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return Status::io_error(kUnreadable, "read error");
  // The file may have grown since it was listed: read what is there now,
  // within the limit.
  if (in.peek() != std::char_traits<char>::eof()) {
    return Status::too_large(kTooLarge, "file grew while being read");
  }
  return bytes;
}

// Reads one line from `in` into `line` without its '\n', keeping at most
// `max_bytes`: a longer line is consumed to its end and reported through
// `too_long`, so one huge line cannot take unbounded memory. Counts the
// bytes consumed into `bytes_read`. False at the end of the input.
bool read_bounded_line(std::streambuf& in, std::uintmax_t max_bytes, std::string& line,
                       bool& too_long, std::uintmax_t& bytes_read) {
  line.clear();
  too_long = false;
  bool any = false;
  for (;;) {
    const int c = in.sbumpc();
    if (c == std::char_traits<char>::eof()) return any;
    any = true;
    ++bytes_read;
    if (c == '\n') return true;
    if (line.size() < max_bytes) {
      line.push_back(static_cast<char>(c));
    } else {
      too_long = true;
    }
  }
}

// The value of "id" in a JSONL line that does not parse (truncated, or a
// stray character after it): a string or an integer right after `"id":`.
std::string salvage_id(std::string_view line) {
  const auto key = line.find("\"id\"");
  if (key == std::string_view::npos) return {};
  std::size_t i = line.find_first_not_of(" \t", key + 4);
  if (i == std::string_view::npos || line[i] != ':') return {};
  i = line.find_first_not_of(" \t", i + 1);
  if (i == std::string_view::npos) return {};
  if (line[i] == '"') {
    const auto end = line.find('"', i + 1);
    const std::string_view id = line.substr(i + 1, end == std::string_view::npos ? 0 : end - i - 1);
    // An escaped quote inside the id: too odd to trust.
    return end == std::string_view::npos || id.find('\\') != std::string_view::npos
               ? std::string()
               : std::string(id);
  }
  const auto end = line.find_first_not_of("0123456789", i);
  return std::string(line.substr(i, (end == std::string_view::npos ? line.size() : end) - i));
}

// "3,1200,2405": numbers for a metadata field.
template <typename Number>
std::string comma_list(const std::vector<Number>& values) {
  std::string out;
  for (const Number v : values) out += (out.empty() ? "" : ",") + std::to_string(v);
  return out;
}

// The text and what the format layer says about the file, into a record;
// returns the byte offsets where its pages start (none for a text without
// pages). Chrome lines are a web page's and Markdown marks a converter's
// (doc/markdown.h): a PDF's text is left whole here,
// its page furniture goes later with its pages kept in step.
std::vector<std::size_t> take_extracted(Extracted&& e, DocumentRecord& r) {
  const bool paged = !e.page_starts.empty();
  r.text = paged ? std::move(e.text) : strip_markdown(strip_boilerplate(e.text));
  r.metadata["format"] = e.format;
  if (!e.ocr_pages.empty()) {
    r.metadata["ocr_pages"] = comma_list(e.ocr_pages);
    char confidence[16];
    std::snprintf(confidence, sizeof confidence, "%.1f", e.ocr_confidence);
    r.metadata["ocr_confidence"] = confidence;
  }
  for (auto& [key, value] : e.properties) r.metadata.emplace("file_" + key, std::move(value));
  std::string warnings;
  for (const std::string& w : e.warnings) warnings += (warnings.empty() ? "" : "; ") + w;
  if (!warnings.empty()) r.metadata[kExtractWarnings] = std::move(warnings);
  return std::move(e.page_starts);
}

// The text of one document of an input made ready: the issue it was
// printed in noted, page furniture removed (page offsets moved along),
// header fields read.
void finish_record(DocumentRecord& r, std::vector<std::size_t> page_bytes) {
  if (std::string issue = gazette_issue(r.text); !issue.empty()) {
    r.metadata.emplace("gazette", std::move(issue));
  }
  r.text = strip_page_furniture(r.text, page_bytes.empty() ? nullptr : &page_bytes);
  if (!page_bytes.empty()) {
    r.metadata["page_starts"] = comma_list(text::code_point_offsets(r.text, page_bytes));
  }
  fill_metadata(r);
}

// Document `number` (1-based) of an input split at `part`: its own text,
// pages and header fields; the input's metadata, its title kept as
// "given_title" (it was the whole issue's), and what ties it to the input:
// "part_of" (the input's id) and "part".
DocumentRecord part_record(const DocumentRecord& input, const GazettePart& part, std::size_t number,
                           const std::vector<std::size_t>& page_bytes) {
  DocumentRecord r;
  r.id = input.id + "#" + std::to_string(number);
  r.source = input.source;
  r.text = input.text.substr(part.begin, part.end - part.begin);
  r.metadata = input.metadata;
  if (!input.title.empty()) r.metadata.emplace("given_title", input.title);
  r.metadata["part_of"] = input.id;
  r.metadata["part"] = std::to_string(number);
  std::vector<std::size_t> own_pages;
  for (const std::size_t b : page_bytes) {
    if (b >= part.begin && b < part.end) own_pages.push_back(b - part.begin);
  }
  finish_record(r, std::move(own_pages));
  return r;
}

// Titles of a JSONL file and how many lines carry each, read in a first
// pass that stops parsing each line once its top-level "title" is read
// (collections put it before the long "text"). Unreadable and malformed
// lines are left to the second pass to report.
class TitleSax : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t& v) override {
    if (in_title_) title = std::move(v);
    return value();
  }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override { return ++depth_, value(); }
  bool end_object() override { return --depth_, true; }
  bool start_array(std::size_t) override { return ++depth_, value(); }
  bool end_array() override { return --depth_, true; }
  bool key(string_t& k) override {
    in_title_ = depth_ == 1 && k == "title";
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

  std::optional<std::string> title;

 private:
  // Parsing stops (false) once the title is read.
  bool value() {
    in_title_ = false;
    return !title.has_value();
  }
  int depth_ = 0;
  bool in_title_ = false;
};

TitleCounts count_titles(const InputFile& file, const LoadOptions& options) {
  TitleCounts counts;
  std::ifstream in(file.path, std::ios::binary);
  std::string line;
  bool too_long = false;
  std::uintmax_t bytes = 0;
  while (in && read_bounded_line(*in.rdbuf(), options.max_document_bytes, line, too_long, bytes)) {
    TitleSax sax;
    if (too_long) continue;
    nlohmann::json::sax_parse(line, &sax, nlohmann::json::input_format_t::json, false);
    if (sax.title) counts.add(text::to_nfc(decode_character_references(*sax.title)));
  }
  return counts;
}

std::string json_id(const nlohmann::json& j) {
  const auto id = j.find("id");
  if (id != j.end() && id->is_string()) return id->get<std::string>();
  if (id != j.end() && id->is_number_integer()) return std::to_string(id->get<long long>());
  return {};
}

// The label fields of a JSONL object ("topic", "category"): a title equal
// to one is no title of its own.
std::vector<std::string> label_fields(const nlohmann::json& j) {
  std::vector<std::string> out;
  for (const char* key : {"topic", "category"}) {
    const auto it = j.find(key);
    if (it != j.end() && it->is_string()) out.push_back(text::to_nfc(it->get<std::string>()));
  }
  return out;
}

// The input record of one parsed JSONL object, before it is split and its
// header read. A given title that does not tell it apart (title.h) is kept
// as "given_title" only.
Result<DocumentRecord> input_from_json(const nlohmann::json& j, std::string where,
                                       const TitleCounts& titles) {
  DocumentRecord r;
  r.id = json_id(j);
  if (r.id.empty()) return Status::corruption("missing field", "no \"id\"");
  const auto body = j.find("text");
  if (body == j.end() || !body->is_string()) {
    return Status::corruption("missing field", "no \"text\" string");
  }
  Result<Extracted> text = extract_plain_text(body->get<std::string>(), {});
  if (!text) return text.status();
  r.text = strip_markdown(strip_boilerplate(text->text));
  for (const auto& [key, value] : j.items()) {
    if (key == "id" || key == "text" || !value.is_string()) continue;
    std::string v = text::to_nfc(value.get<std::string>());
    if (key == "title") {
      r.title = text::to_nfc(decode_character_references(v));
    } else {
      // JSONL metadata (symbol, type, date...) is often wrong in real
      // collections: keep it, but read the truth from the text.
      r.metadata.emplace(key, std::move(v));
    }
  }
  if (!r.title.empty() && is_generic_title(r.title, titles.count(r.title), label_fields(j))) {
    r.metadata["given_title"] = std::move(r.title);
    r.title.clear();
  }
  r.id = text::to_nfc(r.id);
  r.source = std::move(where);
  return r;
}

}  // namespace

InputListing list_inputs(const std::vector<std::string>& paths) {
  InputListing out;
  for (const Root& root : existing_roots(paths, out)) list_root(root, out);
  return out;
}

InputListing list_changed(const std::vector<std::string>& paths,
                          const std::vector<std::string>& changed) {
  InputListing out;
  const std::vector<Root> roots = existing_roots(paths, out);
  for (const std::string& key : outermost_keys(changed)) {
    if (const Root* root = root_of(roots, key)) {
      list_change(*root, key, out);
    } else {
      out.problems.push_back({key, Status::not_found("not under an indexed path")});
    }
  }
  return out;
}

Result<std::vector<DocumentRecord>> load_file(const InputFile& file, const LoadOptions& options) {
  Result<std::string> bytes = read_whole_file(file, options);
  if (!bytes) return bytes.status();
  Result<Extracted> extracted = extract(*bytes, file.path.filename().string(), options.extract);
  if (!extracted) return extracted.status();
  DocumentRecord r;
  r.id = file.id;
  r.source = file.path.string();
  std::vector<std::size_t> page_bytes = take_extracted(std::move(*extracted), r);
  return records_of_input(std::move(r), std::move(page_bytes));
}

std::vector<DocumentRecord> records_of_input(DocumentRecord input,
                                             std::vector<std::size_t> page_bytes) {
  const std::vector<GazettePart> parts = split_gazette(input.text);
  std::vector<DocumentRecord> out;
  if (parts.size() == 1) {
    finish_record(input, std::move(page_bytes));
    out.push_back(std::move(input));
    return out;
  }
  for (std::size_t k = 0; k < parts.size(); ++k) {
    out.push_back(part_record(input, parts[k], k + 1, page_bytes));
  }
  return out;
}

JsonlReader::JsonlReader(const InputFile& file, const LoadOptions& options)
    : file_(file), options_(options), in_(file.path, std::ios::binary) {
  status_ = check_still_regular(file);
  if (status_.is_ok() && !in_) status_ = Status::io_error(kUnreadable, "cannot open for reading");
  if (status_.is_ok()) titles_ = count_titles(file, options);
}

bool JsonlReader::read_line(std::string& line, bool& too_long) {
  const bool any = read_bounded_line(*in_.rdbuf(), options_.max_document_bytes, line, too_long,
                                     bytes_read_);
  if (!any) in_.setstate(std::ios::eofbit);
  return any;
}

std::optional<JsonlLine> JsonlReader::next() {
  if (!status_.is_ok()) return std::nullopt;
  std::string line;
  bool too_long = false;
  while (read_line(line, too_long)) {
    ++line_number_;
    if (!too_long && text::is_blank(line, true)) continue;
    JsonlLine out;
    out.number = line_number_;
    out.where = file_.path.string() + ":" + std::to_string(line_number_);
    if (too_long) {
      out.records = Status::too_large(
          kTooLarge, "line longer than the limit of " +
                         std::to_string(options_.max_document_bytes) + " bytes (--max-doc-bytes)");
    } else if (const auto bad = text::find_invalid_utf8(line)) {
      out.records = Status::corruption("invalid UTF-8", "at byte " + std::to_string(*bad));
    } else if (nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
               j.is_discarded() || !j.is_object()) {
      out.records = Status::corruption("malformed JSON", "not a JSON object");
    } else if (Result<DocumentRecord> input = input_from_json(j, out.where, titles_); input) {
      out.records = records_of_input(std::move(*input));
    } else {
      out.records = input.status();
    }
    if (!out.records) out.id = salvage_id(line);
    return out;
  }
  if (in_.bad()) {
    status_ = Status::io_error(kUnreadable, "read error");
  } else if (bytes_read_ < file_.size) {
    // Rewritten shorter, or truncated, since it was listed: what it held
    // past this point is unknown.
    status_ = Status::io_error(kUnreadable, "file shrank while being read");
  }
  return std::nullopt;
}

}  // namespace vanban::doc
