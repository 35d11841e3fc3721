// Reading the parts of a ZIP container (DOCX, ODT) from memory with libzip,
// within bounds: a part is read only up to a byte limit and a compression
// ratio, so a zip bomb costs neither memory nor time. Private to the
// format layer.
#ifndef VANBAN_DOC_FORMATS_ZIP_ARCHIVE_H_
#define VANBAN_DOC_FORMATS_ZIP_ARCHIVE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/status.h"

struct zip;

namespace vanban::doc {

class ZipArchive {
 public:
  // Opens the archive held in `bytes`, which must outlive the archive.
  // kCorruption "broken zip" (with libzip's reason) if it is not one.
  static Result<ZipArchive> open(std::string_view bytes);

  ZipArchive(ZipArchive&&) noexcept;
  ZipArchive& operator=(ZipArchive&&) noexcept;
  ~ZipArchive();

  // True if the archive has a part named `name` ("word/document.xml").
  bool has(const std::string& name) const;

  // The names of all parts, in archive order.
  std::vector<std::string> names() const;

  // The bytes of part `name`. Errors: kNotFound "missing part"; kTooLarge
  // "zip bomb" when it unpacks beyond `max_bytes` or its compression
  // ratio is beyond what real documents have; kNotSupported "encrypted"
  // for an encrypted part; kCorruption "broken zip" when it cannot be
  // inflated (bad data, wrong CRC). Not thread-safe (one archive per
  // thread).
  Result<std::string> read(const std::string& name, std::uint64_t max_bytes) const;

 private:
  struct Closer {
    void operator()(zip* archive) const;
  };
  explicit ZipArchive(std::unique_ptr<zip, Closer> archive);

  std::unique_ptr<zip, Closer> archive_;
};

}  // namespace vanban::doc

#endif  // VANBAN_DOC_FORMATS_ZIP_ARCHIVE_H_
