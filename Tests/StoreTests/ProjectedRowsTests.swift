import Domain
import XCTest

@testable import Store

/// Projected rows are written as differences: unchanged rows are not touched, changed rows are
/// updated in place (only the columns that differ), gone rows deleted.
final class ProjectedRowsTests: XCTestCase {
  var db: Connection!

  override func setUpWithError() throws {
    db = try Connection(path: ":memory:")
    try db.execute(
      """
      CREATE TABLE item (id TEXT PRIMARY KEY, a TEXT, b INTEGER);
      CREATE TABLE part (owner TEXT NOT NULL, k TEXT NOT NULL, v TEXT, PRIMARY KEY (owner, k));
      CREATE TABLE touched (what TEXT);
      CREATE TRIGGER item_a AFTER UPDATE OF a ON item BEGIN INSERT INTO touched VALUES ('a'); END;
      CREATE TRIGGER item_b AFTER UPDATE OF b ON item BEGIN INSERT INTO touched VALUES ('b'); END;
      CREATE TRIGGER item_ins AFTER INSERT ON item BEGIN INSERT INTO touched VALUES ('+'); END;
      CREATE TRIGGER part_ins AFTER INSERT ON part BEGIN INSERT INTO touched VALUES ('+' || new.k); END;
      CREATE TRIGGER part_del AFTER DELETE ON part BEGIN INSERT INTO touched VALUES ('-' || old.k); END;
      CREATE TRIGGER part_upd AFTER UPDATE ON part BEGIN INSERT INTO touched VALUES ('~' || new.k); END;
      """)
  }

  func touched() throws -> [String] {
    let out = try db.fetchAll("SELECT what FROM touched ORDER BY rowid") { $0.text(0) }
    try db.run("DELETE FROM touched")
    return out
  }

  func testARowIsInsertedThenOnlyItsChangedColumnsAreUpdated() throws {
    let row = ProjectedRow(table: "item", key: "id")
    try row.write(key: .text("x"), [("a", SQLValue.text("一")), ("b", SQLValue.integer(1))], db: db)
    XCTAssertEqual(try touched(), ["+"])
    let rowid = try db.fetchInt("SELECT rowid FROM item WHERE id = 'x'")
    try row.write(key: .text("x"), [("a", SQLValue.text("一")), ("b", SQLValue.integer(1))], db: db)
    XCTAssertEqual(try touched(), [], "an unchanged row is not written")
    try row.write(key: .text("x"), [("a", SQLValue.text("一")), ("b", SQLValue.integer(2))], db: db)
    XCTAssertEqual(try touched(), ["b"], "only the column that differs is set")
    try row.write(key: .text("x"), [("a", SQLValue.null), ("b", SQLValue.integer(2))], db: db)
    XCTAssertEqual(try touched(), ["a"])
    XCTAssertEqual(try db.fetchInt("SELECT rowid FROM item WHERE id = 'x'"), rowid)
    XCTAssertEqual(
      try db.fetchOne("SELECT a IS NULL, b FROM item") { [$0.int(0), $0.int(1)] }, [1, 2])
    try row.delete(key: .text("x"), db: db)
    XCTAssertEqual(try db.fetchInt("SELECT count(*) FROM item"), 0)
  }

  func part(_ k: String, _ v: String?) -> [ProjectedColumn] { [("k", k), ("v", v)] }

  func testARowSetDeletesInsertsAndUpdatesOnlyTheDifference() throws {
    let set = ProjectedRowSet(table: "part", owner: "owner", key: ["k"])
    let other = SQLValue.text("other")
    try set.replace(owner: other, with: [part("p", "别人的")], db: db)
    try set.replace(
      owner: .text("o"), with: [part("p", "1"), part("q", "2")], db: db)
    XCTAssertEqual(try touched(), ["+p", "+p", "+q"])
    try set.replace(
      owner: .text("o"), with: [part("q", "2"), part("p", "1")], db: db)
    XCTAssertEqual(try touched(), [], "order does not matter; nothing changed")
    try set.replace(
      owner: .text("o"), with: [part("q", "3"), part("r", nil)], db: db)
    XCTAssertEqual(try touched(), ["-p", "~q", "+r"])
    // A key given twice keeps its last row.
    try set.replace(
      owner: .text("o"), with: [part("q", "4"), part("q", "5")], db: db)
    XCTAssertEqual(
      try db.fetchAll("SELECT owner, k, v FROM part ORDER BY owner, k") {
        "\($0.text(0)) \($0.text(1)) \($0.optionalText(2) ?? "NULL")"
      }, ["o q 5", "other p 别人的"])
    try set.replace(owner: .text("o"), with: [], db: db)
    XCTAssertEqual(try db.fetchInt("SELECT count(*) FROM part WHERE owner = 'o'"), 0)
    XCTAssertEqual(try db.fetchInt("SELECT count(*) FROM part WHERE owner = 'other'"), 1)
  }

  /// Projecting fresh (a rebuild, a stream new here) inserts each row straight away and leaves
  /// what the difference writer would: a key given twice still keeps its last row, and a
  /// single row and a deletion of nothing stored write as before.
  func testWritingFreshLeavesWhatTheDifferenceWriterLeaves() throws {
    let set = ProjectedRowSet(table: "part", owner: "owner", key: ["k"])
    let row = ProjectedRow(table: "item", key: "id")
    func write(fresh: Bool, _ owner: String) throws {
      try db.memo.projecting(fresh: fresh) {
        try set.replace(owner: .text(owner), with: [part("p", "1"), part("q", nil)], db: db)
        try set.replace(
          owner: .text(owner + "2"), with: [part("q", "4"), part("p", "1"), part("q", "5")],
          db: db)
        try set.replace(owner: .text(owner + "3"), with: [], db: db)
        try row.write(
          key: .text(owner), [("a", SQLValue.text("一")), ("b", SQLValue.integer(1))], db: db)
        try row.delete(key: .text(owner + "2"), db: db)
      }
    }
    func rows(_ owner: String) throws -> [String] {
      try db.fetchAll(
        "SELECT substr(owner, 2), k, v FROM part WHERE owner LIKE ? ORDER BY owner, k",
        [owner + "%"]
      ) { "\($0.text(0)) \($0.text(1)) \($0.optionalText(2) ?? "NULL")" }
        + db.fetchAll("SELECT a, b FROM item WHERE id = ?", [owner]) {
          "\($0.text(0)) \($0.int(1))"
        }
    }
    try db.inTransaction {
      try write(fresh: false, "a")
      try write(fresh: true, "b")
    }
    XCTAssertEqual(try rows("b"), try rows("a"))
    XCTAssertEqual(try rows("b"), [" p 1", " q NULL", "2 p 1", "2 q 5", "一 1"])
  }

  func testDecodedBodiesAreReusedOnlyForTheSameStoredText() {
    let cache = DecodedBodies<Int>()
    var decoded = 0
    func read(_ text: String) -> Int? {
      cache.value("k", text: text) {
        decoded += 1
        return Int($0)
      }
    }
    XCTAssertEqual(read("12"), 12)
    XCTAssertEqual(read("12"), 12)
    XCTAssertEqual(decoded, 1)
    XCTAssertEqual(read("13"), 13, "changed text is decoded again")
    XCTAssertEqual(decoded, 2)
    XCTAssertNil(read("不是数字"))
    XCTAssertNil(read("不是数字"))
    XCTAssertEqual(decoded, 3)
  }

  /// The demo was folded from payload values seeded at append time; a rebuild decodes the
  /// journal afresh (caches dropped) and must write the same rows.
  func testTheDemoRebuiltFromTheJournalAloneEqualsItsLiveRows() throws {
    let (store, _) = try makeDemo()
    let before = try store.projectionDump()
    try store.rebuild()
    XCTAssertEqual(try store.projectionDump(), before)
  }
}

/// The transaction memo saves reads within a transaction and never outlives what it remembers.
final class TransactionMemoTests: XCTestCase {
  struct Boom: Error {}

  func testARolledBackSavepointForgetsWhatItWrote() throws {
    let db = try Connection(path: ":memory:")
    try db.execute("CREATE TABLE item (id TEXT PRIMARY KEY, a TEXT, b INTEGER)")
    let row = ProjectedRow(table: "item", key: "id")
    try db.inTransaction {
      try row.write(
        key: .text("x"), [("a", SQLValue.text("旧")), ("b", SQLValue.integer(1))], db: db)
      XCTAssertThrowsError(
        try db.inTransaction {
          try row.write(
            key: .text("x"), [("a", SQLValue.text("新")), ("b", SQLValue.integer(2))], db: db)
          throw Boom()
        })
      // Had the memo kept the rolled-back row, this write would be skipped as "unchanged".
      try row.write(
        key: .text("x"), [("a", SQLValue.text("新")), ("b", SQLValue.integer(2))], db: db)
    }
    XCTAssertEqual(try db.fetchOne("SELECT a, b FROM item") { "\($0.text(0))\($0.int(1))" }, "新2")
    // Outside a transaction nothing is remembered.
    try db.run("UPDATE item SET a = '外'")
    try row.write(key: .text("x"), [("a", SQLValue.text("新")), ("b", SQLValue.integer(2))], db: db)
    XCTAssertEqual(try db.fetchOne("SELECT a FROM item") { $0.text(0) }, "新")
  }

  func testAStreamReadInATransactionFollowsItsAppendsInFoldOrder() throws {
    let (store, _) = try makeDemo()
    let db = store.db
    let stream = "probe/1"
    try db.inTransaction {
      _ = try Journal.append(
        [EventDraft(stream: stream, type: "probe.a", payload: "{}")], origin: "BYQ.1",
        node: "BYQ", actor: "t", timestamp: 2000, db: db)
      XCTAssertEqual(try Journal.events(stream: stream, db: db).map(\.type.rawValue), ["probe.a"])
      _ = try Journal.append(
        [EventDraft(stream: stream, type: "probe.b", payload: "{}")], origin: "BYQ.1",
        node: "BYQ", actor: "t", timestamp: 3000, db: db)
      XCTAssertEqual(
        try Journal.events(stream: stream, db: db).map(\.type.rawValue), ["probe.a", "probe.b"])
      // A clock set back: the new event folds first, as a fresh read orders it.
      _ = try Journal.append(
        [EventDraft(stream: stream, type: "probe.c", payload: "{}")], origin: "BYQ.1",
        node: "BYQ", actor: "t", timestamp: 1000, db: db)
      XCTAssertEqual(
        try Journal.events(stream: stream, db: db).map(\.type.rawValue),
        ["probe.c", "probe.a", "probe.b"])
    }
    XCTAssertEqual(try Journal.events(stream: stream, db: db).count, 3)
  }
}
