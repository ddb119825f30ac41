import Domain
import XCTest

@testable import Store

/// A schema upgrade that asks for a re-fold (`refold_pending`): it reports progress, and a second
/// process opening the database meanwhile is told how far it is instead of redoing it.
final class UpgradeTests: XCTestCase {
  let clock = { beijing("2026-11-26T09:30") }

  func pendingDemo() throws -> String {
    let (store, _) = try makeDemo()
    try store.db.run("INSERT INTO refold_pending (id) VALUES (1)")
    return store.db.path
  }

  func testTheReFoldReportsEveryStreamUpToTheTotal() throws {
    let path = try pendingDemo()
    var steps: [ProgressStep] = []
    let store = try Store.open(path: path, clock: clock, progress: { steps.append($0) })
    XCTAssertEqual(store.upgradedFrom, store.schemaVersion)
    // Every projected stream (the node's own genesis stream has no projection).
    let total = try store.db.fetchInt("SELECT count(DISTINCT stream) FROM journal") - 1
    XCTAssertEqual(steps.first, ProgressStep(Store.refoldTitle, done: 0, total: total))
    XCTAssertEqual(steps.last, ProgressStep(Store.refoldTitle, done: total, total: total))
    XCTAssertEqual(steps.count, total + 1)
    XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-upgrade"), "status removed")
    // Done once: the next open has nothing to report.
    var again: [ProgressStep] = []
    let reopened = try Store.open(path: path, clock: clock, progress: { again.append($0) })
    XCTAssertEqual(again, [])
    XCTAssertNil(reopened.upgradedFrom)
  }

  func testASecondOpenDuringTheReFoldSaysHowFarItIs() throws {
    let path = try pendingDemo()
    var seen: [String] = []
    let store = try Store.open(
      path: path, clock: clock,
      progress: { step in
        // Halfway, another process (connection) opens the same database.
        guard step.done == step.total / 2, seen.isEmpty else { return }
        do {
          _ = try Store.open(path: path, clock: self.clock)
          seen.append("opened")
        } catch let e as StoreError {
          seen.append(e.userMessage)
        } catch {
          seen.append("\(error)")
        }
      })
    XCTAssertEqual(seen.count, 1)
    let message = try XCTUnwrap(seen.first)
    XCTAssertTrue(message.hasPrefix("另一个 zwfw 进程正在升级本数据库(重建数据视图 "), message)
    XCTAssertTrue(message.contains("%),请等它完成后再试"), message)
    XCTAssertEqual(try store.db.fetchInt("SELECT count(*) FROM refold_pending"), 0)
  }

  func testASchemaStepReportsItsOwnPhase() throws {
    let db = try Connection(path: ":memory:")
    try Store.defineFunctions(db)
    var steps: [ProgressStep] = []
    try Migrator.migrate(db, progress: { steps.append($0) })
    let n = Schema.migrations.count
    XCTAssertEqual(steps.first, ProgressStep("升级数据库结构", done: 0, total: n))
    XCTAssertEqual(steps.last, ProgressStep("升级数据库结构", done: n, total: n))
  }
}
