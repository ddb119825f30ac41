import Domain
import Foundation
import Store

/// What the administrator must keep doing: next year's holidays, backups, bundles.
enum RoutineChecks {
  static var all: [DoctorCheck] { [holidays, backup, bundles] }

  static let holidays = DoctorCheck("节假日安排") { c in
    let store = try c.store()
    let today = store.today
    let next = today.year + 1
    guard today.month >= 11 else { return .pass("\(today.year) 年已导入,\(next) 年于 11 月 1 日起检查") }
    if store.missingCalendarYears().contains(next) {
      return .fail(
        "已过 11 月 1 日,\(next) 年节假日安排尚未导入",
        fix: "国务院办公厅通知发布后: zwfw calendar import \(next).tsv(格式同 share/zwfw/holidays.tsv)")
    }
    return .pass("\(next) 年已导入")
  }

  /// Backups older than this are a failed cron job.
  static let backupAge: TimeInterval = 2 * 86_400

  static let backup = DoctorCheck("备份") { c in
    let store = try c.store()
    let folder = BackupFolder(path: c.backupDirectory, node: store.node.code)
    guard let newest = folder.newest() else {
      return .fail(
        "\(c.backupDirectory) 中没有本节点的备份",
        fix: "zwfw backup --out-dir \(c.backupDirectory) --keep 30,并加入 cron(见 README 上线)")
    }
    let age = store.now.timeIntervalSince(newest)
    let text = "最近一份 \(DoctorCheck.age(age))前(\(c.backupDirectory))"
    guard age <= backupAge else {
      return .fail(text, fix: "检查备份定时任务: zwfw backup --out-dir \(c.backupDirectory) --keep 30")
    }
    return .pass(text)
  }

  /// A peer not heard from, or not sent to, for longer than this is a stalled exchange.
  static let bundleAge: TimeInterval = 7 * 86_400

  static let bundles = DoctorCheck("同步") { c in
    let store = try c.store()
    let peers = try store.syncOverview().peers.filter { $0.code != store.node.code }
    guard !peers.isEmpty else { return .pass("尚无对端节点") }
    var stale: [String] = []
    var parts: [String] = []
    for p in peers {
      let sent =
        p.lastExport.map { DoctorCheck.age(store.now.timeIntervalSince($0.at)) + "前" } ?? "从未"
      let got =
        p.lastImport.map { DoctorCheck.age(store.now.timeIntervalSince($0.at)) + "前" } ?? "从未"
      parts.append("\(p.code) 发出\(sent)、收到\(got)")
      let old = [p.lastExport, p.lastImport].contains {
        $0.map { store.now.timeIntervalSince($0.at) > bundleAge } ?? true
      }
      if old { stale.append(p.code) }
    }
    let text = parts.joined(separator: ";")
    guard stale.isEmpty else {
      return .fail(
        text,
        fix:
          "与 \(stale.joined(separator: "、")) 交换同步文件(zwfw sync export --to 节点 --out-dir 目录;对方 zwfw sync import)"
      )
    }
    return .pass(text)
  }
}
