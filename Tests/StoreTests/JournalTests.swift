import Foundation
import XCTest

@testable import Domain
@testable import Store

final class JournalTests: XCTestCase {
  func testDemoIsWrittenThroughTheJournalAndVerifies() throws {
    let (store, _) = try makeDemo()
    let report = try store.verifyAudit()
    XCTAssertTrue(report.isIntact)
    XCTAssertEqual(report.origins, ["BYQ.1", "BYQ.1.local"], "the genesis heads the local chain")
    XCTAssertEqual(report.eventCount, try store.eventCount())
    XCTAssertEqual(try store.organisations().count, 18)
    XCTAssertEqual(try store.allStaff().count, 16)
    XCTAssertEqual(try store.staff(login: "tester")?.roles, Set(Role.allCases).subtracting([.lead]))
    XCTAssertTrue(store.calendar.isLoaded(year: 2026))
  }

  func testJournalIsAppendOnly() throws {
    let (store, _) = try makeDemo()
    XCTAssertThrowsError(try store.db.execute("UPDATE journal SET actor = 'x' WHERE seq = 1"))
    XCTAssertThrowsError(try store.db.execute("DELETE FROM journal WHERE seq = 1"))
  }

  func testEditingAnEventByHandIsCaught() throws {
    let (store, _) = try makeDemo()
    try store.db.execute("DROP TRIGGER journal_no_update")
    try store.db.execute(
      "UPDATE journal SET payload = replace(payload, '张敏', '张三') WHERE type = 'staff.added' AND payload LIKE '%张敏%'"
    )
    let seq = try store.db.fetchInt("SELECT seq FROM journal WHERE payload LIKE '%张三%'")
    let report = try store.verifyAudit()
    XCTAssertEqual(report.firstBroken?.seq, Int64(seq))
    XCTAssertEqual(report.firstBroken?.reason, "事件内容与哈希不符(记录被改动)")
  }

  func testTruncatedJournalIsCaught() throws {
    let (store, _) = try makeDemo()
    try store.db.execute("DROP TRIGGER journal_no_delete")
    try store.db.execute("DELETE FROM journal WHERE seq = (SELECT max(seq) FROM journal)")
    XCTAssertFalse(try store.verifyAudit().isIntact)
  }

  func testRebuildEqualsLiveTables() throws {
    let (store, _) = try makeDemo()
    let live = try store.projectionDump()
    try store.rebuild()
    XCTAssertEqual(try store.projectionDump(), live)
    XCTAssertTrue(live.contains("王岘镇"))
  }

  func testTwoConnectionsWritingAtOnce() throws {
    let (store, dir) = try makeDemo()
    let path = dir.appendingPathComponent("demo.db").path
    let before = try store.eventCount()
    let group = DispatchGroup()
    let failures = Failures()
    for worker in 0..<2 {
      group.enter()
      Thread.detachNewThread {
        defer { group.leave() }
        do {
          let s = try Store.open(path: path)
          for i in 0..<25 {
            try s.write(actor: "w\(worker)") { tx in
              try tx.append([
                EventDraft(
                  stream: "setting/w\(worker)-\(i)", type: .settingChanged,
                  body: SettingValue(value: "\(i)"))
              ])
            }
          }
        } catch {
          failures.add("\(error)")
        }
      }
    }
    group.wait()
    XCTAssertEqual(failures.all, [])
    XCTAssertEqual(try store.eventCount(), before + 50)
    XCTAssertTrue(try store.verifyAudit().isIntact)
  }

  func testCaseNumbersCountPerNodeAndYear() throws {
    // A node of its own: the demo's seeds already number their cases.
    let store = try Store.create(
      path: temporaryDirectory().appendingPathComponent("n.db").path,
      node: NodeIdentity(code: "BYQ", name: "白银区", district: "BYQ", isDistrict: true),
      clock: { beijing("2026-11-26T09:30") })
    let ids = try store.write(actor: "t") { tx in [try tx.nextCaseID(), try tx.nextCaseID()] }
    // Demo seeds may already have spent numbers; the next two follow each other.
    let first = try XCTUnwrap(ids.first.flatMap { Int($0.suffix(6)) })
    XCTAssertTrue(ids[0].hasPrefix("BYQ-2026-"), ids[0])
    XCTAssertEqual(ids[1], "BYQ-2026-" + String(format: "%06d", first + 1))
  }
}

/// Collects errors from worker threads.
final class Failures: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [String] = []
  func add(_ s: String) { lock.withLock { items.append(s) } }
  var all: [String] { lock.withLock { items } }
}
