// The one error convention of vanban, after LevelDB's Status and Typesense's
// Option: an expected, user-caused failure (a malformed request, an unknown
// id, a file that cannot be indexed) is a value, Status or Result<T>;
// environment failures and bugs are exceptions (a corrupt index, missing ICU
// data). The HTTP layer maps a Status to a status code in one place
// (server/routes.cc), so the library never speaks HTTP.
//
// A Status carries a code, a short reason and an optional detail:
//   Status::invalid_argument("offset must be at most 10000", "got 100001")
//   Status::corruption("invalid UTF-8", "at byte 17 (line 2)")
// The reason is stable enough to group by (the indexer's summary counts
// skipped inputs by it); the detail names this occurrence.
//
// Status and Result are plain values: copyable, thread-compatible.
#ifndef VANBAN_STATUS_H_
#define VANBAN_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace vanban {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller's input is unusable (a bad parameter, a bad query)
  kNotFound,         // no such document, directive, file
  kCorruption,       // input data is malformed (invalid UTF-8, broken JSON, a broken DOCX)
  kNotSupported,     // a format or feature vanban cannot handle (an encrypted PDF)
  kTooLarge,         // over a configured bound (--max-doc-bytes, page limits)
  kIoError,          // a file could not be read
  kUnavailable,      // try again later (overload, an index that cannot be opened now)
  kDeadlineExceeded, // a time budget ran out
};

class Status {
 public:
  // OK.
  Status() = default;

  static Status ok() { return Status(); }
  static Status invalid_argument(std::string reason, std::string detail = {}) {
    return {StatusCode::kInvalidArgument, std::move(reason), std::move(detail)};
  }
  static Status not_found(std::string reason, std::string detail = {}) {
    return {StatusCode::kNotFound, std::move(reason), std::move(detail)};
  }
  static Status corruption(std::string reason, std::string detail = {}) {
    return {StatusCode::kCorruption, std::move(reason), std::move(detail)};
  }
  static Status not_supported(std::string reason, std::string detail = {}) {
    return {StatusCode::kNotSupported, std::move(reason), std::move(detail)};
  }
  static Status too_large(std::string reason, std::string detail = {}) {
    return {StatusCode::kTooLarge, std::move(reason), std::move(detail)};
  }
  static Status io_error(std::string reason, std::string detail = {}) {
    return {StatusCode::kIoError, std::move(reason), std::move(detail)};
  }
  static Status unavailable(std::string reason, std::string detail = {}) {
    return {StatusCode::kUnavailable, std::move(reason), std::move(detail)};
  }
  static Status deadline_exceeded(std::string reason, std::string detail = {}) {
    return {StatusCode::kDeadlineExceeded, std::move(reason), std::move(detail)};
  }

  bool is_ok() const { return code_ == StatusCode::kOk; }
  bool is_invalid_argument() const { return code_ == StatusCode::kInvalidArgument; }
  bool is_not_found() const { return code_ == StatusCode::kNotFound; }
  bool is_corruption() const { return code_ == StatusCode::kCorruption; }
  bool is_not_supported() const { return code_ == StatusCode::kNotSupported; }
  bool is_too_large() const { return code_ == StatusCode::kTooLarge; }
  bool is_io_error() const { return code_ == StatusCode::kIoError; }
  bool is_unavailable() const { return code_ == StatusCode::kUnavailable; }
  bool is_deadline_exceeded() const { return code_ == StatusCode::kDeadlineExceeded; }

  StatusCode code() const { return code_; }
  // Short and stable: "invalid UTF-8", "no document with this id".
  const std::string& reason() const { return reason_; }
  // This occurrence: "at byte 17 (line 2)". May be empty.
  const std::string& detail() const { return detail_; }
  // "reason: detail", or the reason alone; "" when OK.
  std::string message() const {
    return detail_.empty() ? reason_ : reason_ + ": " + detail_;
  }

  // The same failure with more context in front of the detail
  // ("word/document.xml: " + detail).
  Status with_context(std::string_view context) const {
    Status s = *this;
    s.detail_ = detail_.empty() ? std::string(context)
                                : std::string(context) + ": " + detail_;
    return s;
  }

 private:
  Status(StatusCode code, std::string reason, std::string detail)
      : code_(code), reason_(std::move(reason)), detail_(std::move(detail)) {
    assert(code_ != StatusCode::kOk);
  }

  StatusCode code_ = StatusCode::kOk;
  std::string reason_;
  std::string detail_;
};

// A value or the Status saying why there is none. Constructed implicitly
// from either, so a function returns `value` or `Status::not_found(...)`.
// Accessing the value of a failed Result is a bug (asserted).
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.is_ok());
  }

  bool is_ok() const { return value_.has_value(); }
  explicit operator bool() const { return is_ok(); }
  const Status& status() const { return status_; }

  T& value() & {
    assert(is_ok());
    return *value_;
  }
  const T& value() const& {
    assert(is_ok());
    return *value_;
  }
  T&& value() && {
    assert(is_ok());
    return std::move(*value_);
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace vanban

#endif  // VANBAN_STATUS_H_
