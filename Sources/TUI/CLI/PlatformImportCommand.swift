import Domain
import Foundation
import Store

/// `applications import`: 网上申请 the provincial platform hands over, without retyping
/// (第十六条; reference: `share/zwfw/gbt39046.md`, section 7).
enum PlatformImportCommand {
  static var all: [Command] {
    [
      Command(
        ["applications", "import"], "FILE.csv", .optional(.quiet),
        summary:
          "导入省平台推送的网上申请(GB/T 39046 表5 办事申请,CSV):每行登记为待网上预审的网上申请,预审时限从申请时间起算,保留平台办件编号;已有的办件编号跳过;有一行不对则全部不导入",
        run: run)
    ]
  }

  static func run(_ env: CLIEnvironment, _ out: Output) throws {
    let path = try env.arguments.positional(0, "办事申请文件 applications.csv")
    guard let data = FileManager.default.contents(atPath: path) else {
      throw StoreError.invalid("无法读取文件 \(path)")
    }
    let store = try env.openStore()
    let summary = try store.importPlatformApplications(
      data, file: (path as NSString).lastPathComponent, items: store,
      by: try env.resolveOperator(store), progress: env.reporter)
    for s in summary.skipped {
      out.line("第\(s.line)行 跳过: 平台办件编号 \(s.number) 已登记为 \(s.caseID)")
    }
    out.line(
      "已导入 \(path): 登记网上申请 \(summary.registered.count) 件,跳过 \(summary.skipped.count) 件(办件编号已有)")
    if let first = summary.registered.first, let last = summary.registered.last {
      out.line(
        "本系统办件编号 \(first.caseID)\(first.caseID == last.caseID ? "" : " 至 \(last.caseID)"),待网上预审(受理登记「网上预审」)"
      )
    }
  }
}
