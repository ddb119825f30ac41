import Domain
import Foundation
import Store

/// `export gbt39046`: the district's data of a period as the GB/T 39046 data sets the province
/// takes (reference: `share/zwfw/gbt39046.md`).
enum NationalExportCommand {
  static var all: [Command] {
    [
      Command(
        ["export", "gbt39046"], .option(.date("--from", "起始日期(含,如 2026-10-01)")),
        .option(.date("--to", "截止日期(含)")),
        .option(.text("--out-dir", "DIR", "新目录(不存在则创建;已有内容的目录拒绝)")), .optional(.quiet),
        summary: "按 GB/T 39046—2020 导出上报省平台的数据集(每个数据集一个CSV,另有 manifest.csv;区级节点,系统管理员或督办)", run: run
      )
    ]
  }

  static func run(_ env: CLIEnvironment, _ out: Output) throws {
    let a = env.arguments
    let from = try OptionValue.date(try a.required("--from", "起始日期"))
    let to = try OptionValue.date(try a.required("--to", "截止日期"))
    let dir = try a.required("--out-dir", "导出目录")
    if from > to { throw UsageError("--from \(from.iso) 晚于 --to \(to.iso)") }
    let store = try env.openStore()
    let summary = try store.exportNational(
      from: from, to: to, directory: dir, by: try env.resolveOperator(store),
      progress: env.reporter)
    out.line("已导出 \(from.iso) 至 \(to.iso) 的上报数据到 \(summary.directory):")
    for f in summary.files { out.line("  \(f.name)\t\(f.rows) 行") }
  }
}
