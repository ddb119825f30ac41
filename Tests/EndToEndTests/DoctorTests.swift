import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// `zwfw doctor` outside an installation: one line per check, ✘ with the fix, exit 1.
final class DoctorTests: XCTestCase {
  func testEachCheckIsOneLineAndAReadableDatabaseFails() throws {
    let home = temporaryDirectory()
    let db = home.appendingPathComponent("node/district.db").path
    XCTAssertEqual(
      try Zwfw.run(
        [
          "init", "--db", db, "--node", "BYQ", "--name", "白银区政务服务中心", "--admin", "root",
          "--district",
        ], home: home
      ).status, 0)
    XCTAssertEqual(chmod(db, 0o644), 0)
    let r = try Zwfw.run(["--db", db, "doctor"], home: home, extraEnv: ["TERM": "xterm"])
    XCTAssertEqual(r.status, 1)
    let lines = r.out.split(separator: "\n")
    XCTAssertGreaterThanOrEqual(lines.count, 10, r.out)
    XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("✔ ") || $0.hasPrefix("✘ ") }, r.out)
    XCTAssertTrue(r.out.contains("✘ 数据库权限: \(db) 其他用户可以访问(权限 644) — 修复: chmod o-rwx \(db)"), r.out)
    XCTAssertTrue(r.out.contains("✘ 程序: "), "not an installed binary: \(r.out)")
    XCTAssertTrue(r.out.contains("✔ 审计链: "), r.out)
    XCTAssertTrue(r.out.contains("✔ 区域设置: "), r.out)
    XCTAssertTrue(r.err.contains("项未通过"), r.err)
    XCTAssertEqual(chmod(db, 0o600), 0)
    let closed = try Zwfw.run(["--db", db, "doctor"], home: home, extraEnv: ["TERM": "xterm"])
    XCTAssertTrue(closed.out.contains("✔ 数据库权限"), closed.out)
  }
}
