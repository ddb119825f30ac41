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
