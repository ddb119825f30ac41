import Domain
import XCTest

@testable import Store

/// A rebuild (tables emptied, secondary indexes dropped and built again, each stream's rows
/// inserted without reading) and an import of cases new to a node (inserted without reading)
/// must leave exactly what the step-by-step fold left: every projected row, the full-text rows
/// under the rowids of the rows they index, and the same indexes.
final class RefoldTests: XCTestCase {
  func testARebuildWritesTheLiveRowsTheFullTextRowsAndTheIndexes() throws {
    let (store, _) = try makeDemo()
    let rows = try store.projectionDump()
    let indexes = try secondaryIndexes(store)
    let text = try fullText(store)
    XCTAssertTrue(text.contains("## complaint"), "the demo has complaints")
    try store.rebuild()
    XCTAssertEqual(try store.projectionDump(), rows)
    XCTAssertEqual(try secondaryIndexes(store), indexes)
    XCTAssertEqual(try fullText(store), text)
    try fullTextIntact(store)
    XCTAssertEqual(try store.auditFindings(), [])
    // The rebuilt tables serve the queues and searches through their indexes again.
    let plan = try store.db.fetchAll(
      "EXPLAIN QUERY PLAN SELECT stream FROM deadline WHERE case_id = 'BYQ-2026-000001'"
    ) { $0.text(3) }
    XCTAssertTrue(plan.contains { $0.contains("deadline_by_case") }, "\(plan)")
  }

  /// `audit verify` rebuilds inside a transaction it rolls back: the dropped indexes come back
  /// with it, and the live rows are untouched.
  func testARolledBackRebuildLeavesTablesAndIndexes() throws {
    let (store, _) = try makeDemo()
    let rows = try store.projectionDump()
    let indexes = try secondaryIndexes(store)
    XCTAssertEqual(try store.auditFindings(), [])
    XCTAssertEqual(try store.projectionDump(), rows)
    XCTAssertEqual(try secondaryIndexes(store), indexes)
    XCTAssertGreaterThan(indexes.count, 20)
  }

  func testAnImportOfNewCasesWritesWhatARebuildThereWrites() throws {
    let (district, dir) = try makeDemo()
    let admin = try XCTUnwrap(try district.staff(login: "tester"))
    // The enrolment carries the township's cases so far (an import into an empty node).
    let enrolment = dir.appendingPathComponent("enrol-WXZ.zwfb").path
    _ = try district.enrolNode(
      code: "WXZ", name: "王岘镇", organisations: ["WXZ"], path: enrolment, by: admin)
    // Then cases new to it come in a bundle.
    for (n, subject) in ["窗口排队时间太长", "办事指南与实际要求不一致"].enumerated() {
      _ = try district.complaintDispatchedToWXZ(
        subject: subject, content: "\(subject),希望改进(第\(n + 1)件)", complainant: "王芳",
        contact: "13800000000", by: admin)
    }
    let bundle = dir.appendingPathComponent("WXZ.zwfb").path
    _ = try district.exportBundle(to: "WXZ", path: bundle, by: admin)
    let (township, _) = try Store.createFromEnrolment(
      path: dir.appendingPathComponent("WXZ.db").path, enrolment: enrolment,
      clock: district.clock, actor: "tester")
    let townshipAdmin = try XCTUnwrap(try township.staff(login: "tester"))
    let summary = try township.importBundle(path: bundle, by: townshipAdmin)
    XCTAssertEqual(summary.casesTouched, 2)
    let rows = try township.projectionDump()
    let text = try fullText(township)
    XCTAssertTrue(text.contains("窗口排队时间太长"), text)
    try fullTextIntact(township)
    try township.rebuild()
    XCTAssertEqual(try township.projectionDump(), rows)
    XCTAssertEqual(try fullText(township), text)
    XCTAssertEqual(try township.auditFindings(), [])
  }

  /// A rebuild folds streams on a second thread ahead of the writes (`RefoldPipeline`). However
  /// far ahead — one stream, so that nearly every hand-over waits, a few, or all of a kind at
  /// once — it writes what the step-by-step fold left, every kind after the ones it depends on
  /// (deadlines count working days of the calendar folded before them), and the streams of a
  /// kind in journal order: the rowids of the cases and complaints follow their numbers.
  func testARebuildFoldingAheadWritesWhatTheStepsLeftInStreamOrder() throws {
    let (store, _) = try makeDemo()
    let admin = try XCTUnwrap(try store.staff(login: "tester"))
    for n in 0..<40 {
      _ = try store.complaintDispatchedToWXZ(
        subject: "第\(n)件投诉的主题", content: "内容\(n)", complainant: "王芳",
        contact: "1380000\(String(format: "%04d", n))", by: admin)
    }
    let rows = try store.projectionDump()
    let text = try fullText(store)
    let streams = try store.db.fetchInt("SELECT count(DISTINCT stream) FROM journal")
    XCTAssertGreaterThan(streams, 100)
    XCTAssertGreaterThan(
      try store.db.fetchInt("SELECT count(*) FROM deadline"), 10, "deadlines to count")
    for ahead in [1, 2, 7, 10_000] {
      try store.db.inTransaction(.immediate) { try store.refoldAll(ahead: ahead) }
      XCTAssertEqual(try store.projectionDump(), rows, "ahead \(ahead)")
      XCTAssertEqual(try fullText(store), text, "ahead \(ahead)")
      for table in ["application", "complaint"] {
        let byRowid = try store.db.fetchAll("SELECT case_id FROM \(table) ORDER BY rowid") {
          $0.text(0)
        }
        XCTAssertGreaterThan(byRowid.count, 10, table)
        XCTAssertEqual(byRowid, byRowid.sorted(), "\(table), ahead \(ahead)")
      }
    }
    XCTAssertEqual(try store.auditFindings(), [])
  }

  /// Each full-text row beside the key of the row it indexes (joined on rowid), so a text
  /// filed under another row's rowid shows.
  func fullText(_ store: Store) throws -> String {
    let complaints = try store.db.fetchAll(
      """
      SELECT c.case_id, t.subject, t.content, b.grams FROM complaint c
      JOIN complaint_text t ON t.rowid = c.rowid JOIN complaint_bigram b ON b.rowid = c.rowid
      ORDER BY c.case_id
      """
    ) { "\($0.text(0))\t\($0.text(1))\t\($0.text(2))\t\($0.text(3))" }
    let items = try store.db.fetchAll(
      """
      SELECT i.code, s.code, s.name FROM catalog_item i JOIN catalog_search s ON s.rowid = i.rowid
      ORDER BY i.code
      """
    ) { "\($0.text(0))\t\($0.text(1))\t\($0.text(2))" }
    for (table, rows) in [("complaint", complaints.count), ("catalog_item", items.count)] {
      XCTAssertEqual(try store.db.fetchInt("SELECT count(*) FROM \(table)"), rows, table)
    }
    for (fts, of) in [
      ("complaint_text", "complaint"), ("complaint_bigram", "complaint"),
      ("catalog_search", "catalog_item"),
    ] {
      XCTAssertEqual(
        try store.db.fetchInt("SELECT count(*) FROM \(fts)"),
        try store.db.fetchInt("SELECT count(*) FROM \(of)"), fts)
    }
    return "## complaint\n" + complaints.joined(separator: "\n") + "\n## catalog\n"
      + items.joined(separator: "\n")
  }

  /// FTS5's own check that each index holds exactly its rows' words.
  func fullTextIntact(_ store: Store) throws {
    for fts in ["complaint_text", "complaint_bigram", "catalog_search"] {
      try store.db.execute("INSERT INTO \(fts) (\(fts)) VALUES ('integrity-check')")
    }
  }

  func secondaryIndexes(_ store: Store) throws -> [String] {
    try store.db.fetchAll(
      "SELECT name, tbl_name, coalesce(sql, '') FROM sqlite_master WHERE type = 'index' ORDER BY name"
    ) { "\($0.text(0)) \($0.text(1)) \($0.text(2))" }
  }
}
