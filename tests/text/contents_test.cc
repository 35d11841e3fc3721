#include "vanban/text/contents.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

#include "testing/scratch_dir.h"

namespace vanban::text {
namespace {

CampaignContents contents_of(const std::string& text, const ContentsOptions& options = {}) {
  Tokenizer tok;
  const auto tokens = tok.tokenize(text);
  return extract_contents(text, tokens, find_citations(text, tokens), options);
}

std::string evidence(const std::string& text, std::size_t start, std::size_t end) {
  if (start > end || end > text.size()) return "<bad span>";
  return text.substr(start, end - start);
}

std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

const char* status_name(RewardStatus s) {
  switch (s) {
    case RewardStatus::kPromised: return "promised";
    case RewardStatus::kAwarded: return "awarded";
    case RewardStatus::kSought: return "sought";
  }
  return "?";
}

// One row per item, every field and the evidence where it is short: a
// failure shows the whole item.
std::vector<std::string> period_rows(const CampaignContents& c, const std::string& text) {
  std::vector<std::string> rows;
  for (const Period& p : c.periods) {
    rows.push_back(p.from + "|" + p.to + "|" + (p.from_document_date ? "now" : "") + "|" + p.text +
                   "|" + evidence(text, p.start, p.end));
  }
  return rows;
}

std::vector<std::string> item_rows(const CampaignContents& c) {
  std::vector<std::string> rows;
  for (const ContentItem& i : c.contents) {
    rows.push_back(std::to_string(i.depth) + "|" + std::to_string(i.parent) + "|" + i.number + "|" +
                   i.text);
  }
  return rows;
}

std::vector<std::string> target_rows(const CampaignContents& c, const std::string& text) {
  std::vector<std::string> rows;
  for (const Target& t : c.targets) {
    rows.push_back(t.indicator + "|" + t.value_text + "|" + number(t.value) + "|" + t.unit + "|" +
                   t.base_unit + "|" + number(t.scale) + "|" + t.when + "|" +
                   std::to_string(t.year) + "|" + evidence(text, t.start, t.end));
  }
  return rows;
}

std::vector<std::string> assignment_rows(const CampaignContents& c) {
  std::vector<std::string> rows;
  for (const Assignment& a : c.assignments) {
    rows.push_back(a.assignee + "|" + a.assignee_key + "|" + a.task + "|" + a.deadline.text + "|" +
                   a.deadline.date);
  }
  return rows;
}

std::vector<std::string> reward_rows(const CampaignContents& c, const std::string& text) {
  std::vector<std::string> rows;
  for (const Reward& r : c.rewards) {
    rows.push_back(std::string(status_name(r.status)) + "|" + r.form + "|" + r.form_text + "|" +
                   r.body + "|" + evidence(text, r.start, r.end));
  }
  return rows;
}

std::vector<std::string> report_rows(const CampaignContents& c, const std::string& text) {
  std::vector<std::string> rows;
  for (const ReportDuty& r : c.reports) {
    rows.push_back(r.what + "|" + r.recipient + "|" + r.recipient_key + "|" + r.deadline.text + "|" +
                   r.deadline.date + "|" + evidence(text, r.start, r.end));
  }
  return rows;
}

// Evidence without Markdown marks and line breaks, as items print it.
std::string flattened(std::string s) {
  std::string out;
  for (const char c : s) {
    if (c == '*') continue;
    if (c == '\n' || c == ' ') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += c;
  }
  return out;
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

struct ContentsSeedCase {
  const char* name;
  const char* file;
  ContentsOptions options;
  std::vector<std::string> periods, contents, targets, assignments, rewards, reports;
};

// gtest prints a failing parameter by this (NO_PRETTY_VALUES names the
// test by it too).
void PrintTo(const ContentsSeedCase& seed, std::ostream* os) { *os << seed.name; }

class ContentsSeedTest : public ::testing::TestWithParam<ContentsSeedCase> {};

// Every period, content item, target, assignment, reward and report the
// seed really holds, with its exact values, and nothing else: no target
// from a date, a symbol, a counter, an anniversary or a year.
TEST_P(ContentsSeedTest, ExtractsExactlyWhatTheSeedSays) {
  const ContentsSeedCase& seed = GetParam();
  const std::string text = testing::read_file(testing::seeds_dir() + "/" + seed.file);
  ASSERT_FALSE(text.empty()) << seed.file;
  const CampaignContents c = contents_of(text, seed.options);
  EXPECT_EQ(period_rows(c, text), seed.periods);
  EXPECT_EQ(item_rows(c), seed.contents);
  EXPECT_EQ(target_rows(c, text), seed.targets);
  EXPECT_EQ(assignment_rows(c), seed.assignments);
  EXPECT_EQ(reward_rows(c, text), seed.rewards);
  EXPECT_EQ(report_rows(c, text), seed.reports);
}

// A content item's evidence runs from its marker through its text; an
// assignment's from the assignee through the task.
TEST_P(ContentsSeedTest, EvidenceSpansHoldTheItems) {
  const ContentsSeedCase& seed = GetParam();
  const std::string text = testing::read_file(testing::seeds_dir() + "/" + seed.file);
  const CampaignContents c = contents_of(text, seed.options);
  for (const ContentItem& i : c.contents) {
    const std::string e = flattened(evidence(text, i.start, i.end));
    EXPECT_EQ(e.rfind(i.number, 0), 0u) << e;
    EXPECT_TRUE(ends_with(e, i.text)) << e << "\n  does not end with\n" << i.text;
  }
  for (const Assignment& a : c.assignments) {
    const std::string e = flattened(evidence(text, a.start, a.end));
    EXPECT_EQ(e.rfind(a.assignee, 0), 0u) << e;
    EXPECT_TRUE(ends_with(e, a.task)) << e;
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, ContentsSeedTest, ::testing::Values(
    ContentsSeedCase{
        "SoCongThuongSpecialMovement", "000_ddb1ffae0c6ba085.txt", {"", ""},
        // periods
        {
            "|2023-10-30|now|từ nay đến ngày 30 tháng 10 năm 2023|từ nay đến ngày 30 tháng 10 năm 2023",
        },
        // contents
        {
            "0|-1|1|Tiếp tục quán triệt sâu sắc tư tưởng của Chủ tịch Hồ Chí Minh về thi đua ái quốc, các chủ trương, chính sách của Đảng, pháp luật của Nhà nước về công tác thi đua, khen thưởng",
            "0|-1|2|Với tinh thần “Đẩy mạnh đổi mới, sáng tạo; khơi dậy ý chí tự lực, tự cường, khát vọng xây dựng cuộc sống ấm no, hạnh phúc, đưa Lai Châu phát triển nhanh và bền vững”, các phòng",
            "1|1|-|Phấn đấu hoàn thành, hoàn thành vượt mức một số chi tiêu chủ yếu được giao",
            "1|1|-|Thi đua nâng cao vai trò, trách nhiệm và hành động của của từng công chức, viên chức, người lao động trong việc thực hành tiết kiệm, chống lãng phí, nhất là trong lập, thẩm định, phê duyệt dự toán",
            "1|1|-|Thi đua đẩy mạnh ứng dụng khoa học công nghệ và chuyển đổi số",
            "1|1|-|Thi đua đẩy mạnh phong trào thể dục, thể thao, thực hiện nghiêm các biện pháp phòng, chống dịch Covid-19 và các loại dịch bệnh mới xuất hiện",
            "1|1|-|Thi đua tăng cường công tác quản lý, khai thác, sử dụng hiệu quả, tiết kiệm tài nguyên thiên nhiên",
            "1|1|-|Tiếp tục thi đua đẩy mạnh việc “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” gắn với các phong trào thi đua chuyên đề",
            "1|1|-|Thi đua chấp hành nghiêm kỷ luật, kỷ cương hành chính, trách nhiệm, chủ động, sáng tạo, linh hoạt trong tham mưu, giải quyết công việc được giao",
            "0|-1|3|Tiếp tục đổi mới công tác thi đua, khen thưởng theo tinh thần Chỉ thị số 34-CT/TW ngày 07 tháng 4 năm 2014 của Bộ Chính trị (khoá XI) và Chỉ thị số 32-CT/TU ngày 26/6/2014 của Tỉnh uỷ “Về tiếp tục đổi mới công tác thi đua, khen thưởng”",
            "0|-1|4|Tiếp tục nâng cao vai trò lãnh đạo của các cấp ủy Đảng, người đứng đầu các đơn vị, đoàn thể, tổ chức trong công tác thi đua, khen thưởng",
        },
        // targets: none
        {},
        // assignments
        {
            "Các phòng, đơn vị trực thuộc Sở|phong don vi truc thuoc so cong thuong|triển khai phong trào thi đua đến từng công chức, viên chức, người lao động||",
            "Các tổ chức đoàn thể|to chuc doan the|phối hợp với lãnh đạo cơ quan, đơn vị vận động đoàn viên tích cực tham gia và thực hiện có hiệu quả phong trào thi đua do Sở phát động gắn với các hoạt động của tổ chức mình||",
            "Văn phòng Sở|van phong so cong thuong|chủ trì hướng dẫn, kiểm tra, đôn đốc và tổng hợp báo cáo thực hiện các nội dung phong trào thi đua trong toàn ngành theo quy định||",
        },
        // rewards
        {
            "promised|khen thưởng|biểu dương, tôn vinh|Hội đồng Thi đua, khen thưởng Sở|biểu dương, tôn vinh",
            "promised|khen thưởng|khen thưởng||đề xuất khen thưởng",
            "promised|khen thưởng|biểu dương, khen thưởng|Hội đồng Thi đua - Khen thưởng Sở|xem xét biểu dương, khen thưởng",
            "promised|khen thưởng|khen thưởng|cấp trên|đề nghị cấp trên khen thưởng",
        },
        // reports
        {
            "thực hiện các nội dung phong trào thi đua trong toàn ngành|||||báo cáo thực hiện các nội dung phong trào thi đua trong toàn ngành",
        }
    },
    ContentsSeedCase{
        "ProvinceSpecialMovementLetter", "001_a09f608bfb9e07f5.txt", {"2023-05", "Ủy ban nhân dân tỉnh Lai Châu"},
        // periods
        {
            "2023-05|2023-10-30|now|từ nay đến ngày 30 tháng 10 năm 2023|từ nay đến ngày 30 tháng 10 năm 2023",
        },
        // contents
        {
            "0|-1|Thứ nhất|tiếp tục quán triệt sâu sắc tư tưởng của Chủ tịch Hồ Chí Minh về thi đua ái quốc, các chủ trương, chính sách của Đảng, pháp luật của Nhà nước về công tác thi đua, khen thưởng",
            "0|-1|Thứ hai|với tinh thần “Đẩy mạnh đổi mới, sáng tạo; khơi dậy ý chí tự lực, tự cường, khát vọng xây dựng cuộc sống ấm no, hạnh phúc, đưa Lai Châu phát triển nhanh và bền vững”, các cấp, các ngành",
            "1|1|-|Thi đua phấn đấu hoàn thành thắng lợi các mục tiêu, nhiệm vụ phát triển kinh tế - xã hội của từng ngành, địa phương, đơn vị",
            "1|1|-|Thi đua nâng cao vai trò, trách nhiệm và hành động của các cấp, các ngành, của từng cán bộ, đảng viên và các tầng lớp Nhân dân trong việc thực hành tiết kiệm, chống lãng phí",
            "1|1|-|Thi đua đẩy mạnh nghiên cứu, ứng dụng khoa học công nghệ và chuyển đổi số",
            "1|1|-|Thi đua đổi mới và nâng cao chất lượng các hoạt động văn hóa - xã hội, trọng tâm là đẩy mạnh phong trào toàn dân đoàn kết xây dựng đời sống văn hóa",
            "1|1|-|Thi đua tăng cường công tác quản lý, khai thác, sử dụng hiệu quả, tiết kiệm tài nguyên thiên nhiên",
            "1|1|-|Thi đua thực hiện tốt các nhiệm vụ quốc phòng - an ninh, tạo môi trường ổn định, an toàn cho phát triển kinh tế - xã hội",
            "1|1|-|Tiếp tục thi đua đẩy mạnh việc “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” gắn với các phong trào thi đua chuyên đề",
            "1|1|-|Thi đua chấp hành nghiêm kỷ luật, kỷ cương hành chính, trách nhiệm, chủ động, sáng tạo, linh hoạt trong tham mưu, giải quyết công việc được giao",
            "1|1|-|Thi đua thực hiện tốt các nhiệm vụ trọng tâm tại Chỉ thị số 11-CT/TU ngày 15/6/2022 của Ban Thường vụ Tỉnh uỷ",
            "0|-1|Thứ ba|tiếp tục đổi mới công tác thi đua, khen thưởng theo tinh thần Chỉ thị số 34-CT/TW ngày 07 tháng 4 năm 2014 của Bộ Chính trị (khoá XI) và Chỉ thị số 32-CT/TU ngày 26/6/2014 của Tỉnh uỷ “Về tiếp tục đổi mới công tác thi đua, khen thưởng”",
            "0|-1|Thứ tư|tiếp tục nâng cao vai trò lãnh đạo của các cấp ủy Đảng, người đứng đầu các cơ quan, đơn vị, đoàn thể, tổ chức trong công tác thi đua, khen thưởng",
            "0|-1|Thứ năm|theo dõi, hướng dẫn, đôn đốc kiểm tra việc tổ chức thực hiện các phong trào thi đua, điều chỉnh, bổ sung mục tiêu",
        },
        // targets
        {
            "tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)|9,0|9|%|%|1|năm 2023|2023|tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) năm 2023 đạt 9,0%",
            "công trình chào mừng các sự kiện lịch sử|01|1|công trình|công trình|1||0|01 công trình chào mừng các sự kiện lịch sử",
            "công trình có ý nghĩa thiết thực phục vụ phát triển kinh tế|01|1|công trình|công trình|1||0|01 công trình có ý nghĩa thiết thực phục vụ phát triển kinh tế",
        },
        // assignments: none
        {},
        // rewards
        {
            "promised|khen thưởng|biểu dương, tôn vinh|Hội đồng Thi đua, khen thưởng tỉnh|biểu dương, tôn vinh",
        },
        // reports: none
        {}
    },
    ContentsSeedCase{
        "ResultsArticle2015To2020", "002_352bcdfb180350d4.txt", {"", ""},
        // periods
        {
            "2015|2020||giai đoạn 2015 – 2020|giai đoạn 2015 – 2020",
        },
        // contents
        {
            "0|-1||Về phương hướng: Phát huy kết quả đạt được của các phong trào thi đua giai đoạn 2015-2020, trong giai đoạn tới, ngành Công Thương tiếp tục tập trung chỉ đạo",
            "0|-1||Về mục tiêu: Hàng năm xây dựng kế hoạch tổ chức các phong trào thi đua",
            "0|-1||Về nhiệm vụ và giải pháp",
            "1|2|Một là|tiếp tục đổi mới công tác thi đua, khen thưởng theo tư tưởng của Chủ tịch Hồ Chí Minh về Thi đua ái quốc và Chỉ thị 34-CT/TW",
            "1|2|Hai là|tăng cường sự lãnh đạo của Đảng ủy, Ban Giám đốc sở và vai trò tham mưu, quản lý, tổ chức thực hiện của các phòng, đơn vị đối với công tác thi đua, khen thưởng",
            "1|2|Ba là|đổi mới nội dung, cách thức tổ chức các phong trào thi đua yêu nước gắn với cải tiến công tác khen thưởng theo hướng đa dạng hóa các hình thức thi đua, tăng tính chủ động",
            "1|2|Bốn là|đẩy mạnh công tác tuyên truyền, phát hiện, giới thiệu, nhân rộng điển hình tiên tiến, cách làm hay, mô hình sáng tạo, hiệu quả từ cơ sở phòng, ban, đơn vị",
            "1|2|Năm là|động viên công chức, viên chức, người lao động hưởng ứng các phong trào thi đua do cơ quan và cấp trên phát động",
            "1|2|Sáu là|phát động và tổ chức các phong trào thi đua sâu rộng trong toàn thể cán bộ, công chức, viên chức của đơn vị , trong đó chú trọng các phong trào thi đua lao động giỏi, lao động sáng tạo",
            "1|2|Bảy là|kiện toàn bộ máy tổ chức và nâng cao trình độ chuyên môn, nghiệp vụ các thành viên Hội đồng thi đua, khen thưởng Sở Công Thương",
            "1|2|Tám là|phấn đấu trong giai đoạn 2020 – 2025, ngành Công Thương được tặng Cờ thi đua xuất sắc của Ủy ban nhân dân tỉnh,  Cờ thi đua xuất sắc của Bộ Công Thương",
        },
        // targets
        {
            "tập thể và cá nhân đăng ký thi đua|100|100|%|%|1|hàng năm|0|100% tập thể và cá nhân đăng ký thi đua",
        },
        // assignments: none
        {},
        // rewards
        {
            "awarded|Giấy khen|giấy khen|Hội nghị|tặng giấy khen",
            "awarded|Giấy khen|giấy khen|Hội nghị|tặng giấy khen",
            "awarded|Giấy khen|giấy khen|Đồng chí Hoàng Hà Bắc – Giám đốc Sở|trao giấy khen",
            "awarded|Giấy khen|giấy khen|Đồng chí Đinh Lâm Sáng – Phó Giám đốc Sở|trao giấy khen",
            "awarded|Giấy khen|giấy khen|Đồng chí Hoàng Hà Bắc – Giám đốc Sở|trao giấy khen",
            "promised|khen thưởng|khen thưởng|cơ quan có thẩm quyền|đề nghị cơ quan có thẩm quyền khen thưởng",
            "sought|Cờ thi đua|Cờ thi đua xuất sắc|Ủy ban nhân dân tỉnh|tặng Cờ thi đua xuất sắc của Ủy ban nhân dân tỉnh",
            "sought|Cờ thi đua|Cờ thi đua xuất sắc|Bộ Công Thương|Cờ thi đua xuất sắc của Bộ Công Thương",
            "sought|Danh hiệu|danh hiệu thi đua||đạt được các danh hiệu thi đua",
        },
        // reports: none
        {}
    },
    ContentsSeedCase{
        "TayNinhAnnualMovement2023", "003_bf467de301be45ad.txt", {"2023-01-03", ""},
        // periods
        {
            "2023|2023||năm 2023|năm 2023",
        },
        // contents
        {
            "0|-1||Tiếp tục quán triệt, triển khai, tuyên truyền và tổ chức thực hiện tốt các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước về thi đua",
            "0|-1||Đẩy mạnh thực hiện Chỉ thị số 04/CT-UBND ngày 11/01/2021 của Chủ tịch UBND tỉnh về phát động phong trào thi đua yêu nước trên địa bàn tỉnh Tây Ninh giai đoạn 2021 - 2025",
            "0|-1||Triển khai thực hiện có hiệu quả Kế hoạch số 123-KH/TU ngày 27/12/2022 của Ban Thường vụ Tỉnh ủy về sơ kết 03 năm thực hiện Kết luận số 01-KL/TW của Bộ Chính trị",
            "0|-1||Căn cứ mục tiêu, chỉ tiêu phát triển kinh tế - xã hội năm 2023, tổ chức phát động phong trào thi đua một cách thiết thực gắn với nhiệm vụ được giao của từng cơ quan, đơn vị, địa phương",
            "0|-1||Trong đó tập trung chỉ đạo, triển khai, thực hiện có hiệu quả các phong trào thi đua trọng tâm: Phong trào thi đua đặc biệt \"Tây Ninh đoàn kết, chung sức, đồng lòng thi đua phòng, chống và chiến thắng dịch Covid-19\"",
            "0|-1||Thi đua thực hiện nghiên cứu, tham mưu ban hành Chương trình hành động của Tỉnh ủy, Kế hoạch của UBND tỉnh triển khai thực hiện Nghị quyết số 24-NQ/TW ngày 07/10/2022 của Bộ Chính trị về phát triển kinh tế - xã hội và đảm bảo quốc phòng",
            "0|-1||Đẩy mạnh các phong trào thi đua thực hiện có hiệu quả công tác giải ngân vốn đầu tư, cải cách hành chính, cải thiện môi trường đầu tư",
            "0|-1||Tiếp tục triển khai, thực hiện có hiệu quả Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
            "0|-1||Tập trung chỉ đạo, lãnh đạo, triển khai thực hiện Kế hoạch số 4134/KH-UBND ngày 29/11/2022 tổ chức các hoạt động và phát động Đợt Thi đua đặc biệt kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh",
            "0|-1||Công tác khen thưởng phải tập trung chỉ đạo từ khâu đề xuất, lựa chọn, phải thật sự công khai, đảm bảo đúng quy trình, đúng thành tích, đúng đối tượng và tiêu chuẩn quy định",
            "0|-1||Tiếp tục đẩy mạnh thực hiện Kế hoạch số 310/KH-UBND ngày 01/02/2021 của UBND tỉnh về xây dựng, nhân rộng các mô hình",
            "0|-1||Tiếp tục duy trì, nâng cao chất lượng và đổi mới hoạt động Khối Thi đua, khắc phục các nội dung còn mang tính hình thức, xây dựng tiêu chí đánh giá, chấm điểm thi đua cụ thể",
            "0|-1||Tăng cường công tác kiểm tra, giám sát về thi đua, khen thưởng, đề cao trách nhiệm của người đứng đầu trong thực thi quy định của pháp luật về công tác thi đua, khen thưởng",
            "0|-1||Phát huy vai trò, trách nhiệm của các Thành viên Hội đồng Thi đua - Khen thưởng để tham mưu cho Cấp ủy, Chính quyền trong việc kiểm tra, giám sát, triển khai thực hiện chính sách",
        },
        // targets: none
        {},
        // assignments: none
        {},
        // rewards: none
        {},
        // reports: none
        {}
    },
    ContentsSeedCase{
        "SoCongThuongLaiChau2024", "004_39b0106687e293f0.txt", {"2024-02-29", "Sở Công Thương tỉnh Lai Châu"},
        // periods
        {
            "2024|2024||năm 2024|năm 2024",
        },
        // contents
        {
            "0|-1|1|Tiếp tục quán triệt, tuyên truyền, phổ biến và triển khai sâu rộng về đường lối, chủ trương của Đảng, tư tưởng thi đua yêu nước của Chủ tịch Hồ Chí Minh",
            "0|-1|2|Tiếp tục thúc đẩy phát triển công nghiệp, thương mại trên địa bàn tỉnh",
            "0|-1|3|Đẩy mạnh các phong trào thi đua do Thủ tướng Chính phủ phát động và các phong trào thi đua của tỉnh như: Thi đua “Dân vận khéo”",
            "0|-1|4|Nâng cao hơn nữa vai trò, trách nhiệm của cấp ủy Đảng, chính quyền, đoàn thể và Trưởng các phòng, đơn vị trực thuộc Sở trong tổ chức triển khai phong trào thi đua và công tác khen thưởng",
            "0|-1|5|Nâng cao vai trò quản lý nhà nước về công tác thi đua, khen thưởng",
        },
        // targets
        {
            "Giá trị sản xuất công nghiệp (theo giá so sánh)|7.872,7|7872.7|tỷ đồng|đồng|1e+09|năm 2024|2024|Giá trị sản xuất công nghiệp (*theo giá so sánh*) đạt 7.872,7 tỷ đồng",
            "tỷ lệ số hộ được sử dụng điện lưới Quốc gia|96,8|96.8|%|%|1|năm 2024|2024|tỷ lệ số hộ được sử dụng điện lưới Quốc gia đạt 96,8%",
            "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ|9.163,4|9163.4|tỷ đồng|đồng|1e+09|năm 2024|2024|tổng mức bán lẻ hàng hóa và doanh thu dịch vụ đạt 9.163,4 tỷ đồng",
            "tổng kim ngạch xuất nhập khẩu hàng hóa|40,6|40.6|triệu USD|USD|1e+06|năm 2024|2024|tổng kim ngạch xuất nhập khẩu hàng hóa đạt 40,6 triệu USD",
            "giá trị xuất khẩu hàng hóa của địa phương|9,27|9.27|triệu USD|USD|1e+06|năm 2024|2024|giá trị xuất khẩu hàng hóa của địa phương đạt 9,27 triệu USD",
        },
        // assignments
        {
            "các phòng, đơn vị|phong don vi|cụ thể hoá tổ chức thực hiện các nội dung phong trào thi đua của Sở||",
            "Các tổ chức đoàn thể|to chuc doan the|phối hợp với lãnh đạo cơ quan, đơn vị vận động đoàn viên tích cực tham gia và thực hiện có hiệu quả phong trào thi đua do Sở phát động gắn với các hoạt động của tổ chức mình||",
            "Văn phòng Sở|van phong so cong thuong|chủ trì hướng dẫn, kiểm tra, đôn đốc và tổng hợp báo cáo thực hiện các nội dung phong trào thi đua trong toàn ngành theo quy định||",
        },
        // rewards
        {
            "promised|khen thưởng|khen thưởng||đề xuất khen thưởng",
            "promised|khen thưởng|biểu dương, khen thưởng|Hội đồng thi đua, khen thưởng Sở|xem xét biểu dương, khen thưởng",
            "promised|khen thưởng|khen thưởng|cấp trên|đề nghị cấp trên khen thưởng",
        },
        // reports
        {
            "thực hiện các nội dung phong trào thi đua trong toàn ngành|||||báo cáo thực hiện các nội dung phong trào thi đua trong toàn ngành",
        }
    }),
    [](const auto& p) { return std::string(p.param.name); });

// Sentences that hold numbers, dates, report words and commendation words
// but no target, period, report or reward.
struct NegativeCase {
  const char* name;
  const char* text;
};

class ContentsNegativeTest : public ::testing::TestWithParam<NegativeCase> {};

TEST_P(ContentsNegativeTest, ExtractsNothing) {
  const std::string text = GetParam().text;
  const CampaignContents c = contents_of(text, {"2024-03-01", ""});
  EXPECT_EQ(target_rows(c, text), std::vector<std::string>{});
  EXPECT_EQ(period_rows(c, text), std::vector<std::string>{});
  EXPECT_EQ(report_rows(c, text), std::vector<std::string>{});
  EXPECT_EQ(reward_rows(c, text), std::vector<std::string>{});
  EXPECT_EQ(assignment_rows(c), std::vector<std::string>{});
}

INSTANTIATE_TEST_SUITE_P(
    Vietnamese, ContentsNegativeTest,
    ::testing::Values(
        NegativeCase{"AnniversaryInAnAim",
                     "Phấn đấu lập thành tích chào mừng kỷ niệm 115 năm thành lập tỉnh "
                     "(28/6/1909 - 28/6/2024)."},
        NegativeCase{"DatesSymbolsAndArticlesInAnAim",
                     "Phấn đấu hoàn thành kế hoạch theo Quyết định số 1234/QĐ-UBND ngày "
                     "12/5/2024 và Điều 5 Nghị định số 30/2020/NĐ-CP."},
        NegativeCase{"YearsAndOrdinalsInAnAim",
                     "Mục tiêu thực hiện Nghị quyết Đại hội lần thứ XIV nhiệm kỳ 2020 - 2025, "
                     "sơ kết 03 năm thực hiện."},
        NegativeCase{"PageCounters", "Thống kê truy cập\nHôm nay : 383\nHôm qua : 384"},
        NegativeCase{"FigureOutsideAnAim", "Theo báo cáo của Sở, năm 2023 đạt 95% kế hoạch."},
        NegativeCase{"FiveYearPlanIsNoPeriod",
                     "Thực hiện kế hoạch phát triển kinh tế - xã hội 5 năm 2021 - 2025."},
        NegativeCase{"DateOfTheLetterIsNoPeriod",
                     "V/v phát động phong trào thi đua đặc biệt\n\nLai Châu, ngày tháng 5 năm 2023"},
        NegativeCase{"CitedMovementIsNotThisOnes",
                     "Thực hiện Chỉ thị số 04/CT-UBND ngày 11/01/2021 của Chủ tịch UBND tỉnh về "
                     "phát động phong trào thi đua yêu nước giai đoạn 2021 - 2025."},
        NegativeCase{"ReportsHeardCitedOrMade",
                     "Hội nghị đã nghe báo cáo kết quả. Báo cáo số 12/BC-UBND ngày 3/1/2024 nêu "
                     "rõ. Đơn vị đã báo cáo về Bộ. Các báo cáo cho biết tình hình tốt."},
        NegativeCase{"FieldNamesAndPrinciples",
                     "Nâng cao chất lượng công tác thi đua, khen thưởng; Hội đồng Thi đua - Khen "
                     "thưởng tỉnh họp; chú trọng khen thưởng người lao động; hồ sơ đề nghị khen "
                     "thưởng phải đúng quy định; thành tích đến đâu khen thưởng đến đó."},
        NegativeCase{"RegisteringTitlesIsNoReward", "Các đơn vị đăng ký các danh hiệu thi đua."},
        NegativeCase{"WeekdayIsNoMarker", "Thứ ba - 03/01/2023 15:53 121 0"}),
    [](const auto& p) { return std::string(p.param.name); });

struct ExtractCase {
  const char* name;
  const char* text;
  std::vector<std::string> periods, targets, assignments, rewards, reports;
};

class ContentsSentenceTest : public ::testing::TestWithParam<ExtractCase> {};

TEST_P(ContentsSentenceTest, ExtractsTheSentence) {
  const ExtractCase& e = GetParam();
  const std::string text = e.text;
  const CampaignContents c = contents_of(text, {"2024-03-01", "Sở Công Thương tỉnh Lai Châu"});
  EXPECT_EQ(period_rows(c, text), e.periods);
  EXPECT_EQ(target_rows(c, text), e.targets);
  EXPECT_EQ(assignment_rows(c), e.assignments);
  EXPECT_EQ(reward_rows(c, text), e.rewards);
  EXPECT_EQ(report_rows(c, text), e.reports);
}

INSTANTIATE_TEST_SUITE_P(
    Vietnamese, ContentsSentenceTest,
    ::testing::Values(
        ExtractCase{"PeriodsFromDatesAndStages",
                    "Phát động phong trào thi đua từ ngày 01/3/2024 đến ngày 30/11/2024. Phong "
                    "trào thi đua yêu nước giai đoạn 2021-2025 được triển khai sâu rộng.",
                    {"2024-03-01|2024-11-30||từ ngày 01/3/2024 đến ngày 30/11/2024|từ ngày "
                     "01/3/2024 đến ngày 30/11/2024",
                     "2021|2025||giai đoạn 2021-2025|giai đoạn 2021-2025"},
                    {},
                    {},
                    {},
                    {}},
        ExtractCase{"AListOfTargetsAfterAnAim",
                    "Phấn đấu đến năm 2025 có 80% số xã đạt chuẩn nông thôn mới; tỷ lệ hộ nghèo "
                    "giảm còn 2,5%; thu ngân sách đạt 1.200 tỷ đồng; 1.234 hộ được hỗ trợ.",
                    {},
                    {"số xã đạt chuẩn nông thôn mới|80|80|%|%|1|đến năm 2025|2025|80% số xã "
                     "đạt chuẩn nông thôn mới",
                     "tỷ lệ hộ nghèo giảm|2,5|2.5|%|%|1|đến năm 2025|2025|tỷ lệ hộ nghèo giảm "
                     "còn 2,5%",
                     "thu ngân sách|1.200|1200|tỷ đồng|đồng|1e+09|đến năm 2025|2025|thu ngân "
                     "sách đạt 1.200 tỷ đồng",
                     "hộ được hỗ trợ|1.234|1234|hộ|hộ|1|đến năm 2025|2025|1.234 hộ được hỗ trợ"},
                    {},
                    {},
                    {}},
        ExtractCase{"DelegationWithReportAndDeadline",
                    "Giao Sở Nội vụ chủ trì, phối hợp với các đơn vị liên quan theo dõi, đôn đốc; "
                    "báo cáo kết quả về Sở Nội vụ (qua Ban Thi đua - Khen thưởng) trước ngày "
                    "15/12/2023.",
                    {},
                    {},
                    {"Sở Nội vụ|so noi vu|chủ trì, phối hợp với các đơn vị liên quan theo dõi, "
                     "đôn đốc|trước ngày 15/12/2023|2023-12-15"},
                    {},
                    {"kết quả|Sở Nội vụ (qua Ban Thi đua - Khen thưởng)|so noi vu qua ban thi "
                     "dua khen thuong|trước ngày 15/12/2023|2023-12-15|báo cáo kết quả về Sở Nội "
                     "vụ (qua Ban Thi đua - Khen thưởng) trước ngày 15/12/2023"}},
        ExtractCase{"ImplementationSectionWithOrganisationHeadings",
                    "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ:\n- Chủ trì, hướng dẫn các đơn vị "
                    "triển khai Kế hoạch này;\n- Tổng hợp, báo cáo UBND tỉnh kết quả thực hiện "
                    "trước ngày 30/11/2024.\n2. UBND các huyện, thành phố: triển khai thực hiện "
                    "Kế hoạch, báo cáo kết quả về Sở Nội vụ định kỳ 6 tháng.\n3. Căn cứ chức "
                    "năng, nhiệm vụ, Văn phòng Sở xây dựng kế hoạch cụ thể.\nNơi nhận:\n- Như "
                    "trên;",
                    {},
                    {},
                    {"Sở Nội vụ|so noi vu|Chủ trì, hướng dẫn các đơn vị triển khai Kế hoạch "
                     "này||",
                     "Sở Nội vụ|so noi vu|Tổng hợp, báo cáo UBND tỉnh kết quả thực hiện trước "
                     "ngày 30/11/2024|trước ngày 30/11/2024|2024-11-30",
                     "UBND các huyện, thành phố|uy ban nhan dan huyen thanh pho|triển khai thực "
                     "hiện Kế hoạch, báo cáo kết quả về Sở Nội vụ định kỳ 6 tháng|định kỳ 6 "
                     "tháng|",
                     "Văn phòng Sở|van phong so cong thuong|xây dựng kế hoạch cụ thể||"},
                    {},
                    {"kết quả thực hiện|UBND tỉnh|uy ban nhan dan tinh|trước ngày "
                     "30/11/2024|2024-11-30|báo cáo UBND tỉnh kết quả thực hiện trước ngày "
                     "30/11/2024",
                     "kết quả|Sở Nội vụ|so noi vu|định kỳ 6 tháng||báo cáo kết quả về Sở Nội vụ "
                     "định kỳ 6 tháng"}},
        ExtractCase{"PromisedAwardedAndSoughtRewards",
                    "Các tập thể có thành tích xuất sắc sẽ được xét tặng Bằng khen của Chủ tịch "
                    "UBND tỉnh. Năm 2023, ông A đã được tặng Bằng khen của Thủ tướng Chính phủ "
                    "và Huân chương Lao động hạng Ba. Phấn đấu đạt danh hiệu “Tập thể lao động "
                    "xuất sắc”. UBND huyện đã khen thưởng 20 tập thể.",
                    {},
                    {},
                    {},
                    {"promised|Bằng khen|Bằng khen|Chủ tịch UBND tỉnh|xét tặng Bằng khen của Chủ "
                     "tịch UBND tỉnh",
                     "awarded|Bằng khen|Bằng khen|Thủ tướng Chính phủ|tặng Bằng khen của Thủ "
                     "tướng Chính phủ",
                     "awarded|Huân chương|Huân chương Lao động hạng Ba||Huân chương Lao động hạng "
                     "Ba",
                     "sought|Tập thể lao động xuất sắc|danh hiệu “Tập thể lao động xuất "
                     "sắc”||đạt danh hiệu “Tập thể lao động xuất sắc”",
                     "awarded|khen thưởng|khen thưởng|UBND huyện|khen thưởng"},
                    {}}),
    [](const auto& p) { return std::string(p.param.name); });

// A content list that nests: Roman sections, numbers, letters, an aim in
// a sub-item; the implementation section is not a content.
TEST(ContentsListTest, NestsMarkersOfNewKindsUnderItemsThatOpenThem) {
  const std::string text =
      "II. NỘI DUNG THI ĐUA\nTập trung vào các nội dung sau:\n1. Thi đua hoàn thành chỉ tiêu.\n"
      "2. Thi đua cải cách hành chính:\na) Rút ngắn thời gian giải quyết thủ tục;\nb) Phấn đấu "
      "100% hồ sơ được giải quyết đúng hạn.\n3. Thi đua xây dựng nông thôn mới.\n4. Tổ chức thực "
      "hiện\na) Văn phòng Sở chủ trì theo dõi.\n";
  const CampaignContents c = contents_of(text);
  EXPECT_EQ(item_rows(c), (std::vector<std::string>{
                              "0|-1|1|Thi đua hoàn thành chỉ tiêu",
                              "0|-1|2|Thi đua cải cách hành chính",
                              "1|1|a|Rút ngắn thời gian giải quyết thủ tục",
                              "1|1|b|Phấn đấu 100% hồ sơ được giải quyết đúng hạn",
                              "0|-1|3|Thi đua xây dựng nông thôn mới"}));
  EXPECT_EQ(target_rows(c, text), (std::vector<std::string>{
                                      "hồ sơ được giải quyết đúng hạn|100|100|%|%|1||0|100% hồ sơ "
                                      "được giải quyết đúng hạn"}));
  EXPECT_EQ(assignment_rows(c), (std::vector<std::string>{
                                    "Văn phòng Sở|van phong so|chủ trì theo dõi||"}));
}

// Messy and large input: no crash, bounded output.
TEST(ContentsListTest, MessyAndLargeTextIsHandled) {
  std::string law;
  for (int i = 0; i < 4000; ++i) {
    law += std::to_string(i % 90 + 1) + ". Phấn đấu 1.2.3 đạt “" + std::string(i % 7, '"') +
           " 99,5% trước ngày 31/2/2024; báo cáo về\n- Sở: ";
  }
  const CampaignContents c = contents_of(law);
  EXPECT_LE(c.contents.size(), law.size());
  for (const Target& t : c.targets) EXPECT_LE(t.end, law.size());
  EXPECT_TRUE(contents_of("").contents.empty());
  EXPECT_TRUE(contents_of("“").targets.empty());
  // Found by fuzz_symbols_citations: ICU numbers with letters ("Q123")
  // and a marker with a 20-digit group.
  const std::string odd =
      "phong trào thi đua năm Q123 với các nội dung chủ yếu sau:\n1.99999999999999999999 Tiếp tục.\n";
  EXPECT_TRUE(contents_of(odd).periods.empty());
  EXPECT_TRUE(contents_of(odd).contents.empty());
}

}  // namespace
}  // namespace vanban::text
