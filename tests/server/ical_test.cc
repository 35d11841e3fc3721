#include "ical.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace vanban::http {
namespace {

// A small RFC 5545 reader, independent of the writer: checks the physical
// lines, unfolds them and splits properties into name, parameters and
// unescaped value.
struct Property {
  std::string name, params, value;
};

// The physical lines of `ics`; fails the test on a line break that is not
// CRLF or a line over kMaxLineOctets.
std::vector<std::string> physical_lines(const std::string& ics) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < ics.size()) {
    const std::size_t crlf = ics.find("\r\n", pos);
    EXPECT_NE(crlf, std::string::npos) << "the calendar ends without CRLF";
    if (crlf == std::string::npos) break;
    const std::string line = ics.substr(pos, crlf - pos);
    EXPECT_EQ(line.find_first_of("\r\n"), std::string::npos) << "a bare line break in: " << line;
    EXPECT_LE(line.size(), kMaxLineOctets) << line;
    lines.push_back(line);
    pos = crlf + 2;
  }
  return lines;
}

std::string unescape(const std::string& v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] != '\\' || i + 1 == v.size()) {
      out += v[i];
      continue;
    }
    const char c = v[++i];
    out += (c == 'n' || c == 'N') ? '\n' : c;
  }
  return out;
}

// Unfolds (a line starting with a space or tab continues the previous
// one, RFC 5545 3.1) and parses each content line.
std::vector<Property> parse(const std::string& ics) {
  std::vector<std::string> logical;
  for (const std::string& line : physical_lines(ics)) {
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !logical.empty()) {
      logical.back() += line.substr(1);
    } else {
      logical.push_back(line);
    }
  }
  std::vector<Property> out;
  for (const std::string& line : logical) {
    const std::size_t colon = line.find(':');
    const std::string head = line.substr(0, colon);
    const std::size_t semi = head.find(';');
    out.push_back({head.substr(0, semi), semi == std::string::npos ? "" : head.substr(semi + 1),
                   colon == std::string::npos ? "" : unescape(line.substr(colon + 1))});
  }
  return out;
}

// The properties of each VEVENT, by name.
std::vector<std::map<std::string, Property>> events_of(const std::vector<Property>& props) {
  std::vector<std::map<std::string, Property>> out;
  bool inside = false;
  for (const Property& p : props) {
    if (p.name == "BEGIN" && p.value == "VEVENT") {
      inside = true;
      out.emplace_back();
    } else if (p.name == "END" && p.value == "VEVENT") {
      inside = false;
    } else if (inside) {
      out.back()[p.name] = p;
    }
  }
  return out;
}

struct EscapeCase {
  const char* name;
  const char* input;
  const char* expected;
};

class EscapeTextTest : public ::testing::TestWithParam<EscapeCase> {};

TEST_P(EscapeTextTest, EscapesTextValues) {
  EXPECT_EQ(escape_text(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Rfc5545, EscapeTextTest,
    ::testing::Values(
        EscapeCase{"CommasAndSemicolons", "UBND các huyện, thành phố; Văn phòng Sở",
                   "UBND các huyện\\, thành phố\\; Văn phòng Sở"},
        EscapeCase{"Backslash", "Lưu: VT\\VP", "Lưu: VT\\\\VP"},
        EscapeCase{"LineBreaks", "Hạn: trước ngày 15/12/2023\nVăn bản\r\nMã\r.",
                   "Hạn: trước ngày 15/12/2023\\nVăn bản\\nMã\\n."},
        EscapeCase{"ColonsStay", "Kính gửi: Các phòng", "Kính gửi: Các phòng"}),
    [](const auto& p) { return std::string(p.param.name); });

// 004's assignment of Văn phòng Sở, folded: every physical line at most
// 75 octets, no line starts inside a UTF-8 sequence, and unfolding gives
// the line back.
TEST(FoldLineTest, FoldsAtSeventyFiveOctetsOnCodePointBoundaries) {
  const std::string line =
      "DESCRIPTION:Văn phòng Sở chủ trì hướng dẫn\\, kiểm tra\\, đôn đốc và tổng hợp báo cáo thực "
      "hiện các nội dung phong trào thi đua trong toàn ngành theo quy định";
  const std::string folded = fold_line(line);
  const std::vector<std::string> lines = physical_lines(folded);
  ASSERT_GT(lines.size(), 2u);
  std::string unfolded = lines[0];
  for (std::size_t i = 1; i < lines.size(); ++i) {
    ASSERT_EQ(lines[i][0], ' ');
    EXPECT_NE(static_cast<unsigned char>(lines[i][1]) & 0xC0, 0x80) << "split inside a code point";
    unfolded += lines[i].substr(1);
  }
  EXPECT_EQ(unfolded, line);
  // Every line but the last is as full as a whole code point allows.
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) EXPECT_GE(lines[i].size(), kMaxLineOctets - 3);
  EXPECT_EQ(fold_line("END:VEVENT"), "END:VEVENT\r\n");
  EXPECT_EQ(fold_line(std::string(75, 'a')), std::string(75, 'a') + "\r\n");
  EXPECT_EQ(fold_line(std::string(76, 'a')), std::string(75, 'a') + "\r\n a\r\n");
}

search::Obligation seed_obligation() {
  search::Obligation o;
  o.id = "0123456789abcdef";
  o.document_id = "004_39b0106687e293f0.txt";
  o.title = "V/v phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ chính trị năm 2024";
  o.date = "2024-02-29";
  o.issuer = "Sở Công Thương tỉnh Lai Châu";
  o.assignee = "Văn phòng Sở";
  o.task = "chủ trì hướng dẫn, kiểm tra, đôn đốc và tổng hợp báo cáo thực hiện các nội dung phong "
           "trào thi đua trong toàn ngành theo quy định";
  o.recipient = "Sở Nội vụ (qua Ban Thi đua - Khen thưởng)";
  o.deadline = {"trước ngày 15/12/2024", "2024-12-15"};
  o.evidence = "Văn phòng Sở chủ trì hướng dẫn, kiểm tra; báo cáo về Sở Nội vụ; Lưu: VT\\VP.";
  return o;
}

TEST(WriteCalendarTest, WritesAnAllDayEventThatParsesBack) {
  const search::Obligation o = seed_obligation();
  const search::Obligation undated = [&] {
    search::Obligation u = o;
    u.deadline = {"định kỳ hằng quý", ""};
    return u;
  }();
  const std::string ics =
      write_calendar({calendar_event(o), calendar_event(undated)}, "20240301T101500Z");
  const std::vector<Property> props = parse(ics);
  ASSERT_GE(props.size(), 2u);
  EXPECT_EQ(props.front().name + ":" + props.front().value, "BEGIN:VCALENDAR");
  EXPECT_EQ(props.back().name + ":" + props.back().value, "END:VCALENDAR");
  const auto events = events_of(props);
  ASSERT_EQ(events.size(), 1u) << "an undated obligation is no event";
  const auto& e = events[0];
  EXPECT_EQ(e.at("UID").value, "0123456789abcdef@vanban");
  EXPECT_EQ(e.at("DTSTAMP").value, "20240301T101500Z");
  EXPECT_EQ(e.at("DTSTART").params, "VALUE=DATE");
  EXPECT_EQ(e.at("DTSTART").value, "20241215");
  EXPECT_EQ(e.at("DTEND").value, "20241216");
  // Cut at 160 bytes on a code point boundary, then "…".
  EXPECT_EQ(e.at("SUMMARY").value,
            "Hạn: Văn phòng Sở: chủ trì hướng dẫn, kiểm tra, đôn đốc và tổng hợp báo cáo thực "
            "hiện các nội dung phong trào thi đua trong…");
  EXPECT_EQ(e.at("DESCRIPTION").value,
            "Hạn: trước ngày 15/12/2024\nĐơn vị thực hiện: Văn phòng Sở\nNhiệm vụ: " + o.task +
                "\nBáo cáo gửi: Sở Nội vụ (qua Ban Thi đua - Khen thưởng)\nVăn bản: " + o.title +
                " (2024-02-29, Sở Công Thương tỉnh Lai Châu)\nMã văn bản: 004_39b0106687e293f0.txt"
                "\n\n" + o.evidence);
  std::map<std::string, std::string> calendar;
  for (const Property& p : props) calendar.emplace(p.name, p.value);
  EXPECT_EQ(calendar["VERSION"], "2.0");
  EXPECT_EQ(calendar["PRODID"], "-//vanban//Viec can lam//VI");
  EXPECT_EQ(calendar["X-WR-CALNAME"], "vanban — Việc cần làm");
}

TEST(WriteCalendarTest, AnEmptyCalendarIsStillACalendar) {
  const std::vector<Property> props = parse(write_calendar({}, "20240301T101500Z"));
  ASSERT_EQ(props.size(), 7u);  // BEGIN, VERSION, PRODID, CALSCALE, METHOD, X-WR-CALNAME, END
  EXPECT_TRUE(events_of(props).empty());
  EXPECT_EQ(utc_stamp_now().size(), 16u);
}

}  // namespace
}  // namespace vanban::http
