import Domain
import Foundation
import XCTest

@testable import Store

/// A search finds exactly the complaints whose subject or content holds the words, whichever
/// way it is answered (index list, or the queue read in order), and reads in order when common.
final class ComplaintSearchTests: XCTestCase {
  var store: Store!

  override func setUpWithError() throws {
    (store, _) = try makeDemo()
  }

  func supervisor() throws -> ComplaintQueueScope {
    let staff = try XCTUnwrap(try store.staff(login: "chenjing"))
    return ComplaintQueueScope(staff: staff, today: store.today, calendar: store.calendar)
  }

  /// Every complaint's id with its two texts, to search by hand.
  func texts() throws -> [(id: String, text: String)] {
    try store.db.fetchAll(
      """
      SELECT c.case_id, t.subject || char(10) || t.content
      FROM complaint c JOIN complaint_text t ON t.rowid = c.rowid
      """
    ) { ($0.text(0), $0.text(1)) }
  }

  /// Words of the demo's texts (2, 3 and 4 characters), plus words no complaint holds.
  func words() throws -> [String] {
    var out: Set<String> = ["医保", "，医", "排", "无此", "无此字样", "a1"]
    for (_, text) in try texts().prefix(8) {
      let chars = Array(text.prefix(12))
      for n in [2, 3, 4] where chars.count >= n {
        for i in stride(from: 0, through: chars.count - n, by: 3) {
          out.insert(String(chars[i..<(i + n)]))
        }
      }
    }
    return out.filter { !$0.contains("\n") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      .sorted()
  }

  func testEveryWordFindsTheSameCasesByIndexByQueueOrderAndByHand() throws {
    let scope = try supervisor()
    let all = try texts()
    for word in try words() {
      let filter = ComplaintFilter(search: word)
      let byHand = Set(all.filter { $0.text.lowercased().contains(word.lowercased()) }.map(\.id))
      for view in [ComplaintView.all, .callback, .organisation] {
        store.complaintSearchCommonAt = ComplaintSearch.commonAt
        let listed = try store.complaintQueue(view, filter: filter, scope: scope)
        let listedCounts = try store.complaintCounts(filter: filter, scope: scope)
        store.complaintSearchCommonAt = 1
        let scanned = try store.complaintQueue(view, filter: filter, scope: scope)
        let scannedCounts = try store.complaintCounts(filter: filter, scope: scope)
        if view == .all {
          XCTAssertEqual(Set(listed.map(\.caseID)), byHand, "「\(word)」 from the index")
        }
        XCTAssertEqual(
          listed, scanned, "「\(word)」 \(view): both ways give the same page in the same order")
        XCTAssertEqual(listedCounts, scannedCounts, "「\(word)」 counts")
      }
    }
  }

  /// 全部 lists a word's matches newest first from the word's own index, rare or common: each
  /// page stops at its rows, nothing is sorted, and pages of two give the same list.
  func testAllListsAWordsMatchesNewestFirstFromItsIndex() throws {
    let scope = try supervisor()
    for word in ["砂石厂", "医保", "窗口", "排队"] {
      let filter = ComplaintFilter(search: word)
      let expected = try store.db.fetchAll(
        """
        SELECT c.case_id FROM complaint c JOIN complaint_text t ON t.rowid = c.rowid
        WHERE instr(t.subject || char(10) || t.content, ?) > 0 ORDER BY c.rowid DESC
        """, [word]
      ) { $0.text(0) }
      XCTAssertFalse(expected.isEmpty, word)
      for commonAt in [ComplaintSearch.commonAt, 1] {
        store.complaintSearchCommonAt = commonAt
        let rows = try store.complaintQueue(.all, filter: filter, scope: scope)
        XCTAssertEqual(rows.map(\.caseID), expected, "「\(word)」")
        let paged = try (0..<20).flatMap {
          try store.complaintQueue(.all, filter: filter, scope: scope, offset: $0 * 2, limit: 2)
        }
        XCTAssertEqual(paged.map(\.caseID), expected, "「\(word)」 two at a time")
        let (sql, args) = try XCTUnwrap(
          try store.complaintQueueStatement(.all, filter: filter, scope: scope))
        let plan = try store.queryPlan(sql, args + [200, 0]).joined(separator: " | ")
        XCTAssertTrue(plan.contains("VIRTUAL TABLE"), plan)
        XCTAssertTrue(plan.contains("INTEGER PRIMARY KEY"), plan)
        XCTAssertFalse(plan.contains("TEMP B-TREE"), plan)
      }
    }
  }

  func testTwoCharacterWordsAreLookedUpInTheBigramIndex() throws {
    let medical = try XCTUnwrap(try ComplaintSearch.plan("医保", db: store.db))
    XCTAssertTrue(medical.clause.contains("complaint_bigram"), medical.clause)
    XCTAssertFalse(medical.isCommon)
    let three = try XCTUnwrap(try ComplaintSearch.plan("砂石厂", db: store.db))
    XCTAssertTrue(three.clause.contains("complaint_text MATCH"), three.clause)
    // Punctuation is not kept in a pair by the tokenizer: such a string is read by LIKE.
    let punctuated = try XCTUnwrap(try ComplaintSearch.plan("，医", db: store.db))
    XCTAssertTrue(punctuated.clause.contains("LIKE"), punctuated.clause)
    XCTAssertNil(try ComplaintSearch.plan("  ", db: store.db))
    XCTAssertEqual(ComplaintTextIndex.bigrams("排队久", "A1"), "排队 队久 A1")
  }

  func testACommonWordReadsTheQueueInItsOrderWithoutSorting() throws {
    let scope = try supervisor()
    let common = try XCTUnwrap(try ComplaintSearch.plan("窗口", db: store.db, commonAt: 1))
    XCTAssertTrue(common.isCommon)
    let (whereSQL, args) = try XCTUnwrap(
      Store.queueWhere(.all, ComplaintFilter(search: "窗口"), scope, search: common))
    let plan = try store.db.fetchAll(
      "EXPLAIN QUERY PLAN " + Store.queueSQL(whereSQL), args + [200, 0]
    ) { $0.text(3) }.joined(separator: " | ")
    XCTAssertTrue(plan.contains("complaint_by_queue_order"), plan)
    XCTAssertFalse(plan.contains("TEMP B-TREE FOR ORDER BY"), plan)
  }

  func testTheBigramIndexIsFilledForComplaintsFiledBeforeIt() throws {
    let before = try store.complaintQueue(
      .all, filter: ComplaintFilter(search: "医保"), scope: try supervisor())
    XCTAssertEqual(before.count, 1)
    // Back to a version-7 database: no bigram index, no queue-order index (nor v9's columns, nor v10's clock).
    try store.db.execute(schemaV30Undone + schemaV24Undone)
    try store.db.execute(
      """
      DROP TABLE complaint_bigram; DROP INDEX complaint_by_queue_order; DROP TABLE causal_clock;
      ALTER TABLE org DROP COLUMN parent; ALTER TABLE org DROP COLUMN disabled;
      DROP TABLE application_platform; DROP INDEX application_awaiting_prereview;
      DROP TABLE case_find;
      PRAGMA user_version = 7;
      """ + schemaV26Undone)
    let path = store.db.path
    store = nil
    let when = beijing("2026-11-26T09:30")
    store = try Store.open(path: path, clock: { when })
    XCTAssertEqual(store.schemaVersion, Migrator.latestVersion)
    XCTAssertEqual(
      try store.db.fetchInt("SELECT count(*) FROM complaint_bigram"),
      try store.db.fetchInt("SELECT count(*) FROM complaint_text"))
    let after = try store.complaintQueue(
      .all, filter: ComplaintFilter(search: "医保"), scope: try supervisor())
    XCTAssertEqual(after, before)
  }
}
