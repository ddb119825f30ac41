import Foundation
import Store
import XCTest

@testable import Domain

#if canImport(Glibc)
  import Glibc
#endif

/// The real `zwfw` binary importing bundles: a 2 GB sparse bundle is refused before any copy, and
/// the private copy of a bundle is gone after SIGTERM, SIGINT or SIGHUP, and after a SIGKILL at
/// the next start. The copy is made in the scratch folder (`ZWFW_BUNDLE_MEMORY_LIMIT=0`; a
/// bundle this size is otherwise copied into memory).
final class ImportScratchEndToEndTests: XCTestCase {
  var home: URL!
  func path(_ name: String) -> String { home.appendingPathComponent(name).path }
  var district: String { path("district.db") }
  var township: String { path("WXZ.db") }
  var tmp: String { path("tmp") }
  var scratch: String { tmp + "/zwfw-\(getuid())" }
  let now = "2026-11-26T09:30"

  override func setUpWithError() throws {
    home = temporaryDirectory()
    try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: false)
    XCTAssertEqual(try zwfw(district, "demo").status, 0)
    let enrolment = path("enrol.zwfb")
    let added = try zwfw(
      district, "node", "add", "--code", "WXZ", "--name", "王岘镇", "--org", "WXZ", "--out",
      enrolment)
    XCTAssertEqual(added.status, 0, added.err)
    let created = try Zwfw.run(
      ["init", "--from-enrolment", enrolment, "--db", township], home: home,
      extraEnv: ["TMPDIR": tmp])
    XCTAssertEqual(created.status, 0, created.err)
  }

  @discardableResult
  func zwfw(_ db: String, _ args: String...) throws -> Zwfw.Result {
    try Zwfw.run(
      ["--db", db, "--now", now] + args, home: home,
      extraEnv: ["TMPDIR": tmp, "ZWFW_BUNDLE_MEMORY_LIMIT": "0"])
  }

  func copies() -> [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: scratch)) ?? []
  }

  func testATwoGigabyteSparseBundleIsRefusedBeforeAnyCopy() throws {
    let bundle = path("padded.zwfb")
    XCTAssertEqual(try zwfw(district, "sync", "export", "--to", "WXZ", "--out", bundle).status, 0)
    XCTAssertEqual(truncate(bundle, 2 << 30), 0)
    let started = Date()
    let r = try zwfw(township, "sync", "import", bundle)
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.err.contains("文件有 2147483648 字节,而其头部声明"), r.err)
    XCTAssertLessThan(Date().timeIntervalSince(started), 20, "refused without reading 2 GB")
    XCTAssertEqual(copies(), [])
  }

  /// A bundle large enough that its import is still running when the signal comes.
  func bigBundle() throws -> String {
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
    XCTAssertEqual(try zwfw(district, "sync", "export", "--to", "WXZ", "--out", bundle).status, 0)
    return bundle
  }

  /// Starts an import and sends `signal` as soon as its copy exists.
  func interruptImport(_ bundle: String, with signal: Int32) throws -> Bool {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: Zwfw.path)
    p.arguments = ["--db", township, "--now", now, "sync", "import", bundle]
    p.environment = [
      "HOME": home.path, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "TMPDIR": tmp,
      "ZWFW_BUNDLE_MEMORY_LIMIT": "0",
    ]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    let deadline = Date().addingTimeInterval(30)
    while copies().isEmpty, p.isRunning, Date() < deadline { usleep(2000) }
    let caught = !copies().isEmpty && p.isRunning
    kill(p.processIdentifier, signal)
    p.waitUntilExit()
    return caught
  }

  func testSignalsRemoveTheCopyAndAKilledImportsCopyGoesAtTheNextStart() throws {
    let bundle = try bigBundle()
    for signal in [SIGTERM, SIGINT, SIGHUP] {
      let caught = try interruptImport(bundle, with: signal)
      XCTAssertEqual(copies(), [], "signal \(signal) (copy seen: \(caught))")
    }
    var killedWithCopy = false
    for _ in 0..<3 where !killedWithCopy {
      killedWithCopy = try interruptImport(bundle, with: SIGKILL)
    }
    XCTAssertTrue(killedWithCopy, "the import was killed while its copy existed")
    XCTAssertEqual(copies().count, killedWithCopy ? 1 : 0)
    XCTAssertEqual(try zwfw(township, "calendar", "years").status, 0)
    XCTAssertEqual(copies(), [], "removed at the next start")
    let rerun = try zwfw(township, "sync", "import", bundle)
    XCTAssertEqual(rerun.status, 0, rerun.err)
    XCTAssertEqual(copies(), [])
  }
}
