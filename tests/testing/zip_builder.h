// Test helper: a ZIP container (a DOCX, an ODT) built in memory with
// libzip, so that a format test states the XML it reads next to what it
// expects. Throws std::runtime_error if libzip fails (a test bug).
#ifndef VANBAN_TESTS_TESTING_ZIP_BUILDER_H_
#define VANBAN_TESTS_TESTING_ZIP_BUILDER_H_

#include <zip.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace vanban::testing {

struct ZipPart {
  std::string name;   // "word/document.xml"
  std::string bytes;  // its content
  bool stored = false;              // kept uncompressed (ODT's "mimetype")
  const char* password = nullptr;   // set: the part is AES-256 encrypted
};

struct ZipSourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};

// The bytes of a ZIP archive holding `parts`, in order.
inline std::string make_zip(const std::vector<ZipPart>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  const std::unique_ptr<zip_source_t, ZipSourceFree> buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) throw std::runtime_error("zip_source_buffer_create");
  zip_source_keep(buffer.get());  // zip_close frees its reference; we read it after
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw std::runtime_error("zip_open_from_source");
  for (const ZipPart& p : parts) {
    zip_source_t* data = zip_source_buffer(archive, p.bytes.data(), p.bytes.size(), 0);
    const zip_int64_t index = zip_file_add(archive, p.name.c_str(), data, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(data);
      zip_discard(archive);
      throw std::runtime_error("zip_file_add " + p.name);
    }
    const auto i = static_cast<zip_uint64_t>(index);
    if (p.stored) zip_set_file_compression(archive, i, ZIP_CM_STORE, 0);
    if (p.password != nullptr) zip_file_set_encryption(archive, i, ZIP_EM_AES_256, p.password);
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    throw std::runtime_error("zip_close");
  }
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(buffer.get(), &st) != 0 || zip_source_open(buffer.get()) != 0) {
    throw std::runtime_error("zip_source_open");
  }
  std::string out(st.size, '\0');
  const zip_int64_t n = zip_source_read(buffer.get(), out.data(), out.size());
  zip_source_close(buffer.get());
  if (n != static_cast<zip_int64_t>(out.size())) throw std::runtime_error("zip_source_read");
  return out;
}

}  // namespace vanban::testing

#endif  // VANBAN_TESTS_TESTING_ZIP_BUILDER_H_
