import Domain
import XCTest

@testable import Store

/// A rebuild's folding thread reads the journal through a connection of its own
/// (`JournalReader`) only where that reads the very rows the writing connection would, and
/// what it writes is what reading through the writer writes.
final class JournalReaderTests: XCTestCase {
  func testAReaderIsOpenedBesideAWriteTransactionOnTheSameJournalOnly() throws {
    let (store, _) = try makeDemo()
    XCTAssertNil(try JournalReader.beside(store.db), "outside a transaction")
    try store.db.inTransaction(.immediate) {
      let reader = try XCTUnwrap(try JournalReader.beside(store.db))
      XCTAssertEqual(
        try reader.db.fetchInt("SELECT count(*) FROM journal"),
        try store.db.fetchInt("SELECT count(*) FROM journal"))
    }
    // A transaction that appended to the journal (a bulk import does) reads through its writer.
    let admin = try XCTUnwrap(try store.staff(login: "tester"))
    struct Rollback: Error {}
    XCTAssertThrowsError(
      try store.db.inTransaction(.immediate) {
        _ = try Journal.append(
          [EventDraft(stream: "setting/probe", type: .settingChanged, payload: "{}")],
          origin: store.node.localOrigin, node: store.node.code, actor: admin.login,
          timestamp: 1, db: store.db)
        XCTAssertNil(try JournalReader.beside(store.db))
        throw Rollback()
      } as Void)
  }

  func testARebuildReadingBesideWritesWhatReadingThroughTheWriterWrites() throws {
    let (store, _) = try makeDemo()
    let rows = try store.projectionDump()
    for ahead in [1, 3, 64] {
      for beside in [true, false] {
        try store.db.inTransaction(.immediate) {
          XCTAssertEqual(try JournalReader.beside(store.db) != nil, true)
          try store.refoldAll(ahead: ahead, readingBeside: beside)
        }
        XCTAssertEqual(try store.projectionDump(), rows, "ahead \(ahead), beside \(beside)")
      }
    }
    XCTAssertEqual(try store.auditFindings(), [])
  }

  /// A write that fails while the folding thread reads ends the read: the failure is what the
  /// caller sees, and the thread ends (the test would hang otherwise).
  func testAFailedWriteEndsTheReadingThread() throws {
    let (store, _) = try makeDemo()
    struct Refused: Error {}
    try store.db.inTransaction(.immediate) {
      let reader = try XCTUnwrap(try JournalReader.beside(store.db))
      let pipeline = RefoldPipeline(capacity: 2)
      defer { pipeline.close() }
      var written = 0
      let projector = try XCTUnwrap(store.projectorsByKind["application"])
      XCTAssertThrowsError(
        try pipeline.read(
          RefoldPipeline.Reading(
            kind: "application", journal: reader, projector: projector,
            context: FoldContext(calendar: store.calendar, zone: store.zone), anyHeld: false)
        ) { _ in
          written += 1
          if written == 3 { throw Refused() }
        }
      ) { XCTAssertTrue($0 is Refused, "\($0)") }
      XCTAssertEqual(written, 3)
    }
  }
}
