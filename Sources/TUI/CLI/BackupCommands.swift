import Domain
import Foundation
import Store

/// `backup` and `restore` (node admins).
enum BackupCommands {
  static let backupAction = Action("node.backup", "备份数据库", roles: [.admin])

  static var all: [Command] {
    [
      Command(
        ["backup"], .option(.text("--out", "FILE", "备份文件(不覆盖已有文件)")), .or,
        .option(.text("--out-dir", "DIR", "写入该目录,文件名为 zwfw-backup-节点-日期-时间.db")),
        .optional(.integer("--keep", 1...1000, "只保留该目录中本节点最近的 N 份备份(1至1000)")), .optional(.quiet),
        summary: "备份数据库(VACUUM INTO 并校验完整性;--out-dir 按时间命名并只保留最近 N 份,可定时运行)", run: backup),
      Command(
        ["restore"], "BACKUP", .option(.text("--db", "NEWPATH", "恢复出的新数据库文件(不得已存在)")),
        .optional(.quiet),
        summary: "从备份恢复为新的数据库(节点启用新纪元)", run: restore),
    ]
  }

  static func backup(_ env: CLIEnvironment, _ out: Output) throws {
    let a = env.arguments
    let dir = a.option("--out-dir")
    let keep = a.int("--keep")
    if keep != nil && dir == nil { throw UsageError("--keep 只能与 --out-dir 一起用") }
    let named = dir == nil ? try a.required("--out", "备份文件路径(或 --out-dir 目录)") : nil
    let store = try env.openStore()
    let op = try env.resolveOperator(store)
    if let r = Permission.check(op, backupAction) {
      store.logRefusal(actor: op.login, action: backupAction, subject: nil, reason: r.message)
      throw r
    }
    let folder = dir.map { BackupFolder(path: $0, node: store.node.code) }
    let target =
      named ?? (dir ?? "") + "/" + (folder?.fileName(at: store.now, zone: store.zone) ?? "")
    try env.checkConfined(target)
    let events = try store.backup(to: target, progress: env.reporter)
    out.line("已备份到 \(target)(\(events) 个事件,完整性校验通过)")
    if let folder, let keep {
      let removed = try folder.rotate(keep: keep)
      if !removed.isEmpty {
        out.line("已删除较早的 \(removed.count) 份备份,保留最近 \(keep) 份")
      }
    }
  }

  static func restore(_ env: CLIEnvironment, _ out: Output) throws {
    let source = try env.arguments.positional(0, "备份文件")
    guard let target = env.arguments.option("--db") else {
      throw UsageError("缺少 --db 新数据库路径(恢复不会覆盖现有文件)")
    }
    let store = try Store.restore(
      backup: source, to: target, zone: env.zone, clock: env.clock, progress: env.reporter)
    if Privilege.isElevated { try NodeDirectory.shareFile(target) }
    out.line("已从 \(source) 恢复到 \(target);本节点事件来源改为 \(store.node.origin)")
    out.line("办件编号和文号跳过 \(Store.restoreNumberSkip) 个号,备份之后已发出的编号不会重复使用")
    if !store.node.isDistrict {
      out.line("请尽快与区级节点交换同步文件:区级节点持有的本节点备份后的事件会随同步文件送回")
    }
  }
}
