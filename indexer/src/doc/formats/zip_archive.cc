#include "doc/formats/zip_archive.h"

#include <zip.h>

#include <stdexcept>

namespace vanban::doc {
namespace {

// XML parts of real DOCX and ODT files deflate 5-20 times (python-docx,
// LibreOffice and Word output); deflate itself cannot exceed about 1032.
// A part that claims more than this is a bomb, once it is big enough to
// matter.
constexpr std::uint64_t kMaxCompressionRatio = 200;
constexpr std::uint64_t kRatioCheckFromBytes = std::uint64_t{1} << 20;
// Parts are inflated in chunks of this size, so a part whose header lies
// about its size is cut at the limit, not after.
constexpr std::size_t kReadChunkBytes = 64 << 10;

std::string zip_reason(zip_error_t* error) { return zip_error_strerror(error); }

// libzip failing where only the environment can be at fault (memory).
[[noreturn]] void throw_libzip(const std::string& reason) {
  throw std::runtime_error("libzip: " + reason);
}
[[noreturn]] void throw_libzip(zip_error_t* error) {
  const std::string reason = zip_reason(error);
  zip_error_fini(error);
  throw_libzip(reason);
}

struct FileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

Status too_large(const std::string& name, std::uint64_t size, std::uint64_t max_bytes) {
  return Status::too_large("zip bomb", name + " unpacks to more than " + std::to_string(max_bytes) +
                                           " bytes (" + std::to_string(size) + ")");
}

// Reads an opened part in chunks, at most `max_bytes`.
Result<std::string> read_bounded(zip_file_t* file, const std::string& name,
                                 std::uint64_t max_bytes) {
  std::string out;
  std::string chunk(kReadChunkBytes, '\0');
  for (;;) {
    const zip_int64_t n = zip_fread(file, chunk.data(), chunk.size());
    if (n < 0) return Status::corruption("broken zip", name + ": " + zip_file_strerror(file));
    if (n == 0) return out;
    out.append(chunk.data(), static_cast<std::size_t>(n));
    if (out.size() > max_bytes) return too_large(name, out.size(), max_bytes);
  }
}

}  // namespace

void ZipDiscard::operator()(zip* archive) const { zip_discard(archive); }

ZipArchive::ZipArchive(std::unique_ptr<zip, ZipDiscard> archive) : archive_(std::move(archive)) {}
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

Result<ZipArchive> ZipArchive::open(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) throw_libzip(&error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    zip_source_free(source);  // still ours when opening failed
    Status status = Status::corruption("broken zip", zip_reason(&error));
    zip_error_fini(&error);
    return status;
  }
  zip_error_fini(&error);
  return ZipArchive(std::unique_ptr<zip, ZipDiscard>(archive));
}

bool ZipArchive::has(const std::string& name) const {
  return zip_name_locate(archive_.get(), name.c_str(), 0) >= 0;
}

std::vector<std::string> ZipArchive::names() const {
  std::vector<std::string> out;
  const zip_int64_t n = zip_get_num_entries(archive_.get(), 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(archive_.get(), static_cast<zip_uint64_t>(i), 0);
    if (name != nullptr) out.emplace_back(name);
  }
  return out;
}

Result<std::string> ZipArchive::read(const std::string& name, std::uint64_t max_bytes) const {
  const zip_int64_t index = zip_name_locate(archive_.get(), name.c_str(), 0);
  if (index < 0) return Status::not_found("missing part", name);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(archive_.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0) {
    return Status::corruption("broken zip", name + ": " + zip_strerror(archive_.get()));
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
    return Status::not_supported("encrypted", name + " is encrypted");
  }
  if ((st.valid & ZIP_STAT_SIZE) && st.size > max_bytes) return too_large(name, st.size, max_bytes);
  if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) &&
      st.size >= kRatioCheckFromBytes && st.size > kMaxCompressionRatio * st.comp_size) {
    return Status::too_large("zip bomb", name + " claims " + std::to_string(st.size) +
                                             " bytes from " + std::to_string(st.comp_size));
  }
  const std::unique_ptr<zip_file_t, FileCloser> file(
      zip_fopen_index(archive_.get(), static_cast<zip_uint64_t>(index), 0));
  if (!file) return Status::corruption("broken zip", name + ": " + zip_strerror(archive_.get()));
  return read_bounded(file.get(), name, max_bytes);
}

void ZipWriter::SourceFree::operator()(zip_source* source) const { zip_source_free(source); }

ZipWriter::ZipWriter() {
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source, SourceFree> buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) throw_libzip(&error);
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw_libzip(&error);
  // The archive now holds the buffer's one reference and frees it when
  // closed; this one keeps the buffer for finish() to read.
  zip_source_keep(buffer.get());
  zip_error_fini(&error);
  buffer_ = std::move(buffer);
  archive_.reset(archive);
}

ZipWriter::ZipWriter(ZipWriter&&) noexcept = default;
ZipWriter& ZipWriter::operator=(ZipWriter&&) noexcept = default;
ZipWriter::~ZipWriter() = default;

void ZipWriter::add(const std::string& name, std::string bytes) {
  const std::string& part = parts_.emplace_back(std::move(bytes));
  zip_source_t* source = zip_source_buffer(archive_.get(), part.data(), part.size(), 0);
  if (source == nullptr) throw_libzip(zip_strerror(archive_.get()));
  if (zip_file_add(archive_.get(), name.c_str(), source, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) {
    zip_source_free(source);  // still ours when adding failed
    throw_libzip(zip_strerror(archive_.get()));
  }
}

std::string ZipWriter::finish() && {
  if (zip_close(archive_.get()) != 0) throw_libzip(zip_strerror(archive_.get()));
  archive_.release();  // zip_close freed it
  zip_source_t* buffer = buffer_.get();
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(buffer, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
      zip_source_open(buffer) != 0) {
    throw_libzip(zip_error_strerror(zip_source_error(buffer)));
  }
  std::string out(st.size, '\0');
  const zip_int64_t n = zip_source_read(buffer, out.data(), out.size());
  zip_source_close(buffer);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) throw_libzip("short read of the written archive");
  parts_.clear();
  return out;
}

}  // namespace vanban::doc
