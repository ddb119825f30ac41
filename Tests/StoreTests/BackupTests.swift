import Domain
import Foundation
import XCTest

@testable import Store

final class BackupTests: XCTestCase {
  func testBackupIsACheckedCopyAndRestoreStartsANewEpoch() throws {
    let (store, dir) = try makeDemo()
    let backupPath = dir.appendingPathComponent("backups/demo-2026-11-26.db").path
    let events = try store.backup(to: backupPath)
    XCTAssertEqual(events, try store.eventCount())
    XCTAssertThrowsError(try store.backup(to: backupPath)) { error in
      XCTAssertEqual(
        error as? FileProblem,
        .exists(
          path: backupPath,
          suggestion: dir.appendingPathComponent(
            "backups/demo-2026-11-26-2.db"
          ).path))
    }
    let restoredPath = dir.appendingPathComponent("restored.db").path
    let digest = sha256(of: backupPath)
    let restored = try Store.restore(backup: backupPath, to: restoredPath, clock: store.clock)
    XCTAssertEqual(sha256(of: backupPath), digest, "restoring only reads the backup")
    XCTAssertFalse(FileManager.default.fileExists(atPath: restoredPath + ".partial"))
    XCTAssertEqual(restored.node.origin, "BYQ.2")
    XCTAssertEqual(try restored.projectionDump(), try store.projectionDump())
    let admin = try restored.resolveOperator(login: "zhangmin")
    try restored.addStaff(
      Staff(login: "after", name: "恢复后", org: "WXZ", roles: [.handler]), by: admin)
    let report = try restored.verifyAudit()
    XCTAssertTrue(report.isIntact)
    XCTAssertEqual(report.origins, ["BYQ.1", "BYQ.1.local", "BYQ.2"])
    XCTAssertEqual(
      try restored.db.fetchInt("SELECT seq FROM journal WHERE origin = 'BYQ.2'"), 1,
      "the new epoch's chain starts at 1 and never reuses BYQ.1's numbers")
    let next = { (s: Store) in try s.write(actor: "zhangmin") { tx in try tx.nextCaseID() } }
    let original = try next(store)
    let afterRestore = try next(restored)
    XCTAssertEqual(
      Int(afterRestore.suffix(6)), (Int(original.suffix(6)) ?? 0) + Store.restoreNumberSkip,
      "numbers handed out after the backup are skipped: \(original) then \(afterRestore)")
  }

  func testRestoreRefusesADamagedBackup() throws {
    let dir = temporaryDirectory()
    let path = dir.appendingPathComponent("bad.db").path
    try Data("SQLite format 3\u{0}garbage".utf8).write(to: URL(fileURLWithPath: path))
    XCTAssertThrowsError(
      try Store.restore(backup: path, to: dir.appendingPathComponent("r.db").path))
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("r.db").path))
    XCTAssertFalse(
      FileManager.default.fileExists(atPath: dir.appendingPathComponent("r.db.partial").path))
  }
}
