#include "vanban/text/relation.h"

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>

#include "text/layout.h"
#include "text/token_match.h"
#include "vanban/text/chars.h"
#include "vanban/text/date.h"

namespace vanban::text {
namespace {

// Words between an implementing verb and its target: "Thực hiện có hiệu
// quả Kế hoạch số ..." has 3; further away the verb governs something else
// ("quán triệt sâu sắc tư tưởng của Chủ tịch Hồ Chí Minh ... Chỉ thị").
constexpr std::size_t kMaxImplementsGap = 6;
// Words before a head verb that still leave it at the head of its clause
// ("Tiếp tục đẩy mạnh thực hiện", "Về việc đính chính").
constexpr std::size_t kMaxHeadModifiers = 4;
// Syllables of the longest type name ("Thông tư liên tịch").
constexpr std::size_t kMaxTypeSyllables = 4;
// Words from a plan's noun to its "thực hiện": "Chương trình hành động của
// Chính phủ thực hiện" has 7.
constexpr std::size_t kMaxPlanNameWords = 8;
// Items a list lead-in ("các Thông tư sau hết hiệu lực thi hành:") reaches.
constexpr std::size_t kMaxListItems = 40;
// A scope phrase longer than this is cut (scope texts of the dev split are
// under 120 bytes).
constexpr std::size_t kMaxScopeBytes = 200;

// A verb or phrase that states a relation.
struct Trigger {
  RelationType type;
  std::size_t first = 0;  // token indices [first, last)
  std::size_t last = 0;
  bool stated = true;
};

// Provisions and the words that join them ("các khoản 1, 2 và khoản 8").
bool is_provision_token(const Token& t) { return is_provision_word(t) || any_word(t, {"cac", "va"}); }

// Content that makes a target partial: "nội dung", "điều kiện", "quy
// định tại", provisions.
bool names_part(const std::vector<Token>& t, std::size_t from, std::size_t to) {
  for (std::size_t k = from; k < to; ++k) {
    if (words_at(t, k, {"toan", "bo"})) return false;
    if (any_word(t[k], {"dieu", "khoan", "diem", "muc", "phu", "chuong", "phan", "danh", "mau",
                        "bieu"}) ||
        words_at(t, k, {"noi", "dung"}) || words_at(t, k, {"qui", "dinh"}) ||
        words_at(t, k, {"mot", "so"}) || words_at(t, k, {"mot", "phan"})) {
      return true;
    }
  }
  return false;
}

class Extractor {
 public:
  Extractor(std::string_view text, const std::vector<Token>& t, const std::vector<Citation>& c)
      : text_(text), t_(t), c_(c), layout_(text) {
    index_citations();
  }

  std::vector<Relation> run() {
    const auto& sentences = layout_.sentences();
    for (std::size_t si = 0; si < sentences.size(); ++si) read_sentence(si);
    read_repeal_annexes();
    dedupe();
    add_cites();
    std::stable_sort(out_.begin(), out_.end(), [](const Relation& a, const Relation& b) {
      return a.citation < b.citation;
    });
    return std::move(out_);
  }

 private:
  // --- citations --------------------------------------------------------

  void index_citations() {
    std::size_t max_end = 0;
    for (const Citation& c : c_) {
      if (!spans_.empty() && c.start < spans_.back().second) {
        spans_.back().second = std::max(spans_.back().second, c.end);
      } else {
        spans_.emplace_back(c.start, c.end);
      }
      first_token_.push_back(token_at(t_, c.start));
      // Inside an earlier citation's description, or quoted, or a form.
      head_.push_back(c.start >= max_end && !layout_.in_quote(c.start) &&
                      !layout_.in_template(c.start));
      max_end = std::max(max_end, c.end);
    }
  }

  // Index of the first citation starting at or after byte `pos`.
  std::size_t citation_from(std::size_t pos) const {
    return static_cast<std::size_t>(
        std::lower_bound(c_.begin(), c_.end(), pos,
                         [](const Citation& c, std::size_t p) { return c.start < p; }) -
        c_.begin());
  }

  std::size_t token_from(std::size_t pos) const { return token_at(t_, pos); }

  // Is [from, to) only joiners and provision names (", ", "; ", " và ",
  // "; Mục I.B, mục 2 Phụ lục I.2 ", "(sau đây gọi là ")? Then the
  // citation after it is one more item of the same list.
  bool joins(std::size_t from, std::size_t to) const {
    if (from > to) return false;
    bool joiner = false;
    for (std::size_t p = from; p < to; ++p) {
      const char ch = text_[p];
      if (ch == '.' && (p + 1 >= text_.size() || space_at(text_, p + 1, true))) return false;
      if (ch == ':') return false;
      joiner |= ch == ',' || ch == ';' || ch == '(' || ch == ')';
    }
    for (std::size_t k = token_from(from); k < t_.size() && t_[k].start < to; ++k) {
      if (any_word(t_[k], {"va", "hoac"})) {
        joiner = true;
      } else if (!is_provision_token(t_[k]) && !any_word(t_[k], {"cua", "tai", "sau", "day", "goi",
                                                                  "la", "tat", "kem", "theo",
                                                                  "ban", "hanh", "qui", "dinh"})) {
        return false;
      }
    }
    return joiner || is_blank(text_.substr(from, to - from), true);
  }

  // The targets of a list that starts with head citation `first`: it, and
  // each later head citation before byte `limit` joined to the list.
  std::vector<std::size_t> chain(std::size_t first, std::size_t limit) const {
    std::vector<std::size_t> out{first};
    std::set<std::string> keys{c_[first].symbol_key};
    std::size_t previous = first;
    // A citation joined to one outside the list is outside too, unless it
    // names a listed document again ("(sau đây gọi chung là Luật số
    // 58/2014/QH13) và Nghị quyết số 93/2015/QH13").
    for (std::size_t i = first + 1; i < c_.size() && c_[i].start < limit; ++i) {
      if (!head_[i]) continue;
      if (keys.count(c_[previous].symbol_key) && joins(c_[previous].end, c_[i].start) &&
          keys.insert(c_[i].symbol_key).second) {
        out.push_back(i);
      }
      previous = i;
    }
    return out;
  }

  // The first head citation in [from, to), or c_.size().
  std::size_t first_head(std::size_t from, std::size_t to) const {
    for (std::size_t i = citation_from(from); i < c_.size() && c_[i].start < to; ++i) {
      if (head_[i]) return i;
    }
    return c_.size();
  }

  // --- sentences --------------------------------------------------------

  void read_sentence(std::size_t si) {
    const Sentence& s = layout_.sentences()[si];
    if (layout_.in_template(s.body) || layout_.in_quote(s.body)) return;
    const std::size_t k0 = token_from(s.body);
    if (s.body < layout_.preamble_end() && words_at(t_, k0, {"can", "cu"})) {
      return read_basis(s);
    }
    for (const Trigger& trig : triggers(s)) {
      if (trig.type == RelationType::kExpires) {
        read_expiry(si, trig);
      } else {
        read_forward(si, trig);
      }
    }
  }

  // "Căn cứ ...": every head citation of the clause.
  void read_basis(const Sentence& s) {
    for (std::size_t i = citation_from(s.body); i < c_.size() && c_[i].start < s.end; ++i) {
      if (head_[i]) add(RelationType::kBasedOn, i, s, true);
    }
  }

  // Is token k outside every citation and quote?
  bool free_token(std::size_t k) const {
    const std::size_t pos = t_[k].start;
    if (layout_.in_quote(pos)) return false;
    const auto it = std::upper_bound(spans_.begin(), spans_.end(), Span{pos, SIZE_MAX});
    return it == spans_.begin() || pos >= std::prev(it)->second;
  }

  // The relation verbs of a sentence.
  std::vector<Trigger> triggers(const Sentence& s) const {
    std::vector<Trigger> out;
    const std::size_t begin = token_from(s.body);
    const std::size_t end = token_from(s.end);
    for (std::size_t k = begin; k < end; ++k) {
      if (!free_token(k)) continue;
      if (std::optional<Trigger> trig = anywhere_trigger(k)) {
        out.push_back(*trig);
        k = trig->last - 1;
      } else if (std::optional<Trigger> head = head_trigger(k)) {
        if (at_head(begin, k, head->type)) {
          out.push_back(*head);
          // "Sửa đổi, bổ sung, bãi bỏ": every verb of the list ("Hướng dẫn
          // thực hiện" is one verb).
          for (std::size_t m = head->last; m < end;) {
            const bool comma = text_.substr(t_[m - 1].end, t_[m].start - t_[m - 1].end).find(',') !=
                               std::string_view::npos;
            if (is_word(t_[m], "va")) ++m;
            else if (!comma) break;
            std::optional<Trigger> more = m < end ? head_trigger(m) : std::nullopt;
            if (!more) break;
            out.push_back(*more);
            m = more->last;
            head->last = m;
          }
          k = head->last - 1;
        }
      }
    }
    return out;
  }

  // Phrases that state a relation wherever they stand.
  std::optional<Trigger> anywhere_trigger(std::size_t k) const {
    static const std::vector<Words> kExpiry = {
        {"het", "hieu", "luc"}, {"cham", "dut", "hieu", "luc"}, {"het", "lieu", "luc"}};
    static const std::vector<Words> kSpirit = {
        {"theo", "tinh", "than"}, {"trong", "tam", "la"}, {"theo", "phat", "dong", "cua"}};
    static const std::vector<Words> kPlans = {{"ke", "hoach"}, {"chuong", "trinh"}};
    for (const Words& w : kExpiry) {
      if (words_at(t_, k, w)) return Trigger{RelationType::kExpires, k, k + w.size(), true};
    }
    for (const Words& w : kSpirit) {
      if (words_at(t_, k, w)) return Trigger{RelationType::kImplements, k, k + w.size(), false};
    }
    // This document's plan "thực hiện" a directive: "Ban hành kèm theo
    // Quyết định này Kế hoạch hành động thực hiện Chỉ thị ..." or the title;
    // a plan others are to make is a task.
    for (const Words& w : kPlans) {
      if (!words_at(t_, k, w) || !(t_[k].start < layout_.preamble_end() || this_before(k))) continue;
      for (std::size_t m = k + 2; m < k + 5 && m + 1 < t_.size(); ++m) {
        if (words_at(t_, m, {"thuc", "hien"})) {
          return Trigger{RelationType::kImplements, m, m + 2, true};
        }
      }
    }
    return std::nullopt;
  }

  // Does "này" ("this [document]") stand before token k in its sentence?
  bool this_before(std::size_t k) const {
    const Sentence& s = layout_.sentences()[layout_.sentence_at(t_[k].start)];
    for (std::size_t m = token_from(s.body); m < k; ++m) {
      if (is_word(t_[m], "nay")) return true;
    }
    return false;
  }

  // Verbs that state a relation at the head of a clause.
  std::optional<Trigger> head_trigger(std::size_t k) const {
    static const std::vector<std::pair<Words, RelationType>> kVerbs = {
        {{"tiep", "tuc", "thuc", "hien"}, RelationType::kContinues},
        {{"sua", "doi"}, RelationType::kAmends},
        {{"bo", "sung"}, RelationType::kAmends},
        {{"bai", "bo"}, RelationType::kRepeals},
        {{"thay", "the"}, RelationType::kReplaces},
        {{"dinh", "chinh"}, RelationType::kCorrects},
        {{"huong", "dan"}, RelationType::kGuides},
        {{"qui", "dinh", "chi", "tiet"}, RelationType::kGuides},
        {{"trien", "khai", "thuc", "hien"}, RelationType::kImplements},
        {{"thuc", "hien"}, RelationType::kImplements},
        {{"trien", "khai"}, RelationType::kImplements},
        {{"quan", "triet"}, RelationType::kImplements},
    };
    for (const auto& [w, type] : kVerbs) {
      if (words_at(t_, k, w)) return Trigger{type, k, k + w.size(), true};
    }
    return std::nullopt;
  }

  // Are tokens [from, k) words that leave a verb at the head of its clause
  // ("Tiếp tục đẩy mạnh", "Về việc"; not "Việc" alone, a noun)?
  bool modifiers_only(std::size_t from, std::size_t k) const {
    for (std::size_t m = from; m < k; ++m) {
      if (is_word(t_[m], "viec") && !(m > from && is_word(t_[m - 1], "ve"))) return false;
      if (!any_word(t_[m], {"tiep", "tuc", "to", "chuc", "day", "manh", "nghiem", "ve", "viec",
                            "va", "kip", "thoi"})) {
        return false;
      }
    }
    return true;
  }

  // Is the verb at token k the head of its clause: first in the sentence
  // (after a few modifiers), after "[văn bản] này" or its "... và", or,
  // for implementing verbs, first after a comma or semicolon?
  bool at_head(std::size_t begin, std::size_t k, RelationType type) const {
    std::size_t from = begin;
    if (type == RelationType::kImplements || type == RelationType::kContinues) {
      for (std::size_t m = k; m > begin; --m) {
        const std::string_view g = text_.substr(t_[m - 1].end, t_[m].start - t_[m - 1].end);
        if (g.find_first_of(",;") != std::string_view::npos) {
          from = m;
          break;
        }
      }
    }
    // A document guides another only in its title or its scope article
    // ("Thông tư này hướng dẫn ..."); "a) Hướng dẫn các cơ quan ..." is a task.
    const bool guides = type == RelationType::kGuides;
    if (k - from <= kMaxHeadModifiers && (!guides || t_[k].start < layout_.preamble_end()) &&
        modifiers_only(from, k)) {
      return true;
    }
    // "Thông tư này thay thế ...", "... này có hiệu lực ... và thay thế":
    // "này" within the first words, after the type name.
    if (type == RelationType::kImplements || type == RelationType::kContinues) return false;
    for (std::size_t n = from + 1; n < k && n <= from + kMaxTypeSyllables; ++n) {
      if (is_word(t_[n], "nay")) return k == n + 1 || is_word(t_[k - 1], "va");
    }
    return false;
  }

  // A verb whose targets follow it: the first head citation after it in
  // the sentence and the citations joined to it; or, after a lead-in
  // ending in ':' ("... như sau:" excepted), the items of the list.
  void read_forward(std::size_t si, const Trigger& trig) {
    const Sentence& s = layout_.sentences()[si];
    const std::size_t from = t_[trig.last - 1].end;
    const std::size_t first = first_head(from, s.end);
    if (first == c_.size()) return;
    if (!close_enough(trig, first)) return;
    if (task_for_others(trig, first, s)) return;
    const bool part = names_part(t_, trig.last, first_token_[first]);
    std::string scope_text = part ? scope_before(trig.last, first) : "";
    for (std::size_t i : chain(first, s.end)) {
      // A later item names its own provisions after the citation before it.
      const std::size_t gap_from = i == first ? trig.last : token_from(c_[i - 1].end);
      if (i != first && names_part(t_, gap_from, first_token_[i])) {
        scope_text = scope_before(gap_from, i);
      }
      Relation& r = add(trig.type, i, s, trig.stated);
      if (has_scope(trig.type) && part) set_part(r, scope_text);
    }
  }

  bool close_enough(const Trigger& trig, std::size_t first) const {
    if (trig.type != RelationType::kImplements && trig.type != RelationType::kContinues) {
      // "Sửa đổi nhiệm vụ trong Chương trình hành động thực hiện Nghị quyết
      // số 66-NQ/TW": the programme is amended, the resolution implemented.
      for (std::size_t k = trig.last; k < first_token_[first]; ++k) {
        if (words_at(t_, k, {"thuc", "hien"}) && free_token(k) && plan_before(k, trig.last)) {
          return false;
        }
      }
      return true;
    }
    const std::size_t gap = first_token_[first] - trig.last;
    if (gap > kMaxImplementsGap) return false;
    // "thực hiện theo quy định tại Y" merely cites Y; "tiếp tục thực hiện
    // cho đến khi Y hết hiệu lực" is a condition.
    for (std::size_t k = trig.last; k < first_token_[first]; ++k) {
      if (any_word(t_[k], {"theo", "tai", "khi"}) && trig.stated) return false;
    }
    return true;
  }

  // A plan named within the few tokens before k (not before `from`):
  // "Chương trình hành động của Chính phủ thực hiện ...".
  bool plan_before(std::size_t k, std::size_t from) const {
    for (std::size_t m = k; m > from && m + kMaxPlanNameWords > k; --m) {
      if (words_at(t_, m - 1, {"chuong", "trinh"}) || words_at(t_, m - 1, {"ke", "hoach"}) ||
          words_at(t_, m - 1, {"de", "an"})) {
        return true;
      }
    }
    return false;
  }

  // "Sửa đổi, bổ sung Nghị định số ... để ...": a work plan's task. The
  // purpose clause may sit inside the target's description; "biện pháp để
  // tổ chức thi hành" is part of decree titles, not a purpose.
  bool task_for_others(const Trigger& trig, std::size_t first, const Sentence& s) const {
    if (trig.type == RelationType::kImplements || trig.type == RelationType::kContinues) {
      return false;
    }
    for (std::size_t k = token_from(c_[first].start) + 1; k < t_.size() && t_[k].start < s.end; ++k) {
      if (is_word(t_[k], "de") && !layout_.in_quote(t_[k].start) &&
          !(k >= 2 && words_at(t_, k - 2, {"bien", "phap"}))) {
        return true;
      }
    }
    return false;
  }

  // "Y hết hiệu lực (kể từ ngày ...)": the head citations before the
  // verb, or the items after a lead-in ("các Thông tư sau hết hiệu lực:").
  void read_expiry(std::size_t si, const Trigger& trig) {
    const Sentence& s = layout_.sentences()[si];
    if (conditional(s, trig)) return;
    const ExpiryDate when = expiry_date(s.body, s.end);
    // Stated by this document: with its date, or in its effect article; a
    // table of documents that expired by other acts states nothing.
    if (when.date.empty() && !when.on_effect && !in_effect_article(si)) return;
    const std::size_t first = first_head(s.body, t_[trig.first].start);
    if (first != c_.size()) {
      add_expiry_list(first, t_[trig.first].start, s, s, when, true);
      return;
    }
    if (s.terminator == ':' && lists_items(s)) read_items(si, when);
  }

  // Is sentence si in an article headed "Hiệu lực thi hành", "Điều khoản
  // thi hành", "Tổ chức thực hiện và hiệu lực"?
  bool in_effect_article(std::size_t si) const {
    const auto& sentences = layout_.sentences();
    for (std::size_t j = si + 1; j-- > 0;) {
      if (sentences[j].level != kArticle) continue;
      const std::size_t end = std::min(sentences[j].end, next_line_end(sentences[j].body));
      for (std::size_t k = token_from(sentences[j].body); k < t_.size() && t_[k].start < end; ++k) {
        const bool lost = k > 0 && any_word(t_[k - 1], {"het", "dut"});  // "hết hiệu lực"
        if ((words_at(t_, k, {"hieu", "luc"}) && !lost) || words_at(t_, k, {"thi", "hanh"})) {
          return true;
        }
      }
      return false;
    }
    return false;
  }

  std::size_t next_line_end(std::size_t pos) const {
    const std::size_t nl = text_.find('\n', pos);
    return nl == std::string_view::npos ? text_.size() : nl;
  }

  struct ExpiryDate {
    std::string date;
    bool on_effect = false;
  };

  // "kể từ ngày [văn bản] này có hiệu lực" or "(kể) từ ngày D" in [from, to).
  ExpiryDate expiry_date(std::size_t from, std::size_t to) const {
    for (std::size_t k = token_from(from); k + 1 < t_.size() && t_[k].start < to; ++k) {
      if (!words_at(t_, k, {"tu", "ngay"})) continue;
      // "kể từ ngày Thông tư liên tịch này có hiệu lực": the type has up
      // to four syllables.
      for (std::size_t m = k + 3; m < k + 7 && m < t_.size(); ++m) {
        if (words_at(t_, m, {"nay", "co", "hieu", "luc"})) return {"", true};
      }
      const std::string date = parse_date(text_.substr(t_[k + 1].start));
      if (!date.empty()) return {date, false};
    }
    return {};
  }

  // "cho đến khi Y hết hiệu lực", "Trường hợp ... hết hiệu lực": a
  // condition, not a statement.
  bool conditional(const Sentence& s, const Trigger& trig) const {
    for (std::size_t k = token_from(s.body); k < trig.first; ++k) {
      if (any_word(t_[k], {"khi", "neu"}) || words_at(t_, k, {"truong", "hop"})) return true;
    }
    return false;
  }

  // "... sau đây ...:" / "các Thông tư sau ...:" but not "như sau:".
  bool lists_items(const Sentence& s) const {
    for (std::size_t k = token_from(s.body); k < t_.size() && t_[k].start < s.end; ++k) {
      if (is_word(t_[k], "sau") && !(k > 0 && is_word(t_[k - 1], "nhu"))) return true;
    }
    return false;
  }

  // The items after lead-in sentence `si`: sentences of a lower list level,
  // each cut at ';', up to a sentence end.
  void read_items(std::size_t si, const ExpiryDate& when) {
    const auto& sentences = layout_.sentences();
    const Sentence& lead = sentences[si];
    for (std::size_t j = si + 1; j < sentences.size() && j <= si + kMaxListItems; ++j) {
      const Sentence& item = sentences[j];
      if (item.level != kNoMarker && lead.level != kNoMarker && item.level <= lead.level) break;
      std::size_t part_start = item.body;
      for (std::size_t p = item.body; p <= item.end; ++p) {
        if (p < item.end && (text_[p] != ';' || layout_.in_quote(p))) continue;
        const std::size_t first = first_head(part_start, p);
        if (first != c_.size()) add_expiry_list(first, p, lead, item, when, false);
        part_start = p + 1;
      }
      if (item.terminator == '.' || item.terminator == 0) break;
    }
  }

  void add_expiry_list(std::size_t first, std::size_t limit, const Sentence& lead,
                       const Sentence& s, const ExpiryDate& when, bool stated) {
    for (std::size_t i : chain(first, limit)) {
      const std::size_t before = i == first ? token_from(s.body) : token_from(c_[i - 1].end);
      Relation& r = add(RelationType::kExpires, i, s, stated);
      if (&lead != &s) join_evidence(r, lead);
      r.date = when.date;
      r.on_effect_date = when.on_effect;
      if (names_part(t_, before, first_token_[i])) set_part(r, scope_before(before, i));
    }
  }

  // The provisions named right before citation i, from token `from`:
  // "khoản 1 Điều 15; các khoản 1, 2 Điều 18"; else the whole phrase.
  std::string scope_before(std::size_t from, std::size_t i) const {
    std::size_t end = first_token_[i];
    while (end > from && any_word(t_[end - 1], {"cua", "tai", "theo", "kem", "ban", "hanh",
                                                "thuoc", "qui", "dinh"})) {
      --end;
    }
    std::size_t begin = end;
    while (begin > from && is_provision_token(t_[begin - 1])) --begin;
    while (begin < end && any_word(t_[begin], {"va", "cac", "so"})) ++begin;
    if (begin == end) begin = from;
    if (begin >= end) return {};
    std::string scope = clean_span(text_.substr(t_[begin].start, t_[end - 1].end - t_[begin].start));
    // "Danh mục (Phụ lục I, Phụ lục II)": the closing bracket is no token.
    const std::size_t after = t_[end - 1].end;
    if (std::count(scope.begin(), scope.end(), '(') > std::count(scope.begin(), scope.end(), ')') &&
        after < text_.size() && text_[after] == ')') {
      scope += ')';
    }
    if (scope.size() > kMaxScopeBytes) {
      const std::size_t space = scope.rfind(' ', kMaxScopeBytes);
      scope.resize(space == std::string::npos ? 0 : space);
    }
    return scope;
  }

  // --- the annex list of repealed documents -----------------------------

  // "DANH MỤC VĂN BẢN ... BÃI BỎ TOÀN BỘ / MỘT PHẦN": every head citation
  // of the list repeals its document (whole or in part, as the heading
  // says), up to the next annex heading.
  void read_repeal_annexes() {
    const auto& sentences = layout_.sentences();
    for (std::size_t si = 0; si < sentences.size(); ++si) {
      const Sentence& h = sentences[si];
      const std::string_view heading = trim(text_.substr(h.start, h.end - h.start));
      if (!heading.starts_with("DANH MỤC") || heading.find("BÃI BỎ") == std::string_view::npos) {
        continue;
      }
      const bool part = heading.find("MỘT PHẦN") != std::string_view::npos;
      std::size_t j = si + 1;
      for (; j < sentences.size(); ++j) {
        const Sentence& s = sentences[j];
        const std::string_view line = trim(text_.substr(s.start, s.end - s.start));
        if (line.starts_with("DANH MỤC") || line.starts_with("PHỤ LỤC")) break;
        if (line.starts_with("(Kèm theo") || line.starts_with("(Ban hành kèm theo")) continue;
        read_annex_entry(h, s, part);
      }
      si = j - 1;
    }
  }

  // One entry of the list: its first head citation and those joined to
  // it; the documents its description names are not repealed.
  void read_annex_entry(const Sentence& heading, const Sentence& s, bool part) {
    const std::size_t first = first_head(s.body, s.end);
    if (first == c_.size()) return;
    std::size_t previous_end = s.body;
    for (std::size_t i : chain(first, s.end)) {
      Relation& r = add(RelationType::kRepeals, i, s, false);
      join_evidence(r, heading);
      if (part) set_part(r, scope_before(token_from(previous_end), i));
      previous_end = c_[i].end;
    }
  }

  // --- output -----------------------------------------------------------

  static bool has_scope(RelationType type) {
    return type == RelationType::kReplaces || type == RelationType::kRepeals ||
           type == RelationType::kExpires;
  }

  static void set_part(Relation& r, std::string scope_text) {
    r.scope = RelationScope::kPart;
    r.scope_text = std::move(scope_text);
  }

  void join_evidence(Relation& r, const Sentence& lead) const {
    r.evidence = clean_span(text_.substr(lead.start, lead.end - lead.start)) + " … " + r.evidence;
    r.evidence_start = lead.start;
  }

  Relation& add(RelationType type, std::size_t i, const Sentence& s, bool stated) {
    Relation r;
    r.type = type;
    r.target_symbol = c_[i].symbol;
    r.target_key = c_[i].symbol_key;
    r.directive_key = c_[i].key;
    r.evidence = clean_span(text_.substr(s.start, s.end - s.start));
    r.evidence_start = s.start;
    r.evidence_end = s.end;
    r.stated = stated;
    r.citation = i;
    out_.push_back(std::move(r));
    return out_.back();
  }

  // One `cites` per target key that no other relation covers; never the
  // document's own "(Kèm theo ...)" line.
  void add_cites() {
    std::set<std::string> covered;
    for (const Relation& r : out_) covered.insert(r.target_key);
    for (std::size_t i = 0; i < c_.size(); ++i) {
      if (covered.count(c_[i].symbol_key) || kem_theo(c_[i].start)) continue;
      covered.insert(c_[i].symbol_key);
      const Sentence& s = layout_.sentences().empty()
                              ? Sentence{c_[i].start, c_[i].start, c_[i].end, 0, kNoMarker}
                              : layout_.sentences()[layout_.sentence_at(c_[i].start)];
      add(RelationType::kCites, i, s, true);
    }
  }

  bool kem_theo(std::size_t pos) const {
    const std::string_view line = trim(layout_.line_at(pos));
    return line.starts_with("(Kèm theo") || line.starts_with("(Ban hành kèm theo");
  }

  // One relation per (type, target, scope), the first.
  void dedupe() {
    std::set<std::tuple<RelationType, std::string, RelationScope>> seen;
    std::vector<Relation> kept;
    for (Relation& r : out_) {
      if (seen.insert({r.type, r.target_key, r.scope}).second) kept.push_back(std::move(r));
    }
    out_ = std::move(kept);
  }

  std::string_view text_;
  const std::vector<Token>& t_;
  const std::vector<Citation>& c_;
  Layout layout_;
  std::vector<std::size_t> first_token_;  // per citation: its first token
  std::vector<bool> head_;                // per citation: a list head, not a description
  std::vector<Span> spans_;               // merged byte spans of the citations
  std::vector<Relation> out_;
};

// The first syllables of every document type name, folded as the
// tokenizer folds them ("Quy" -> "qui").
const std::vector<std::vector<std::string>>& type_syllables() {
  static const std::vector<std::vector<std::string>> out = [] {
    std::vector<std::vector<std::string>> names;
    for (std::string_view name : document_type_names()) names.push_back(folded_syllables(name));
    return names;
  }();
  return out;
}

// Does "[type] này có hiệu lực" end at token `m` ("này") with the type
// right before it, after nothing but an article heading ("Điều 19. Hiệu
// lực văn bản\n", "Hiệu lực thi hành")?
bool own_effect_clause(std::string_view text, const std::vector<Token>& t, const Sentence& s,
                       std::size_t body, std::size_t m) {
  for (const auto& type : type_syllables()) {
    if (m < body + type.size()) continue;
    const std::size_t first = m - type.size();
    bool match = true;
    for (std::size_t k = 0; match && k < type.size(); ++k) match = is_word(t[first + k], type[k]);
    if (!match) continue;
    if (first == body) return true;
    const std::string_view before = text.substr(s.body, t[first].start - s.body);
    const bool after_heading_line =
        s.level == kArticle && std::count(before.begin(), before.end(), '\n') == 1 &&
        text.substr(t[first - 1].end, t[first].start - t[first - 1].end).find('\n') !=
            std::string_view::npos;
    return after_heading_line ||
           std::all_of(t.begin() + static_cast<long>(body), t.begin() + static_cast<long>(first),
                       [](const Token& x) {
                         return any_word(x, {"hieu", "luc", "thi", "hanh", "dieu", "khoan"});
                       });
  }
  return false;
}

// The date after "có hiệu lực" (token k): "(thi hành) (kể) từ ngày D", "...
// từ ngày ký (ban hành)", "sau N ngày kể từ ngày ký".
std::string effect_date_after(std::string_view text, const std::vector<Token>& t, std::size_t k,
                              std::string_view signed_date) {
  if (words_at(t, k, {"thi", "hanh"})) k += 2;
  if (is_word_at(t, k, "sau") && k + 2 < t.size() && t[k + 1].kind == TokenKind::kNumber &&
      is_word(t[k + 2], "ngay")) {
    const std::string& digits = t[k + 1].folded;
    const int days = digits.size() <= 3 ? std::stoi(digits) : -1;
    const bool from_signing = words_at(t, k + 3, {"ke", "tu", "ngay", "ki"});
    return days >= 0 && from_signing ? add_days(signed_date, days) : std::string();
  }
  if (is_word_at(t, k, "ke")) ++k;
  if (!words_at(t, k, {"tu", "ngay"})) return {};
  // "ký" folds to "ki" (i/y spell one syllable); a law or a resolution of
  // the National Assembly is dated the day it is passed ("thông qua").
  if (is_word_at(t, k + 2, "ki") || words_at(t, k + 2, {"thong", "qua"})) {
    return std::string(signed_date);
  }
  return parse_date(text.substr(t[k + 1].start));
}

}  // namespace

EffectiveFrom find_effective_from(std::string_view text, const std::vector<Token>& tokens,
                                  std::string_view signed_date) {
  const Layout layout(text);
  auto token_from = [&](std::size_t pos) { return token_at(tokens, pos); };
  for (const Sentence& s : layout.sentences()) {
    if (layout.in_quote(s.body) || layout.in_template(s.body)) continue;
    const std::size_t body = token_from(s.body);
    for (std::size_t m = body; m < tokens.size() && tokens[m].start < s.end; ++m) {
      if (!words_at(tokens, m, {"nay", "co", "hieu", "luc"}) || layout.in_quote(tokens[m].start) ||
          !own_effect_clause(text, tokens, s, body, m)) {
        continue;
      }
      EffectiveFrom out;
      out.date = effect_date_after(text, tokens, m + 4, signed_date);
      out.evidence = clean_span(text.substr(s.start, s.end - s.start));
      out.evidence_start = s.start;
      out.evidence_end = s.end;
      return out;
    }
  }
  return {};
}

std::string_view to_string(RelationType type) {
  switch (type) {
    case RelationType::kReplaces: return "replaces";
    case RelationType::kRepeals: return "repeals";
    case RelationType::kExpires: return "expires";
    case RelationType::kAmends: return "amends";
    case RelationType::kGuides: return "guides";
    case RelationType::kImplements: return "implements";
    case RelationType::kCorrects: return "corrects";
    case RelationType::kContinues: return "continues";
    case RelationType::kBasedOn: return "based_on";
    case RelationType::kCites: return "cites";
  }
  return "cites";
}

std::vector<Relation> find_relations(std::string_view text, const std::vector<Token>& tokens,
                                     const std::vector<Citation>& citations) {
  return Extractor(text, tokens, citations).run();
}

}  // namespace vanban::text
