import Domain
import Foundation
import Store
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

final class FileWriterTests: XCTestCase {
  var dir: URL!

  override func setUp() {
    dir = temporaryDirectory()
  }

  func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

  func mode(_ path: String) -> mode_t {
    var st = stat()
    return lstat(path, &st) == 0 ? st.st_mode & 0o7777 : 0
  }

  func contents(_ path: String) -> String {
    String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
  }

  /// The folder holds only the target: no temporary file is left behind.
  func names() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
  }

  func testWritesANewFilePrivateWhateverTheUmask() throws {
    let old = umask(0o022)
    defer { umask(old) }
    let written = try FileWriter().write(Data("甲,乙\n".utf8), to: path("r.csv"))
    XCTAssertEqual(written, path("r.csv"))
    XCTAssertEqual(contents(written), "甲,乙\n")
    XCTAssertEqual(mode(written), 0o600)
    XCTAssertEqual(names(), ["r.csv"])
  }

  func testAnExistingFileIsRefusedUntouchedWithAFreeName() throws {
    try Data("old".utf8).write(to: dir.appendingPathComponent("r.csv"))
    try Data("old".utf8).write(to: dir.appendingPathComponent("r-2.csv"))
    XCTAssertThrowsError(try FileWriter().write(Data("new".utf8), to: path("r.csv"))) {
      XCTAssertEqual($0 as? FileProblem, .exists(path: path("r.csv"), suggestion: path("r-3.csv")))
      XCTAssertEqual(
        ($0 as? FileProblem)?.userMessage, "文件 \(path("r.csv")) 已存在,不会覆盖,可改用 \(path("r-3.csv"))")
    }
    XCTAssertEqual(contents(path("r.csv")), "old")
    XCTAssertEqual(names(), ["r-2.csv", "r.csv"])
    // A dangling link is a taken name too: it is never followed to create its target.
    try FileManager.default.createSymbolicLink(atPath: path("l.csv"), withDestinationPath: "gone")
    XCTAssertThrowsError(try FileWriter().write(Data("new".utf8), to: path("l.csv")))
    XCTAssertFalse(FileManager.default.fileExists(atPath: path("gone")))
  }

  func testTheDatabaseIsRefusedByIdentityWhateverThePath() throws {
    try Data("db".utf8).write(to: dir.appendingPathComponent("node.db"))
    try Data("wal".utf8).write(to: dir.appendingPathComponent("node.db-wal"))
    XCTAssertEqual(link(path("node.db"), path("alias.db")), 0)
    let writer = FileWriter(protected: FileIdentity.database(path("node.db")))
    for target in ["node.db", "node.db-wal", "alias.db", "./../\(dir.lastPathComponent)/node.db"] {
      XCTAssertThrowsError(try writer.write(Data("x".utf8), to: path(target)), target) {
        XCTAssertEqual($0 as? FileProblem, .database(path: self.path(target)))
      }
      XCTAssertThrowsError(try writer.check(path(target)), target)
    }
    XCTAssertEqual(contents(path("node.db")), "db")
    XCTAssertEqual(contents(path("node.db-wal")), "wal")
  }

  func testFreeNameModeNeverOverwrites() throws {
    let writer = FileWriter()
    XCTAssertEqual(
      try writer.write(Data("1".utf8), to: path("n.txt"), existing: .freeName), path("n.txt"))
    XCTAssertEqual(
      try writer.write(Data("2".utf8), to: path("n.txt"), existing: .freeName), path("n-2.txt"))
    XCTAssertEqual(
      try writer.write(Data("3".utf8), to: path("n.txt"), existing: .freeName), path("n-3.txt"))
    XCTAssertEqual([contents(path("n.txt")), contents(path("n-2.txt"))], ["1", "2"])
    XCTAssertEqual(names(), ["n-2.txt", "n-3.txt", "n.txt"])
  }

  func testFoldersAreCreatedPrivateAndALinkInTheWayIsRefused() throws {
    let old = umask(0o022)
    defer { umask(old) }
    let writer = FileWriter()
    let made = try writer.write(
      Data("x".utf8), to: path("notices/2026/a.txt"), createFolders: true)
    XCTAssertEqual(made, path("notices/2026/a.txt"))
    XCTAssertEqual(mode(path("notices")), 0o700)
    XCTAssertEqual(mode(path("notices/2026")), 0o700)
    // Someone plants `notices/2027` → another folder: nothing is written through it.
    let elsewhere = dir.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: false)
    try FileManager.default.createSymbolicLink(
      atPath: path("notices/2027"), withDestinationPath: elsewhere.path)
    XCTAssertThrowsError(
      try writer.write(Data("x".utf8), to: path("notices/2027/a.txt"), createFolders: true)
    ) { XCTAssertEqual($0 as? FileProblem, .symlink(path: self.path("notices/2027"))) }
    XCTAssertThrowsError(try writer.write(Data("x".utf8), to: path("notices/2027/a.txt"))) {
      XCTAssertEqual($0 as? FileProblem, .symlink(path: self.path("notices/2027")))
    }
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])
    // A missing folder is not created unless asked.
    XCTAssertThrowsError(try writer.write(Data("x".utf8), to: path("none/a.txt"))) {
      XCTAssertEqual($0 as? FileProblem, .noFolder(path: self.path("none")))
    }
  }

  func testAGroupSharedNodeWritesGroupReadableFiles() throws {
    let writer = FileWriter(access: FileAccess(group: getgid()))
    let file = try writer.write(Data("x".utf8), to: path("s/r.csv"), createFolders: true)
    XCTAssertEqual(mode(file), 0o640)
    XCTAssertEqual(mode(path("s")), 0o2750)
    XCTAssertEqual(
      FileAccess.node(database: path("s/node.db")), .owner, "2750 is not a shared data folder")
    XCTAssertEqual(chmod(path("s"), 0o2770), 0)
    XCTAssertEqual(FileAccess.node(database: path("s/node.db")), FileAccess(group: getgid()))
  }

  func testContentWrittenByNameIsLinkedInOnlyWhenFillSucceeds() throws {
    struct Failure: Error {}
    XCTAssertThrowsError(
      try FileWriter().create(path("b.db")) { temporary in
        try Data("half".utf8).write(to: URL(fileURLWithPath: temporary))
        throw Failure()
      })
    XCTAssertEqual(names(), [])
    let (written, value) = try FileWriter().create(path("b.db")) { temporary -> Int in
      XCTAssertEqual(FileManager.default.contents(atPath: temporary), Data())
      try Data("whole".utf8).write(to: URL(fileURLWithPath: temporary))
      return 7
    }
    XCTAssertEqual(value, 7)
    XCTAssertEqual(contents(written), "whole")
    XCTAssertEqual(mode(written), 0o600)
    XCTAssertEqual(names(), ["b.db"])
  }

  func testCommandsWritingReportsNeverReplaceAFileOrTheDatabase() throws {
    let (store, demoDir) = try makeDemo()
    let db = demoDir.appendingPathComponent("demo.db").path
    let before = sha256(of: db)
    let chenjing = try store.demoStaff("chenjing")
    XCTAssertThrowsError(try store.backup(to: db)) {
      XCTAssertEqual($0 as? FileProblem, .database(path: db))
    }
    XCTAssertThrowsError(try store.exportSatisfaction(StatisticsPeriod(), for: chenjing, to: db))
    XCTAssertThrowsError(
      try store.exportTimeliness(StatisticsPeriod(), today: store.today, for: chenjing, to: db))
    XCTAssertEqual(sha256(of: db), before)
    XCTAssertTrue(try store.verifyAudit().isIntact)
  }
}
