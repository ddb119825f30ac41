import Foundation
import XCTest

/// What cron runs: backups that rotate, bundles named by peer and serial, never overwriting.
final class ScheduledJobsTests: XCTestCase {
  var home: URL!
  var db: String { home.appendingPathComponent("node/district.db").path }

  /// A training node: only there may the test set the clock for writing commands.
  override func setUpWithError() throws {
    home = temporaryDirectory()
    let r = try Zwfw.run(
      [
        "init", "--db", db, "--now", "2026-11-26T09:00", "--node", "BYQ", "--name",
        "白银区政务服务中心", "--admin", "root", "--district", "--training",
      ], home: home)
    XCTAssertEqual(r.status, 0, r.err)
  }

  /// At the test's time unless a command gives its own `--now`.
  func zwfw(_ args: String...) throws -> Zwfw.Result {
    try Zwfw.run(
      ["--db", db] + (args.contains("--now") ? [] : ["--now", "2026-11-26T09:40"]) + args,
      home: home)
  }

  func testBackupsRotateKeepingTheNewestAndNothingElse() throws {
    let dir = home.appendingPathComponent("backups").path
    let keepMe = dir + "/zwfw-backup-BYQ-notes.txt"
    for (i, time) in ["09:30", "09:31", "09:32"].enumerated() {
      let r = try zwfw("--now", "2026-11-26T\(time)", "backup", "--out-dir", dir, "--keep", "2")
      XCTAssertEqual(r.status, 0, r.err)
      if i == 0 { XCTAssertTrue(FileManager.default.createFile(atPath: keepMe, contents: nil)) }
    }
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: dir).sorted(),
      [
        "zwfw-backup-BYQ-20261126-093100.db", "zwfw-backup-BYQ-20261126-093200.db",
        "zwfw-backup-BYQ-notes.txt",
      ])
    let again = try zwfw("--now", "2026-11-26T09:32", "backup", "--out-dir", dir)
    XCTAssertEqual(again.status, 1, "the same minute's name is taken: refused, not replaced")
    let bad = try zwfw("backup", "--out-dir", dir, "--keep", "0")
    XCTAssertEqual(bad.status, 64)
    XCTAssertEqual(try zwfw("backup", "--out", dir + "/x.db", "--keep", "3").status, 64)
  }

  func testBundlesAreNamedByPeerAndSerial() throws {
    let out = home.appendingPathComponent("outbox")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let enrol = try zwfw(
      "node", "add", "--code", "WXZ", "--name", "王岘镇", "--out", out.path + "/WXZ-enrol.zwfwsync")
    XCTAssertEqual(enrol.status, 0, enrol.err)
    for _ in 0..<2 {
      let r = try zwfw("sync", "export", "--to", "WXZ", "--out-dir", out.path)
      XCTAssertEqual(r.status, 0, r.err)
    }
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: out.path).sorted(),
      ["BYQ-to-WXZ-000002.zwfwsync", "BYQ-to-WXZ-000003.zwfwsync", "WXZ-enrol.zwfwsync"])
    let both = try zwfw("sync", "export", "--to", "WXZ", "--out-dir", out.path, "--out", "x")
    XCTAssertEqual(both.status, 64)
  }
}
