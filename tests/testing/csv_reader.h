// Test helper: a strict RFC 4180 reader, written apart from the writer it
// checks (report/csv.h): fields separated by ',', records ended by CRLF,
// a quoted field's '"' doubled. Anything else (a bare LF or CR outside
// quotes, a quote inside an unquoted field, text after a closing quote, an
// unterminated quote, a last record without CRLF) fails the test.
#ifndef VANBAN_TESTS_TESTING_CSV_READER_H_
#define VANBAN_TESTS_TESTING_CSV_READER_H_

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace vanban::testing {

using CsvRecords = std::vector<std::vector<std::string>>;

namespace csv_detail {

// Reads one field starting at `i`, leaving `i` on the separator or CR.
inline bool read_field(std::string_view csv, std::size_t& i, std::string& field) {
  if (i < csv.size() && csv[i] == '"') {
    for (++i; i < csv.size(); ++i) {
      if (csv[i] != '"') {
        field += csv[i];
      } else if (i + 1 < csv.size() && csv[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        ++i;
        return i < csv.size() && (csv[i] == ',' || csv[i] == '\r');
      }
    }
    return false;  // unterminated
  }
  for (; i < csv.size() && csv[i] != ',' && csv[i] != '\r'; ++i) {
    if (csv[i] == '"' || csv[i] == '\n') return false;
    field += csv[i];
  }
  return i < csv.size();
}

}  // namespace csv_detail

// The records of `csv` (without a byte order mark).
inline CsvRecords read_csv(std::string_view csv) {
  CsvRecords records;
  std::size_t i = 0;
  while (i < csv.size()) {
    std::vector<std::string> record;
    for (;;) {
      std::string field;
      if (!csv_detail::read_field(csv, i, field)) {
        ADD_FAILURE() << "malformed CSV at byte " << i;
        return records;
      }
      record.push_back(std::move(field));
      if (csv[i++] == ',') continue;
      if (i >= csv.size() || csv[i] != '\n') {
        ADD_FAILURE() << "CR without LF at byte " << i;
        return records;
      }
      ++i;
      break;
    }
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace vanban::testing

#endif  // VANBAN_TESTS_TESTING_CSV_READER_H_
