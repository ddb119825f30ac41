import CSQLite
import Foundation
import Store
import XCTest

@testable import Domain

#if canImport(Glibc)
  import Glibc
#endif

/// The real `zwfw` binary: enrolment, bundles both ways between three databases, refusals, a
/// SIGKILL in the middle of an import, and the 同步 pane in tmux.
final class SyncEndToEndTests: XCTestCase {
  var home: URL!
  func path(_ name: String) -> String { home.appendingPathComponent(name).path }
  var district: String { path("district.db") }
  let now = "2026-11-26T09:30"

  override func setUpWithError() throws {
    home = temporaryDirectory()
    XCTAssertEqual(try Zwfw.demo(db: district, now: now, home: home).status, 0)
  }

  @discardableResult
  func zwfw(
    _ db: String, _ args: String..., status: Int32 = 0, file: StaticString = #filePath,
    line: UInt = #line
  ) throws -> Zwfw.Result {
    let r = try Zwfw.run(["--db", db, "--now", now] + args, home: home)
    XCTAssertEqual(r.status, status, "zwfw \(args): \(r.err)", file: file, line: line)
    return r
  }

  /// `node add` at the district, then `init --from-enrolment` at the township.
  func enrol(_ code: String, _ name: String) throws -> String {
    let file = path("enrol-\(code).zwfb")
    let added = try zwfw(
      district, "node", "add", "--code", code, "--name", name, "--org", code, "--out", file)
    XCTAssertTrue(
      added.out.hasPrefix("已登记乡镇节点 \(code) \(name)。已导出给\(name)(\(code))的第 1 号同步文件"), added.out)
    let db = path("\(code).db")
    let created = try Zwfw.run(["init", "--from-enrolment", file, "--db", db], home: home)
    XCTAssertEqual(created.status, 0, created.err)
    XCTAssertTrue(created.out.hasPrefix("已创建乡镇节点 \(code) \(name)(属 BYQ)"), created.out)
    return db
  }

  /// Case events at a node, written through the store as the case commands of other features do.
  func openCases(at db: String, org: String, count: Int) throws -> [String] {
    let store = try Store.open(path: db)
    return try store.write(actor: "root") { tx in
      var streams: [String] = []
      for _ in 0..<count {
        let stream = "probe/\(try tx.nextCaseID())"
        streams.append(stream)
        try tx.append([
          EventDraft(stream: stream, type: "probe.opened", body: ["org": org])
        ])
      }
      return streams
    }
  }

  func streams(_ db: String) throws -> Set<String> {
    let store = try Store.open(path: db)
    return Set(try store.db.fetchAll("SELECT DISTINCT stream FROM journal") { $0.text(0) })
  }

  func testEnrolmentAndBundlesBothWaysBetweenThreeNodes() throws {
    let w = try enrol("WXZ", "王岘镇")
    let s = try enrol("SLZ", "四龙镇")
    XCTAssertEqual(
      try zwfw(w, "staff", "list").out, try zwfw(district, "staff", "list").out)
    let wCases = try openCases(at: w, org: "WXZ", count: 2)
    try zwfw(
      district, "staff", "add", "lixin", "--name", "李欣", "--org", "WXZ", "--roles", "handler")

    let up = try zwfw(w, "sync", "export", "--to", "BYQ", "--out", path("w1.zwfb"))
    XCTAssertTrue(up.out.contains("事件 2 个(WXZ.1 2)"), up.out)
    let atDistrict = try zwfw(district, "sync", "import", path("w1.zwfb"))
    XCTAssertEqual(
      atDistrict.out,
      "已导入王岘镇(WXZ)的第 1 号同步文件: 新事件 2 个(WXZ.1 2),涉及案件 2 件,新增冲突 0 个\n")
    let again = try zwfw(district, "sync", "import", path("w1.zwfb"))
    XCTAssertEqual(again.out, "王岘镇(WXZ)的第 1 号同步文件此前已导入,本次未作任何更改\n")

    // WXZ also learns of SLZ's enrolment; both get the new staff member.
    for (db, code, new) in [(w, "WXZ", 2), (s, "SLZ", 1)] {
      let file = path("d-\(code).zwfb")
      try zwfw(district, "sync", "export", "--to", code, "--out", file)
      let down = try zwfw(db, "sync", "import", file)
      XCTAssertTrue(down.out.contains("新事件 \(new) 个(BYQ.1 \(new))"), down.out)
      XCTAssertTrue(try zwfw(db, "staff", "list").out.contains("lixin\t李欣\tWXZ\thandler\n"))
      XCTAssertEqual(try zwfw(db, "audit", "verify").status, 0)
    }
    XCTAssertTrue(try streams(district).isSuperset(of: wCases))
    XCTAssertTrue(
      try streams(s).isDisjoint(with: wCases), "a township never receives another's cases")
    let status = try zwfw(district, "sync", "status").out
    XCTAssertTrue(status.contains("对端 WXZ 王岘镇\t最近导出: 2026-11-26 09:30 第2号 2个事件"), status)

    let refused = try zwfw(s, "sync", "import", path("w1.zwfb"), status: 1)
    XCTAssertEqual(
      refused.err,
      "zwfw: 同步文件 \(path("w1.zwfb")) 是发给节点 BYQ 的,不是本节点(SLZ),未导入任何内容\n")
    try "不是同步文件".write(toFile: path("notes.txt"), atomically: true, encoding: .utf8)
    let notBundle = try zwfw(w, "sync", "import", path("notes.txt"), status: 1)
    XCTAssertTrue(notBundle.err.contains("不是 zwfw 同步文件,未导入任何内容"), notBundle.err)
    let usage = try zwfw(w, "sync", "export", "--out", path("x.zwfb"), status: 64)
    XCTAssertTrue(usage.err.contains("缺少 --to"), usage.err)
    let clerk = try zwfw(
      district, "--as", "liuyang", "sync", "export", "--to", "WXZ", "--out", path("c.zwfb"),
      status: 1)
    XCTAssertTrue(clerk.err.contains("刘洋没有系统管理角色,不能导出同步文件"), clerk.err)
  }

  /// Bundles are authenticated through the real binary: one byte changed is refused whole; after
  /// `node rekey` the old key's bundles are refused and the township, given the new file by
  /// hand, exchanges again.
  func testAnEditedBundleIsRefusedAndRekeyReplacesTheKey() throws {
    let w = try enrol("WXZ", "王岘镇")
    var st = stat()
    XCTAssertEqual(stat(path("enrol-WXZ.zwfb"), &st), 0)
    XCTAssertEqual(st.st_mode & 0o777, 0o600, "the enrolment file carries the pair key")
    _ = try openCases(at: w, org: "WXZ", count: 1)
    try zwfw(w, "sync", "export", "--to", "BYQ", "--out", path("w1.zwfb"))
    var bytes = try XCTUnwrap(FileManager.default.contents(atPath: path("w1.zwfb")))
    bytes[bytes.count / 2] ^= 0x01
    XCTAssertTrue(FileManager.default.createFile(atPath: path("w1-edited.zwfb"), contents: bytes))
    let before = try zwfw(district, "audit", "verify").out
    let edited = try zwfw(district, "sync", "import", path("w1-edited.zwfb"), status: 1)
    XCTAssertTrue(edited.err.contains("认证码与本节点和 WXZ 的配对密钥不符"), edited.err)
    XCTAssertEqual(try zwfw(district, "audit", "verify").out, before, "nothing changed")

    let rekey = try zwfw(district, "node", "rekey", "WXZ", "--out", path("rekey-WXZ.zwfb"))
    XCTAssertTrue(rekey.out.contains("请由系统管理员亲手带到乡镇"), rekey.out)
    let stale = try zwfw(district, "sync", "import", path("w1.zwfb"), status: 1)
    XCTAssertTrue(stale.err.contains("配对密钥不符"), stale.err)
    let accepted = try zwfw(w, "node", "rekey", "--accept", path("rekey-WXZ.zwfb"))
    XCTAssertTrue(accepted.out.hasPrefix("已更换与 BYQ 的配对密钥"), accepted.out)
    try zwfw(w, "sync", "export", "--to", "BYQ", "--out", path("w2.zwfb"))
    let fresh = try zwfw(district, "sync", "import", path("w2.zwfb"))
    XCTAssertTrue(fresh.out.contains("新事件 1 个(WXZ.1 1)"), fresh.out)
  }

  func integrityCheck(_ db: String) -> String {
    var handle: OpaquePointer?
    guard sqlite3_open(db, &handle) == SQLITE_OK else { return "cannot open" }
    defer { sqlite3_close(handle) }
    var stmt: OpaquePointer?
    guard sqlite3_prepare_v2(handle, "PRAGMA integrity_check", -1, &stmt, nil) == SQLITE_OK else {
      return "cannot prepare"
    }
    defer { sqlite3_finalize(stmt) }
    var rows: [String] = []
    while sqlite3_step(stmt) == SQLITE_ROW {
      rows.append(sqlite3_column_text(stmt, 0).map { String(cString: $0) } ?? "")
    }
    return rows.joined(separator: "\n")
  }

  func testKillingAnImportLeavesAValidDatabaseAndARerunCompletes() throws {
    let w = try enrol("WXZ", "王岘镇")
    let store = try Store.open(path: district)
    try store.write(actor: "root") { tx in
      try tx.append(
        (0..<12_000).map {
          EventDraft(
            stream: "setting/bulk-\($0)", type: .settingChanged, body: SettingValue(value: "值\($0)")
          )
        })
    }
    let bundle = path("big.zwfb")
    try zwfw(district, "sync", "export", "--to", "WXZ", "--out", bundle)
    let before = try Store.open(path: w).eventCount()
    // How long a whole import takes here, on a copy: the kills are spread over that time, so
    // they land in start-up, validation (no lock) and the apply transaction.
    let rehearsal = path("WXZ-rehearsal.db")
    try Store.open(path: w).db.execute("VACUUM INTO '\(rehearsal)'")
    let started = Date()
    try zwfw(rehearsal, "sync", "import", bundle)
    let duration = Date().timeIntervalSince(started)
    var random = SystemRandomNumberGenerator()
    for attempt in 0..<6 {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: Zwfw.path)
      p.arguments = ["--db", w, "--now", now, "sync", "import", bundle]
      p.environment = ["HOME": home.path, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
      try p.run()
      let delay = duration * (Double(attempt) + Double.random(in: 0.2...0.9, using: &random)) / 6
      Thread.sleep(forTimeInterval: delay)
      kill(p.processIdentifier, SIGKILL)
      p.waitUntilExit()
      XCTAssertEqual(integrityCheck(w), "ok", "after a kill at \(delay) s")
      let audit = try zwfw(w, "audit", "verify")
      XCTAssertTrue(audit.out.hasPrefix("OK 审计链完整"), "after a kill at \(delay) s: \(audit.err)")
      let count = try Store.open(path: w).eventCount()
      XCTAssertTrue(count == before || count == before + 12_000, "all or nothing: \(count) events")
    }
    let rerun = try zwfw(w, "sync", "import", bundle)
    XCTAssertTrue(
      rerun.out.contains("新事件 12000 个(BYQ.1 12000)") || rerun.out.contains("此前已导入"), rerun.out)
    XCTAssertTrue(rerun.err.contains("校验 "), "progress on standard error: \(rerun.err)")
    XCTAssertEqual(try Store.open(path: w).eventCount(), before + 12_000)
    XCTAssertEqual(try zwfw(w, "sync", "import", bundle).out.contains("此前已导入"), true)
    XCTAssertEqual(integrityCheck(w), "ok")
  }

  func testTheSyncPaneExportsAndImportsWithAPathPrompt() throws {
    let w = try enrol("WXZ", "王岘镇")
    _ = try openCases(at: w, org: "WXZ", count: 1)
    let upward = path("up.zwfb")
    try zwfw(w, "sync", "export", "--to", "BYQ", "--out", upward)
    let t = try Tmux(
      width: 120, height: 40, arguments: ["--db", district, "--now", now], home: home)
    try t.waitFor("工作日历")
    let digit = try XCTUnwrap(t.paneDigit("同步"))
    try t.type(digit)
    try t.waitFor("对端节点")
    try t.waitFor("王岘镇")
    try t.keys("e")
    try t.waitFor("导出给王岘镇的文件: BYQ-WXZ-20261126-0930.zwfb")
    let out = path("pane-export.zwfb")
    try t.keys("C-u")
    try t.type(out)
    try t.keys("Enter")
    try t.waitFor("已导出给王岘镇(WXZ)的第 2 号同步文件")
    XCTAssertTrue(FileManager.default.fileExists(atPath: out))
    try t.keys("i")
    try t.waitFor("导入同步文件:")
    try t.type(upward)
    try t.keys("Enter")
    try t.waitFor("已导入王岘镇(WXZ)的第 1 号同步文件: 新事件 1 个(WXZ.1 1)")
    try t.waitFor("09:30 1个")
    try t.keys("i")
    try t.type(path("missing.zwfb"))
    try t.keys("Enter")
    try t.waitFor("无法读取同步文件")
    try t.keys("Escape")
    try t.waitFor("放弃本次输入? (y/n)")  // a typed path is input too
    try t.keys("y", "q")
    XCTAssertEqual(t.exitStatus(), 0)
    XCTAssertEqual(try zwfw(w, "sync", "import", out).status, 0)
  }
}
