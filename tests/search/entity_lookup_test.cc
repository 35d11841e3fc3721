#include "search/entity_lookup.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "testing/scratch_dir.h"
#include "vanban/index/schema.h"

namespace vanban::search {
namespace {

index::DirectiveEntity directive(std::string key, std::string symbol, std::vector<std::string> doc_ids = {},
                                 std::vector<std::string> aliases = {}) {
  index::DirectiveEntity d;
  d.key = std::move(key);
  d.symbol = std::move(symbol);
  d.symbol_key = d.key.substr(0, d.key.find('@'));
  d.aliases = std::move(aliases);
  for (std::string& id : doc_ids) d.documents.push_back({std::move(id), "", "", 1.0, "symbol_and_date"});
  return d;
}

// The knowledge base and the documents as the seeds make them: Chỉ thị
// 34-CT/TW of 07/4/2014, two directives numbered 01/CT-UBND in different
// years, UBND Lai Châu's letter 1954/UBND-TH (seed 001 is its draft); the
// documents: the draft, seed 002 citing 34-CT/TW, a directive 01/CT-UBND
// citing two, and the text of 34-CT/TW itself.
class EntityLookupTest : public ::testing::Test {
 protected:
  EntityLookupTest()
      : dir_("entity_lookup"),
        catalog_(dir_.str("catalog"), Xapian::DB_CREATE_OR_OVERWRITE),
        db_(dir_.str("docs"), Xapian::DB_CREATE_OR_OVERWRITE) {
    put(directive("34-ct/tw@2014-04-07", "34-CT/TW", {"ct34"}, {"34-ct/tw"}));
    put(directive("1/ct-ubnd@2023-01-03", "01/CT-UBND"));
    put(directive("1/ct-ubnd@2024-01-05", "01/CT-UBND"));
    put(directive("1954/ubnd-th@2023-05-30", "1954/UBND-TH", {"001"}));
    put(directive("19/ct-ttg", "19/CT-TTg"));
    catalog_.set_metadata(std::string(index::kDirectiveKey) + "broken@2020-01-01", "{not json");
    catalog_.commit();
    letter_ = add("001", "", {}, "/UBND-TH");
    report_ = add("002", "", {"34-ct/tw@2014-04-07"});
    launch_ = add("003", "01/CT-UBND", {"34-ct/tw", "19/ct-ttg"});
    directive_ = add("ct34", "34-CT/TW", {});
    db_.commit();
  }

  void put(const index::DirectiveEntity& d) {
    catalog_.set_metadata(std::string(index::kDirectiveKey) + d.key, index::encode(d));
  }

  Xapian::docid add(const std::string& id, const std::string& symbol, const std::vector<std::string>& cites,
                    const std::string& unnumbered = "") {
    index::StoredDocument s;
    s.record.id = id;
    s.record.symbol = symbol;
    if (!unnumbered.empty()) s.record.metadata["unnumbered_symbol"] = unnumbered;
    Xapian::Document doc;
    doc.add_boolean_term(index::id_term(id));
    for (const std::string& key : cites) doc.add_boolean_term(std::string(index::kCitesPrefix) + key);
    doc.set_data(index::encode_stored(s));
    return db_.add_document(doc);
  }

  testing::ScratchDir dir_;
  Xapian::WritableDatabase catalog_;
  Xapian::WritableDatabase db_;
  Xapian::docid letter_ = 0, report_ = 0, launch_ = 0, directive_ = 0;
};

TEST_F(EntityLookupTest, LoadsADirectiveByItsKey) {
  const auto d = load_directive(catalog_, "34-ct/tw@2014-04-07");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->symbol, "34-CT/TW");
  EXPECT_EQ(d->aliases, (std::vector<std::string>{"34-ct/tw"}));
  EXPECT_FALSE(load_directive(catalog_, "34-ct/tw@2014-04-08").has_value());
  EXPECT_FALSE(load_directive(catalog_, "").has_value());
  EXPECT_FALSE(load_directive(catalog_, "broken@2020-01-01").has_value());  // corrupt: as none
}

struct ResolveCase {
  const char* typed;
  const char* key;  // "" for none
};

class ResolveTest : public EntityLookupTest, public ::testing::WithParamInterface<ResolveCase> {};

TEST_P(ResolveTest, KeyAliasOrSymbolAsTyped) {
  const auto d = resolve(catalog_, GetParam().typed);
  EXPECT_EQ(d ? d->key : "", GetParam().key) << GetParam().typed;
}

INSTANTIATE_TEST_SUITE_P(
    Typed, ResolveTest,
    ::testing::Values(ResolveCase{"34-ct/tw@2014-04-07", "34-ct/tw@2014-04-07"},
                      ResolveCase{"34-CT/TW@2014-04-07", "34-ct/tw@2014-04-07"},
                      ResolveCase{"34- CT/TW@2014-04-07", "34-ct/tw@2014-04-07"},
                      ResolveCase{"34-CT/TW", "34-ct/tw@2014-04-07"},   // one dated directive
                      ResolveCase{"34 – CT/TW", "34-ct/tw@2014-04-07"},
                      ResolveCase{"19/CT-TTg", "19/ct-ttg"},            // undated
                      ResolveCase{"01/CT-UBND", ""},                    // two years: ambiguous
                      ResolveCase{"01/CT-UBND@2024-01-05", "1/ct-ubnd@2024-01-05"},
                      ResolveCase{"34-CT/TW@2015-01-01", ""},
                      ResolveCase{"", ""}));

TEST_F(EntityLookupTest, StoredDocumentsByDocidAndById) {
  const auto s = stored(db_, report_);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->record.id, "002");
  const auto by_id = stored_by_id(db_, "003");
  ASSERT_TRUE(by_id.has_value());
  EXPECT_EQ(by_id->record.symbol, "01/CT-UBND");
  EXPECT_FALSE(stored_by_id(db_, "004").has_value());
}

TEST_F(EntityLookupTest, AnIdTermOfAnotherRecordIsNotIt) {
  // A hashed id term shared by two ids: the record says whose it is.
  Xapian::Document doc;
  doc.add_boolean_term(index::id_term("005"));
  index::StoredDocument other;
  other.record.id = "006";
  doc.set_data(index::encode_stored(other));
  db_.add_document(doc);
  Xapian::Document garbage;
  garbage.add_boolean_term(index::id_term("007"));
  garbage.set_data("{not json");
  const Xapian::docid broken = db_.add_document(garbage);
  db_.commit();
  EXPECT_FALSE(stored_by_id(db_, "005").has_value());
  EXPECT_FALSE(stored_by_id(db_, "007").has_value());
  EXPECT_FALSE(stored(db_, broken).has_value());
}

TEST_F(EntityLookupTest, CitingDocumentsByKeyAndAliasOnce) {
  const auto d = load_directive(catalog_, "34-ct/tw@2014-04-07");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(citing_docids(db_, *d), (std::vector<Xapian::docid>{report_, launch_}));
  const auto undated = load_directive(catalog_, "19/ct-ttg");
  ASSERT_TRUE(undated.has_value());
  EXPECT_EQ(citing_docids(db_, *undated), (std::vector<Xapian::docid>{launch_}));
  EXPECT_TRUE(citing_docids(db_, *load_directive(catalog_, "1/ct-ubnd@2023-01-03")).empty());
}

TEST_F(EntityLookupTest, DirectivesADocumentIs) {
  // The draft "Số: /UBND-TH" is 1954/UBND-TH by its suffix and the link.
  EXPECT_EQ(directives_of_document(catalog_, *stored(db_, letter_)),
            (std::vector<std::string>{"1954/ubnd-th@2023-05-30"}));
  EXPECT_EQ(directives_of_document(catalog_, *stored(db_, directive_)),
            (std::vector<std::string>{"34-ct/tw@2014-04-07"}));
  EXPECT_TRUE(directives_of_document(catalog_, *stored(db_, report_)).empty());
  // Same symbol, but neither 01/CT-UBND lists document 003.
  EXPECT_TRUE(directives_of_document(catalog_, *stored(db_, launch_)).empty());
}

}  // namespace
}  // namespace vanban::search
