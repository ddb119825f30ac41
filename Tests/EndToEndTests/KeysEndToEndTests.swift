import Foundation
import XCTest

/// Keys as real terminals send them, as raw bytes into the real binary, with a half-typed
/// 投诉建议 registration open: the form must survive every key, and the key must do its job.
final class KeysEndToEndTests: XCTestCase {
  var home: URL!
  var db: String { home.appendingPathComponent("demo.db").path }

  override func setUpWithError() throws {
    home = temporaryDirectory()
    XCTAssertEqual(try Zwfw.demo(db: db, home: home).status, 0)
  }

  /// 陈静 on 投诉建议 with the registration form open and 「路灯」 typed into 标题.
  func registering(term: String) throws -> Tmux {
    let t = try Tmux(
      width: 80, height: 24,
      arguments: ["--db", db, "--now", "2026-11-26T09:30", "--as", "chenjing"], home: home,
      env: ["TERM": term])
    try t.waitFor("投诉建议")
    try t.type(try XCTUnwrap(try t.paneDigit("投诉建议")))
    try t.waitFor("m我的")
    try t.bytes("1b 5b 31 32 7e")  // F2 as PuTTY sends it
    try t.waitFor("登记投诉建议")
    try t.keys("Tab", "Tab", "Tab")
    try t.type("路灯")
    try t.waitFor("路灯")
    return t
  }

  /// The form is still open with the subject as typed.
  func assertFormKept(_ t: Tmux, _ subject: String, line: UInt = #line) throws {
    let s = try t.waitFor(subject, line: line)
    XCTAssertTrue(s.contains("登记投诉建议"), s, line: line)
    XCTAssertFalse(s.contains("已取消"), s, line: line)
  }

  func testPuTTYHomeEndAndF1KeepTheForm() throws {
    let t = try registering(term: "xterm-256color")
    try t.bytes("1b 5b 31 7e")  // Home
    try t.type("修")
    try t.bytes("1b 5b 34 7e")  // End
    try t.type("损坏")
    try assertFormKept(t, "修路灯损坏")
    try t.bytes("1b 5b 31 31 7e")  // F1
    let help = try t.waitFor("帮助: 投诉建议")
    XCTAssertTrue(help.contains("表单"), "help lists the form's keys:\n\(help)")
    try t.keys("Escape")
    try assertFormKept(t, "修路灯损坏")
    // Esc on the changed form asks; n goes back to typing.
    try t.keys("Escape")
    try t.waitFor("放弃本次输入? (y/n)")
    try t.keys("n")
    try t.waitFor("继续录入,内容未丢失")
    try assertFormKept(t, "修路灯损坏")
    try t.keys("Escape")
    try t.waitFor("放弃本次输入? (y/n)")
    try t.keys("y")
    try t.waitFor("已取消,未保存")
    try t.keys("F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }

  func testLinuxConsoleF1AndF5() throws {
    let t = try registering(term: "linux")
    try t.bytes("1b 5b 5b 41")  // F1
    try t.waitFor("帮助: 投诉建议")
    try t.keys("Escape")
    try assertFormKept(t, "路灯")
    try t.bytes("1b 5b 5b 45")  // F5: save, refused for the empty required fields
    try t.waitFor("必填")
    try assertFormKept(t, "路灯")
    try t.bytes("1b 5b 32 31 7e")  // F10 asks, the form has input
    try t.waitFor("有未保存的输入,确定退出吗?")
    try t.keys("y")
    XCTAssertEqual(t.exitStatus(), 0)
  }

  /// `TERM=vt100` names no PgDn or Home; PuTTY still sends them. PgDn and Home must not cancel
  /// the form or type digits (a `6` used to jump to 工作日历), and F10 asks before quitting.
  func testVT100WithPuTTYKeys() throws {
    let t = try registering(term: "vt100")
    try t.bytes("1b 5b 36 7e")  // PgDn
    try t.bytes("1b 5b 31 7e")  // Home
    try t.type("修")
    try assertFormKept(t, "修路灯")
    try t.bytes("1b 5b 32 31 7e")  // F10
    try t.waitFor("有未保存的输入,确定退出吗?")
    try t.keys("y")
    XCTAssertEqual(t.exitStatus(), 0)
  }

  func testUnknownSequencesAreIgnoredAndEscDigitIsAFunctionKey() throws {
    let t = try registering(term: "xterm-256color")
    try t.bytes("1b 5b 39 39 7e")  // no key of any terminal
    try t.bytes("1b 5b 3f 31 3b 32 63")  // a terminal's reply
    try t.bytes("1b 5b 31 3b 35 58")  // a modified key nobody binds
    try t.type("损坏")
    try assertFormKept(t, "路灯损坏")
    try t.bytes("1b 31")  // Esc 1 = F1
    try t.waitFor("帮助: 投诉建议")
    try t.keys("Escape")
    try assertFormKept(t, "路灯损坏")
    try t.bytes("1b 35")  // Esc 5 = F5
    try t.waitFor("必填")
    try assertFormKept(t, "路灯损坏")
    try t.bytes("1b 30")  // Esc 0 = F10
    try t.waitFor("有未保存的输入,确定退出吗?")
    try t.keys("y")
    XCTAssertEqual(t.exitStatus(), 0)
  }

  func testAPastedLineBreakIsTextNotEnter() throws {
    let t = try registering(term: "xterm-256color")
    try t.bytes("1b 5b 32 30 30 7e e6 8d 9f 0d 31 1b 5b 32 30 31 7e")  // paste 「损\r1」
    try assertFormKept(t, "路灯损 1")
    try t.keys("F10")
    try t.waitFor("有未保存的输入,确定退出吗?")
    try t.keys("y")
    XCTAssertEqual(t.exitStatus(), 0)
  }

  /// `TERM=dumb` and a type terminfo does not know: one Chinese line, exit 1, nothing drawn.
  func testTerminalsThatCannotWorkAreToldSoInChinese() throws {
    for (term, why) in [("dumb", "不能移动光标"), ("putty-unknown", "终端数据库(terminfo)中不存在")] {
      let t = try Tmux(
        width: 80, height: 24, arguments: ["--db", db, "--now", "2026-11-26T09:30"], home: home,
        env: ["TERM": term])
      try t.waitFor("TERM=\(term)")
      let s = try t.tmux(["capture-pane", "-p", "-J", "-t", "main"])  // the long line joined
      XCTAssertTrue(s.contains(why), s)
      XCTAssertTrue(s.contains("export TERM=xterm-256color"), s)
      XCTAssertFalse(s.contains("投诉建议"), "the workstation never drew:\n\(s)")
      XCTAssertEqual(t.exitStatus(), 1)
    }
  }

  /// A locale named but not installed is called that, and the advice is not the value already set.
  func testALocaleThatIsNotInstalledIsNamed() throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/locale")
    p.arguments = ["-a"]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let listed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    if listed.lowercased().contains("zh_cn.utf") { throw XCTSkip("zh_CN.UTF-8 is installed here") }
    let r = try Zwfw.run(
      ["--db", db], home: home, extraEnv: ["LANG": "zh_CN.UTF-8", "TERM": "xterm-256color"])
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.err.contains("LANG=zh_CN.UTF-8 在本机没有安装"), r.err)
    XCTAssertTrue(r.err.contains("export LANG=C.UTF-8 再启动"), r.err)
  }
}
