import Foundation
import Store
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// A writer killed mid-write (SIGKILL) left its temporary file and SQLite's side files of it in
/// the target folder for ever. The next write into the folder removes exactly those: our name
/// shape, a regular file, a minute old, a PID that names no process.
extension FileWriterTests {
  /// A PID that was a process and is none now: a child that has exited and been waited for.
  func deadPID() throws -> pid_t {
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/bin/true")
    try child.run()
    child.waitUntilExit()
    let pid = child.processIdentifier
    XCTAssertEqual(kill(pid, 0), -1)
    XCTAssertEqual(errno, ESRCH)
    return pid
  }

  /// Plants `name` holding "x", last changed `age` seconds ago (the link itself for a link).
  func plant(_ name: String, age: Int = 120, link: String? = nil) throws {
    if let link {
      try FileManager.default.createSymbolicLink(atPath: path(name), withDestinationPath: link)
    } else {
      // Made as a killed writer left it, not through the writer: its next write sweeps the
      // folder, and would take the leftovers planted before this one. Never over a file.
      let fd = open(path(name), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
      XCTAssertGreaterThanOrEqual(fd, 0, "\(name) already there")
      XCTAssertEqual(Glibc.write(fd, "x", 1), 1)
      close(fd)
    }
    let then = timespec(tv_sec: time(nil) - age, tv_nsec: 0)
    let times = [then, then]
    XCTAssertEqual(utimensat(AT_FDCWD, path(name), times, AT_SYMLINK_NOFOLLOW), 0)
  }

  func write() throws {
    try FileWriter().write(Data("new".utf8), to: path("new-\(UUID().uuidString).csv"))
  }

  func testADeadWritersTemporaryFileAndItsSideFilesAreRemoved() throws {
    let pid = try deadPID()
    let temp = ".备份-2026.db.\(pid)-0a1b2c3d4e5f.tmp"
    let left = [
      temp, temp + "-journal", temp + "-wal", temp + "-shm", ".r.csv.\(pid)-ffffffffffff.tmp",
    ]
    for name in left { try plant(name) }
    try write()
    XCTAssertTrue(Set(names()).isDisjoint(with: left), "\(Set(names()))")
    XCTAssertEqual(Set(names()).count, 1)
  }

  func testALiveWritersOrAFreshFileIsKept() throws {
    let dead = try deadPID()
    let kept = [
      // Ours (this test's process is alive) and init's (alive, another user's: EPERM).
      ".r.csv.\(getpid())-0a1b2c3d4e5f.tmp", ".r.csv.1-0a1b2c3d4e5f.tmp",
      // A dead PID's, but changed within the minute: a writer on another machine may be at it.
      ".r.csv.\(dead)-0a1b2c3d4e5f.tmp",
    ]
    try plant(kept[0])
    try plant(kept[1])
    try plant(kept[2], age: 5)
    try write()
    XCTAssertTrue(Set(names()).isSuperset(of: kept), "\(Set(names()))")
  }

  /// Nothing but our exact shape, and never through or of a link: an attacker's link named like
  /// a leftover is neither followed nor removed, a folder is not touched.
  func testALinkAFolderOrAnotherNameIsNeverTouched() throws {
    let pid = try deadPID()
    let outside = temporaryDirectory().appendingPathComponent("victim.txt")
    try FileWriter().write(Data("v".utf8), to: outside.path)
    let link = ".r.csv.\(pid)-0a1b2c3d4e5f.tmp"
    try plant(link, link: outside.path)
    try plant(".dangling.\(pid)-0a1b2c3d4e5f.tmp-wal", link: "/nonexistent")
    try FileManager.default.createDirectory(
      atPath: path(".d.\(pid)-0a1b2c3d4e5f.tmp"), withIntermediateDirectories: false)
    let others = [
      "r.csv.\(pid)-0a1b2c3d4e5f.tmp",  // no leading dot
      ".r.csv.\(pid)-0A1B2C3D4E5F.tmp",  // not our lower-case hex
      ".r.csv.\(pid)-0a1b2c3d4e.tmp",  // too short
      ".r.csv.\(pid)-0a1b2c3d4e5f.tmp.bak", ".r.csv.\(pid)-0a1b2c3d4e5f.tmp-log",
      ".\(pid)-0a1b2c3d4e5f.tmp",  // no target name
      ".r.csv.x\(pid)-0a1b2c3d4e5f.tmp", ".r.csv.-0a1b2c3d4e5f.tmp", "report.csv",
    ]
    for name in others { try plant(name) }
    let before = Set(names())
    try write()
    XCTAssertEqual(Set(names()).subtracting(before).count, 1, "only the new file")
    XCTAssertTrue(Set(names()).isSuperset(of: before), "\(before.subtracting(Set(names())))")
    XCTAssertEqual(try String(contentsOf: outside, encoding: .utf8), "v")
  }
}
