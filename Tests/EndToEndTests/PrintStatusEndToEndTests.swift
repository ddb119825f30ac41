import Foundation
import XCTest

/// What the clerk reads after a notice is printed, in the real binary inside tmux at 80x24: the
/// print result first on the status line, whole. `lp` and `lpstat` are stand-ins on PATH that say
/// what CUPS says (a paused queue, then a job taken).
final class PrintStatusEndToEndTests: XCTestCase {
  var home: URL!
  var db: String { home.appendingPathComponent("demo.db").path }
  var fake: URL { home.appendingPathComponent("fake-cups") }
  var env: [String: String] {
    ["PATH": "\(fake.path):/usr/bin:/bin", "ZWFW_FAKE_CUPS": fake.path]
  }

  override func setUpWithError() throws {
    home = temporaryDirectory()
    try FileManager.default.createDirectory(at: fake, withIntermediateDirectories: true)
    let lpstat = """
      #!/bin/sh
      case "$1" in
        -r) echo "scheduler is running" ;;
        -p) if [ -f "$ZWFW_FAKE_CUPS/paused" ]; then
              printf 'printer %s disabled since Thu Dec  3 08:00:00 2026 -\\n\\t缺纸,请加纸\\n' "$2"
            else
              printf 'printer %s is idle.  enabled since Thu Dec  3 08:00:00 2026\\n' "$2"
            fi ;;
        -a) printf '%s accepting requests since Thu Dec  3 08:00:00 2026\\n' "$2" ;;
      esac

      """
    let lp = """
      #!/bin/sh
      printf '%s\\n' "$@" > "$ZWFW_FAKE_CUPS/lp-args"
      echo "request id is HALL-8 (1 file(s))"

      """
    for (name, text) in [("lpstat", lpstat), ("lp", lp)] {
      let url = fake.appendingPathComponent(name)
      try Data(text.utf8).write(to: url)
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }
    XCTAssertEqual(
      try Zwfw.demo(db: db, now: "2026-11-26T09:30", home: home).status, 0)
    let r = try Zwfw.run(
      ["notices", "set", "--printer", "HALL", "--db", db, "--as", "zhangmin"], home: home,
      extraEnv: env)
    XCTAssertEqual(r.status, 0, r.err)
  }

  override func tearDown() {
    try? FileManager.default.removeItem(at: home)
  }

  func testAPausedPrinterIsSaidFirstThenAReprintShowsTheJob() throws {
    try Data().write(to: fake.appendingPathComponent("paused"))
    let t = try Tmux(
      width: 80, height: 24,
      arguments: ["--db", db, "--now", "2026-11-26T09:30", "--as", "zhouqiang"], home: home,
      env: env)
    try t.waitFor("受理登记")
    try t.walkInWithoutTheLease()
    try t.keys("F5")
    try t.waitFor("列明1项需补正的材料")
    try t.keys("Enter")
    var screen = try t.waitFor("未打印:打印机 HALL 已暂停")
    // The status line (the one starting at the left edge) starts with it.
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
    XCTAssertTrue(lines.contains { $0.hasPrefix(" 未打印:打印机 HALL 已暂停;") }, screen)
    // The case view says what CUPS said; the notice was saved all the same.
    XCTAssertTrue(screen.contains("CUPS: 缺纸,请加纸"), screen)
    XCTAssertFalse(
      FileManager.default.fileExists(atPath: fake.appendingPathComponent("lp-args").path))
    let saved = try FileManager.default.contentsOfDirectory(
      atPath: home.appendingPathComponent("notices/2026").path)
    XCTAssertEqual(saved.filter { $0.contains("一次性告知书") }.count, 1, "\(saved)")

    // The paper is in: `n` prints it again and the job id is shown first.
    try FileManager.default.removeItem(at: fake.appendingPathComponent("paused"))
    try t.keys("n")
    try t.waitFor("重新生成文书")
    try t.keys("Enter")
    screen = try t.waitFor("已提交打印任务 HALL-8")
    XCTAssertTrue(
      screen.split(separator: "\n").contains { $0.hasPrefix(" 已提交打印任务 HALL-8;一次性告知书") },
      screen)
    let args = try String(
      contentsOf: fake.appendingPathComponent("lp-args"), encoding: .utf8
    ).split(separator: "\n")
    XCTAssertEqual(Array(args.prefix(3)), ["-d", "HALL", "-o"])
    XCTAssertTrue(args.contains("media=A4") && args.contains("page-left=56"), "\(args)")
    try t.keys("F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }
}
