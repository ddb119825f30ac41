import Foundation
import XCTest

@testable import TUI

/// The command table is the one declaration of usage, options and help: `--help`, the man page
/// and the option check all read it.
final class CommandTableTests: XCTestCase {
  func testEveryOptionIsDeclaredWithHelp() {
    for c in CLI.commands {
      for o in c.options {
        XCTAssertFalse(o.help.isEmpty, "\(c.words) \(o.name) has no help line")
      }
    }
    let add = CLI.commands.first { $0.words == ["org", "add"] }
    XCTAssertEqual(
      add?.options.map(\.name), ["--name", "--kind", "--parent", "--credit-code"],
      "read from the usage line")
    XCTAssertEqual(add?.options.first?.value, "NAME")
    let importing = CLI.commands.first { $0.words == ["catalog", "import"] }
    XCTAssertEqual(importing?.options.first?.value, nil, "a bracketed flag takes no value")
  }

  func testTheUsageLineIsWrittenFromTheDeclaration() {
    for c in CLI.commands {
      XCTAssertTrue(c.usage.hasPrefix((["zwfw"] + c.words).joined(separator: " ")), c.usage)
    }
    let export = CLI.commands.first { $0.words == ["stats", "complaints"] }
    XCTAssertEqual(
      export?.usage,
      "zwfw stats complaints [--from DATE] [--to DATE] [--by type|channel|org|month] [--out FILE.csv] [--quiet]"
    )
    let initNode = CLI.commands.first { $0.words == ["init"] }
    XCTAssertTrue(
      initNode?.usage.hasSuffix("| zwfw init --from-enrolment FILE [--group GROUP]") ?? false,
      "another form repeats the command's words")
    XCTAssertEqual(initNode?.options.filter { $0.name == "--group" }.count, 1, "each option once")
    XCTAssertEqual(
      CLI.workstation.usage, "zwfw [--db PATH] [--now YYYY-MM-DDTHH:MM] [--as LOGIN] [--monochrome]"
    )
  }

  func testAValueOfTheWrongTypeIsAUsageErrorInTheOptionsWords() {
    let cases: [([String], String)] = [
      (["catalog", "search", "x", "--limit", "0"], "--limit 应为1至1000的整数"),
      (["audit", "refusals", "--limit", "abc"], "--limit 应为1至10000的整数"),
      (["backup", "--out-dir", "/tmp", "--keep", "1001"], "--keep 应为1至1000的整数"),
      (["stats", "ratings", "--from", "2026-02-30"], "日期「2026-02-30」无效"),
      (["stats", "ontime", "--to", "1999-12-31"], "超出支持范围"),
      (["stats", "ratings", "--by", "month"], "--by 应为 org(按单位)或 item(按事项),不是「month」"),
      (["backup", "--out", "a.db", "--out-dir", "/tmp"], "--out 与 --out-dir 只能用一个"),
      (["sync", "export", "--to", "WXZ", "--out", "a", "--out-dir", "/tmp"], "只能用一个"),
    ]
    for (argv, message) in cases {
      let out = Output(passthrough: false)
      XCTAssertEqual(CLI.run(argv, environment: [:], output: out), 64, argv.joined(separator: " "))
      XCTAssertTrue(out.err.contains(message), out.err)
      XCTAssertTrue(out.err.contains("--help 查看用法"), out.err)
    }
  }

  func testHelpAndManPageShowTheSameCommandsAndOptions() {
    let man = ManPage.text()
    for c in CLI.commands {
      let help = CLI.help(for: c, partial: c.words)
      XCTAssertTrue(help.hasPrefix("用法: \(c.usage)"))
      XCTAssertTrue(man.contains(".B " + ManPage.escape(c.usage) + "\n"), "\(c.words) not in man")
      XCTAssertTrue(man.contains(ManPage.escape(c.summary)), "\(c.words) summary")
      for o in c.options {
        XCTAssertTrue(help.contains(CommandOption.line(o)), "\(c.words) \(o.name) not in --help")
        XCTAssertTrue(man.contains(ManPage.option(o) + "\n" + ManPage.escape(o.help)), o.name)
      }
    }
    for section in ["命令", "窗格", "文件", "环境变量", "退出状态", "部署"] {
      XCTAssertTrue(man.contains(".SH \(section)\n"), section)
    }
    for (pane, _) in PaneRegistry.keymaps {
      XCTAssertTrue(man.contains(".SS " + ManPage.escape(pane)), pane)
    }
  }

  func testTheShippedManPageIsTheGeneratedOne() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("share/man/man1/zwfw.1")
    XCTAssertEqual(
      try String(contentsOf: url, encoding: .utf8), ManPage.text(),
      "share/man/man1/zwfw.1 is stale: zwfw manpage > share/man/man1/zwfw.1")
  }

  func testAnOptionTheCommandDoesNotTakeIsAUsageError() {
    let out = Output(passthrough: false)
    XCTAssertEqual(
      CLI.run(["calendar", "years", "--out", "x.csv"], environment: [:], output: out), 64)
    XCTAssertTrue(out.err.contains("「zwfw calendar years」没有选项 --out"), out.err)
    let flag = Output(passthrough: false)
    XCTAssertEqual(CLI.run(["org", "list", "--create-orgs"], environment: [:], output: flag), 64)
    XCTAssertTrue(flag.err.contains("没有选项 --create-orgs"), flag.err)
    // Options no command declares are unknown to the parser, whatever the command.
    for undeclared in ["--force", "--markdown", "--since", "--json"] {
      let out = Output(passthrough: false)
      XCTAssertEqual(CLI.run(["backup", undeclared], environment: [:], output: out), 64)
      XCTAssertTrue(out.err.contains("未知选项 \(undeclared)"), out.err)
    }
    let stray = Output(passthrough: false)
    XCTAssertEqual(CLI.run(["--out", "x"], environment: [:], output: stray), 64)
    XCTAssertTrue(stray.err.contains("要跟在命令后面"), stray.err)
  }
}
