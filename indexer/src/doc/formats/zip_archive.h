// ZIP containers (DOCX, ODT) in memory with libzip. Reading parts within
// bounds: a part is read only up to a byte limit and a compression ratio,
// so a zip bomb costs neither memory nor time. Writing: the parts of a
// package made by vanban (the DOCX reports of report/docx.h). Private to
// the library (the format layer and the reports).
#ifndef VANBAN_DOC_FORMATS_ZIP_ARCHIVE_H_
#define VANBAN_DOC_FORMATS_ZIP_ARCHIVE_H_

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/status.h"

struct zip;
struct zip_source;

namespace vanban::doc {

// Frees an archive that was not closed, without writing it (zip_discard).
struct ZipDiscard {
  void operator()(zip* archive) const;
};

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
  explicit ZipArchive(std::unique_ptr<zip, ZipDiscard> archive);

  std::unique_ptr<zip, ZipDiscard> archive_;
};

// A new archive built in memory: parts added in order, deflated, with
// UTF-8 names. libzip failing (out of memory) throws std::runtime_error;
// nothing here depends on input. Not thread-safe; move-only.
class ZipWriter {
 public:
  ZipWriter();
  ZipWriter(ZipWriter&&) noexcept;
  ZipWriter& operator=(ZipWriter&&) noexcept;
  ~ZipWriter();

  // Adds part `name` ("word/document.xml") holding `bytes`; a second part
  // of the same name replaces the first.
  void add(const std::string& name, std::string bytes);

  // Writes the archive and returns its bytes. The writer is spent.
  std::string finish() &&;

 private:
  struct SourceFree {
    void operator()(zip_source* source) const;
  };
  std::unique_ptr<zip_source, SourceFree> buffer_;  // where the archive is written
  std::unique_ptr<zip, ZipDiscard> archive_;
  // libzip reads the parts' bytes only when the archive is written: they
  // stay here until then (a deque never moves its elements).
  std::deque<std::string> parts_;
};

}  // namespace vanban::doc

#endif  // VANBAN_DOC_FORMATS_ZIP_ARCHIVE_H_
