import Domain
import Foundation
import Store
import XCTest

/// The real `zwfw` binary: no escape sequence from an argument or a synced name reaches the
/// terminal, a synced name with one is refused, and `calendar import` takes only what looks
/// like a State Council notice.
final class OutputEndToEndTests: XCTestCase {
  var home: URL!
  var db: String { path("demo.db") }
  func path(_ name: String) -> String { home.appendingPathComponent(name).path }
  let now = "2026-11-26T09:30"

  override func setUpWithError() throws {
    home = temporaryDirectory()
    XCTAssertEqual(try Zwfw.demo(db: db, now: now, home: home).status, 0)
  }

  @discardableResult
  func zwfw(_ args: String...) throws -> Zwfw.Result {
    try Zwfw.run(["--db", db, "--now", now] + args, home: home)
  }

  func assertNothingRaw(_ r: Zwfw.Result, file: StaticString = #filePath, line: UInt = #line) {
    for text in [r.out, r.err] {
      let bad = text.unicodeScalars.filter { SafeText.isUnsafe($0) && $0 != "\n" && $0 != "\t" }
      XCTAssertTrue(
        bad.isEmpty, "raw \(bad.map(\.value)) in \(text.debugDescription)", file: file, line: line)
    }
  }

  func testEscapeSequencesInArgumentsAreShownNotSent() throws {
    let attack = "\u{1B}]0;x\u{7}\u{1B}[2J"
    let workday = try zwfw("calendar", "workday", attack)
    XCTAssertEqual(workday.status, 64)
    XCTAssertTrue(workday.err.contains("日期「␛␛」无效"), workday.err)
    assertNothingRaw(workday)
    for args in [
      [attack], ["calendar", attack],
      ["staff", "add", attack, "--name", "x", "--org", "BYQ", "--roles", "handler"],
      ["staff", "add", "lisi", "--name", "李\u{202E}四", "--org", "BYQ", "--roles", "handler"],
      ["stats", "ontime", "--out", path("\u{1B}[2J.csv")], ["catalog", "search", attack],
      ["--\u{1B}[2J"],
    ] {
      let r = try Zwfw.run(["--db", db, "--now", now] + args, home: home)
      assertNothingRaw(r)
    }
    XCTAssertFalse(try zwfw("staff", "list").out.contains("李"))
  }

  /// A name with an escape sequence arrives in a bundle (its hashes valid: the sending node's
  /// own software wrote it): the whole bundle is refused, the message shows no escape, and the
  /// name reaches no list.
  func testASyncedNameWithAnEscapeSequenceIsRefused() throws {
    let enrolment = path("enrol.zwfb")
    XCTAssertEqual(
      try zwfw("node", "add", "--code", "WXZ", "--name", "王岘镇", "--org", "WXZ", "--out", enrolment)
        .status, 0)
    let township = path("WXZ.db")
    let created = try Zwfw.run(
      ["init", "--from-enrolment", enrolment, "--db", township], home: home)
    XCTAssertEqual(created.status, 0, created.err)
    let district = try Store.open(path: db)
    let evil = Staff(login: "evil", name: "坏\u{1B}]0;pwned\u{7}人", org: "WXZ", roles: [.handler])
    try district.write(actor: "root") { tx in
      try tx.append([EventDraft(stream: StaffReducer.stream("evil"), type: .staffAdded, body: evil)]
      )
    }
    let bundle = path("to-wxz.zwfb")
    XCTAssertEqual(try zwfw("sync", "export", "--to", "WXZ", "--out", bundle).status, 0)
    let r = try Zwfw.run(["--db", township, "--now", now, "sync", "import", bundle], home: home)
    XCTAssertEqual(r.status, 1, r.out)
    XCTAssertTrue(r.err.contains("「姓名」含有控制字符"), r.err)
    assertNothingRaw(r)
    let staff = try Zwfw.run(["--db", township, "--now", now, "staff", "list"], home: home)
    XCTAssertFalse(staff.out.contains("evil"), staff.out)
    // What the district itself lists is shown, never sent raw.
    let list = try zwfw("staff", "list")
    XCTAssertTrue(list.out.contains("坏␛人"), list.out)
    assertNothingRaw(list)
  }

  func testCalendarImportTakesOnlyWholePlausibleYearsAndReplacesOnlyWhenAsked() throws {
    let everyDay = path("all.tsv")
    var lines: [String] = []
    var d = try XCTUnwrap(CivilDate(iso: "2027-01-01"))
    while d.year < 2200 {
      lines.append("\(d.iso)\tholiday\t假日")
      d = d.adding(days: 1)
    }
    try lines.joined(separator: "\n").write(toFile: everyDay, atomically: false, encoding: .utf8)
    let years = try zwfw("calendar", "years").out
    let refused = try zwfw("calendar", "import", everyDay)
    XCTAssertEqual(refused.status, 1)
    XCTAssertTrue(refused.err.contains("2027年有 261 个工作日放假,不像国务院的放假安排"), refused.err)
    XCTAssertEqual(try zwfw("calendar", "years").out, years)
    XCTAssertEqual(try zwfw("calendar", "workday", "2027-03-03").out, "workday\n")
    // 2026 again with one more day off: refused without --replace, the change listed either way.
    let shipped = try String(
      contentsOf: Zwfw.repositoryRoot.appendingPathComponent("share/zwfw/holidays.tsv"),
      encoding: .utf8)
    let file = path("2026.tsv")
    let year = shipped.split(separator: "\n").filter { $0.hasPrefix("2026-") }
    try (year + ["2026-12-31\tholiday\t演练"]).joined(separator: "\n").write(
      toFile: file, atomically: false, encoding: .utf8)
    let again = try zwfw("calendar", "import", file)
    XCTAssertEqual(again.status, 1)
    XCTAssertTrue(again.out.contains("2026-12-31 工作日 → 放假(演练)"), again.out)
    XCTAssertTrue(again.err.contains("--replace"), again.err)
    XCTAssertEqual(try zwfw("calendar", "workday", "2026-12-31").out, "workday\n")
    let replaced = try zwfw("calendar", "import", file, "--replace")
    XCTAssertEqual(replaced.status, 0, replaced.err)
    XCTAssertTrue(
      replaced.out.hasPrefix("2026年将替换,改动 1 天:\n  2026-12-31 工作日 → 放假(演练)\n"), replaced.out)
    XCTAssertEqual(try zwfw("calendar", "workday", "2026-12-31").out, "holiday 演练\n")
  }
}
