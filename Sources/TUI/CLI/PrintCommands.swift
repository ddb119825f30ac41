import Domain
import Foundation
import Store

/// `notices test-print`, `notices check`: whether this node's printer prints notices whole.
enum PrintCommands {
  static var all: [Command] {
    [
      Command(
        ["notices", "test-print"], summary: "向本节点打印机发送一张测试页(66列宽、A4、边距),显示 CUPS 任务号或未打印的原因",
        run: testPrint),
      Command(
        ["notices", "check"], summary: "检查打印所需: lp(cups-client)、打印机状态、中文字体(fonts-arphic-uming)",
        run: check),
    ]
  }

  /// The configured printer, or a usage error saying how to set one.
  static func printer(_ store: Store) throws -> String {
    guard let p = try store.noticeSettings().printer else {
      throw UsageError("本节点未设置打印机,请先运行 zwfw notices set --printer NAME")
    }
    return p
  }

  static func testPrint(_ env: CLIEnvironment, _ out: Output) throws {
    let store = try env.openStore()
    let name = try printer(store)
    let page = try TestPage.text(
      node: store.node.name, printer: name, on: env.zone.civilDate(env.clock()))
    let outcome = CUPSClient().print(text: page, on: name, title: "zwfw 打印测试页")
    guard outcome.isSubmitted else { throw Refusal(outcome.detail) }
    out.line(outcome.detail)
  }

  static func check(_ env: CLIEnvironment, _ out: Output) throws {
    let store = try env.openStore()
    let lines = PrintingCheck.run(printer: try printer(store))
    for l in lines {
      out.line(l.ok ? "✔ \(l.text)" : "✘ \(l.text)" + (l.fix.map { " — 修复: \($0)" } ?? ""))
    }
    if lines.contains(where: { !$0.ok }) { throw Refusal("打印检查未通过,见上") }
  }
}

/// 打印测试页 — a page laid out like a notice, with a full-width line of Chinese and of digits:
/// both print whole, between margins, when the printer, the paper and the font are right.
enum TestPage {
  static let template = """
    ^{{节点}}
    ^打印测试页
    ^{{日期}}

        本页检查文书打印:每行最多66列(33个汉字),A4纸,四周约2厘米边距。下面两行应完整印出、右端对齐:

    一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三
    123456789012345678901234567890123456789012345678901234567890123456

        汉字印成方框:请安装字体 fonts-arphic-uming。右侧文字缺失:请检查纸张是否为A4。

    >打印机 {{打印机}}
    """

  static func text(node: String, printer: String, on day: CivilDate) throws -> String {
    let values = ["节点": node, "日期": NoticeTemplate.chineseDate(day), "打印机": printer]
    switch NoticeLayout.lay(template, values: values) {
    case .success(let t): return t
    case .failure(let p): throw Refusal(p.message)
    }
  }
}
