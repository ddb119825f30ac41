import Domain
import Foundation
import Store

/// `backup` and `restore` (node admins).
enum BackupCommands {
  static let backupAction = Action("node.backup", "备份数据库", roles: [.admin])

  static var all: [Command] {
    [
      Command(
        ["backup"], usage: "zwfw backup --out FILE",
        summary: "备份数据库(VACUUM INTO 并校验完整性)", run: backup),
      Command(
        ["restore"], usage: "zwfw restore BACKUP --db NEWPATH",
        summary: "从备份恢复为新的数据库(节点启用新纪元)", run: restore),
    ]
  }

  static func backup(_ env: CLIEnvironment, _ out: Output) throws {
    let target = try env.arguments.required("--out", "备份文件路径")
    let store = try env.openStore()
    let op = try env.resolveOperator(store)
    if let r = Permission.check(op, backupAction) {
      store.logRefusal(actor: op.login, action: backupAction, subject: nil, reason: r.message)
      throw r
    }
    let events = try store.backup(to: target)
    out.line("已备份到 \(target)(\(events) 个事件,完整性校验通过)")
  }

  static func restore(_ env: CLIEnvironment, _ out: Output) throws {
    let source = try env.arguments.positional(0, "备份文件")
    guard let target = env.arguments.option("--db") else {
      throw UsageError("缺少 --db 新数据库路径(恢复不会覆盖现有文件)")
    }
    let store = try Store.restore(backup: source, to: target, zone: env.zone, clock: env.clock)
    out.line("已从 \(source) 恢复到 \(target);本节点事件来源改为 \(store.node.origin)")
    out.line("办件编号和文号跳过 \(Store.restoreNumberSkip) 个号,备份之后已发出的编号不会重复使用")
    if !store.node.isDistrict {
      out.line("请尽快与区级节点交换同步文件:区级节点持有的本节点备份后的事件会随同步文件送回")
    }
  }
}
