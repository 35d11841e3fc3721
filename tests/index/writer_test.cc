#include "vanban/index/writer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

#include "testing/scratch_dir.h"
#include "vanban/index/schema.h"

namespace vanban::index {
namespace {

doc::DocumentRecord record(const std::string& id, const std::string& text) {
  doc::DocumentRecord r;
  r.id = id;
  r.text = text;
  return r;
}

class IndexWriterTest : public ::testing::Test {
 protected:
  IndexWriterTest() : dir_("index_writer") {}
  std::string db() const { return dir_.str("db"); }
  testing::ScratchDir dir_;
};

TEST_F(IndexWriterTest, PutAddsUpdatesOrLeavesAlone) {
  IndexWriter w(db(), {});
  EXPECT_EQ(w.put(record("a", "Thi đua yêu nước"), "/r"), IndexWriter::Outcome::kAdded);
  EXPECT_EQ(w.put(record("a", "Thi đua yêu nước"), "/r"), IndexWriter::Outcome::kUnchanged);
  EXPECT_EQ(w.put(record("a", "Thi đua khen thưởng"), "/r"), IndexWriter::Outcome::kUpdated);
  // The same record under another root is a change (its source moved).
  EXPECT_EQ(w.put(record("a", "Thi đua khen thưởng"), "/other"), IndexWriter::Outcome::kUpdated);
  w.commit();
  EXPECT_EQ(w.document_count(), 1u);
}

TEST_F(IndexWriterTest, RemoveMissingKeepsWhatWasPutOrKept) {
  {
    IndexWriter w(db(), {});
    for (const char* id : {"a", "b", "c"}) w.put(record(id, "Dân vận khéo"), "/r");
    w.put(record("d", "Dân vận khéo"), "/other");
  }
  IndexWriter w(db(), {});
  w.put(record("a", "Dân vận khéo"), "/r");
  w.keep("b");
  EXPECT_EQ(w.remove_missing("/r"), 1u);  // c
  w.commit();
  const Xapian::Database d(db());
  EXPECT_EQ(d.get_doccount(), 3u);
  EXPECT_EQ(d.get_termfreq(id_term("c")), 0u);
  EXPECT_EQ(d.get_termfreq(id_term("d")), 1u);  // another root is not touched
}

TEST_F(IndexWriterTest, CommitsEveryBatchAndOnDestruction) {
  {
    IndexWriter w(db(), {.documents_per_commit = 2});
    w.put(record("a", "một"), "/r");
    w.put(record("b", "hai"), "/r");
    EXPECT_EQ(Xapian::Database(db()).get_doccount(), 2u);  // the batch is committed
    w.put(record("c", "ba"), "/r");
    EXPECT_EQ(Xapian::Database(db()).get_doccount(), 2u);
  }
  EXPECT_EQ(Xapian::Database(db()).get_doccount(), 3u);
}

TEST_F(IndexWriterTest, SpellingFollowsTheDocuments) {
  IndexWriter w(db(), {});
  w.put(record("a", "khen thưởng"), "/r");
  w.put(record("b", "khen thưởng"), "/r");
  w.commit();
  EXPECT_EQ(Xapian::Database(db()).get_spelling_suggestion("thưởnh"), "thưởng");
  w.put(record("a", "thi đua"), "/r");
  w.put(record("b", "thi đua"), "/r");
  w.commit();
  EXPECT_EQ(Xapian::Database(db()).get_spelling_suggestion("thưởnh"), "");
}

TEST_F(IndexWriterTest, KnowledgeChangesArePendingUntilTaken) {
  {
    IndexWriter w(db(), {});
    w.put(record("a", "Thực hiện Chỉ thị số 34-CT/TW"), "/r");
    w.commit();
  }  // as if killed before the refresh: the keys are saved with the batch
  IndexWriter w(db(), {});
  const KnowledgeChanges changes = w.take_changes();
  EXPECT_EQ(changes.symbols, (std::set<std::string>{"34-ct/tw"}));
  w.commit();
  EXPECT_TRUE(w.take_changes().empty());
}

}  // namespace
}  // namespace vanban::index
