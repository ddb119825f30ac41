import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// The real `zwfw` binary writing files: `--out` never replaces a file (the database least of
/// all), and what it creates is private under the usual umask 022.
final class FilesEndToEndTests: XCTestCase {
  var home: URL!
  var db: String { path("demo.db") }
  func path(_ name: String) -> String { home.appendingPathComponent(name).path }

  override func setUpWithError() throws {
    home = temporaryDirectory()
    XCTAssertEqual(try zwfw("demo").status, 0)
  }

  @discardableResult
  func zwfw(_ args: String..., env: [String: String] = [:]) throws -> Zwfw.Result {
    try Zwfw.run(["--db", db, "--now", "2026-11-26T09:30"] + args, home: home, extraEnv: env)
  }

  func digest(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

  func mode(_ path: String) -> mode_t {
    var st = stat()
    return lstat(path, &st) == 0 ? st.st_mode & 0o7777 : 0
  }

  func testOutOntoAnExistingFileIsRefusedAndTheFileKept() throws {
    let existing = path("x.csv")
    try Data("他人的文件".utf8).write(to: URL(fileURLWithPath: existing))
    for args in [
      ["stats", "ontime", "--out", existing], ["stats", "ratings", "--out", existing],
      ["catalog", "export", "--out", existing], ["backup", "--out", existing],
    ] {
      let r = try Zwfw.run(["--db", db] + args, home: home)
      XCTAssertEqual(r.status, 1, "\(args)")
      XCTAssertTrue(r.err.contains("文件 \(existing) 已存在,不会覆盖,可改用 \(path("x-2.csv"))"), r.err)
      XCTAssertEqual(String(decoding: digest(existing), as: UTF8.self), "他人的文件", "\(args)")
    }
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: home.path).sorted(), ["demo.db", "x.csv"])
  }

  func testOutOntoTheDatabaseIsRefusedWhateverThePathSays() throws {
    let before = digest(db)
    try FileManager.default.createSymbolicLink(atPath: path("alias.db"), withDestinationPath: db)
    XCTAssertEqual(link(db, path("hard.db")), 0)
    for target in [db, path("hard.db"), "./demo.db", "demo.db-wal", path("alias.db")] {
      for args in [
        ["stats", "ontime", "--out", target], ["stats", "ratings", "--out", target],
        ["catalog", "export", "--out", target], ["backup", "--out", target],
      ] {
        let r = try Zwfw.run(["--db", db] + args, home: home)
        XCTAssertEqual(r.status, 1, "\(args)")
        XCTAssertTrue(r.err.contains("不会覆盖") || r.err.contains("数据库文件"), r.err)
      }
    }
    XCTAssertEqual(digest(db), before)
    XCTAssertTrue(try zwfw("audit", "verify").out.hasPrefix("OK 审计链完整"))
    let r = try zwfw("stats", "ratings", "--out", "demo.db")
    XCTAssertTrue(r.err.contains("demo.db 是本节点的数据库文件,不能写入"), r.err)
  }

  /// Under the usual umask 022 the database, backups, CSVs, exports and folders are the
  /// clerk's alone: they hold ID numbers, phones and complaints.
  func testFilesArePrivateUnderUmask022() throws {
    let old = umask(0o022)
    defer { umask(old) }
    try FileManager.default.removeItem(atPath: db)
    let fresh = path("data/node.db")
    let created = try Zwfw.run(["demo", "--db", fresh], home: home)
    XCTAssertEqual(created.status, 0, created.err)
    XCTAssertEqual(mode(fresh), 0o600)
    XCTAssertEqual(mode(path("data")), 0o700)
    for args in [
      ["backup", "--out", path("backups/b.db")], ["stats", "ontime", "--out", path("o.csv")],
      ["stats", "ratings", "--out", path("r.csv")],
      ["catalog", "export", "--out", path("c.json")],
    ] {
      let r = try Zwfw.run(["--db", fresh] + args, home: home)
      XCTAssertEqual(r.status, 0, "\(args): \(r.err)")
    }
    for file in ["backups/b.db", "o.csv", "r.csv", "c.json"] {
      XCTAssertEqual(mode(path(file)), 0o600, file)
    }
    XCTAssertEqual(mode(path("backups")), 0o700)
    for file in ["data/node.db-wal", "data/node.db-shm"]
    where FileManager.default.fileExists(atPath: path(file)) {
      XCTAssertEqual(mode(path(file)) & 0o077, 0, file)
    }
    let restored = try Zwfw.run(
      ["restore", path("backups/b.db"), "--db", path("r.db")], home: home)
    XCTAssertEqual(restored.status, 0, restored.err)
    XCTAssertEqual(mode(path("r.db")), 0o600)
    let enrol = try Zwfw.run(
      [
        "--db", fresh, "node", "add", "--code", "WXZ", "--name", "王岘镇", "--org", "WXZ", "--out",
        path("enrol.zwfb"),
      ], home: home)
    XCTAssertEqual(enrol.status, 0, enrol.err)
    XCTAssertEqual(mode(path("enrol.zwfb")), 0o600)
    let bundle = try Zwfw.run(
      ["--db", fresh, "sync", "export", "--to", "WXZ", "--out", path("b.zwfb")], home: home)
    XCTAssertEqual(bundle.status, 0, bundle.err)
    XCTAssertEqual(mode(path("b.zwfb")), 0o600)
  }

  /// A link planted where the output folder should be is refused, not written through.
  func testALinkInTheWayIsRefused() throws {
    let elsewhere = path("elsewhere")
    try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: false)
    try FileManager.default.createSymbolicLink(atPath: path("out"), withDestinationPath: elsewhere)
    for args in [
      ["stats", "ontime", "--out", path("out/o.csv")], ["backup", "--out", path("out/b.db")],
      ["catalog", "export", "--out", "out/c.json"],
    ] {
      let r = try Zwfw.run(["--db", db] + args, home: home)
      XCTAssertEqual(r.status, 1, "\(args)")
      XCTAssertTrue(r.err.contains("是符号链接"), r.err)
    }
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere), [])
  }
}
